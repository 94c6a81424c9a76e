/**
 * The reveal.js plugin in a real reveal.js deck (test/browser/fixtures/reveal-deck.html) served
 * from its own origin, framing the built embed cross-origin: the deck's arrow keys go through
 * every step of the scenario before leaving the slide, back again, restart or resume on entering,
 * never reload the frame, pause it when leaving, and keep working after a click into the frame.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { REPO, serveStatic, type StaticServer } from './lib/server.ts';

const embedBase = inject('baseUrl');
let browser: Browser;
let deckServer: StaticServer;
let deckDir: string;

beforeAll(async () => {
  deckDir = mkdtempSync(join(tmpdir(), 'kubedeck-deck-'));
  cpSync(join(REPO, 'node_modules/reveal.js/dist'), join(deckDir, 'reveal'), { recursive: true });
  const html = readFileSync(join(REPO, 'test/browser/fixtures/reveal-deck.html'), 'utf8')
    .replaceAll('__PLUGIN__', `${embedBase}kubedeck-reveal.js`)
    .replaceAll('__EMBED__', `${embedBase}embed.html?`);
  writeFileSync(join(deckDir, 'index.html'), html);
  deckServer = await serveStatic(deckDir);
  expect(new URL(deckServer.url).origin).not.toBe(new URL(embedBase).origin);
  browser = await launch({ width: 1000, height: 600 });
});
afterAll(async () => {
  await browser?.close();
  await deckServer?.close();
  if (deckDir) rmSync(deckDir, { recursive: true, force: true });
});

interface Deck {
  readonly page: Page;
  readonly errors: string[];
}

async function openDeck(query: string): Promise<Deck> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`${e.name}: ${e.message}`));
  await page.goto(`${deckServer.url}?${query}`);
  await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true);
  return { page, errors };
}

/** Horizontal slide index of the deck. */
const slideIndex = (page: Page): Promise<number> => page.evaluate(() => (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h);

function embedFrame(page: Page): Frame {
  const frame = page.frames().find((f) => f.url().includes('embed.html'));
  if (!frame) throw new Error('no embed frame');
  return frame;
}

/** The embed's frame once it has navigated to embed.html. */
async function loadedFrame(page: Page): Promise<Frame> {
  for (let tries = 0; tries < 200; tries++) {
    const frame = page.frames().find((f) => f.url().includes('embed.html'));
    if (frame) return frame;
    await page.waitForTimeout(50);
  }
  throw new Error('the embed frame never loaded');
}

/** Waits until the embed is ready and the plugin has added its step fragments; the step count. */
async function waitReady(page: Page): Promise<number> {
  const frame = await loadedFrame(page);
  await frame.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
  const steps = await frame.evaluate(() => window.__kubedeck?.player()?.steps.length ?? 0);
  expect(steps).toBeGreaterThan(3);
  await page.waitForFunction((n) => document.querySelectorAll('.kubedeck-step').length === n - 1, steps);
  return steps;
}

const embedStep = (page: Page): Promise<number> => embedFrame(page).evaluate(() => window.__kubedeck?.player()?.getState().step ?? -1);
const embedPlaying = (page: Page): Promise<boolean> => embedFrame(page).evaluate(() => window.__kubedeck?.player()?.getState().playing ?? false);

async function expectStep(page: Page, step: number): Promise<void> {
  try {
    await embedFrame(page).waitForFunction((s) => window.__kubedeck?.player()?.getState().step === s, step, { timeout: 10_000 });
  } catch (error) {
    const deck = await page.evaluate(() => ({ slide: (window as unknown as { Reveal: { getIndices(): { h: number } } }).Reveal.getIndices().h, shown: document.querySelectorAll('.kubedeck-step.visible').length }));
    throw new Error(`embed at step ${await embedStep(page)}, expected ${step}; deck on slide ${deck.slide} with ${deck.shown} step fragments shown`, { cause: error });
  }
}

/** Jumps like the overview or a slide number does (two slides away from the kubedeck slide unloads it). */
const jump = (page: Page, h: number): Promise<void> => page.evaluate((to) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(to), h);

/** Marks the frame's document: the mark survives only if the frame was not reloaded. */
const markFrame = (page: Page): Promise<void> => embedFrame(page).evaluate(() => void ((window as unknown as { __mark?: string }).__mark = 'kept'));
const frameMark = (page: Page): Promise<string | undefined> => embedFrame(page).evaluate(() => (window as unknown as { __mark?: string }).__mark);

describe('reveal.js plugin', () => {
  it('steps through the scenario with the arrow keys before leaving the slide, and back', async () => {
    const { page, errors } = await openDeck('mode=restart');
    expect(await slideIndex(page)).toBe(0);
    // Onto the kubedeck slide first: Chromium throttles offscreen cross-origin frames, so the
    // embed may take its time to start while its slide waits off to the side.
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(1);
    const steps = await waitReady(page);
    await markFrame(page);
    await expectStep(page, 0);
    for (let step = 1; step < steps; step++) {
      await page.keyboard.press('ArrowRight');
      await expectStep(page, step);
      expect(await slideIndex(page)).toBe(1);
      if (step === 1) {
        // "Next" plays the step's animation (animate defaults to true), then pauses within the step.
        await embedFrame(page).waitForFunction(() => {
          const p = window.__kubedeck?.player();
          const s = p?.getState();
          return s !== undefined && s.step === 1 && s.time > (p?.steps[1]?.start ?? Infinity) + 0.2;
        });
      }
    }
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(2);

    // Back onto the slide (restart: the first step), then back through a step and off the slide.
    await page.keyboard.press('ArrowLeft');
    expect(await slideIndex(page)).toBe(1);
    await expectStep(page, 0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 2);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 1);
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, 0);
    expect(await slideIndex(page)).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await slideIndex(page)).toBe(0);

    // All that without reloading the frame.
    expect(await frameMark(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('resumes where it was left, pauses when left, and keeps the arrow keys after a click into the frame', async () => {
    const { page, errors } = await openDeck('mode=resume');
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    await markFrame(page);
    // Quick presses: the embed's reports of earlier steps must not undo the later ones.
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
    await expectStep(page, 4);

    // Playing when the deck jumps away (overview, slide number): the embed pauses.
    await embedFrame(page).evaluate(() => window.__kubedeck?.player()?.play());
    expect(await embedPlaying(page)).toBe(true);
    await jump(page, 3);
    await embedFrame(page).waitForFunction(() => window.__kubedeck?.player()?.getState().playing === false);
    const left = await embedStep(page);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await slideIndex(page)).toBe(1);
    await expectStep(page, left);

    // A click into the frame gives it the focus; the deck's keys still step and leave.
    await page.locator('iframe[data-kubedeck]').click({ position: { x: 480, y: 200 } });
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
    await page.keyboard.press('ArrowRight');
    await expectStep(page, left + 1);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expectStep(page, left - 1);
    expect(await slideIndex(page)).toBe(1);

    // A key message from anyone but the kubedeck frame is not trusted.
    await page.evaluate(() => window.postMessage({ kubedeck: 1, type: 'key', key: 'ArrowRight', shift: false, alt: false, ctrl: false, meta: false }, '*'));
    await page.waitForTimeout(200);
    expect(await embedStep(page)).toBe(left - 1);

    expect(await frameMark(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('holds the slide on an early "next" while the embed is still starting', async () => {
    const { page, errors } = await openDeck('mode=restart&silent=1');
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(1);
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(1);
    // It never starts: one press more leaves the slide, nothing is stuck.
    await page.keyboard.press('ArrowRight');
    expect(await slideIndex(page)).toBe(2);
    expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
    await page.close();
  });

  it('keeps a lazy (data-src) frame loaded once reveal has loaded it', async () => {
    const { page, errors } = await openDeck('mode=restart&lazy=1');
    await page.keyboard.press('ArrowRight');
    await waitReady(page);
    await markFrame(page);
    await page.keyboard.press('ArrowLeft');
    expect(await slideIndex(page)).toBe(0);
    await jump(page, 3);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await slideIndex(page)).toBe(1);
    await expectStep(page, 0);
    await page.keyboard.press('ArrowRight');
    await expectStep(page, 1);
    expect(await frameMark(page)).toBe('kept');
    expect(errors).toEqual([]);
    await page.close();
  });
});
