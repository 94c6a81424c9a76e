/**
 * Export in the real app: what is written is decoded again and checked against the screen.
 * PNG per step, WebM and MP4 (demuxed by mediabunny in Node, a frame decoded by WebCodecs in the
 * page), GIF (gifuct-js): frame count, size, duration, a frame against the stage rendered at the
 * same time; byte-identical reruns; cancel; the message without WebCodecs; the dialog's download.
 */
import { readFileSync } from 'node:fs';
import { ALL_FORMATS, BufferSource, EncodedPacketSink, Input } from 'mediabunny';
import type * as Mediabunny from 'mediabunny';
import { decompressFrames, parseGIF } from 'gifuct-js';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ExportRequest } from '../../src/export/options.ts';
import { openApp } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { comparePng } from './lib/images.ts';
import { REPO } from './lib/server.ts';

declare global {
  interface Window {
    __exported?: Uint8Array;
    __mediabunny?: typeof Mediabunny;
  }
}

interface Exported {
  readonly names: string[];
  readonly files: Buffer[];
  readonly codec: string;
  readonly frames: number;
  readonly duration: number;
}

let browser: Browser;
let page: Page;
/** The visible stage's canvas size: exports at this size are comparable pixel for pixel with the screen. */
let width = 0;
let height = 0;

async function exportNow(request: Partial<ExportRequest>): Promise<Exported> {
  const full: ExportRequest = { format: 'png', width, height, fps: 10, lang: 'en', theme: 'dark', captions: false, ...request };
  const result = await page.evaluate(async (req) => {
    const done = await window.__kubedeck?.exportScenario(req);
    if (!done) throw new Error('no app');
    window.__exported = done.files[0]?.bytes;
    const files: string[] = [];
    for (const file of done.files) {
      let text = '';
      for (let i = 0; i < file.bytes.length; i += 0x8000) text += String.fromCharCode(...file.bytes.subarray(i, i + 0x8000));
      files.push(btoa(text));
    }
    return { names: done.files.map((f) => f.name), files, codec: done.codec, frames: done.frames, duration: done.duration };
  }, full);
  return { ...result, files: result.files.map((b64) => Buffer.from(b64, 'base64')) };
}

/** The visible stage's canvas at presentation time t (paused, rendered synchronously, read in the same task). */
async function screenAt(time: number): Promise<Buffer> {
  const url = await page.evaluate(async (t) => {
    const app = window.__kubedeck;
    app?.player()?.pause();
    await app?.stage()?.ready();
    app?.stage()?.renderFrameAt(t);
    return document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas')?.toDataURL('image/png') ?? '';
  }, time);
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

/** Decodes the frame shown at time t of the last exported video, in the page (WebCodecs through mediabunny). */
async function videoFrameAt(time: number): Promise<Buffer> {
  const url = await page.evaluate(async (t) => {
    const mb = window.__mediabunny;
    if (!mb) throw new Error('mediabunny not loaded');
    const bytes = window.__exported;
    if (!bytes) throw new Error('nothing exported');
    const input = new mb.Input({ source: new mb.BufferSource(bytes), formats: mb.ALL_FORMATS });
    const track = await input.getPrimaryVideoTrack();
    if (!track) throw new Error('no video track');
    const frame = await new mb.CanvasSink(track, { poolSize: 0 }).getCanvas(t);
    if (!frame) throw new Error(`no frame at ${t}`);
    const canvas = document.createElement('canvas');
    canvas.width = frame.canvas.width;
    canvas.height = frame.canvas.height;
    canvas.getContext('2d')?.drawImage(frame.canvas, 0, 0);
    return canvas.toDataURL('image/png');
  }, time);
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

async function demux(bytes: Buffer): Promise<{ codec: string | null; width: number; height: number; duration: number; packets: number }> {
  const input = new Input({ source: new BufferSource(bytes), formats: ALL_FORMATS });
  const track = await input.getPrimaryVideoTrack();
  if (!track) throw new Error('no video track');
  let packets = 0;
  for await (const _ of new EncodedPacketSink(track).packets()) packets += 1;
  return { codec: track.codec, width: track.displayWidth, height: track.displayHeight, duration: await input.computeDuration(), packets };
}

const stepTimes = (): Promise<{ start: number; end: number }[]> =>
  page.evaluate(() => (window.__kubedeck?.player()?.steps ?? []).map((s) => ({ start: s.start, end: s.end })));

beforeAll(async () => {
  browser = await launch({ width: 800, height: 600 });
  page = (await openApp(browser.context, `${inject('baseUrl')}?scenario=pod-creation&lang=en&theme=dark`)).page;
  await page.route('**/__test__/mediabunny.mjs', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: readFileSync(`${REPO}/node_modules/mediabunny/dist/bundles/mediabunny.mjs`, 'utf8') }),
  );
  // A fixed stage size (captions of different lengths move the layout by a pixel or two).
  // Set through the CSSOM: the built page's CSP (style-src 'self') refuses an injected <style>.
  await page.evaluate(() => {
    const style = document.querySelector<HTMLElement>('[data-testid=stage]')?.style;
    style?.setProperty('flex', 'none', 'important');
    style?.setProperty('width', '640px', 'important');
    style?.setProperty('height', '320px', 'important');
  });
  await page.waitForFunction(() => document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas')?.height === 320);
  // A same-origin module (script-src 'self'), not an inline script the built page's CSP would refuse.
  await page.route('**/__test__/load-mediabunny.mjs', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: "import * as mb from '/__test__/mediabunny.mjs'; window.__mediabunny = mb;" }),
  );
  await page.addScriptTag({ type: 'module', url: '/__test__/load-mediabunny.mjs' });
  await page.waitForFunction(() => window.__mediabunny !== undefined);
  const size = await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas');
    return { width: canvas?.width ?? 0, height: canvas?.height ?? 0 };
  });
  width = size.width;
  height = size.height;
  expect([width, height]).toEqual([640, 320]);
});

