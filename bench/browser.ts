/**
 * `npm run bench`: kubedeck in headless Chromium at 1280x720. Prints, does not assert:
 * - frame time p50/p95/p99 (rAF intervals) and main-thread busy time while scenarios play at 1x
 *   and 4x (pod-creation, node-failure and the busiest stages: service-routing, rolling-update,
 *   etcd-ha; BENCH_SCENARIOS=a,b picks others);
 * - main-thread CPU while paused (nothing moving should cost nothing);
 * - time to first frame, against a bare PixiJS page (bench/bare-pixi) measured in the same run;
 * - initial JS loaded (gzip): the scripts a page requested before its first frame;
 * - export speed: a ~60 s span of a scenario written as WebM and MP4 at 1280x720 30 fps, as a
 *   multiple of real time (aim: >= 2x).
 * - the single-file build's size (`npm run build:single`).
 * - the sandbox: from submitting a command in the bar to the what-if's first frame, per built-in
 *   scenario (BENCH_ACTIONS commands each, p50/p95).
 * - the big cluster (bench/lib/scale.ts): the scale view playing 500 nodes and 15,000 pods, frame
 *   times and fps against raw PixiJS drawing the same scene, on each renderer; the page's heap
 *   with that trace loaded and after it is replaced by a small scenario.
 * BENCH_ONLY=first-load stops after the single-file size (first frame and initial JS only);
 * BENCH_ONLY=sandbox runs only the command -> what-if frame figures;
 * BENCH_ONLY=scale runs only the big-cluster figures.
 * Software WebGL (SwiftShader) on a 2-core box: read the figures as ratios and regressions.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { launch, type Browser } from '../test/browser/lib/chromium.ts';
import { REPO, serveStatic, viteBuild } from '../test/browser/lib/server.ts';
import { COUNT_GL, glCounts, sampleCpu, sampleFrames, watchResponses, watchScripts, type ScriptBytes } from './lib/page-metrics.ts';
import { fmt, median, percentile } from './lib/stats.ts';
import { actionLatencies } from './lib/action-latency.ts';
import { scaleFigures } from './lib/scale.ts';
import { SCENARIOS } from '../scenes/index.ts';

const PLAY_MS = Number(process.env['BENCH_PLAY_MS'] ?? 6000);
const TTFF_RUNS = Number(process.env['BENCH_TTFF_RUNS'] ?? 3);
const EXPORT_SECONDS = Number(process.env['BENCH_EXPORT_SECONDS'] ?? 60);
/** Scenarios played for frame times: the first-run default, and the busiest stages (objects, raft, packets). */
const PLAY_SCENARIOS = (process.env['BENCH_SCENARIOS'] ?? 'pod-creation,node-failure,service-routing,rolling-update,etcd-ha').split(',').filter((s) => s.length > 0);
const ACTIONS = Number(process.env['BENCH_ACTIONS'] ?? 5);
/** BENCH_ONLY=first-load: only time to first frame, initial JS and the single-file size (the quick part). */
const ONLY_FIRST_LOAD = process.env['BENCH_ONLY'] === 'first-load';
/** BENCH_ONLY=sandbox: only the time from a command to the what-if's first frame. */
const ONLY_SANDBOX = process.env['BENCH_ONLY'] === 'sandbox';
/** BENCH_ONLY=scale: only the big-cluster figures (500 nodes, 15,000 pods). */
const ONLY_SCALE = process.env['BENCH_ONLY'] === 'scale';
const EXPORT_FORMATS = (process.env['BENCH_EXPORT_FORMATS'] ?? 'webm,mp4').split(',').filter((f): f is 'webm' | 'mp4' | 'gif' => f === 'webm' || f === 'mp4' || f === 'gif');

