/**
 * A scenario whose run holds the page for seconds (zone-outage's thousands of replicas): opened
 * from the picker, the caption says the cluster is being prepared and a frame shows that before
 * the run starts, instead of the old picture standing frozen under a closed picker.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { captionText, openApp } from './lib/app-page.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 960, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

interface Seen {
  readonly captions: readonly { readonly text: string; readonly at: number }[];
  readonly frames: readonly number[];
}

describe('a long run from the picker', () => {
  it('says "Preparing the cluster…" and paints it before the run, also when the code is loaded already', async () => {
    // zone-outage first (its code loads), then pod-creation: the pick below finds the code at hand,
    // so nothing but the app itself can give the browser a frame before the run.
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=30&perNode=1&lang=en`);
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=pod-creation]');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'pod-creation');
    await page.evaluate(() => {
      const seen: { captions: { text: string; at: number }[]; frames: number[] } = { captions: [], frames: [] };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const caption = document.querySelector('[data-testid=caption]');
      if (caption === null) throw new Error('no caption');
      new MutationObserver(() => seen.captions.push({ text: caption.textContent ?? '', at: performance.now() })).observe(caption, { childList: true, subtree: true, characterData: true });
      const tick = (t: number): void => {
        seen.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=zone-outage]');
    // 50 nodes x 20: 1,000 replicas, a run long enough to be announced and short enough for a test.
    await page.fill('#param-nodes', '50');
    await page.dispatchEvent('#param-nodes', 'change');
    await page.fill('#param-perNode', '20');
    await page.dispatchEvent('#param-perNode', 'change');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'zone-outage' && url.searchParams.get('nodes') === '50', { timeout: 60_000 });
    expect(await captionText(page)).toMatch(/1,000 replicas of "web" on 50 nodes/);
    const seen = (await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen)) as Seen;
    const preparing = seen.captions.find((c) => c.text === 'Preparing the cluster…');
    const story = seen.captions.find((c) => c.text.includes('1,000 replicas'));
    expect(preparing, JSON.stringify(seen.captions.map((c) => c.text))).toBeDefined();
    expect(story).toBeDefined();
    if (preparing === undefined || story === undefined) return;
    // A frame came while the words were up, and only then the run: its frame-less stretch follows.
    const framesBetween = seen.frames.filter((f) => f > preparing.at && f < story.at);
    expect(framesBetween.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
