import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('../../..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  server: { host: '127.0.0.1', fs: { allow: [repo] } },
  logLevel: 'warn',
});
