/**
 * `kubedeck export` end to end: the real CLI process, headless Chromium, the app built by the
 * browser tests' global setup (KUBEDECK_APP_DIR), files on disk checked by decoding them.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { REPO } from './lib/server.ts';

const out = mkdtempSync(join(tmpdir(), 'kubedeck-export-cli-'));

function kubedeck(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [join(REPO, 'bin/kubedeck.mjs'), ...args], {
      cwd: REPO,
      env: { ...process.env, KUBEDECK_APP_DIR: inject('appDir'), NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

afterAll(() => {
  rmSync(out, { recursive: true, force: true });
});

describe('kubedeck export', () => {
  it('writes one PNG per step of --steps 1-2, with progress lines', async () => {
    const dir = join(out, 'png');
    const run = await kubedeck(['export', 'pod-creation', '--format', 'png', '--steps', '1-2', '--size', '320x180', '--out', dir]);
    expect(run.stderr).toContain('export: 2/2 frames (100%)');
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['pod-creation-step-01.png', 'pod-creation-step-02.png']);
    for (const name of readdirSync(dir)) {
      const png = PNG.sync.read(readFileSync(join(dir, name)));
      expect([png.width, png.height]).toEqual([320, 180]);
    }
    expect(run.stdout).toMatch(/export: 2 PNGs at 320x180/);
  });

  it('writes a short WebM with captions in Korean', async () => {
    const file = join(out, 'clip.webm');
    const run = await kubedeck(['export', 'pod-creation', '--format', 'webm', '--steps', '1', '--size', '320x180', '--fps', '5', '--lang', 'ko', '--theme', 'light', '--captions', '--out', file]);
    expect(run.code).toBe(0);
    const input = new Input({ source: new BufferSource(readFileSync(file)), formats: ALL_FORMATS });
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('no video track');
    let packets = 0;
    for await (const _ of new EncodedPacketSink(track).packets()) packets += 1;
    expect([track.codec, track.displayWidth, track.displayHeight]).toEqual(['vp9', 320, 180]);
    const frames = Number(/vp9, (\d+) frames/.exec(run.stdout)?.[1]);
    expect(packets).toBe(frames);
    expect(await input.computeDuration()).toBeCloseTo(frames / 5, 1);
  });
});
