/**
 * A lost WebGL context (a GPU reset; here WEBGL_lose_context) on the stage's WebGL path: while it
 * is lost the stage pauses, Play waits, and a notice says so in the page's language; once it is
 * restored the stage rebuilds its textures, so the picture (icons and texts included) is the one
 * drawn before the loss, also after stepping away and back.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openApp, playerState, settle, stageShot } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { comparePng, writePng } from './lib/images.ts';
import { preferWebGL, rendererOf } from './lib/webgl.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720 });
  await preferWebGL(browser.context);
});
afterAll(async () => {
  await browser.close();
});

declare global {
  interface Window {
    __loseContext?: WEBGL_lose_context;
  }
}

/** Loses (or restores) the stage canvas's WebGL context and waits until the stage has heard of it. */
async function setContextLost(page: Page, lost: boolean): Promise<void> {
  await page.evaluate((lose) => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas');
    const gl = canvas?.getContext('webgl2') ?? canvas?.getContext('webgl');
    const ext = window.__loseContext ?? gl?.getExtension('WEBGL_lose_context') ?? undefined;
    if (ext === undefined) throw new Error('no WEBGL_lose_context');
    window.__loseContext = ext;
    if (lose) ext.loseContext();
    else ext.restoreContext();
  }, lost);
  await page.waitForFunction((lose) => (window.__kubedeck?.stage() as { contextLost?: boolean } | undefined)?.contextLost === lose, lost);
  await page.evaluate(() => window.__kubedeck?.stage()?.ready());
}

const notice = (page: Page): Promise<string> => page.locator('[data-testid=notice]').innerText();

describe('WebGL context loss', () => {
  it('pauses with a notice while lost, and draws the same picture once restored', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&step=3`);
    expect(await rendererOf(page)).toBe('webgl');
    await settle(page, { rerender: true });
    const before = await stageShot(page);
    const { time } = await playerState(page);

    await page.evaluate(() => window.__kubedeck?.player()?.play());
    await setContextLost(page, true);
    expect((await playerState(page)).playing).toBe(false);
    expect(await page.locator('[data-testid=notice]').isVisible()).toBe(true);
    expect(await notice(page)).toMatch(/paused/);
    // Play waits for the context.
    await page.evaluate(() => window.__kubedeck?.player()?.play());
    await page.waitForTimeout(100);
    expect((await playerState(page)).playing).toBe(false);

    await setContextLost(page, false);
    expect(await page.locator('[data-testid=notice]').isVisible()).toBe(false);
    await page.evaluate((t) => window.__kubedeck?.player()?.seek(t), time);
    await settle(page, { rerender: true });
    const after = await stageShot(page);
    // And after stepping away and back.
    await page.evaluate(() => window.__kubedeck?.player()?.gotoStep(8));
    await settle(page, { rerender: true });
    await page.evaluate((t) => window.__kubedeck?.player()?.seek(t), time);
    await settle(page, { rerender: true });
    const back = await stageShot(page);
    for (const [name, shot] of [['restored', after], ['away-and-back', back]] as const) {
      const c = comparePng(before, shot);
      if (c.differing > 0) {
        writePng(`test-results/context-loss/${name}.png`, shot);
        writePng('test-results/context-loss/before.png', before);
        if (c.diff) writePng(`test-results/context-loss/${name}-diff.png`, c.diff);
      }
      // Black icons or texts differ by thousands of pixels; the same picture by none.
      expect({ name, differing: c.differing }).toEqual({ name, differing: 0 });
    }
    // It plays again.
    await page.evaluate(() => window.__kubedeck?.player()?.play());
    expect((await playerState(page)).playing).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says so in Korean, in the app and in the embed', async () => {
    for (const url of [`${base}?scenario=node-failure&lang=ko`, `${base}embed.html?scenario=node-failure&lang=ko`]) {
      const { page, errors } = await openApp(browser.context, url);
      expect(await rendererOf(page)).toBe('webgl');
      await setContextLost(page, true);
      expect(await notice(page)).toMatch(/애니메이션을 멈췄습니다/);
      expect((await playerState(page)).playing).toBe(false);
      await setContextLost(page, false);
      expect(await page.locator('[data-testid=notice]').isVisible()).toBe(false);
      expect(errors).toEqual([]);
      await page.close();
    }
  });
});
