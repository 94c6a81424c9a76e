/**
 * Strings only the embed shows, in both languages (the rest comes from src/ui/i18n.ts).
 */
import type { Lang, Localized } from '../model/localized.ts';
import { fillPlaceholders, t as uiText, type TextVars } from '../ui/i18n.ts';
import type { EmbedIssue, EmbedIssueKey } from './params.ts';
import { problemLines } from '../ui/story/file-problem.ts';

const STRINGS = {
  pressToStart: { en: 'Press to start', ko: '눌러서 시작' },
  embedNotice: { en: 'This embed’s link needed a small fix', ko: '임베드 링크를 조금 고쳐서 열었습니다' },
  badControls: { en: 'Unknown controls “{value}”; use full, minimal or none.', ko: '알 수 없는 controls “{value}”입니다. full, minimal, none 중 하나를 쓰세요.' },
  badSpeed: { en: 'Speed “{value}” is not offered (0.25, 0.5, 1, 1.5, 2, 4); using 1×.', ko: '속도 “{value}”{value:은/는} 지원하지 않습니다(0.25, 0.5, 1, 1.5, 2, 4). 대신 1배속으로 재생합니다.' },
  badFlag: { en: '{name} = “{value}” is not valid; use {name}, {name}=1 or {name}=0.', ko: '{name} = “{value}” 값이 올바르지 않습니다. {name}, {name}=1, {name}=0 중 하나를 쓰세요.' },
  unknownScenario: { en: 'There is no scenario called “{value}”. Showing “{fallback}” instead.', ko: '“{value}”라는 시나리오는 없습니다. 대신 “{fallback}”{fallback:을/를} 보여 드립니다.' },
  badKeys: { en: 'Unknown keys “{value}”; use host or embed.', ko: '알 수 없는 keys “{value}”입니다. host 또는 embed를 쓰세요.' },
  badOrigins: {
    en: 'Some origins in “{value}” are not valid (use https://host:port, comma-separated); they cannot control this embed.',
    ko: '“{value}” 중 올바르지 않은 origin이 있습니다(https://host:port, 쉼표로 구분). 그 origin은 이 임베드를 제어할 수 없습니다.',
  },
  emptyOrigins: {
    en: 'origins is empty, so no page may control this embed; name the allowed origins, or use origins=* to allow any.',
    ko: 'origins가 비어 있어 어떤 페이지도 이 임베드를 제어할 수 없습니다. 허용할 origin을 적거나, 모두 허용하려면 origins=*를 쓰세요.',
  },
  nullOrigin: {
    en: 'origins includes null: any page opened from a file and any sandboxed frame may control this embed.',
    ko: 'origins에 null이 있어 파일로 연 모든 페이지와 샌드박스된 모든 프레임이 이 임베드를 제어할 수 있습니다.',
  },
} as const satisfies Record<string, Localized>;

export type EmbedStringKey = keyof typeof STRINGS;

/** Every embed string (tests check their words and glyphs). */
export const EMBED_STRINGS: Readonly<Record<EmbedStringKey, Localized>> = STRINGS;

export function embedText(lang: Lang, key: EmbedStringKey, vars: TextVars = {}): string {
  return fillPlaceholders(STRINGS[key][lang], vars);
}

/** An issue with the embed's link, in `lang`; `fallback` names the scenario shown instead of an unknown one. */
export function issueText(lang: Lang, issue: EmbedIssue, fallback: string): string {
  return issueLines(lang, issue, fallback).join(' ');
}

/** The notice's lines for an issue: one, or a file's errors one a line (then what shows instead). */
export function issueLines(lang: Lang, issue: EmbedIssue, fallback: string): string[] {
  if (issue.source === 'file') return [...problemLines(issue.problem, lang), uiText(lang, 'fileFallback', { fallback })];
  return [oneIssue(lang, issue, fallback)];
}

function oneIssue(lang: Lang, issue: Exclude<EmbedIssue, { source: 'file' }>, fallback: string): string {
  if (issue.source === 'embed') return embedText(lang, issue.key satisfies EmbedIssueKey, issue.vars);
  const { key, vars } = issue.issue;
  // The app's wording points at its picker; the embed has none.
  if (key === 'unknownScenario') return embedText(lang, 'unknownScenario', { ...vars, fallback });
  return uiText(lang, key, vars);
}
