/**
 * `npm run build:single` opened from file:// with no server, the way a deck that takes a file
 * opens it: the app loads and steps, links work, nothing is fetched from anywhere, and the
 * picture (inlined fonts, Korean included, and icons) is the one the served app draws. A reveal.js
 * deck opened from disk steps it as its embed.
 */
import { copyFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { captionText, openApp, playerState, settle, stageShot } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { comparePng } from './lib/images.ts';
import { REPO, viteBuild } from './lib/server.ts';

const served = inject('baseUrl');
let browser: Browser;
let outDir: string;
let fileUrl: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'kubedeck-single-'));
  viteBuild(outDir, ['--config', 'vite.single.config.ts']);
  const file = join(outDir, 'kubedeck.html');
  expect(statSync(file).size).toBeGreaterThan(100_000);
  fileUrl = pathToFileURL(file).href;
  browser = await launch({ width: 960, height: 600 });
});
afterAll(async () => {
  await browser?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

/** Opens the single file with `query`, recording every request that is not the file itself or inline data. */
async function openSingle(query: string): Promise<{ page: Page; errors: string[]; outside: string[] }> {
  const outside: string[] = [];
  const watch = (page: Page): void => {
    page.on('request', (request) => {
      const url = request.url();
      if (!url.startsWith('data:') && !url.startsWith('blob:') && !url.startsWith(fileUrl)) outside.push(url);
    });
  };
  browser.context.on('page', watch);
  try {
    return { ...(await openApp(browser.context, `${fileUrl}${query}`)), outside };
  } finally {
    browser.context.off('page', watch);
  }
}

describe('single-file build from file://', () => {
  it('loads, steps and draws what the served app draws, fetching nothing', async () => {
    const single = await openSingle('?scenario=pod-creation&step=3&lang=en&theme=dark');
    expect(new URL(single.page.url()).protocol).toBe('file:');
    expect((await playerState(single.page)).step).toBe(2);
    // → plays the step through; a second → while it plays skips to where it pauses (the step's end).
    await single.page.click('[data-action=stepForward]');
    await single.page.click('[data-action=stepForward]');
    await settle(single.page, { rerender: true });
    const state = await playerState(single.page);
    expect(state.step).toBe(2);
    expect(state.playing).toBe(false);
    const end = await single.page.evaluate(() => window.__kubedeck?.player()?.steps[2]?.end ?? 0);
    expect(state.time).toBeGreaterThan(end - 0.01);

    const reference = await openApp(browser.context, `${served}?scenario=pod-creation&step=3&lang=en&theme=dark`);
    await reference.page.evaluate(() => window.__kubedeck?.player()?.stepForward({ animate: false }));
    await settle(reference.page, { rerender: true });
    expect((await playerState(reference.page)).time).toBeCloseTo(state.time, 6);
    const caption = await captionText(reference.page);
    expect(caption.length).toBeGreaterThan(20);
    expect(await captionText(single.page)).toBe(caption);
    const shot = await stageShot(single.page);
    const same = comparePng(shot, await stageShot(reference.page));
    expect(same.ratio).toBeLessThan(0.002);
    // Not blank: the stage is far from one flat colour.
    const { PNG } = await import('pngjs');
    const png = PNG.sync.read(shot);
    const colours = new Set<number>();
    for (let i = 0; i < png.data.length; i += 4 * 97) colours.add(png.data.readUInt32BE(i));
    expect(colours.size).toBeGreaterThan(50);

    expect(single.outside).toEqual([]);
    expect(single.errors).toEqual([]);
    await single.page.close();
    await reference.page.close();
  });

  it('shows Korean with its inlined fonts (light theme)', async () => {
    const single = await openSingle('?scenario=node-failure&step=3&lang=ko&theme=light');
    await settle(single.page, { rerender: true });
    const reference = await openApp(browser.context, `${served}?scenario=node-failure&step=3&lang=ko&theme=light`);
    await settle(reference.page, { rerender: true });
    const caption = await captionText(single.page);
    expect(caption).toMatch(/[\uac00-\ud7a3]/);
    expect(caption).toBe(await captionText(reference.page));
    // A missing Hangul face would fall back to another font (or tofu) and move many pixels.
    expect(comparePng(await stageShot(single.page), await stageShot(reference.page)).ratio).toBeLessThan(0.002);
    const whole = comparePng(await single.page.screenshot(), await reference.page.screenshot());
    expect(whole.ratio).toBeLessThan(0.002);
    expect(single.outside).toEqual([]);
    expect(single.errors).toEqual([]);
    await single.page.close();
    await reference.page.close();
  });

  it('opens the embed view with ?embed=1 (one page holds both)', async () => {
    const single = await openSingle('?embed=1&scenario=node-failure&step=2&controls=minimal&lang=en');
    await settle(single.page, { rerender: true });
    expect((await playerState(single.page)).step).toBe(1);
    // The embed view: stage and captions, no app chrome (the scenario title lives in the app's top bar).
    expect(await single.page.locator('[data-testid=scenario-title]').count()).toBe(0);
    expect(await single.page.locator('[data-testid=step-counter]').innerText()).toMatch(/^Step 2 of \d+$/);
    expect((await captionText(single.page)).length).toBeGreaterThan(20);
    expect(single.outside).toEqual([]);
    expect(single.errors).toEqual([]);
    await single.page.close();
  });

  it('is the embed of a reveal.js deck opened from disk', async () => {
    const deckDir = join(outDir, 'deck');
    cpSync(join(REPO, 'node_modules/reveal.js/dist'), join(deckDir, 'reveal'), { recursive: true });
    copyFileSync(join(outDir, 'kubedeck.html'), join(deckDir, 'kubedeck.html'));
    writeFileSync(join(deckDir, 'kubedeck-reveal.js'), await (await fetch(`${served}kubedeck-reveal.js`)).text());
    const html = readFileSync(join(REPO, 'test/browser/fixtures/reveal-deck.html'), 'utf8').replaceAll('__PLUGIN__', 'kubedeck-reveal.js').replaceAll('__EMBED__', 'kubedeck.html?embed=1&');
    writeFileSync(join(deckDir, 'index.html'), html);
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    await page.goto(pathToFileURL(join(deckDir, 'index.html')).href);
    await page.waitForFunction(() => document.querySelectorAll('.kubedeck-step').length > 3, undefined, { timeout: 60_000 });
    const frame = page.frames().find((f) => f.url().includes('kubedeck.html'));
    if (!frame) throw new Error('no kubedeck frame');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await frame.waitForFunction(() => window.__kubedeck?.player()?.getState().step === 2, undefined, { timeout: 10_000 });
    await page.keyboard.press('ArrowLeft');
    await frame.waitForFunction(() => window.__kubedeck?.player()?.getState().step === 1, undefined, { timeout: 10_000 });
    expect(errors).toEqual([]);
    await page.close();
  });
});
