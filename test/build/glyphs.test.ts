/**
 * Korean everywhere, without system fonts: every character the app can show (every string in
 * src/ and scenes/: captions, stage words, chips, badges, glossary, dialogs, in both languages)
 * has a glyph in the bundled faces of each font stack that draws it. Checked in the fonts' own
 * character maps (the woff2 files the app ships), so a machine's system fonts cannot hide a gap.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';
import { appTextFiles } from '../../build/app-glyphs.ts';
import { usedCodePoints } from '../../build/font-faces.ts';
import { FONT_MONO, FONT_SANS } from '../../src/render/theme.ts';
import { readFileSync } from 'node:fs';

const ROOT = join(import.meta.dirname, '../..');

/** Code points with a glyph in the bundled family at a weight (the union of its subset files). */
function coverage(pkg: string, weight: 400 | 700): Set<number> {
  const dir = join(ROOT, 'node_modules/@fontsource', pkg, 'files');
  const out = new Set<number>();
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(`-${weight}-normal.woff2`)) continue;
    const font = create(readFileSync(join(dir, f))) as Font;
    for (const cp of font.characterSet) out.add(cp);
  }
  return out;
}

const FAMILY_PACKAGE: Readonly<Record<string, string>> = { 'Noto Sans KR': 'noto-sans-kr', 'JetBrains Mono': 'jetbrains-mono' };

/** The bundled families of a CSS font stack, in order (generic names such as monospace are the system's, not ours). */
function bundled(stack: string): string[] {
  return stack
    .split(',')
    .map((s) => s.trim().replace(/^["']|["']$/g, ''))
    .filter((name) => FAMILY_PACKAGE[name] !== undefined);
}

// Characters that draw nothing: spaces and controls.
const INVISIBLE = /[\s\p{Cc}\p{Cf}]/u;
const shown = [...usedCodePoints(appTextFiles(ROOT))].filter((cp) => !INVISIBLE.test(String.fromCodePoint(cp)));

describe('every character the app can show has a bundled glyph', () => {
  it('the sources hold both languages', () => {
    expect(shown.some((cp) => cp >= 0xac00 && cp <= 0xd7a3)).toBe(true);
    expect(shown.some((cp) => cp === 'K'.codePointAt(0))).toBe(true);
  });

  it.each([
    ['the stage and UI text stack', FONT_SANS],
    ['the stage and UI monospace stack', FONT_MONO],
  ])('%s (%s), regular and bold', (_, stack) => {
    const families = bundled(stack);
    expect(families.length).toBeGreaterThan(0);
    for (const weight of [400, 700] as const) {
      const have = new Set<number>();
      for (const fam of families) for (const cp of coverage(FAMILY_PACKAGE[fam] ?? '', weight)) have.add(cp);
      const missing = shown.filter((cp) => !have.has(cp)).map((cp) => `${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase().padStart(4, '0')}`);
      expect(missing, `${stack} ${weight}`).toEqual([]);
    }
  });
});
