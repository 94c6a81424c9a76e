// <kube-deck> as one self-contained ES module next to the app: dist/kube-deck.js (`npm run build`
// runs this after the app's build; it frames the embed.html built beside it).
import { resolve } from 'node:path';
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    target: 'es2022',
    emptyOutDir: false,
    copyPublicDir: false,
    minify: true,
    lib: {
      entry: resolve(import.meta.dirname, 'src/embed/element-entry.ts'),
      formats: ['es'],
      fileName: () => 'kube-deck.js',
    },
  },
});