/** Exports the first steps of a scenario adding up to about `seconds` at 1280x720 30 fps; returns what the page measured. */
async function exportSpeed(page: Page, format: 'webm' | 'mp4' | 'gif', seconds: number): Promise<{ span: number; took: number; frames: number; codec: string; bytes: number }> {
  return page.evaluate(
    async ({ format, seconds }) => {
      const app = window.__kubedeck;
      const steps = app?.player()?.steps ?? [];
      let last = 0;
      while (last < steps.length - 1 && (steps[last]?.end ?? 0) - (steps[0]?.start ?? 0) < seconds) last += 1;
      const request = { format, width: 1280, height: 720, fps: 30, lang: 'en', theme: 'dark', captions: true, steps: { first: 0, last } } as const;
      const result = await app?.exportScenario(request);
      if (!result) throw new Error('no app');
      return { span: result.duration, took: result.seconds, frames: result.frames, codec: result.codec, bytes: result.files[0]?.bytes.length ?? 0 };
    },
    { format, seconds },
  );
}

/** Milestones of the app's start (performance marks set by src/ui/app.ts), ms from navigation. */
const MARKS = ['kubedeck:start', 'kubedeck:simulate', 'kubedeck:simulated', 'kubedeck:stage-ready', 'kubedeck:first-frame'] as const;

/**
 * Opens the app at `url` and waits for its first frame. `countDraws` wraps the canvas and WebGL
 * calls that count frames and draws (COUNT_GL): the frame-time figures need it; the first-frame
 * comparison does not, since the bare page loads without it and the wrappers cost every draw.
 */
async function openApp(browser: Browser, url: string, countDraws = true): Promise<{ page: Page; firstFrame: number; js: ScriptBytes; data: ScriptBytes; marks: Record<string, number> }> {
  const page = await browser.context.newPage();
  if (countDraws) await page.addInitScript(COUNT_GL);
  const scripts = watchScripts(page);
  // The default view's trace, made at build time (build/first-trace.ts): not JS, but part of the first load.
  const data = watchResponses(page, (_type, url) => new URL(url).pathname.endsWith('.json'));
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kubedeck:first-frame').length > 0, undefined, { timeout: 60_000 });
  const marks = await page.evaluate((names) => Object.fromEntries(names.map((n) => [n, performance.getEntriesByName(n)[0]?.startTime ?? NaN])), [...MARKS]);
  const firstFrame = marks['kubedeck:first-frame'] ?? NaN;
  return { page, firstFrame, js: await scripts.total(firstFrame), data: await data.total(firstFrame), marks };
}

async function openBare(browser: Browser, url: string): Promise<{ firstFrame: number; js: ScriptBytes }> {
  const page = await browser.context.newPage();
  const scripts = watchScripts(page);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstFrame !== undefined, undefined, { timeout: 60_000 });
  const firstFrame = await page.evaluate(() => window.__firstFrame ?? NaN);
  const js = await scripts.total(firstFrame);
  await page.close();
  return { firstFrame, js };
}

