/**
 * Look at the command bar: `npx tsx test/browser/shoot-command.ts <url> <out.png> <width> <height> <command>`
 * opens the app, types the command into the bar (`:` first), presses Enter, pauses and screenshots.
 */
import { launch } from './lib/chromium.ts';

const [url, out, width, height, command] = process.argv.slice(2);
if (!url || !out || command === undefined) throw new Error('usage: shoot-command.ts <url> <out.png> <width> <height> <command>');
const browser = await launch({ width: Number(width ?? 1280), height: Number(height ?? 720) });
try {
  const page = await browser.context.newPage();
  page.on('pageerror', (e) => console.log(`[pageerror] ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') console.log(`[error] ${m.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
    await document.fonts.ready;
  });
  await page.keyboard.press(':');
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await page.waitForTimeout(500);
  await page.evaluate(() => window.__kubedeck?.player()?.pause());
  await page.waitForTimeout(300);
  await page.screenshot({ path: out });
  console.log(await page.evaluate(() => location.search));
} finally {
  await browser.close();
}
