/**
 * A bench script bundled for plain Node by vite, the bundler the app ships with: what it measures
 * is then the code as users run it, with no TypeScript compiler in the process. Under tsx each
 * process also carries tsx's loader thread and esbuild's keepNames helper on every function
 * (~45 MB of RSS before anything runs, and a few per cent of the time), which no browser runs.
 */
import { createHash } from 'node:crypto';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** Bundles `entry` (a path from the repository root) and returns the file to run with `node`; `entry` imports this file only dynamically, where it bundles (vite stays out of the bundle). */
export async function bundleForNode(entry: string): Promise<string> {
  // One folder per checkout: worktrees that link one node_modules must not overwrite each other's bundle mid-run.
  const checkout = createHash('sha256').update(resolve('.')).digest('hex').slice(0, 8);
  const outDir = resolve(`node_modules/.cache/kubedeck-bench-${checkout}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { ssr: entry, outDir, emptyOutDir: true, minify: false, target: 'node20', rollupOptions: { external: ['vite'], output: { entryFileNames: 'entry.mjs' } } },
    ssr: { noExternal: true },
  });
  return join(outDir, 'entry.mjs');
}
