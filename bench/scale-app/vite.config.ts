/**
 * Builds bench/scale-app with the app's own build settings (plugins, PixiJS alias, CSP meta), as
 * its only page: `npm run bench` builds it with `--config bench/scale-app/vite.config.ts`.
 */
import { resolve } from 'node:path';
import app from '../../vite.config.ts';

const { test: _test, ...build } = app;

export default {
  ...build,
  root: resolve(import.meta.dirname, '../..'),
  build: { ...build.build, rolldownOptions: { input: { 'scale-app': resolve(import.meta.dirname, 'index.html') } } },
};
