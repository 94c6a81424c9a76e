/**
 * Look at one moment: `npx tsx test/browser/shoot-at.ts <url> <out.png> <time> [width] [height]`.
 * Renders presentation time `time` (s) paused and writes a screenshot; prints the stage's labels.
 */
import { launch } from './lib/chromium.ts';

const [url, out, time, width, height] = process.argv.slice(2);
if (!url || !out || time === undefined) throw new Error('usage: shoot-at.ts <url> <out.png> <time> [width] [height]');
const browser = await launch({ width: Number(width ?? 1280), height: Number(height ?? 720) });
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  const labels = await page.evaluate(async (t) => {
    await window.__kubedeck?.ready;
    await document.fonts.ready;
    window.__kubedeck?.player()?.pause();
    const stage: unknown = window.__kubedeck?.stage();
    if (typeof stage !== 'object' || stage === null || !('labels' in stage) || !('renderFrameAt' in stage)) return [];
    const s = stage as { labels(): { owner: string; text: string }[]; renderFrameAt(t: number): void };
    s.renderFrameAt(t);
    return s.labels().filter((l) => l.owner === 'token').map((l) => l.text);
  }, Number(time));
  await page.waitForTimeout(200);
  await page.screenshot({ path: out });
  console.log(labels.join('\n'));
} finally {
  await browser.close();
}
