import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignFaces, type CodePointRange } from '../../src/render/font-faces.ts';

interface Face {
  readonly name: string;
  readonly ranges: readonly CodePointRange[];
}
const rangesOf = (f: Face): readonly CodePointRange[] => f.ranges;

/** The browser's rule, character by character: the first face (in preference order) whose ranges hold it. */
const naive = (faces: readonly Face[], cp: number): Face | null => faces.find((f) => f.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) ?? null;

describe('assignFaces: the face that draws each character', () => {
  // As Noto Sans KR declares them, last first: a Korean subset that also lists 'H' (U+48), then Latin.
  const korean117: Face = { name: '117', ranges: [[0xd, 0xd], [0x48, 0x48], [0x7c, 0x7c], [0xac10, 0xac10]] };
  const latin: Face = { name: 'latin', ranges: [[0x0, 0xff], [0x2000, 0x206f]] };

  it('gives a character to the first face in preference order that holds it, and null when none does', () => {
    const into = new Map<number, Face | null>();
    assignFaces([latin, korean117], rangesOf, [0x48, 0xac10, 0x2192, 0x2014], into);
    expect(into.get(0x48)?.name).toBe('latin');
    expect(into.get(0xac10)?.name).toBe('117');
    expect(into.get(0x2014)?.name).toBe('latin');
    expect(into.get(0x2192)).toBeNull();
    const other = new Map<number, Face | null>();
    assignFaces([korean117, latin], rangesOf, [0x48], other);
    expect(other.get(0x48)?.name).toBe('117');
  });

  it('leaves characters already known as they are', () => {
    const into = new Map<number, Face | null>([[0x48, korean117]]);
    assignFaces([latin], rangesOf, [0x48, 0x49], into);
    expect(into.get(0x48)?.name).toBe('117');
    expect(into.get(0x49)?.name).toBe('latin');
  });

  it('agrees with asking each face in turn, character by character', () => {
    const range = fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 0, max: 40 })).map(([lo, len]): CodePointRange => [lo, lo + len]);
    const faces = fc.array(fc.array(range, { maxLength: 6 }), { maxLength: 8 }).map((list) => list.map((ranges, i): Face => ({ name: String(i), ranges })));
    fc.assert(
      fc.property(faces, fc.array(fc.integer({ min: 0, max: 360 }), { maxLength: 60 }), (fs, cps) => {
        const into = new Map<number, Face | null>();
        assignFaces(fs, rangesOf, cps, into);
        for (const cp of cps) expect(into.get(cp)).toBe(naive(fs, cp));
      }),
    );
  });
});
