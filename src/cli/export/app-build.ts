/**
 * The built app `kubedeck export` opens in Chromium. Built once with vite into
 * node_modules/.cache/kubedeck/app-<hash>, where the hash covers everything the build reads
 * (sources, scenes, assets, the build plugins (build/: the prebuilt first trace, glyphs, CSP), pages,
 * vite config, lockfile); a changed file means a new build.
 * KUBEDECK_APP_DIR points at a build made elsewhere (the browser tests reuse theirs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '../../..');
const INPUTS = ['src', 'scenes', 'assets', 'build', 'index.html', 'embed.html', 'vite.config.ts', 'package-lock.json', 'tsconfig.json'];

/** The CLI is not part of the app: changing it needs no new build. */
const SKIP = new Set([join('src', 'cli')]);

function files(root: string, path: string): string[] {
  const full = join(root, path);
  if (!existsSync(full) || SKIP.has(path)) return [];
  if (!statSync(full).isDirectory()) return [path];
  return readdirSync(full)
    .sort()
    .flatMap((name) => files(root, join(path, name)));
}

/** A digest of the build's inputs (names and contents), so a stale build is never used. */
export function sourceHash(root: string = REPO): string {
  const hash = createHash('sha256');
  for (const path of INPUTS.flatMap((input) => files(root, input))) {
    hash.update(relative(root, join(root, path)));
    hash.update('\0');
    hash.update(readFileSync(join(root, path)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}

export interface AppBuild {
  readonly dir: string;
  readonly built: boolean;
}

/** The app's build directory, building it first when there is none for the current sources. */
export function ensureAppBuild(onBuild: () => void, env: NodeJS.ProcessEnv = process.env): AppBuild {
  const given = env['KUBEDECK_APP_DIR'];
  if (given) {
    if (!existsSync(join(given, 'index.html'))) throw new Error(`KUBEDECK_APP_DIR=${given} has no index.html`);
    return { dir: given, built: false };
  }
  const cache = join(REPO, 'node_modules/.cache/kubedeck');
  const dir = join(cache, `app-${sourceHash()}`);
  if (existsSync(join(dir, 'index.html'))) return { dir, built: false };
  const vite = join(REPO, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) throw new Error('export needs the app built with vite: run `npm ci` in the kubedeck checkout first');
  onBuild();
  mkdirSync(cache, { recursive: true });
  // Old builds go; a half-written one never looks finished (built beside, then renamed).
  for (const old of readdirSync(cache)) if (old.startsWith('app-')) rmSync(join(cache, old), { recursive: true, force: true });
  const temp = `${dir}.partial-${process.pid}`;
  const result = spawnSync(process.execPath, [vite, 'build', '--outDir', temp, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: REPO,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' },
  });
  if (result.status !== 0) {
    rmSync(temp, { recursive: true, force: true });
    throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  }
  renameSync(temp, dir);
  return { dir, built: true };
}
