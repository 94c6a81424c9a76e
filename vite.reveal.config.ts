// The reveal.js plugin as two self-contained files next to the app (`npm run build` runs this after
// the app's build): dist/kubedeck-reveal.js, a classic script defining the global `KubedeckReveal`,
// and dist/kubedeck-reveal.mjs, the same as an ES module (default export).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: true,
    lib: {
      entry: resolve(import.meta.dirname, 'src/embed/reveal.ts'),
      name: 'KubedeckReveal',
      formats: ['iife', 'es'],
      fileName: (format) => (format === 'es' ? 'kubedeck-reveal.mjs' : 'kubedeck-reveal.js'),
    },
  },
});
