/**
 * Trim the bundled fonts for the single-file build: every face is inlined there as a data URL, and
 * Noto Sans KR alone ships 124 unicode-range subsets per weight (4 MB). Keep only the @font-face
 * rules whose unicode-range covers a character the app can show (every character in its sources),
 * and only their woff2 source (every browser that runs the app reads woff2).
 */
import { readFileSync } from 'node:fs';

/** Code points of a CSS `unicode-range` value (`U+0000-00FF,U+0131,U+1F??` wildcards included). */
export function parseUnicodeRange(value: string): Array<readonly [number, number]> {
  const ranges: Array<readonly [number, number]> = [];
  for (const raw of value.split(',')) {
    const part = raw.trim().replace(/^U\+/i, '');
    if (part === '') continue;
    if (part.includes('?')) {
      ranges.push([parseInt(part.replaceAll('?', '0'), 16), parseInt(part.replaceAll('?', 'F'), 16)]);
      continue;
    }
    const [from, to] = part.split('-');
    const a = parseInt(from ?? '', 16);
    const b = to === undefined ? a : parseInt(to, 16);
    if (Number.isFinite(a) && Number.isFinite(b)) ranges.push([a, b]);
  }
  return ranges;
}

/** Printable ASCII plus every non-ASCII character found in the given files. */
export function usedCodePoints(files: readonly string[]): ReadonlySet<number> {
  const used = new Set<number>();
  for (let cp = 0x20; cp < 0x7f; cp++) used.add(cp);
  for (const file of files) {
    for (const ch of readFileSync(file, 'utf8')) {
      const cp = ch.codePointAt(0);
      if (cp !== undefined && cp > 0x7f) used.add(cp);
    }
  }
  return used;
}

const FACE = /@font-face\s*\{[^}]*\}/g;

/**
 * The stylesheet without the faces none of `used` falls in, and with only woff2 sources. A face
 * without a unicode-range covers everything and is kept.
 */
export function pruneFontFaces(css: string, used: ReadonlySet<number>): string {
  return css.replace(FACE, (face) => {
    const range = /unicode-range:\s*([^;}]+)/.exec(face)?.[1];
    if (range !== undefined) {
      const ranges = parseUnicodeRange(range);
      const needed = [...used].some((cp) => ranges.some(([a, b]) => cp >= a && cp <= b));
      if (!needed) return '';
    }
    return face.replace(/,\s*url\([^)]*\.woff\)\s*format\(['"]woff['"]\)/g, '');
  });
}
