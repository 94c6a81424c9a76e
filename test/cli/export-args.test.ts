/** `kubedeck export` without a browser: argument errors, where files go, finding Chromium, the build cache key. */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportCommand } from '../../src/cli/export.ts';
import { sourceHash } from '../../src/cli/export/app-build.ts';
import { findChromium } from '../../src/cli/export/chromium.ts';
import { planOutputs } from '../../src/cli/export/outputs.ts';
import { CliError, type CliIo } from '../../src/cli/io.ts';

const io: CliIo = { out: () => undefined, err: () => undefined, readFile: () => '' };
const fails = (args: string[]): Promise<unknown> => exportCommand(args, io).then(
  () => 'no error',
  (e: unknown) => (e instanceof CliError ? e.message : `not a CliError: ${String(e)}`),
);

describe('kubedeck export arguments', () => {
  it('names what is wrong before any browser starts', async () => {
    expect(await fails(['--format', 'png', '--out', 'x'])).toMatch(/which scenario/);
    expect(await fails(['nope', '--format', 'png', '--out', 'x'])).toMatch(/unknown scenario "nope"/);
    expect(await fails(['pod-creation', '--format', 'avi', '--out', 'x'])).toMatch(/--format must be one of png, webm, mp4, gif/);
    expect(await fails(['pod-creation', '--format', 'png'])).toMatch(/--out is required/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--size', '12x12'])).toMatch(/--size/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--fps', '0'])).toMatch(/--fps/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--lang', 'fr'])).toMatch(/--lang/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--theme', 'pink'])).toMatch(/--theme/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--steps', '5-99'])).toMatch(/--steps must be within 1-\d+/);
    expect(await fails(['pod-creation', '--format', 'gif', '--out', 'x', '--bogus'])).toMatch(/unknown option/);
  });

  it('says how to install a browser when there is none', async () => {
    const saved = process.env['CHROMIUM_PATH'];
    process.env['CHROMIUM_PATH'] = '/nonexistent/chromium';
    try {
      expect(await fails(['pod-creation', '--format', 'png', '--out', 'x'])).toMatch(/apt-get install .*chromium.*npx playwright install chromium/);
    } finally {
      if (saved === undefined) delete process.env['CHROMIUM_PATH'];
      else process.env['CHROMIUM_PATH'] = saved;
    }
  });

  it('finds Chromium through CHROMIUM_PATH, then the usual names on PATH', () => {
    const present = new Set(['/opt/x/google-chrome', '/custom/chrome']);
    const exists = (p: string): boolean => present.has(p);
    expect(findChromium({ CHROMIUM_PATH: '/custom/chrome', PATH: '/opt/x' }, exists)).toBe('/custom/chrome');
    expect(findChromium({ CHROMIUM_PATH: '/missing', PATH: '/opt/x' }, exists)).toBeUndefined();
    expect(findChromium({ PATH: '/usr/bin:/opt/x' }, exists)).toBe('/opt/x/google-chrome');
  });

  it('writes PNGs into a directory or a {step} pattern, a video to the file or into a directory', () => {
    const none = (): boolean => false;
    expect(planOutputs('png', 'shots', none).pathFor('pod-creation-step-03.png')).toBe(join('shots', 'pod-creation-step-03.png'));
    expect(planOutputs('png', 'shots', none).dir).toBe('shots');
    expect(planOutputs('png', 'out/pod-{step}.png', none).pathFor('pod-creation-step-03.png')).toBe('out/pod-03.png');
    expect(planOutputs('webm', 'a.webm', none).pathFor('pod-creation.webm')).toBe('a.webm');
    expect(planOutputs('webm', 'videos', () => true).pathFor('pod-creation.webm')).toBe(join('videos', 'pod-creation.webm'));
  });

  it('keys the app build on the sources, not the CLI', () => {
    const root = mkdtempSync(join(tmpdir(), 'kubedeck-hash-'));
    try {
      mkdirSync(join(root, 'src/cli'), { recursive: true });
      writeFileSync(join(root, 'index.html'), '<p>1</p>');
      writeFileSync(join(root, 'src/a.ts'), 'a');
      const first = sourceHash(root);
      writeFileSync(join(root, 'src/cli/x.ts'), 'cli only');
      expect(sourceHash(root)).toBe(first);
      writeFileSync(join(root, 'src/a.ts'), 'b');
      expect(sourceHash(root)).not.toBe(first);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
