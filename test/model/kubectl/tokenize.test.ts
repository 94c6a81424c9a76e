import { describe, expect, it } from 'vitest';
import { quoteWord, tokenize } from '../../../src/model/kubectl/tokenize.ts';

const texts = (line: string): string[] => tokenize(line).words.map((w) => w.text);

describe('shell-like tokenizing', () => {
  it('splits on blanks and keeps quoted blanks', () => {
    expect(texts(`  a  'b c'  "d e" f\\ g `)).toEqual(['a', 'b c', 'd e', 'f g']);
  });
  it('joins adjacent quoted parts into one word, as a shell does', () => {
    expect(texts(`--image="a b"'c'd`)).toEqual(['--image=a bcd']);
  });
  it('double quotes honour \\" and \\\\ only; single quotes nothing', () => {
    expect(texts(`"a\\"b\\\\c\\n" 'x\\y'`)).toEqual(['a"b\\c\\n', 'x\\y']);
  });
  it('keeps word offsets for completion and reports an open quote', () => {
    expect(tokenize('ab  cd').words).toEqual([{ text: 'ab', start: 0, end: 2 }, { text: 'cd', start: 4, end: 6 }]);
    expect(tokenize(`run "x y`)).toEqual({ ok: false, unterminated: '"', words: [{ text: 'run', start: 0, end: 3 }, { text: 'x y', start: 4, end: 8 }] });
  });
  it('quoteWord leaves plain words alone and quotes the rest so they read back unchanged', () => {
    expect(quoteWord('deploy/web')).toBe('deploy/web');
    for (const word of ['', 'a b', "it's", 'x"y\\z', '$HOME', 'tab\there']) expect(texts(quoteWord(word))).toEqual([word]);
  });
});
