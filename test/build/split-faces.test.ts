/**
 * build/split-faces.ts splits Noto Sans KR's faces into the English page's stylesheet and the
 * rest (Korean), loaded later. Every character must still be drawn from the same subset file as
 * with the whole stylesheet, whichever part has arrived first, and the first part must hold every
 * character an English page draws and no Hangul.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange } from '../../build/font-faces.ts';
import { facesPart, firstPageChars } from '../../build/split-faces.ts';

const ROOT = join(import.meta.dirname, '../..');

interface Face {
  readonly file: string;
  readonly ranges: ReadonlyArray<readonly [number, number]>;
}

function faces(css: string): Face[] {
  return [...css.matchAll(/@font-face\s*\{[^}]*\}/g)].map((m) => ({
    file: /url\(([^)]*\.woff2)\)/.exec(m[0])?.[1] ?? '',
    ranges: parseUnicodeRange(/unicode-range:\s*([^;}]+)/.exec(m[0])?.[1] ?? ''),
  }));
}

/** The file a browser draws `cp` from: the last declared face whose range holds it. */
function drawnFrom(list: readonly Face[], cp: number): string | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (list[i]?.ranges.some(([a, b]) => cp >= a && cp <= b)) return list[i]?.file;
  return undefined;
}

const holds = (face: Face, cp: number): boolean => face.ranges.some(([a, b]) => cp >= a && cp <= b);

describe.each(['400', '700'])('Noto Sans KR %s split in two stylesheets', (weight) => {
  const whole = readFileSync(join(ROOT, `node_modules/@fontsource/noto-sans-kr/${weight}.css`), 'utf8');
  const chars = firstPageChars(ROOT);
  const first = faces(facesPart(whole, chars, 'first'));
  const rest = faces(facesPart(whole, chars, 'rest'));
  const original = faces(whole);

  it('draws every character from the same file as the whole stylesheet, in either order, and no two faces overlap', () => {
    const both = [...first, ...rest];
    expect(both.length).toBe(original.length);
    const changed: string[] = [];
    for (const face of original) {
      for (const [a, b] of face.ranges) {
        for (let cp = a; cp <= b; cp++) {
          const want = drawnFrom(original, cp);
          const holders = both.filter((f) => holds(f, cp));
          if (holders.length !== 1 || holders[0]?.file !== want) changed.push(cp.toString(16));
        }
      }
    }
    expect(changed.slice(0, 10)).toEqual([]);
  });

  it('the first holds every character an English page shows and no Hangul; the rest holds the Hangul', () => {
    expect(chars.filter((cp) => !first.some((f) => holds(f, cp)))).toEqual([]);
    for (const ch of '파드생성한국어') {
      const cp = ch.codePointAt(0) ?? 0;
      expect(first.some((f) => holds(f, cp))).toBe(false);
      expect(rest.some((f) => holds(f, cp))).toBe(true);
    }
    // Four of ~124 faces: the Latin one and the few numbered subsets with the app's arrows and ≤ ≥.
    expect(first.length).toBeLessThan(10);
  });
});
