/**
 * A frame is a function of (trace, time, view): whatever path reached a moment (play, pause,
 * playStep, goto, seek, speed, back, next, another scenario), the stage draws what a fresh load
 * draws at that time (issue #14).
 *
 * - 1,000 random control sequences, one after another on one page (each starts where the last
 *   left off): after each, every text and drawn object on the live stage (content, box, alpha:
 *   what decides the pixels) equals what a stage built from nothing draws at the same time
 *   (stage.freshFrame). Fast, so it runs many.
 * - 12 more compared pixel for pixel as well: the live canvas against a fresh page load of the
 *   same scenario seeked to the same time (a fresh page costs ~2.5 s here, so few; the test's
 *   budget is ~90 s on two cores).
 *
 * Pixels: a text's raster may come out a pixel row apart after a long session (the same text,
 * style and position to 0.01 px, drawn again from PixiJS's pooled text canvases), up to ~100 px of
 * the ~580,000; a label in another place or a stale one differs by hundreds to thousands.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import type { Page } from 'playwright-core';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { runSequence, sequenceArb } from './lib/control-sequences.ts';
import { diffWithFresh } from './lib/fresh-frame.ts';
import { comparePng, writePng } from './lib/images.ts';

const base = inject('baseUrl');
const ids = SCENARIOS.map((s) => s.id);
/** Sequences also compared by pixels, and how many pixels a text raster may differ by (see above). */
const PIXEL_RUNS = 12;
const RASTER_SLACK = 120;
let browser: Browser;
let app: AppPage;

/** The canvas's own pixels as drawn last (the 2D canvas keeps them; no page layout, no new frame). */
async function canvasPixels(page: Page): Promise<Buffer> {
  const url = await page.evaluate(() => document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas')?.toDataURL('image/png') ?? '');
  return Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
}

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720 });
  app = await openApp(browser.context, `${base}?scenario=pod-creation`);
});
afterAll(async () => {
  await browser.close();
});

describe('a frame does not depend on the path that reached it', () => {
  it('1,000 random control sequences: texts and objects equal a fresh stage at the same time', { timeout: 240_000 }, async () => {
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(sequenceArb(ids), async (actions) => {
        const end = await runSequence(app.page, actions);
        const diff = await diffWithFresh(app.page);
        compared += diff.compared;
        expect({ ...end, live: diff.live, fresh: diff.fresh }).toEqual({ ...end, live: [], fresh: [] });
      }),
      { numRuns: 1000, seed: 14, endOnFailure: true },
    );
    expect(compared).toBeGreaterThan(1000);
    expect(app.errors).toEqual([]);
  });

  it('12 more, also pixel for pixel against a fresh page load', { timeout: 240_000 }, async () => {
    // Read back from the 2D canvas (headless SwiftShader: the stage picks PixiJS's canvas renderer).
    expect(await app.page.evaluate(() => (window.__kubedeck?.stage() as { rendererName?: string } | undefined)?.rendererName)).toBe('canvas');
    const fresh = await browser.context.newPage();
    const sequences = fc.sample(sequenceArb(ids), { numRuns: PIXEL_RUNS, seed: 1414 });
    for (const [i, actions] of sequences.entries()) {
      const end = await runSequence(app.page, actions);
      const diff = await diffWithFresh(app.page);
      expect({ sequence: i, live: diff.live, fresh: diff.fresh }).toEqual({ sequence: i, live: [], fresh: [] });
      await settle(app.page);
      const live = await canvasPixels(app.page);
      await fresh.goto(`${base}?scenario=${end.scenario}`);
      await fresh.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 30_000 });
      await fresh.evaluate(async ({ time, speed }) => {
        await window.__kubedeck?.ready;
        await window.__kubedeck?.stage()?.ready();
        // The same speed shows in the controls bar: the same layout, so the same stage size.
        window.__kubedeck?.player()?.setSpeed(speed);
        window.__kubedeck?.player()?.seek(time);
      }, end);
      await settle(fresh);
      const again = await canvasPixels(fresh);
      const c = comparePng(live, again, 0);
      if (c.differing > RASTER_SLACK) {
        writePng(`test-results/frame-path/${i}-live.png`, live);
        writePng(`test-results/frame-path/${i}-fresh.png`, again);
        if (c.diff) writePng(`test-results/frame-path/${i}-diff.png`, c.diff);
      }
      expect(c.sameSize).toBe(true);
      expect(c.differing, `sequence ${String(i)} (${end.scenario} at ${String(end.time)} s): ${JSON.stringify(actions)}`).toBeLessThanOrEqual(RASTER_SLACK);
    }
    await fresh.close();
    expect(app.errors).toEqual([]);
  });
});
