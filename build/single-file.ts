/**
 * Vite plugins for `npm run build:single` (vite.single.config.ts): one HTML file that works from
 * file:// with no server. vite-plugin-singlefile inlines the JS and CSS (and, through an unlimited
 * assetsInlineLimit, the fonts and icons as data URLs); these plugins keep that file small.
 */
import type { Plugin } from 'vite';
import { pruneFontFaces, usedCodePoints } from './font-faces.ts';

/** Drop the @font-face rules of bundled fonts (@fontsource) for characters the app never shows. */
export function pruneFonts(sourceFiles: () => readonly string[]): Plugin {
  let used: ReadonlySet<number> | undefined;
  return {
    name: 'kubedeck:prune-fonts',
    enforce: 'pre',
    transform(code, id) {
      // With a query: a part of a stylesheet (build/split-faces.ts).
      if (!/[\\/]@fontsource[\\/][^?]*\.css(\?|$)/.test(id)) return null;
      used ??= usedCodePoints(sourceFiles());
      return { code: pruneFontFaces(code, used), map: null };
    },
  };
}

/**
 * Remove `<link rel="preload" as="font">` and `as="fetch"` (the icons) from the page: with every
 * font and icon inlined they would add a second data-URL copy of each to the file and preload nothing.
 */
export function dropFontPreloads(): Plugin {
  return {
    name: 'kubedeck:drop-font-preloads',
    transformIndexHtml: {
      // Before vite resolves the page's links, or it emits each preloaded face as a separate file.
      order: 'pre',
      handler: (html) => html.replace(/[ \t]*<!--[^>]*-->\s*(?=<link rel="preload")/g, '').replace(/[ \t]*<link rel="preload"[^>]*as="(?:font|fetch)"[^>]*>\n?/g, ''),
    },
  };
}
