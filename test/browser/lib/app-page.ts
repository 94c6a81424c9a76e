/**
 * Driving the built app in a page: open a link, wait until the first scenario is on the stage,
 * collect console errors, and take deterministic screenshots (player paused, frame rendered
 * synchronously at the current time, fonts and icons settled).
 */
import type { BrowserContext, Page } from 'playwright-core';

export interface AppPage {
  readonly page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  readonly errors: string[];
}

export async function openApp(context: BrowserContext, url: string): Promise<AppPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(`${error.name}: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
    await window.__kubedeck?.stage()?.ready();
    await document.fonts.ready;
  });
  return { page, errors };
}

export interface PlayerSnapshot {
  readonly step: number;
  readonly time: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly steps: number;
}

export function playerState(page: Page): Promise<PlayerSnapshot> {
  return page.evaluate(() => {
    const player = window.__kubedeck?.player();
    if (!player) throw new Error('no player');
    const s = player.getState();
    return { step: s.step, time: s.time, playing: s.playing, speed: s.speed, steps: player.steps.length };
  });
}

/**
 * Pauses and lets pending font/icon work finish; with `rerender`, also renders the current time
 * synchronously (a seek while paused has already rendered; software WebGL makes each frame dear).
 */
export async function settle(page: Page, options: { rerender?: boolean } = {}): Promise<void> {
  await page.evaluate(async (rerender) => {
    const app = window.__kubedeck;
    const player = app?.player();
    player?.pause();
    await app?.stage()?.ready();
    await document.fonts.ready;
    if (rerender && player) app?.stage()?.renderFrameAt(player.getState().time);
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, options.rerender ?? false);
  // Nothing focused, no hover: a screenshot shows the app as a viewer first sees it.
  await page.mouse.move(0, 0);
  await page.evaluate(() => (document.activeElement instanceof HTMLElement ? document.activeElement.blur() : undefined));
}

export async function stageShot(page: Page): Promise<Buffer> {
  return page.locator('[data-testid=stage] canvas').screenshot();
}

/** Waits until the player is paused (a step played through, or a hold paused). */
export async function waitPaused(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => window.__kubedeck?.player()?.getState().playing === false, undefined, { timeout });
}

/** Each step's presentation span and caption, as the player has them. */
export function stepSpans(page: Page): Promise<{ start: number; end: number; en: string; ko: string }[]> {
  return page.evaluate(() => (window.__kubedeck?.player()?.steps ?? []).map((s) => ({ start: s.start, end: s.end, en: s.caption.en, ko: s.caption.ko })));
}

export const captionText = (page: Page): Promise<string> => page.locator('[data-testid=caption]').innerText();
