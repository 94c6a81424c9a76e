/**
 * The big-cluster figures of `npm run bench` (`BENCH_ONLY=scale` runs only these): kubedeck's scale
 * view playing zone-outage at 500 nodes and 15,000 pods, against raw PixiJS drawing as many sprites.
 *
 * - The trace: bench/scale-app is the app with zone-outage's node maximum raised to 500 (nothing
 *   else differs), so the page runs the scenario itself, as the app does: same simulation, player
 *   and stage. `outage=part`: with the whole zone dark, 500 nodes do not finish within the
 *   scenario's 30 simulated minutes (166 taints 10 s apart, then 300 s to evict).
 * - Frames: rAF intervals while the trace plays at 1x from the first step (heartbeats) and from
 *   "replace" (evictions, tiles redrawn), and main-thread busy time per frame (what is left of a
 *   frame is the GPU process: SwiftShader rasterising, or the canvas renderer's compositing).
 * - The same in bench/bare-sprites, given the counts of the scene the app drew (sprites, other
 *   shapes, texts, moving tokens) at the same canvas size; the two pages alternate ROUNDS times.
 * - Memory, on each renderer: the JS heap after a forced GC (CDP) of a page that only ever showed
 *   pod-creation (opened, then picked again in the picker), and of one with the 500-node trace
 *   loaded, then after pod-creation is picked there: the difference is what the big trace left. A heap snapshot
 *   of each of the two pod-creation pages splits it (heap-kinds.ts): V8's code for functions the
 *   big trace ran (its scenario's code, the scale view, the simulation's hot paths, optimised),
 *   which nothing of the trace holds, and everything else, which should be ~0.
 * BENCH_SCALE_MS: each window's length (6000); BENCH_SCALE_ROUNDS: the alternations (2).
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Browser } from '../../test/browser/lib/chromium.ts';
import { heapKinds, type HeapKinds } from './heap-kinds.ts';
import { sampleCpu, sampleFrames } from './page-metrics.ts';
import { fmt, percentile } from './stats.ts';

const PLAY_MS = Number(process.env['BENCH_SCALE_MS'] ?? 6000);
const ROUNDS = Number(process.env['BENCH_SCALE_ROUNDS'] ?? 2);
const NODES = 500;
const PER_NODE = 30;
const BIG = `scenario=zone-outage&nodes=${NODES}&perNode=${PER_NODE}&outage=part&lang=en&theme=dark`;
const SMALL = 'scenario=pod-creation&lang=en&theme=dark';
/** Where the windows start: steady heartbeats, then evictions and replacements. */
const WINDOWS = ['at-scale', 'replace'] as const;
const LOAD_TIMEOUT_MS = 300_000;

/** Keeps every PixiJS Application the page creates (PixiJS calls this hook on init), to read its scene. */
const KEEP_PIXI = `globalThis.__PIXI_APP_INIT__ = (app) => { (globalThis.__benchPixi ??= []).push(app); };`;

interface SceneCounts {
  readonly sprites: number;
  /** Graphics and texts outside the tokens. */
  readonly graphics: number;
  readonly texts: number;
  readonly tokens: number;
  readonly w: number;
  readonly h: number;
}

/** What the stage's canvas shows now: visible sprites, graphics, texts, and message tokens (each a container of shapes and a label). */
const COUNT_SCENE = `(() => {
  const app = (globalThis.__benchPixi ?? []).find((a) => a.canvas && a.canvas.isConnected);
  if (!app) return undefined;
  const c = { sprites: 0, graphics: 0, texts: 0, tokens: 0, w: app.canvas.clientWidth, h: app.canvas.clientHeight };
  const walk = (o, inToken) => {
    if (o.visible === false || o.renderable === false || o.alpha <= 0) return;
    const token = o.label === 'token';
    if (token) c.tokens++;
    const pipe = o.renderPipeId;
    if (pipe === 'sprite') c.sprites++;
    // A Graphics with nothing in it (a tile's shade while its kubelet is up) draws nothing: not a shape for the bare page to draw.
    else if (!inToken && pipe === 'graphics' && (o.context?.instructions?.length ?? 1) > 0) c.graphics++;
    else if (!inToken && (pipe === 'text' || pipe === 'bitmapText' || pipe === 'htmlText')) c.texts++;
    for (const child of o.children) walk(child, inToken || token);
  };
  walk(app.stage, false);
  return c;
})()`;

