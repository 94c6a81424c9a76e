/**
 * build/pixi-graphemes.ts splits text of SIMPLE_TEXT's characters into code points instead of
 * asking Intl.Segmenter: that must give the same graphemes, or text would be measured and drawn
 * differently. Every character of the set is checked in the contexts where a character joins a
 * neighbour (after a letter: Extend, SpacingMark, ZWJ; before one: Prepend; doubled: jamo, regional
 * indicators; before a Hangul syllable: a leading jamo).
 */
import { describe, expect, it } from 'vitest';
import { SIMPLE_TEXT } from '../../build/pixi-graphemes.ts';

const segmenter = new Intl.Segmenter();
const graphemes = (s: string): string[] => [...segmenter.segment(s)].map((g) => g.segment);

describe('PixiJS graphemes without Intl.Segmenter', () => {
  it('every character in the set is its own grapheme next to any other', () => {
    const joined: string[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      const c = String.fromCodePoint(cp);
      if (!SIMPLE_TEXT.test(c)) continue;
      const text = `a${c}${c}가${c}a`;
      if (graphemes(text).length !== Array.from(text).length) joined.push(`U+${cp.toString(16).padStart(4, '0')}`);
    }
    expect(joined).toEqual([]);
  });

  it('leaves out what joins: combining marks, ZWJ, jamo, CR, emoji selectors', () => {
    for (const c of ['\u0301', '\u200d', '\u1100', '\u1161', '\u11a8', '\r', '\ufe0f', '\u302e']) expect(SIMPLE_TEXT.test(`a${c}`)).toBe(false);
    expect(SIMPLE_TEXT.test('kube-apiserver → etcd: 파드 생성 ≤ 3')).toBe(true);
  });
});
