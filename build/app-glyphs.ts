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
/** The characters of the stage's own words and formats (src/render, src/model, src/timeline). */
const STAGE_ID = 'virtual:kubedeck-stage-glyphs';
const STAGE_RESOLVED = `\0${STAGE_ID}`;

/** Every file whose text the app can show: sources, scenarios, styles and pages. */
export function appTextFiles(root: string): string[] {
  const under = (dir: string): string[] =>
    readdirSync(resolve(root, dir), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.(ts|css|html)$/.test(f))
      .map((f) => resolve(root, dir, f));
  return [...under('src'), ...under('scenes'), resolve(root, 'index.html'), resolve(root, 'embed.html')];
}

/**
 * Every file whose text the stage draws itself: its words (src/render), the model's formats
 * (quantities, counts) and the timeline's. What a scenario says on the stage (labels, names) is in
 * its trace, and the stage loads the faces for a trace's texts before drawing it. A Korean first
 * frame waits for these (~16 subsets per weight), not for every caption and dialog (~30).
 */
export function stageTextFiles(root: string): string[] {
  return appTextFiles(root).filter((f) => /[\\/]src[\\/](render|model|timeline)[\\/]/.test(f.slice(root.length)));
}

/** The characters (printable ASCII and every other character in `files`), sorted, as one string. */
export function appGlyphs(files: readonly string[]): string {
  return String.fromCodePoint(...[...usedCodePoints(files)].sort((a, b) => a - b));
}

export function appGlyphsPlugin(root: string): Plugin {
  return {
    name: 'kubedeck:app-glyphs',
    resolveId: (id) => (id === ID ? RESOLVED : id === STAGE_ID ? STAGE_RESOLVED : null),
    load(id) {
      if (id !== RESOLVED && id !== STAGE_RESOLVED) return null;
      const files = id === RESOLVED ? appTextFiles(root) : stageTextFiles(root);
      for (const f of files) this.addWatchFile(f);
      return `export default ${JSON.stringify(appGlyphs(files))};`;
    },
  };
}
