/**
 * Presenter pacing in the app (issue #10): → plays the step shown through and pauses at its end,
 * ← goes back to a step's start, Home/End jump without playing, Space plays on and holds each step
 * until its caption can be read.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readingSeconds } from '../../src/timeline/reading.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { captionText, openApp, playerState, stepSpans, waitPaused } from './lib/app-page.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 960, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

/** The caption's text as the page shows it, without glossary markup or spacing differences. */
const squash = (s: string): string => s.replace(/[`*]/g, '').replace(/\s+/g, ' ').trim();

describe('presenter pacing', () => {
  it('→ plays the step and pauses at its end with its caption; → again plays the next; ← goes back a step', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en`);
    await page.evaluate(() => window.__kubedeck?.player()?.setSpeed(4));
    const spans = await stepSpans(page);
    await page.keyboard.press('ArrowRight');
    expect(await playerState(page)).toMatchObject({ playing: true, step: 0 });
    await waitPaused(page);
    let state = await playerState(page);
    expect(state).toMatchObject({ playing: false, step: 0 });
    expect(state.time).toBeCloseTo(spans[0]?.end ?? -1, 2);
    expect(squash(await captionText(page))).toContain(squash(spans[0]?.en ?? '?').slice(0, 40));
    await page.keyboard.press('ArrowRight');
    expect(await playerState(page)).toMatchObject({ playing: true, step: 1 });
    await waitPaused(page);
    state = await playerState(page);
    expect(state).toMatchObject({ playing: false, step: 1 });
    expect(state.time).toBeCloseTo(spans[1]?.end ?? -1, 2);
    expect(squash(await captionText(page))).toContain(squash(spans[1]?.en ?? '?').slice(0, 40));
    // ← to the start of the step shown (→ would play it again), then to the one before.
    await page.keyboard.press('ArrowLeft');
    expect(await playerState(page)).toMatchObject({ playing: false, step: 1, time: spans[1]?.start });
    await page.keyboard.press('ArrowLeft');
    expect(await playerState(page)).toMatchObject({ playing: false, step: 0, time: 0 });
    // → while a step plays skips to its end.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    state = await playerState(page);
    expect(state).toMatchObject({ playing: false, step: 0 });
    expect(state.time).toBeCloseTo(spans[0]?.end ?? -1, 2);
    // The footer names the keys.
    expect(await page.locator('.footer__keys').innerText()).toContain('→ play next step');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Home and End jump without starting playback, whether paused or playing', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&step=3&lang=en`);
    await page.keyboard.press('Home');
    expect(await playerState(page)).toMatchObject({ playing: false, step: 0, time: 0 });
    await page.keyboard.press('End');
    const end = await playerState(page);
    expect(end).toMatchObject({ playing: false, step: end.steps - 1 });
    await page.keyboard.press('Space');
    expect((await playerState(page)).playing).toBe(true);
    await page.keyboard.press('Home');
    expect(await playerState(page)).toMatchObject({ playing: false, time: 0 });
    await page.waitForTimeout(300);
    expect(await playerState(page)).toMatchObject({ playing: false, time: 0 });
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each(['en', 'ko'] as const)('Space plays on and each step lasts at least its reading time (%s, 4x)', async (lang) => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=${lang}`);
    const spans = await stepSpans(page);
    // Wall-clock time at which each step (and the first hold) was first seen.
    await page.evaluate(() => {
      const player = window.__kubedeck?.player();
      const seen: Record<string, number> = {};
      (window as unknown as { __seen: Record<string, number> }).__seen = seen;
      player?.setSpeed(4);
      player?.subscribe((s) => {
        seen[`step${s.step}`] ??= performance.now();
        if (s.holding) seen['holding'] ??= performance.now();
      });
    });
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (window.__kubedeck?.player()?.getState().step ?? 0) >= 3, undefined, { timeout: 90_000 });
    const seen = await page.evaluate(() => (window as unknown as { __seen: Record<string, number> }).__seen);
    expect(seen['holding']).toBeDefined();
    for (const i of [1, 2]) {
      const span = spans[i];
      const from = seen[`step${i}`];
      const to = seen[`step${i + 1}`];
      if (!span || from === undefined || to === undefined) throw new Error(`step ${i} not seen`);
      const needed = (Math.max(span.end - span.start, readingSeconds(span[lang], lang)) * 1000) / 4;
      // Step 2 and 3 hold: their captions need far longer than their 1.6-2.2 s pictures.
      expect(readingSeconds(span[lang], lang)).toBeGreaterThan(span.end - span.start + 1);
      // Both ends are seen at a frame: a late frame (a loaded machine) can cut the span by one.
      // Without the hold the step would last only its picture, 400-550 ms here, far below.
      expect(to - from).toBeGreaterThanOrEqual(needed - 100);
    }
    expect((await playerState(page)).playing).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