interface Sample {
  readonly frames: number[];
  readonly busyPerFrame: number;
}

const fps = (frames: readonly number[]): number => frames.length / (frames.reduce((s, v) => s + v, 0) / 1000);

async function measure(page: Page, cdp: CDPSession): Promise<Sample> {
  const [frames, cpu] = await Promise.all([sampleFrames(page, PLAY_MS), sampleCpu(page, cdp, PLAY_MS)]);
  return { frames, busyPerFrame: (cpu.taskMsPerS * (PLAY_MS / 1000)) / Math.max(1, frames.length) };
}

const row = (name: string, w: Sample): string =>
  `    ${name.padEnd(26)} ${fmt(percentile(w.frames, 50)).padStart(7)} / ${fmt(percentile(w.frames, 95)).padStart(7)} / ${fmt(percentile(w.frames, 99)).padStart(7)}   ` +
  `${fmt(fps(w.frames)).padStart(5)} fps, busy ${fmt(w.busyPerFrame)} ms/frame, ${w.frames.length} frames`;

const pooled = (ws: readonly Sample[]): Sample => {
  const frames = ws.flatMap((w) => w.frames);
  const busy = ws.reduce((s, w) => s + w.busyPerFrame * w.frames.length, 0) / Math.max(1, frames.length);
  return { frames, busyPerFrame: busy };
};

interface Heap {
  readonly mb: number;
  readonly nodes: number;
}

/** The JS heap after a forced GC (twice: the first may only queue finalisers) and the DOM node count. */
async function heapAfterGc(cdp: CDPSession): Promise<Heap> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { mb: heap.usedSize / (1024 * 1024), nodes: dom.nodes };
}

async function openScaleApp(browser: Browser, url: string): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.context.newPage();
  await page.addInitScript(KEEP_PIXI);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('kubedeck:first-frame').length > 0, undefined, { timeout: LOAD_TIMEOUT_MS });
  await page.evaluate('window.__kubedeck.ready');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp };
}

const playFrom = (page: Page, step: string): Promise<unknown> =>
  page.evaluate(`(() => {
    const p = window.__kubedeck.player();
    p.setLoop(true);
    p.setSpeed(1);
    p.gotoStep(Math.max(0, p.steps.findIndex((s) => s.id === ${JSON.stringify(step)})));
    p.play();
  })()`);

const pause = (page: Page): Promise<unknown> => page.evaluate('window.__kubedeck.player().pause()');

/** Opens nodes spread over the cluster to their ships and goes back, each call timed with the frame it renders (synchronously). */
const OPEN_CLOSE = `(() => {
  const scale = window.__kubedeck.stage().scale();
  const nodes = window.__kubedeck.trace().topology.nodes;
  const open = [], close = [];
  for (let i = 0; i < 7; i++) {
    const node = nodes[Math.floor((i * nodes.length) / 7)];
    let t = performance.now();
    scale.openNode(node);
    open.push(performance.now() - t);
    t = performance.now();
    scale.closeNode();
    close.push(performance.now() - t);
  }
  return { open, close };
})()`;

