/**
 * Text patterns in a scenario file, as scenes/lib/match.ts has them: an exact string, or a
 * regular expression written `/.../flags` (flags from i, m, s, u). Pure.
 */
import { STORY_LIMITS } from './limits.ts';

export type TextPattern = string | RegExp;

const REGEX = /^\/(.*)\/([imsu]*)$/s;

/** Whether the text is written as a `/regex/`. */
export const looksLikeRegex = (text: string): boolean => REGEX.test(text);

/** The pattern, or the reason it is not one (the regex does not compile, or is too long). */
export function toPattern(text: string): { readonly ok: true; readonly pattern: TextPattern } | { readonly ok: false; readonly reason: { readonly en: string; readonly ko: string } } {
  const m = REGEX.exec(text);
  if (m === null) return { ok: true, pattern: text };
  const source = m[1] ?? '';
  if (source.length > STORY_LIMITS.patternChars) {
    return { ok: false, reason: { en: `a regular expression may have at most ${STORY_LIMITS.patternChars} characters`, ko: `정규 표현식은 ${STORY_LIMITS.patternChars}자를 넘을 수 없습니다` } };
  }
  try {
    return { ok: true, pattern: new RegExp(source, m[2] ?? '') };
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^Invalid regular expression: /, '') : String(e);
    return { ok: false, reason: { en: `not a valid regular expression: ${why}`, ko: `올바른 정규 표현식이 아닙니다: ${why}` } };
  }
}

/** Whether a value fits: absent patterns fit anything, as in scenes/lib/match.ts. */
export function fits(pattern: TextPattern | undefined, value: string | undefined): boolean {
  if (pattern === undefined) return true;
  if (value === undefined) return false;
  return typeof pattern === 'string' ? value === pattern : pattern.test(value);
}
