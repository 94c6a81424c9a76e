/**
 * Build the app once with vite into a temporary directory and serve it from 127.0.0.1 on a free
 * port with the export CLI's small static server (no child process left behind).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { serve, type Served } from '../../../src/cli/export/serve.ts';

export const REPO = resolve(import.meta.dirname, '../../..');

/** `vite build` of the repo (or of `configFile`) into `outDir` (emptied first unless `empty` is false). Throws with vite's output on failure. */
export function viteBuild(outDir: string, extraArgs: readonly string[] = [], empty = true): void {
  const result = spawnSync(process.execPath, [join(REPO, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, ...(empty ? ['--emptyOutDir'] : []), '--logLevel', 'warn', ...extraArgs], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.status !== 0) throw new Error(`vite build failed (${String(result.status)}):\n${result.stdout}\n${result.stderr}`);
}

export type StaticServer = Served;

/** The export CLI's static server (src/cli/export/serve.ts): one copy of it. */
export function serveStatic(root: string): Promise<StaticServer> {
  return serve(root);
}