/** Opens the big trace on `hash` (#renderer=...), measures it and the bare page; returns the page for the memory figures. */
async function rendererFigures(browser: Browser, appUrl: string, bareUrl: string, hash: string, out: (line: string) => void): Promise<{ page: Page; cdp: CDPSession; renderer: string }> {
  const { page, cdp } = await openScaleApp(browser, `${appUrl}?${BIG}#renderer=${hash}`);
  const load = (await page.evaluate(`(() => {
    const m = (n) => performance.getEntriesByName(n)[0]?.startTime ?? NaN;
    const trace = window.__kubedeck.trace?.();
    return {
      renderer: window.__kubedeck.stage()?.rendererName ?? 'unknown',
      sim: m('kubedeck:simulated') - m('kubedeck:simulate'),
      firstFrame: m('kubedeck:first-frame'),
      events: trace?.events.length ?? NaN,
    };
  })()`)) as { renderer: string; sim: number; firstFrame: number; events: number };
  out('');
  out(`  renderer: ${load.renderer} (PixiJS; asked: ${hash === 'auto' ? "the app's own choice" : hash})`);
  out(`    simulation in the page ${fmt(load.sim / 1000, 1)} s (${load.events.toLocaleString('en')} trace events), first frame at ${fmt(load.firstFrame / 1000, 1)} s`);

  const app: Record<string, Sample[]> = Object.fromEntries(WINDOWS.map((w) => [w, []]));
  const bare: Sample[] = [];
  const seen: SceneCounts[] = [];
  // A warm-up: the first frames after the load would otherwise share their time with its GC.
  await playFrom(page, WINDOWS[0]);
  await page.waitForTimeout(2000);
  await pause(page);
  for (let round = 0; round < ROUNDS; round++) {
    for (const step of WINDOWS) {
      await playFrom(page, step);
      await page.waitForTimeout(300);
      const before = (await page.evaluate(COUNT_SCENE)) as SceneCounts;
      app[step]?.push(await measure(page, cdp));
      const after = (await page.evaluate(COUNT_SCENE)) as SceneCounts;
      seen.push(before, after);
      await pause(page);
    }
    // The bare page draws the scene the app drew (its moving tokens: the mean seen so far).
    const last = seen[seen.length - 1];
    if (last === undefined) continue;
    const tokens = Math.round(seen.reduce((s, c) => s + c.tokens, 0) / seen.length);
    const query = `renderer=${load.renderer === 'canvas' ? 'canvas' : 'webgl'}&sprites=${last.sprites}&tiles=${last.graphics}&texts=${last.texts}&tokens=${tokens}&w=${last.w}&h=${last.h}`;
    if (round === 0) out(`    scene drawn: ${last.sprites.toLocaleString('en')} sprites, ${last.graphics} other shapes, ${last.texts} texts, ${tokens} moving tokens (mean), canvas ${last.w}x${last.h}: bare-sprites?${query}`);
    const barePage = await browser.context.newPage();
    await barePage.goto(`${bareUrl}?${query}`);
    await barePage.waitForFunction(() => window.__firstFrame !== undefined, undefined, { timeout: 60_000 });
    const bareCdp = await barePage.context().newCDPSession(barePage);
    await bareCdp.send('Performance.enable');
    await barePage.waitForTimeout(300);
    bare.push(await measure(barePage, bareCdp));
    await barePage.close();
  }
  out(`    rAF interval p50 / p95 / p99 ms, fps, main-thread busy ms per frame (${ROUNDS} x ${PLAY_MS / 1000} s each, alternating)   (aim on WebGL: p95 <= 16.7 ms)`);
  for (const step of WINDOWS) out(row(`kubedeck from "${step}"`, pooled(app[step] ?? [])));
  const appAll = pooled(WINDOWS.flatMap((w) => app[w] ?? []));
  const bareAll = pooled(bare);
  out(row('bare PixiJS, same scene', bareAll));
  out(`    fps ratio kubedeck / bare: ${fmt(fps(appAll.frames) / fps(bareAll.frames), 2)}x   per round: ${Array.from({ length: ROUNDS }, (_, r) => fmt(fps(WINDOWS.flatMap((w) => app[w]?.[r]?.frames ?? [])) / fps(bare[r]?.frames ?? []), 2)).join(', ')}   (aim: >= 0.9x)`);
  // Not like-for-like past 1x: at zoom 1 the app draws its tiles from one texture, redrawn only when a tile changes.
  out('    (kubedeck draws the tiles at zoom 1 from a texture it redraws when a tile changes; the bare page draws every sprite every frame)');
  const openClose = (await page.evaluate(OPEN_CLOSE)) as { open: number[]; close: number[] };
  out(`    a tile opened to its node's ship, then back to the tiles (the call and the frame it draws, ${openClose.open.length} nodes): open p50 ${fmt(percentile(openClose.open, 50), 0)} ms (first ${fmt(openClose.open[0] ?? NaN, 0)}), back p50 ${fmt(percentile(openClose.close, 50), 0)} ms`);
  return { page, cdp, renderer: load.renderer };
}

/** Switches the app to pod-creation the way a user does: the picker. */
async function pickSmall(page: Page): Promise<void> {
  const before = (await page.evaluate('window.__kubedeck.loads()')) as number;
  await page.click('[data-action=open-picker]');
  await page.click('[data-scenario=pod-creation]');
  await page.click('[data-action=open-scenario]');
  await page.waitForFunction(`window.__kubedeck.loads() > ${before}`, undefined, { timeout: 60_000 });
  await page.waitForTimeout(1000);
}

