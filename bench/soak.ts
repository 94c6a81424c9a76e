/**
 * `npm run bench:soak`: does a long session leak? The app and the embed each loop a scenario at 4x
 * in headless Chromium for SOAK_MINUTES (default 60) and print, at the start (after a warm-up), at
 * each SOAK_EVERY minutes and at the end: the JS heap after a forced GC and the DOM node and event
 * listener counts (Chrome DevTools Protocol: HeapProfiler.collectGarbage, Runtime.getHeapUsage,
 * Memory.getDOMCounters). Prints, does not assert; the aim is under 5 MB of heap growth.
 * SOAK_SCENARIO picks the scenario (default service-routing: packets, rules, objects).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch } from '../test/browser/lib/chromium.ts';
import { serveStatic, viteBuild } from '../test/browser/lib/server.ts';
import { fmt } from './lib/stats.ts';

const MINUTES = Number(process.env['SOAK_MINUTES'] ?? 60);
const EVERY = Number(process.env['SOAK_EVERY'] ?? 10);
const SCENARIO = process.env['SOAK_SCENARIO'] ?? 'service-routing';
const WARM_UP_MS = 10_000;

interface Sample {
  readonly minute: number;
  readonly heapMB: number;
  readonly nodes: number;
  readonly listeners: number;
}

async function sample(page: Page, minute: number): Promise<Sample> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    return { minute, heapMB: heap.usedSize / (1024 * 1024), nodes: dom.nodes, listeners: dom.jsEventListeners };
  } finally {
    await cdp.detach();
  }
}

const line = (name: string, s: Sample): string => `${name.padEnd(6)}${fmt(s.minute, 1).padStart(6)} min   heap ${fmt(s.heapMB, 2).padStart(7)} MB   DOM nodes ${String(s.nodes).padStart(6)}   listeners ${String(s.listeners).padStart(5)}`;

async function soak(page: Page, name: string, out: (l: string) => void): Promise<void> {
  await page.waitForTimeout(WARM_UP_MS);
  const start = await sample(page, 0);
  out(line(name, start));
  const began = Date.now();
  let last: Sample;
  for (let next = Math.min(EVERY, MINUTES); ; next = Math.min(next + EVERY, MINUTES)) {
    const wait = began + next * 60_000 - Date.now();
    if (wait > 0) await page.waitForTimeout(wait);
    last = await sample(page, (Date.now() - began) / 60_000);
    out(line(name, last));
    if (next >= MINUTES) break;
  }
  const playing = await page.evaluate(() => window.__kubedeck?.player()?.getState().playing ?? false);
  out(`${name.padEnd(6)}growth: heap ${fmt(last.heapMB - start.heapMB, 2)} MB (aim < 5), DOM nodes ${last.nodes - start.nodes}, listeners ${last.listeners - start.listeners}; still playing: ${String(playing)}`);
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kubedeck-soak-'));
  const out = (l: string): void => console.log(l);
  try {
    viteBuild(join(work, 'app'));
    const server = await serveStatic(join(work, 'app'));
    const browser = await launch({ width: 1280, height: 720 });
    try {
      out(`kubedeck soak — ${SCENARIO} looping at 4x for ${MINUTES} min in the app and the embed (Chromium headless, 1280x720)`);
      const app = await browser.context.newPage();
      await app.goto(`${server.url}?scenario=${SCENARIO}&lang=en&theme=dark`);
      await app.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
      await app.evaluate(() => {
        const player = window.__kubedeck?.player();
        player?.setSpeed(4);
        player?.setLoop(true);
        player?.play();
      });
      const embed = await browser.context.newPage();
      await embed.goto(`${server.url}embed.html?scenario=${SCENARIO}&autoplay&loop&speed=4&controls=minimal`);
      await embed.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
      // Both pages run at once (each has its own renderer and ticker), so the hour covers both.
      await Promise.all([soak(app, 'app', out), soak(embed, 'embed', out)]);
      await server.close();
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
