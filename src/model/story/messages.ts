/**
 * zod issues as a person would say them, in English and Korean. A union of one-key objects (a
 * condition, a cue's `when`) reports the branch the file meant: the one that got deepest.
 */
import type { z } from 'zod';
import { shownValue } from '../shown-value.ts';
import { withParticle } from '../josa.ts';
import { koreanOf, type Words } from './bilingual.ts';

type Issue = z.core.$ZodIssue;

export interface PlacedIssue {
  readonly path: readonly PropertyKey[];
  readonly message: Words;
  /** The problem is an unknown key: its position is the key's, not the value's. */
  readonly unknownKey?: string;
}

const TYPE_KO: Readonly<Record<string, string>> = { string: '문자열', number: '숫자', boolean: 'true/false 값', object: '객체', array: '목록', int: '정수', null: 'null' };
const typeKo = (t: string): string => TYPE_KO[t] ?? t;
const typeEn = (t: string): string => (t === 'object' ? 'an object (key: value)' : t === 'array' ? 'a list' : t === 'int' ? 'a whole number' : `a ${t}`);

const received = (input: unknown): Words => {
  const en = shownValue(input);
  return { en, ko: en === 'a list' ? '목록' : en === 'an object' ? '객체' : en };
};

function sizeWords(issue: Extract<Issue, { code: 'too_big' | 'too_small' }>): Words {
  const big = issue.code === 'too_big';
  const limit = String(big ? issue.maximum : issue.minimum);
  switch (issue.origin) {
    case 'string':
      return big ? { en: `too long: at most ${limit} characters`, ko: `너무 깁니다: ${limit}자 이하여야 합니다` } : { en: limit === '1' ? 'must not be empty' : `too short: at least ${limit} characters`, ko: limit === '1' ? '비어 있으면 안 됩니다' : `너무 짧습니다: ${limit}자 이상이어야 합니다` };
    case 'array':
    case 'set':
      return big ? { en: `too many: at most ${limit}`, ko: `너무 많습니다: 최대 ${limit}개입니다` } : { en: limit === '1' ? 'needs at least one entry' : `needs at least ${limit} entries`, ko: limit === '1' ? '하나 이상 있어야 합니다' : `${limit}개 이상 있어야 합니다` };
    default:
      return big ? { en: `must be at most ${limit}`, ko: `${limit} 이하여야 합니다` } : { en: `must be at least ${limit}`, ko: `${limit} 이상이어야 합니다` };
  }
}

function branchDepth(issues: readonly Issue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length + (i.code === 'invalid_union' ? 1 : 0)));
}

/** The branch of a failed union the writer most likely meant, or a "one of these keys" message. */
function unionIssue(issue: Extract<Issue, { code: 'invalid_union' }>, base: readonly PropertyKey[]): PlacedIssue {
  const branches = issue.errors;
  const clean = branches.filter((b) => !b.some((i) => i.code === 'unrecognized_keys' && i.path.length === 0));
  const pool = clean.length > 0 ? clean : [];
  if (pool.length === 0) {
    // Every branch rejects a key: the object names none of the known shapes.
    const keys = branches.flatMap((b) => b.filter((i) => i.path.length === 1 && i.code !== 'unrecognized_keys').map((i) => String(i.path[0])));
    const known = [...new Set(keys)];
    if (known.length > 0) {
      const list = known.join(', ');
      return { path: base, message: { en: `expected one of the keys ${list}`, ko: `다음 키 중 하나여야 합니다: ${list}` } };
    }
    const first = branches[0]?.[0];
    return first === undefined ? { path: base, message: { en: 'not any of the accepted forms', ko: '허용되는 형태가 아닙니다' } } : placeIssue(first, base);
  }
  const best = pool.reduce((a, b) => (branchDepth(b) > branchDepth(a) ? b : a));
  const first = [...best].sort((a, b) => b.path.length - a.path.length)[0];
  if (first === undefined) return { path: base, message: { en: 'not any of the accepted forms', ko: '허용되는 형태가 아닙니다' } };
  return placeIssue(first, base);
}

/** One issue, with its full path from the file's root and its message in both languages. */
export function placeIssue(issue: Issue, base: readonly PropertyKey[] = []): PlacedIssue {
  const path = [...base, ...issue.path];
  switch (issue.code) {
    case 'invalid_union':
      return unionIssue(issue, path);
    case 'invalid_type': {
      if (issue.input === undefined) return { path, message: { en: 'required field is missing', ko: '꼭 있어야 하는 필드가 없습니다' } };
      const got = received(issue.input);
      return { path, message: { en: `expected ${typeEn(issue.expected)}, got ${got.en}`, ko: `${withParticle(typeKo(issue.expected), '이/가')} 와야 하는데 ${got.ko}입니다` } };
    }
    case 'unrecognized_keys': {
      const key = issue.keys[0] ?? '';
      return { path, unknownKey: key, message: { en: `unknown field ${shownValue(key)}`, ko: `알 수 없는 필드 ${shownValue(key)}입니다` } };
    }
    case 'invalid_value': {
      const list = issue.values.map((v) => shownValue(v)).join(', ');
      return issue.values.length === 1
        ? { path, message: { en: `must be ${list}`, ko: `${list} 값이어야 합니다` } }
        : { path, message: { en: `must be one of ${list}`, ko: `다음 중 하나여야 합니다: ${list}` } };
    }
    case 'too_big':
    case 'too_small':
      return { path, message: sizeWords(issue) };
    case 'invalid_format':
      return { path, message: { en: issue.message, ko: koreanOf(issue.message) ?? `형식이 맞지 않습니다 (${issue.format})` } };
    case 'custom': {
      const ko = issue.params?.ko;
      return { path, message: { en: issue.message, ko: typeof ko === 'string' ? ko : (koreanOf(issue.message) ?? issue.message) } };
    }
    case 'invalid_key':
      return issue.issues[0] === undefined ? { path, message: { en: 'invalid key', ko: '잘못된 키입니다' } } : { ...placeIssue(issue.issues[0], path), unknownKey: String(issue.path.at(-1) ?? '') };
    case 'invalid_element':
      return issue.issues[0] === undefined ? { path, message: { en: 'invalid entry', ko: '잘못된 항목입니다' } } : placeIssue(issue.issues[0], path);
    default:
      return { path, message: { en: issue.message, ko: issue.message } };
  }
}
