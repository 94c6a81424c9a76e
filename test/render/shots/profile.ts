/**
 * Frame cost of the stage while playing, split into stage update and Pixi render:
 *   npx tsx test/render/shots/profile.ts [scenario]
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { createServer } from 'vite';

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const scenario = process.argv[2] ?? 'pod-creation';
const extra = process.argv[3] ?? '';
const root = fileURLToPath(new URL('.', import.meta.url));
const server = await createServer({ configFile: join(root, 'vite.config.ts'), server: { port: 0, host: '127.0.0.1' } });
await server.listen();
const address = server.httpServer?.address();
const port = typeof address === 'object' && address !== null ? address.port : 0;
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'kd-prof-')), { executablePath: '/usr/bin/chromium', args: ARGS, viewport: { width: 1280, height: 720 } });
try {
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  await page.goto(`http://127.0.0.1:${port}/index.html?scenario=${scenario}&w=1280&h=720&${extra}`);
  await page.waitForFunction(() => window.kd !== undefined || window.kdError !== undefined, undefined, { timeout: 60_000 });
  const result = await page.evaluate(() => {
    const kd = window.kd;
    if (!kd) return 'no stage';
    const d = kd.player.getState().duration;
    const times: number[] = [];
    for (let t = 0; t < d; t += 1 / 30) {
      const a = performance.now();
      kd.stage.renderFrameAt(t);
      times.push(performance.now() - a);
    }
    times.sort((x, y) => x - y);
    // (No inner named functions: tsx would wrap them in a helper the page does not have.)
    const n = times.length;
    const at = [0.5, 0.95, 0.99, 1].map((p) => times[Math.min(n - 1, Math.floor(p * n))]?.toFixed(2));
    return `${kd.stage.rendererName} frames ${n}: p50 ${at[0]} p95 ${at[1]} p99 ${at[2]} max ${at[3]} ms (seek+render, sync)`;
  });
  console.log(scenario, result);

  // Real playback (rAF-driven GSAP ticker) under the CPU profiler: where does frame time go?
  const cdp = await ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const frames = await page.evaluate(async () => {
    const kd = window.kd;
    if (!kd) return 'no stage';
    kd.player.seek(0);
    kd.player.play();
    const stamps: number[] = [];
    const until = performance.now() + 3000;
    const hardStop = Date.now() + 20_000;
    await new Promise<void>((done) => {
      const loop = (now: number): void => {
        stamps.push(now);
        if (now < until && Date.now() < hardStop) requestAnimationFrame(loop);
        else done();
      };
      requestAnimationFrame(loop);
    });
    kd.player.pause();
    const d = stamps.slice(1).map((x, i) => x - (stamps[i] ?? x)).sort((a, b) => a - b);
    const n = d.length;
    return `rAF intervals: ${n} frames, p50 ${d[Math.floor(n * 0.5)]?.toFixed(1)} p95 ${d[Math.floor(n * 0.95)]?.toFixed(1)} max ${d[n - 1]?.toFixed(1)} ms`;
  });
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples?: number[]; timeDeltas?: number[] } };
  console.log(frames);
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  samples.forEach((id, i) => {
    const n = byId.get(id);
    if (!n) return;
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  });
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n'));
} finally {
  await ctx.close();
  await server.close();
}