/** Builds bench/scale-app and bench/bare-sprites into `work`, serves them and prints the big-cluster figures. */
async function bigCluster(work: string, browser: Browser, out: (line: string) => void): Promise<void> {
  const scaleDir = join(work, 'scale-app');
  const spritesDir = join(work, 'bare-sprites');
  viteBuild(scaleDir, ['--config', 'bench/scale-app/vite.config.ts']);
  viteBuild(spritesDir, [join(REPO, 'bench/bare-sprites'), '--base', './']);
  const scaleServer = await serveStatic(scaleDir);
  const spritesServer = await serveStatic(spritesDir);
  try {
    await scaleFigures(browser, `${scaleServer.url}bench/scale-app/index.html`, spritesServer.url, out);
  } finally {
    await scaleServer.close();
    await spritesServer.close();
  }
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'kubedeck-bench-'));
  const out = (line: string): void => console.log(line);
  if (ONLY_SCALE) {
    const browser = await launch({ width: 1280, height: 720 });
    try {
      out('kubedeck browser bench — Chromium headless, 1280x720, big-cluster figures only');
      await bigCluster(work, browser, out);
    } finally {
      await browser.close();
      rmSync(work, { recursive: true, force: true });
    }
    return;
  }
  const appDir = join(work, 'app');
  const bareDir = join(work, 'bare');
  viteBuild(appDir);
  viteBuild(bareDir, [join(REPO, 'bench/bare-pixi'), '--base', './']);
  const singleDir = join(work, 'single');
  viteBuild(singleDir, ['--config', 'vite.single.config.ts']);
  const appServer = await serveStatic(appDir);
  const bareServer = await serveStatic(bareDir);
  const browser = await launch({ width: 1280, height: 720 });
  try {
    out(`kubedeck browser bench — Chromium headless, 1280x720, ${PLAY_MS / 1000} s per run`);

    // Which renderer does the app pick here? The bare page uses the same one.
    const probe = await openApp(browser, `${appServer.url}?scenario=pod-creation&lang=en&theme=dark`);
    const rendererName = await probe.page.evaluate(`window.__kubedeck?.stage()?.rendererName ?? 'unknown'`);
    await probe.page.close();
    const bareUrl = `${bareServer.url}?renderer=${rendererName === 'canvas' ? 'canvas' : 'webgl'}`;
    out(`renderer: ${String(rendererName)} (PixiJS)`);

    /** From submitting a command in the bar to the what-if's first frame, per built-in scenario. */
    const sandboxLatency = async (): Promise<void> => {
      out('');
      out(`sandbox: submit a command -> first frame of the what-if, ms p50 / p95 over ${ACTIONS} commands (\`kubectl label nodes <first> benchN=1\`, else \`wait 10s\`)   (aim: p95 < 150 ms)`);
      for (const scenario of SCENARIOS.map((s) => s.id)) {
        const { page } = await openApp(browser, `${appServer.url}?scenario=${scenario}&lang=en&theme=dark`);
        const ms = await actionLatencies(page, ACTIONS);
        const ok = ms.filter((v) => Number.isFinite(v));
        out(`  ${scenario.padEnd(24)} ${fmt(percentile(ok, 50), 0)} / ${fmt(percentile(ok, 95), 0)}   runs: ${ms.map((v) => fmt(v, 0)).join(', ')}`);
        await page.close();
      }
    };
    if (ONLY_SANDBOX) {
      await sandboxLatency();
      return;
    }

    // Time to first frame, alternating pages so both see the same warm-up.
    const appTtff: number[] = [];
    const appMarks: Record<string, number>[] = [];
    const bareTtff: number[] = [];
    let appJs: ScriptBytes | undefined;
    let appData: ScriptBytes | undefined;
    let bareJs: ScriptBytes | undefined;
    for (let i = 0; i < TTFF_RUNS; i++) {
      const bare = await openBare(browser, bareUrl);
      bareTtff.push(bare.firstFrame);
      bareJs = bare.js;
      // As the bare page loads: no draw counting.
      const app = await openApp(browser, `${appServer.url}?scenario=pod-creation&lang=en&theme=dark`, false);
      appTtff.push(app.firstFrame);
      appMarks.push(app.marks);
      appJs = app.js;
      appData = app.data;
      await app.page.close();
    }
    const ratio = median(appTtff) / median(bareTtff);
    out('');
    out('time to first frame (ms from navigation, median of ' + String(TTFF_RUNS) + ')');
    out(`  kubedeck      ${fmt(median(appTtff), 0)}   runs: ${appTtff.map((v) => fmt(v, 0)).join(', ')}`);
    out(`  bare PixiJS   ${fmt(median(bareTtff), 0)}   runs: ${bareTtff.map((v) => fmt(v, 0)).join(', ')}`);
    out(`  ratio         ${fmt(ratio, 2)}x   (aim: <= 1.2x)`);
    const at = (name: string): number => median(appMarks.map((m) => m[name] ?? NaN));
    out(
      `  kubedeck breakdown (medians): scripts run at ${fmt(at('kubedeck:start'), 0)}, simulation ${fmt(at('kubedeck:simulated') - at('kubedeck:simulate'), 0)} ms (0: the prebuilt trace), ` +
        `stage ready at ${fmt(at('kubedeck:stage-ready'), 0)}, first frame at ${fmt(at('kubedeck:first-frame'), 0)}`,
    );
    out('');
    out('initial JS loaded (requested before the first frame)');
    if (appJs) out(`  kubedeck      ${fmt(appJs.gzip / 1024)} KB gzip (${fmt(appJs.raw / 1024)} KB raw, ${appJs.files} files)   (aim: < 250 KB gzip)`);
    if (appData && appData.files > 0) out(`  + data       ${fmt(appData.gzip / 1024)} KB gzip (${fmt(appData.raw / 1024)} KB raw, ${appData.files} JSON: the prebuilt trace)`);
    if (bareJs) out(`  bare PixiJS   ${fmt(bareJs.gzip / 1024)} KB gzip (${fmt(bareJs.raw / 1024)} KB raw, ${bareJs.files} files)`);
    out('');
    const single = readFileSync(join(singleDir, 'kubedeck.html'));
    out(`single-file build: ${fmt(single.length / 1024, 0)} KB (gzip ${fmt(gzipSync(single).length / 1024, 0)} KB)`);

    if (ONLY_FIRST_LOAD) return;

    out('');
    out('playing: rAF interval p50 / p95 / p99 ms, main-thread busy ms per frame   (aim: p95 <= 16.7 ms)');
    for (const scenario of PLAY_SCENARIOS) {
      for (const speed of [1, 4]) {
        const { page } = await openApp(browser, `${appServer.url}?scenario=${scenario}&lang=en&theme=dark`);
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('Performance.enable');
        await page.evaluate((s) => {
          const player = window.__kubedeck?.player();
          player?.setSpeed(s);
          player?.setLoop(true);
          player?.play();
        }, speed);
        const gl0 = await glCounts(page);
        const framesAndCpu = await Promise.all([sampleFrames(page, PLAY_MS), sampleCpu(page, cdp, PLAY_MS)]);
        const gl1 = await glCounts(page);
        const [frames, cpu] = framesAndCpu;
        const rendered = gl1.clears - gl0.clears;
        const busyPerFrame = (cpu.taskMsPerS * (PLAY_MS / 1000)) / Math.max(1, frames.length);
        out(
          `  ${scenario.padEnd(15)} ${String(speed)}x   ${fmt(percentile(frames, 50))} / ${fmt(percentile(frames, 95))} / ${fmt(percentile(frames, 99))}   ` +
            `busy ${fmt(busyPerFrame)} ms/frame, ${frames.length} frames (${fmt(frames.length / (PLAY_MS / 1000))} fps), ` +
            `${rendered} renders, ${fmt((gl1.draws - gl0.draws) / Math.max(1, rendered), 0)} draws/render`,
        );
        if (scenario === 'pod-creation' && speed === 1) {
          await page.evaluate(() => window.__kubedeck?.player()?.pause());
          await page.waitForTimeout(500);
          const before = await glCounts(page);
          const idle = await sampleCpu(page, cdp, 2000);
          const after = await glCounts(page);
          out('');
          out('paused (2 s): stage renders, main-thread task time, script time, layouts, style recalcs per second');
          out(
            `  ${after.clears - before.clears} renders, ${fmt(idle.taskMsPerS)} ms/s (${fmt(idle.taskMsPerS / 10)} % of a core), script ${fmt(idle.scriptMsPerS)} ms/s, ` +
              `${fmt(idle.layoutsPerS)} layouts/s, ${fmt(idle.styleRecalcsPerS)} recalcs/s`,
          );
          out('');
        }
        await page.close();
      }
    }

    await sandboxLatency();
    out('');
    out(`export: a ~${EXPORT_SECONDS} s span (captions on) at 1280x720 30 fps, rendering + encoding in the page   (aim: >= 2x real time)`);
    for (const [scenario, format] of EXPORT_FORMATS.map((f) => ['node-failure', f] as const)) {
      const { page } = await openApp(browser, `${appServer.url}?scenario=${scenario}&lang=en&theme=dark`);
      const r = await exportSpeed(page, format, EXPORT_SECONDS);
      out(
        `  ${scenario} ${format.padEnd(4)} ${r.codec.padEnd(4)} ${fmt(r.span)} s, ${r.frames} frames in ${fmt(r.took)} s: ${fmt(r.span / r.took, 2)}x real time, ` +
          `${fmt(r.frames / r.took)} frames/s, ${fmt(r.bytes / 1e6, 2)} MB`,
      );
      await page.close();
    }

    await bigCluster(work, browser, out);
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
