/**
 * Noto Sans KR's stylesheets declare 124 @font-face rules per weight (~90 KB each): parsing them
 * and resolving their unicode-ranges held the first frame ~30-60 ms, though an English page draws
 * from 4 of them. `400.css?faces=first` is the faces that draw the app's non-Hangul characters,
 * in the page's first stylesheet; `400.css?faces=rest` the others, in a stylesheet loaded when
 * Hangul (or another character only they hold) is to be drawn, or after the first frame
 * (src/render/rest-faces.ts).
 *
 * A browser draws a character with the last declared face whose range holds it, and the numbered
 * Korean subsets also list ASCII and punctuation: with the rest appended after the first, they
 * would win over the Latin face. So every face's unicode-range is cut to the characters it wins
 * in the original order; no two faces overlap, and the order the two stylesheets arrive in draws
 * nothing differently.
 */
import type { Plugin } from 'vite';
import { appGlyphs, appTextFiles } from './app-glyphs.ts';
import { parseUnicodeRange } from './font-faces.ts';

type Range = readonly [number, number];
export type FacesPart = 'first' | 'rest';

const FACE = /@font-face\s*\{[^}]*\}/g;
const RANGE = /unicode-range:\s*([^;}]+)/;
/** Hangul syllables, jamo and compatibility jamo: only a Korean page draws them. */
const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]/u;

/** `ranges` without what `covered` holds (both sorted, non-overlapping). */
function subtract(ranges: readonly Range[], covered: readonly Range[]): Range[] {
  const out: Range[] = [];
  for (const [lo, hi] of ranges) {
    let from = lo;
    for (const [a, b] of covered) {
      if (b < from || a > hi) continue;
      if (a > from) out.push([from, a - 1]);
      from = Math.max(from, b + 1);
      if (from > hi) break;
    }
    if (from <= hi) out.push([from, hi]);
  }
  return out;
}

/** The union of two sets of ranges, sorted and merged. */
function union(a: readonly Range[], b: readonly Range[]): Range[] {
  const all = [...a, ...b].sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [lo, hi] of all) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

const sorted = (ranges: readonly Range[]): Range[] => union(ranges, []);
const hex = (cp: number): string => cp.toString(16).toUpperCase().padStart(4, '0');
const cssRange = (ranges: readonly Range[]): string => ranges.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');

/**
 * One part of a stylesheet of unicode-range faces: `first` holds each face that draws one of
 * `firstChars` (the last declared holding it), `rest` the others; each face's range cut to the
 * code points it draws in the original order (a face left with none is dropped). A face without a
 * unicode-range (it covers everything) stays in `first`, unchanged, and ends the cutting.
 */
export function facesPart(css: string, firstChars: Iterable<number>, part: FacesPart): string {
  const faces = [...css.matchAll(FACE)].map((m) => m[0]);
  // From the last declared back: each face draws what no later face holds.
  let covered: Range[] = [];
  const drawn = new Map<number, Range[] | undefined>();
  for (let i = faces.length - 1; i >= 0; i--) {
    const range = RANGE.exec(faces[i] ?? '')?.[1];
    if (range === undefined) {
      drawn.set(i, undefined);
      covered = [[0, 0x10ffff]];
      continue;
    }
    const own = sorted(parseUnicodeRange(range));
    drawn.set(i, subtract(own, covered));
    covered = union(covered, own);
  }
  const wanted = [...new Set(firstChars)];
  const isFirst = (i: number): boolean => {
    const ranges = drawn.get(i);
    return ranges === undefined || wanted.some((cp) => ranges.some(([a, b]) => cp >= a && cp <= b));
  };
  // The font's own comments name each face; the faces are renamed by their ranges now.
  const rules = css.replace(FACE, '').replace(/\/\*[\s\S]*?\*\//g, '').trim();
  const kept: string[] = [];
  faces.forEach((face, i) => {
    if (isFirst(i) !== (part === 'first')) return;
    const ranges = drawn.get(i);
    if (ranges === undefined) kept.push(face);
    else if (ranges.length > 0) kept.push(face.replace(RANGE, `unicode-range: ${cssRange(ranges)}`));
  });
  return `${rules === '' ? '' : `${rules}\n`}${kept.join('\n')}\n`;
}

/** The app's characters an English page can draw (no Hangul): the first part's. */
export function firstPageChars(root: string): number[] {
  return [...appGlyphs(appTextFiles(root))].filter((c) => !HANGUL.test(c)).map((c) => c.codePointAt(0) ?? 0);
}

const PART = /[\\/]@fontsource[\\/][^?]*\.css\?faces=(first|rest)$/;

/** `…/@fontsource/<font>/<weight>.css?faces=first|rest`: that part of the stylesheet. */
export function splitFacesPlugin(root: string): Plugin {
  let chars: number[] | undefined;
  return {
    name: 'kubedeck:split-faces',
    // Before vite's CSS plugin reads the faces' url()s.
    enforce: 'pre',
    transform(code, id) {
      const part = PART.exec(id)?.[1];
      if (part !== 'first' && part !== 'rest') return null;
      chars ??= firstPageChars(root);
      return { code: facesPart(code, chars, part), map: null };
    },
  };
}