afterAll(async () => {
  await browser.close();
});

describe('export', () => {
  it('writes one PNG per chosen step, equal to the screen at that step, the same bytes every time', async () => {
    const steps = await stepTimes();
    const first = await exportNow({ format: 'png', steps: { first: 1, last: 2 } });
    expect(first.names).toEqual(['pod-creation-step-02.png', 'pod-creation-step-03.png']);
    for (const [i, file] of first.files.entries()) {
      const png = PNG.sync.read(file);
      expect([png.width, png.height]).toEqual([width, height]);
      const screen = await screenAt(steps[i + 1]?.start ?? -1);
      const same = comparePng(file, screen);
      expect(same.ratio).toBeLessThan(0.0005);
    }
    // ...and not the screen at another time (the comparison above can fail).
    const later = await screenAt(steps[steps.length - 1]?.start ?? 0);
    expect(comparePng(first.files[1] ?? Buffer.alloc(0), later).ratio).toBeGreaterThan(0.01);
    const again = await exportNow({ format: 'png', steps: { first: 1, last: 2 } });
    expect(again.files.map((f) => f.equals(first.files[again.files.indexOf(f)] ?? Buffer.alloc(0)))).toEqual([true, true]);
  });

  for (const format of ['webm', 'mp4'] as const) {
    it(`writes ${format} frame by frame: count, size, duration, a frame against the screen, identical reruns`, async () => {
      const steps = await stepTimes();
      const step = steps[1] ?? { start: 0, end: 1 };
      const made = await exportNow({ format, fps: 10, steps: { first: 1, last: 1 } });
      const expected = Math.round((step.end - step.start) * 10);
      expect(made.frames).toBe(expected);
      const info = await demux(made.files[0] ?? Buffer.alloc(0));
      expect(info.codec).toBe(format === 'webm' ? 'vp9' : 'avc');
      expect([info.width, info.height]).toEqual([width, height]);
      expect(info.packets).toBe(expected);
      expect(info.duration).toBeCloseTo(expected / 10, 1);
      // Frame 7 (t = start + 0.7 s, mid-frame to stay clear of rounding) against the screen then.
      const at = 0.75;
      const decoded = await videoFrameAt(at);
      const screen = await screenAt(step.start + 0.7);
      const match = comparePng(decoded, screen, 0.2);
      expect(match.sameSize).toBe(true);
      expect(match.ratio).toBeLessThan(0.01);
      // ...and not against the screen at the step's end: the check can fail.
      expect(comparePng(decoded, await screenAt(step.end - 0.05), 0.2).ratio).toBeGreaterThan(match.ratio);
      const again = await exportNow({ format, fps: 10, steps: { first: 1, last: 1 } });
      expect(again.files[0]?.equals(made.files[0] ?? Buffer.alloc(0))).toBe(true);
    });
  }

  it('writes a looping GIF whose delays add up to the span and whose first frame is the screen at its start', async () => {
    const steps = await stepTimes();
    const step = steps[0] ?? { start: 0, end: 1 };
    const made = await exportNow({ format: 'gif', fps: 5, steps: { first: 0, last: 0 } });
    const bytes = made.files[0] ?? Buffer.alloc(0);
    const gif = parseGIF(new Uint8Array(bytes).buffer);
    const frames = decompressFrames(gif, true);
    const expected = Math.round((step.end - step.start) * 5);
    expect(frames).toHaveLength(expected);
    expect([gif.lsd.width, gif.lsd.height]).toEqual([width, height]);
    expect(frames.reduce((sum, f) => sum + f.delay, 0)).toBe(expected * 200);
    const firstFrame = frames[0];
    if (!firstFrame) throw new Error('no frame');
    const png = new PNG({ width: firstFrame.dims.width, height: firstFrame.dims.height });
    png.data = Buffer.from(firstFrame.patch);
    const match = comparePng(PNG.sync.write(png), await screenAt(step.start), 0.2);
    expect(match.ratio).toBeLessThan(0.01);
    const again = await exportNow({ format: 'gif', fps: 5, steps: { first: 0, last: 0 } });
    expect(again.files[0]?.equals(bytes)).toBe(true);
  });

  it('burns captions into a band under the stage, in the chosen language', async () => {
    const en = await exportNow({ format: 'png', steps: { first: 0, last: 0 }, captions: true });
    const ko = await exportNow({ format: 'png', steps: { first: 0, last: 0 }, captions: true, lang: 'ko' });
    const bare = await exportNow({ format: 'png', steps: { first: 0, last: 0 } });
    const png = PNG.sync.read(en.files[0] ?? Buffer.alloc(0));
    expect([png.width, png.height]).toEqual([width, height]);
    // Same size, different pictures: the stage shrinks for the band, the band's text follows the language.
    expect(comparePng(en.files[0] ?? Buffer.alloc(0), bare.files[0] ?? Buffer.alloc(0)).ratio).toBeGreaterThan(0.05);
    const bottom = (file: Buffer | undefined): Buffer => {
      const image = PNG.sync.read(file ?? Buffer.alloc(0));
      const band = Math.floor(image.height * 0.15);
      const out = new PNG({ width: image.width, height: band });
      image.data.copy(out.data, 0, (image.height - band) * image.width * 4);
      return PNG.sync.write(out);
    };
    expect(comparePng(bottom(en.files[0]), bottom(ko.files[0])).ratio).toBeGreaterThan(0.01);
  });

  it('stops when cancelled and leaves nothing behind', async () => {
    const outcome = await page.evaluate(async () => {
      const controller = new AbortController();
      const request = { format: 'webm', width: 320, height: 180, fps: 30, lang: 'en', theme: 'dark', captions: false } as const;
      const run = window.__kubedeck?.exportScenario(request, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.phase === 'rendering' && p.done >= 5) controller.abort();
        },
      });
      try {
        await run;
        return 'finished';
      } catch (error) {
        return `${(error as Error).name}: ${(error as Error).message} / ${document.querySelectorAll('[data-export-stage]').length}`;
      }
    });
    expect(outcome).toBe('ExportError: export cancelled / 0');
  });

  it('says so clearly where the browser has no video encoder', async () => {
    const bare = await browser.context.newPage();
    await bare.addInitScript(() => {
      Reflect.deleteProperty(window, 'VideoEncoder');
    });
    await bare.goto(`${inject('baseUrl')}?scenario=pod-creation`);
    await bare.waitForFunction(() => window.__kubedeck !== undefined);
    const message = await bare.evaluate(async () => {
      const request = { format: 'mp4', width: 320, height: 180, fps: 10, lang: 'en', theme: 'dark', captions: false, steps: { first: 0, last: 0 } } as const;
      return window.__kubedeck?.exportScenario(request).then(
        () => 'finished',
        (error: unknown) => (error as Error).message,
      );
    });
    expect(message).toMatch(/no WebCodecs video encoder.*use PNG or GIF/);
    await bare.close();
  });

  it('exports from the dialog: the file downloads', async () => {
    await page.click('[data-action=open-export]');
    await page.selectOption('[data-testid=export-format]', 'png');
    await page.selectOption('[data-testid=export-size]', '640x360');
    await page.selectOption('[data-testid=export-from]', { value: '2' });
    await page.selectOption('[data-testid=export-to]', { value: '2' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=start-export]')]);
    expect(download.suggestedFilename()).toBe('pod-creation-step-03.png');
    const path = await download.path();
    const png = PNG.sync.read(readFileSync(path));
    expect([png.width, png.height]).toEqual([640, 360]);
    await expect.poll(() => page.locator('[data-testid=export-status]').innerText()).toContain('pod-creation-step-03.png');
    await page.click('[data-action=close-export]');
  });
});