interface Memory {
  readonly renderer: string;
  readonly freshRenderer: string;
  readonly fresh: Heap;
  readonly freshKinds: HeapKinds;
  readonly loaded: Heap;
  readonly unloaded: Heap;
  readonly unloadedKinds: HeapKinds;
}

/**
 * A page that never held the big trace, on the renderer `hash` asks for: pod-creation, then picked
 * again in the picker, so that both figures include what the picker and a second load leave.
 */
async function freshHeap(browser: Browser, appUrl: string, hash: string): Promise<{ heap: Heap; kinds: HeapKinds; renderer: string }> {
  const fresh = await openScaleApp(browser, `${appUrl}?${SMALL}#renderer=${hash}`);
  await pickSmall(fresh.page);
  const heap = await heapAfterGc(fresh.cdp);
  const kinds = await heapKinds(fresh.cdp);
  const renderer = (await fresh.page.evaluate(`window.__kubedeck.stage()?.rendererName ?? 'unknown'`)) as string;
  await fresh.page.close();
  return { heap, kinds, renderer };
}

/** A renderer's frame figures, then its page's heap with the big trace loaded and after pod-creation replaced it. */
async function rendererAndMemory(browser: Browser, appUrl: string, bareUrl: string, hash: string, out: (line: string) => void): Promise<Memory> {
  const fresh = await freshHeap(browser, appUrl, hash);
  const big = await rendererFigures(browser, appUrl, bareUrl, hash, out);
  await pause(big.page);
  const loaded = await heapAfterGc(big.cdp);
  await pickSmall(big.page);
  const unloaded = await heapAfterGc(big.cdp);
  const unloadedKinds = await heapKinds(big.cdp);
  await big.page.close();
  return { renderer: big.renderer, freshRenderer: fresh.renderer, fresh: fresh.heap, freshKinds: fresh.kinds, loaded, unloaded, unloadedKinds };
}

const signed = (mb: number): string => `${mb < 0 ? '-' : '+'}${fmt(Math.abs(mb), 2)}`;

function memoryLines(m: Memory, out: (line: string) => void): void {
  out(`    renderer ${m.renderer} (fresh page: ${m.freshRenderer})`);
  out(`    pod-creation, picked again          ${fmt(m.fresh.mb).padStart(7)} MB   ${m.fresh.nodes} DOM nodes`);
  out(`    ${NODES}-node trace loaded, paused        ${fmt(m.loaded.mb).padStart(7)} MB   ${m.loaded.nodes} DOM nodes`);
  out(`    then pod-creation from the picker   ${fmt(m.unloaded.mb).padStart(7)} MB   ${m.unloaded.nodes} DOM nodes   kept: ${fmt(m.unloaded.mb - m.fresh.mb)} MB over the fresh page`);
  // The code the big trace made V8 compile is no reference to the trace; everything else is what the aim is about.
  out(
    `      of it, heap snapshots of both pages (own sizes, MB): V8 code ${signed(m.unloadedKinds.code - m.freshKinds.code)} (functions first compiled or optimised while the big trace ran), ` +
      `everything else ${signed(m.unloadedKinds.other - m.freshKinds.other)}   (aim: ~0)`,
  );
}

/** `appUrl`: bench/scale-app's page; `bareUrl`: bench/bare-sprites' page. */
export async function scaleFigures(browser: Browser, appUrl: string, bareUrl: string, out: (line: string) => void): Promise<void> {
  out('');
  out(`big cluster: zone-outage at ${NODES} nodes x ${PER_NODE} replicas = ${(NODES * PER_NODE).toLocaleString('en')} pods (outage=part), the scale view playing at 1x (bench/scale-app), 1280x720 window`);
  const first = await rendererAndMemory(browser, appUrl, bareUrl, 'auto', out);
  // The other renderer the bench can get: any WebGL (SwiftShader here), or canvas where the app took WebGL.
  const second = await rendererAndMemory(browser, appUrl, bareUrl, first.renderer === 'canvas' ? 'webgl' : 'canvas', out);
  out('');
  out('  memory: JS heap after a forced GC (CDP HeapProfiler.collectGarbage, Runtime.getHeapUsage), DOM nodes, per renderer');
  memoryLines(first, out);
  memoryLines(second, out);
}
