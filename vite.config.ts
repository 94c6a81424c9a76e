import { resolve } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { appGlyphsPlugin } from './build/app-glyphs.ts';
import { cspMeta } from './build/csp.ts';
import { firstTracePlugin } from './build/first-trace.ts';
import { preloadShell } from './build/preload-shell.ts';
import { pixiLazyGraphemes } from './build/pixi-graphemes.ts';
import { pixiLazyShader } from './build/pixi-lazy-shader.ts';
import { splitFacesPlugin } from './build/split-faces.ts';

export default defineConfig({
  base: './',
  // virtual:kubedeck-glyphs, the characters the stage loads fonts for (src/render/fonts.ts);
  // the Content-Security-Policy meta tag in each built page (build/csp.ts); the default view's
  // trace made at build time, virtual:kubedeck-first-trace (build/first-trace.ts); each page's
  // shell fetched beside its entry (build/preload-shell.ts); no Intl.Segmenter made before the
  // first frame (build/pixi-graphemes.ts); no batch shader compiled for the canvas renderer
  // (build/pixi-lazy-shader.ts); Noto Sans KR's faces in two stylesheets, the English
  // page's and the Korean rest (build/split-faces.ts).
  plugins: [appGlyphsPlugin(import.meta.dirname), cspMeta(), firstTracePlugin(import.meta.dirname), preloadShell(), pixiLazyGraphemes(), pixiLazyShader(), splitFacesPlugin(import.meta.dirname)],
  // PixiJS's modules one by one (src/render/pixi-parts.ts): its exports map names no deep paths.
  resolve: { alias: [{ find: /^pixi-lib\//, replacement: `${resolve(import.meta.dirname, 'node_modules/pixi.js/lib')}/` }] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    // No data: URLs: the pages' CSP loads fonts and icons from 'self' only (build/csp.ts).
    assetsInlineLimit: 0,
    // The app and its embed view (src/embed); kube-deck.js is built by vite.element.config.ts,
    // kubedeck-reveal.js by vite.reveal.config.ts.
    rolldownOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), embed: resolve(import.meta.dirname, 'embed.html') },
      // What a page's entry imports statically in two chunks, PixiJS's parts and the rest (the stage,
      // the shell, the shared model), not a dozen: on HTTP/1.1 each request queues for one of six
      // connections, behind the fonts and icons the page preloads. Two, not one: Chromium parses
      // each module script on a background thread of its own, and one 600 KB chunk's parse was
      // the first frame's critical path (~56 ms here; split, the two parse side by side: the first
      // frame came ~16 ms sooner, medians of 11 in turn). Lazy code keeps its own chunks.
      output: { codeSplitting: { groups: [{ name: 'pixi', test: /node_modules[\\/]pixi\.js/, tags: ['$initial'] }, { name: 'boot', tags: ['$initial'] }] } },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  test: {
    environment: 'node',
    // zone-outage (200,000 events) runs in the generic checks at its default size too; on a
    // shared 2-core CI machine one run can take 20 s.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        // isolate: false: a worker imports the simulation, scenes and timeline once for all its
        // files instead of once per file (half the unit run's CPU). No unit test mocks modules or
        // leaves globals changed; module-level memos are pure.
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: [...configDefaults.exclude, 'test/browser/**'], isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        // Headless Chromium against one production build (test/browser/README.md).
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/browser/global-setup.ts'],
          // One Chromium at a time: software WebGL already keeps both cores busy.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
