/**
 * `virtual:kubedeck-glyphs`: every character the app's sources can show (string tables, captions,
 * stage words, styles), as one string. The stage loads the font subsets for all of them before it
 * draws (src/render/fonts.ts), so no word is left out the way a hand-kept list of words left some
 * out; a word added anywhere in src/ or scenes/ is covered by the next build.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { usedCodePoints } from './font-faces.ts';

const ID = 'virtual:kubedeck-glyphs';
const RESOLVED = `\0${ID}`;

/** Every file whose text the app can show: sources, scenarios, styles and pages. */
export function appTextFiles(root: string): string[] {
  const under = (dir: string): string[] =>
    readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|css|html)$/.test(f))
      .map((f) => resolve(root, dir, f));
  return [...under('src'), ...under('scenes'), resolve(root, 'index.html'), resolve(root, 'embed.html')];
}

/** The characters (printable ASCII and every other character in `files`), sorted, as one string. */
export function appGlyphs(files: readonly string[]): string {
  return String.fromCodePoint(...[...usedCodePoints(files)].sort((a, b) => a - b));
}

export function appGlyphsPlugin(root: string): Plugin {
  return {
    name: 'kubedeck:app-glyphs',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load(id) {
      if (id !== RESOLVED) return null;
      const files = appTextFiles(root);
      for (const f of files) this.addWatchFile(f);
      return `export default ${JSON.stringify(appGlyphs(files))};`;
    },
  };
}
