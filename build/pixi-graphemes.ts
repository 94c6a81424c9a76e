/**
 * PixiJS's CanvasTextMetrics makes an Intl.Segmenter when its module is evaluated: 21-29 ms in a
 * fresh headless Chromium page (measured: ICU's break iterator data), on the first load's path
 * before the shell runs, though the stage's texts never need one. In text made only of characters
 * that never join a neighbour into one grapheme (ASCII, Latin letters, Hangul syllables, arrows,
 * box drawing...), each code point is a grapheme. This transform makes PixiJS's segmenter on first
 * need and skips it for such text: the same graphemes, so the same drawing
 * (test/build/pixi-graphemes.test.ts checks every character of the set against Intl.Segmenter).
 * If PixiJS's code changes the build fails, so the transform is looked at again.
 */
import type { Plugin } from 'vite';

/** Characters that are each a grapheme of their own next to any other of them (no Extend, ZWJ, SpacingMark, Prepend, jamo L/V/T, regional indicator or CR). */
export const SIMPLE_TEXT = /^[\n\x20-\x7e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u23ff\u2500-\u25ff\u3131-\u318e\uac00-\ud7a3]*$/;

const MODULE = /\/pixi\.js\/lib\/scene\/text\/canvas\/CanvasTextMetrics\.mjs$/;
const EAGER = `    const segmenter = new Intl.Segmenter();
    return (s) => {
`;
const LAZY = `    let segmenter;
    return (s) => {
      if (${SIMPLE_TEXT.toString()}.test(s)) return Array.from(s);
      segmenter ??= new Intl.Segmenter();
`;

export function pixiLazyGraphemes(): Plugin {
  return {
    name: 'kubedeck:pixi-lazy-graphemes',
    transform: {
      // The bundler calls it for PixiJS's CanvasTextMetrics only, not for every module.
      filter: { id: MODULE },
      handler(code, id) {
        if (!MODULE.test(id)) return null;
        if (!code.includes(EAGER)) throw new Error(`${id}: PixiJS's grapheme segmenter changed; look at build/pixi-graphemes.ts again`);
        return { code: code.replace(EAGER, LAZY), map: null };
      },
    },
  };
}
