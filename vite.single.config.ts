// `npm run build:single`: the whole app as one self-contained HTML file, dist-single/kubedeck.html,
// that opens from file:// (decks that take a file). See build/single-file.ts.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { mergeConfig, type UserConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { cspHashes } from './build/csp.ts';
import { dropFontPreloads, pruneFonts } from './build/single-file.ts';
import { firstTracePlugin } from './build/first-trace.ts';
import base from './vite.config.ts';

const root = import.meta.dirname;

/** Every file whose text the app can show: sources, scenarios, styles. */
const sourceFiles = (): string[] =>
  execFileSync('git', ['ls-files', '-z', '--', 'src', 'scenes', 'index.html'], { cwd: root, encoding: 'utf8' })
    .split('\0')
    .filter((f) => /\.(ts|css|html)$/.test(f))
    .map((f) => resolve(root, f));

// The app alone, without the test settings; its CSP meta tag gives way to one with the inline code's hashes.
const { test: _test, plugins = [], ...app } = base as UserConfig & { test?: unknown };
// One file has nothing beside it to fetch: no prebuilt first trace (the app simulates it).
const replaced = new Set(['kubedeck:csp-meta', 'kubedeck:first-trace']);
const kept = plugins.filter((p) => !(typeof p === 'object' && p !== null && 'name' in p && typeof p.name === 'string' && replaced.has(p.name)));

export default mergeConfig(app, {
  plugins: [...kept, firstTracePlugin(root, { emit: false }), pruneFonts(sourceFiles), dropFontPreloads(), viteSingleFile({ outputFileName: 'kubedeck.html' }), cspHashes('kubedeck.html')],
  build: {
    outDir: 'dist-single',
    emptyOutDir: true,
    rolldownOptions: { input: resolve(root, 'index.html') },
  },
} satisfies UserConfig);
