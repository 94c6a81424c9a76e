import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // No HMR or file watching: others edit the tree meanwhile, and a reload would spoil a screenshot run.
  server: { host: '127.0.0.1', fs: { allow: [repo] }, hmr: false, watch: null },
  logLevel: 'warn',
});
