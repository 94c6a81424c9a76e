/**
 * Scripts for pages that host kubedeck, built beside the app by every `vite build` (so
 * `npm run build` and the browser tests' build have them): one self-contained file each, in the
 * app's output directory.
 * - kubedeck-reveal.js: the reveal.js plugin as a classic script (global `KubedeckReveal`);
 * - kubedeck-reveal.mjs: the same as an ES module (default export).
 */
import { resolve } from 'node:path';
import { build, type Plugin } from 'vite';

const ROOT = resolve(import.meta.dirname, '..');

export function hostScripts(): Plugin {
  let outDir = '';
  return {
    name: 'kubedeck:host-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      await build({
        configFile: false,
        root: ROOT,
        logLevel: 'warn',
        build: {
          outDir,
          emptyOutDir: false,
          target: 'es2022',
          copyPublicDir: false,
          lib: {
            entry: resolve(ROOT, 'src/embed/reveal.ts'),
            name: 'KubedeckReveal',
            formats: ['iife', 'es'],
            fileName: (format) => (format === 'es' ? 'kubedeck-reveal.mjs' : 'kubedeck-reveal.js'),
          },
        },
      });
    },
  };
}
