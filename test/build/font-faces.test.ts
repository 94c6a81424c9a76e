import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUnicodeRange, pruneFontFaces, usedCodePoints } from '../../build/font-faces.ts';

const face = (name: string, range: string): string =>
  `@font-face {\n  font-family: 'Noto Sans KR';\n  src: url(./files/${name}.woff2) format('woff2'), url(./files/${name}.woff) format('woff');\n  unicode-range: ${range};\n}\n`;

describe('single-file font pruning', () => {
  it('reads single code points, ranges and wildcards', () => {
    expect(parseUnicodeRange('U+0000-00FF, U+0131,U+1F??')).toEqual([
      [0, 0xff],
      [0x131, 0x131],
      [0x1f00, 0x1fff],
    ]);
  });

  it('keeps the faces covering a used character, drops the others and every woff fallback', () => {
    const css = face('latin', 'U+0000-00FF') + face('hangul-a', 'U+AC00-AC10') + face('hangul-b', 'U+D500-D510');
    const used = new Set([0x41, 0xac01]);
    const out = pruneFontFaces(css, used);
    expect(out).toContain('latin.woff2');
    expect(out).toContain('hangul-a.woff2');
    expect(out).not.toContain('hangul-b');
    expect(out).not.toContain('.woff)');
  });

  it('keeps a face without a unicode-range (it covers everything)', () => {
    const css = "@font-face { font-family: X; src: url(./x.woff2) format('woff2'); }";
    expect(pruneFontFaces(css, new Set())).toContain('x.woff2');
  });

  it('collects printable ASCII and the non-ASCII characters of the given files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubedeck-fonts-'));
    const file = join(dir, 'ko.ts');
    writeFileSync(file, "export const t = '파드 생성';");
    const used = usedCodePoints([file]);
    for (const ch of 'Az~파드생성') expect(used.has(ch.codePointAt(0) ?? -1)).toBe(true);
    expect(used.has('가'.codePointAt(0) ?? -1)).toBe(false);
  });
});
