/**
 * Korean that reads as written by a person: one term per concept everywhere (captions, cards,
 * glossary, UI, stage words), particles chosen for the word (never the "을(를)" fallback), counts
 * phrased in Korean (never "파드 6/2개").
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appTextFiles } from '../../build/app-glyphs.ts';
import { fillPlaceholders } from '../../src/ui/i18n.ts';
import { appStrings } from './lib/app-strings.ts';

/** Concept -> the one Korean term the app uses, and the variants it must not use. */
const TERMS: readonly { readonly concept: string; readonly term: string; readonly banned: readonly RegExp[] }[] = [
  // Titles and captions say 정적 파드; kubernetes.io/ko says 스태틱 파드, so the glossary adds "(static pod)".
  { concept: 'static pod', term: '정적 파드', banned: [/스태틱\s*파드/] },
  { concept: 'ReplicaSet', term: '레플리카셋', banned: [/레플리카 셋/, /리플리카\s*셋/] },
  { concept: 'DaemonSet', term: '데몬셋', banned: [/데몬 셋/] },
  { concept: 'control plane', term: '컨트롤 플레인', banned: [/컨트롤플레인/, /제어\s*평면/] },
  // "cordon됨" beside a chip's "코든됨" read as two words (reviewer); "언코든" is no Korean word.
  { concept: 'cordon', term: '코든', banned: [/코돈/, /코드온/, /cordon[\uAC00-\uD7A3]/, /언코든/] },
  { concept: 'mirror pod', term: '미러 파드', banned: [/미러(?=[을를에가이은는의])/] },
  { concept: 'eviction', term: '축출', banned: [/퇴거/] },
  { concept: 'namespace', term: '네임스페이스', banned: [/이름\s*공간/] },
  { concept: 'scheduler', term: '스케줄러', banned: [/스케쥴/] },
  { concept: 'readiness probe', term: '레디니스 프로브', banned: [/준비성\s*프로브/] },
  { concept: 'node lifecycle controller', term: '노드 라이프사이클', banned: [/노드\s*수명\s*주기/] },
  { concept: 'EndpointSlice', term: '엔드포인트슬라이스', banned: [/엔드포인트 슬라이스/] },
];

/** The particle a writer adds when unsure of the word's sound. */
const FALLBACK = /(이\(가\)|을\(를\)|은\(는\)|와\(과\)|\(으\)로|\((이|가|을|를|은|는|와|과)\))/;
/** "파드 6/2개": a ratio with a counter does not read as Korean. */
const RATIO_COUNT = /\d+\s*\/\s*\d+\s*개/;

describe('Korean text', () => {
  const strings = appStrings();

  it('covers the app: tables, every scenario caption and activity line', () => {
    expect(strings.some((s) => s.where.startsWith('glossary'))).toBe(true);
    expect(strings.some((s) => s.where.startsWith('info card'))).toBe(true);
    expect(strings.filter((s) => / step \d+$/.test(s.where)).length).toBeGreaterThan(100);
  });

  it('uses one term per concept', () => {
    const found: string[] = [];
    for (const s of strings)
      for (const t of TERMS) for (const b of t.banned) if (b.test(s.ko)) found.push(`${s.where}: "${b.source}" for ${t.concept} (use ${t.term}) in: ${s.ko}`);
    expect(found).toEqual([]);
  });

  it('uses one term per concept in every source file too (stage words live there)', () => {
    const found: string[] = [];
    for (const file of appTextFiles(process.cwd())) {
      const text = readFileSync(file, 'utf8');
      for (const t of TERMS) for (const b of t.banned) if (b.test(text)) found.push(`${relative(process.cwd(), file)}: ${b.source} (use ${t.term})`);
    }
    expect(found).toEqual([]);
  });

  it('never falls back to 이(가), 을(를), 은(는), 와(과), (으)로', () => {
    expect(strings.filter((s) => FALLBACK.test(s.ko)).map((s) => `${s.where}: ${s.ko}`)).toEqual([]);
  });

  it('phrases counts in Korean, not as "6/2개"', () => {
    expect(strings.filter((s) => RATIO_COUNT.test(s.ko)).map((s) => `${s.where}: ${s.ko}`)).toEqual([]);
  });

  it('the term check fails on a banned variant (the check itself works)', () => {
    const bad = '스태틱 파드를 지웁니다';
    expect(TERMS.some((t) => t.banned.some((b) => b.test(bad)))).toBe(true);
    expect(FALLBACK.test('worker-2을(를) 거릅니다')).toBe(true);
    expect(RATIO_COUNT.test('파드 6/2개')).toBe(true);
  });

  it('UI templates take the particle of the value they are filled with', () => {
    const tpl = '대신 “{fallback}”{fallback:을/를} 보여 드립니다. {v}{v:은/는} {n}{n:으로/로}';
    expect(fillPlaceholders(tpl, { fallback: 'pod-creation', v: '1.29', n: 3 })).toBe('대신 “pod-creation”을 보여 드립니다. 1.29는 3으로');
    expect(fillPlaceholders(tpl, { fallback: 'node-drain', v: '1.30', n: 2 })).toBe('대신 “node-drain”을 보여 드립니다. 1.30은 2로');
  });
});
