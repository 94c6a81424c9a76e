/**
 * What a page showed while a long run went on: every frame it painted and every text one element
 * showed, with when (performance.now()), and when each big trace's sliced layout ended (the
 * kubedeck:laid-out marks). The long-run tests read from it whether the page kept painting.
 */
import type { Frame, Page } from 'playwright-core';
import { expect } from 'vitest';

export interface LiveLog {
  /** Each text the element showed, and when; a text is logged when it changes. */
  readonly texts: readonly { readonly text: string; readonly at: number }[];
  /** When each animation frame's callbacks ran (performance.now(), not the frame's earlier timestamp): that frame paints what the page showed then. */
  readonly frames: readonly number[];
  readonly laidOut: readonly number[];
}

/** Runs in the page: starts the log of frames and of `selector`'s texts (the element may come later). */
function startLog(selector: string): void {
  const log: { texts: { text: string; at: number }[]; frames: number[] } = { texts: [], frames: [] };
  (window as unknown as { __liveLog: typeof log }).__liveLog = log;
  const tick = (): void => {
    log.frames.push(performance.now());
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  new MutationObserver(() => {
    const text = document.querySelector(selector)?.textContent ?? '';
    if (text !== log.texts.at(-1)?.text) log.texts.push({ text, at: performance.now() });
  }).observe(document, { childList: true, subtree: true, characterData: true });
}

/** Logs from the page's first script on (for a run that starts as the page loads): call before goto. */
export async function logFromStart(page: Page, selector: string): Promise<void> {
  await page.addInitScript(startLog, selector);
}

/** Logs from now on. */
export async function logFromNow(target: Page | Frame, selector: string): Promise<void> {
  await target.evaluate(startLog, selector);
}

export async function readLog(target: Page | Frame): Promise<LiveLog> {
  return target.evaluate(() => ({
    ...(window as unknown as { __liveLog: Omit<LiveLog, 'laidOut'> }).__liveLog,
    laidOut: performance.getEntriesByName('kubedeck:laid-out').map((m) => m.startTime),
  }));
}

/** The longest stretch without a frame from `from` to `to` (ms): a run that holds the page is one stretch, all of it. */
export function longestGap(frames: readonly number[], from: number, to: number): number {
  const marks = [from, ...frames.filter((f) => f > from && f < to), to];
  let gap = 0;
  for (let i = 1; i < marks.length; i++) gap = Math.max(gap, (marks[i] ?? 0) - (marks[i - 1] ?? 0));
  return gap;
}

/**
 * A big cluster's run as its caption showed it (English): how far the cluster's clock got, then
 * "Drawing the cluster…", then the sliced layout's end, with frames all along: the longest stretch
 * without one under `share` of the whole (in one block, the run and the layout would be one
 * stretch of seconds).
 */
export function expectCaptionRanLive(log: LiveLog, share: number): void {
  const texts = JSON.stringify(log.texts.map((c) => c.text));
  const progress = log.texts.find((c) => /^Preparing the cluster… its clock is at \d\d:\d\d$/.test(c.text));
  const drawing = log.texts.find((c) => c.text === 'Drawing the cluster…');
  const laidOut = log.laidOut.at(-1);
  expect(progress, texts).toBeDefined();
  expect(drawing, texts).toBeDefined();
  expect(laidOut, texts).toBeDefined();
  if (progress === undefined || drawing === undefined || laidOut === undefined) return;
  expect(drawing.at).toBeGreaterThan(progress.at);
  expect(laidOut).toBeGreaterThan(drawing.at);
  const span = laidOut - progress.at;
  expect(span).toBeGreaterThan(400);
  expect(longestGap(log.frames, progress.at, laidOut)).toBeLessThan(share * span);
}
