/**
 * Look at the app: `npx tsx test/browser/shoot.ts <url> <out.png> [width] [height] [--click=selector]...`
 * Waits for the app to be ready, prints console errors, writes a screenshot.
 */
import { launch } from './lib/chromium.ts';

const [url, out, width, height, ...rest] = process.argv.slice(2);
if (!url || !out) throw new Error('usage: shoot.ts <url> <out.png> [width] [height] [--click=selector] [--key=Key]');
const browser = await launch({ width: Number(width ?? 1280), height: Number(height ?? 720) });
try {
  const page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') console.log(`[${m.type()}] ${m.text()}`);
  });
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
    await document.fonts.ready;
  });
  for (const arg of rest) {
    if (arg.startsWith('--click=')) await page.click(arg.slice(8));
    if (arg.startsWith('--key=')) await page.keyboard.press(arg.slice(6));
    if (arg.startsWith('--hover=')) await page.hover(arg.slice(8));
    if (arg.startsWith('--wait=')) await page.waitForTimeout(Number(arg.slice(7)));
    if (arg.startsWith('--at=')) {
      const [x, y] = arg.slice(5).split(',').map(Number);
      await page.mouse.click(x ?? 0, y ?? 0);
    }
  }
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(await page.evaluate(() => location.search));
} finally {
  await browser.close();
}
