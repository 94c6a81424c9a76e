/**
 * A trace replaced by another leaves nothing of its picture behind: after zone-outage's scale view
 * (30 nodes as tiles, zoomed in) gives way to pod-creation through the picker, and a forced garbage
 * collection, none of these is still alive (weak references to them come back empty): its tiles,
 * their shapes with the drawings made for them, and their sprites; the layer that held them; the
 * texture it cached them in at zoom 1; the view's words (zone headers, tile names); the token views
 * it drew messages with (pooled for reuse). On PixiJS's canvas renderer (the app's choice here)
 * and on its WebGL one.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { preferWebGL, rendererOf } from './lib/webgl.ts';
import type { Stage } from '../../src/render/index.ts';

const base = inject('baseUrl');
const BIG = 'scenario=zone-outage&nodes=30&perNode=5&lang=en&theme=dark';

/** PixiJS calls this hook with each Application it initialises: the test keeps the stage's. */
const KEEP_APP = 'globalThis.__PIXI_APP_INIT__ = (app) => { globalThis.__unloadApp = app; };';

interface PixiNode {
  readonly label: string | null;
  readonly renderPipeId?: string;
  readonly children: readonly PixiNode[];
  readonly parent: PixiNode | null;
  readonly visible: boolean;
  /** A Graphics' drawing (a tile's own), with what each renderer made of it (WebGL: batch entries). */
  readonly context?: { readonly _gpuData?: Record<number, { readonly batches?: readonly object[] } | null> };
  /** Set on a render group; its texture while it is cached as one. */
  readonly renderGroup?: { readonly texture?: object | null } | null;
}

interface Probe {
  __unloadApp?: { readonly stage: PixiNode };
  __unloadRefs?: WeakRef<object>[];
}

let browser: Browser | undefined;
let app: AppPage | undefined;

afterEach(async () => {
  expect(app?.errors ?? []).toEqual([]);
  await browser?.close();
  browser = undefined;
  app = undefined;
});

/** A weak reference to the texture the scale view draws its tiles into at zoom 1 (there is one). */
function watchCachedTiles(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const probe = globalThis as unknown as Probe;
    const stage = probe.__unloadApp?.stage;
    if (stage === undefined) throw new Error('no PixiJS application');
    const find = (node: PixiNode): PixiNode | undefined => (node.label?.startsWith('Node/') === true ? node : node.children.map(find).find((n) => n !== undefined));
    const texture = find(stage)?.parent?.renderGroup?.texture;
    if (texture === undefined || texture === null) return false;
    (probe.__unloadRefs ??= []).push(new WeakRef(texture));
    return true;
  });
}

/** Seeks to the first half second with tokens on the stage and watches their views (pooled views included); how many are drawn. */
function watchTokens(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = globalThis as unknown as Probe;
    const root = probe.__unloadApp?.stage;
    const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
    const player = window.__kubedeck?.player();
    if (root === undefined || stage === undefined || player === undefined) throw new Error('no stage');
    const views: PixiNode[] = [];
    const collect = (node: PixiNode): void => {
      if (node.label === 'token') views.push(node);
      else for (const child of node.children) collect(child);
    };
    const duration = player.getState().duration;
    for (let t = 0; t < duration && views.every((v) => !v.visible); t += 0.5) {
      player.seek(t);
      stage.renderFrameAt(t);
      views.length = 0;
      collect(root);
    }
    const refs = (probe.__unloadRefs ??= []);
    for (const view of views) {
      refs.push(new WeakRef(view));
      for (const part of view.children) refs.push(new WeakRef(part));
    }
    return views.filter((v) => v.visible).length;
  });
}

/** Weak references to the scale view's tiles, everything in them (their shapes' drawings too), the layer holding them and the view's texts; how many tiles and texts. */
function watchTiles(page: Page): Promise<{ tiles: number; texts: number }> {
  return page.evaluate(() => {
    const probe = globalThis as unknown as Probe;
    const stage = probe.__unloadApp?.stage;
    if (stage === undefined) throw new Error('no PixiJS application');
    const refs = (probe.__unloadRefs ??= []);
    const within = (node: PixiNode): void => {
      refs.push(new WeakRef(node));
      if (node.context !== undefined) {
        refs.push(new WeakRef(node.context));
        for (const gpu of Object.values(node.context._gpuData ?? {})) for (const batch of gpu?.batches ?? []) refs.push(new WeakRef(batch));
      }
      for (const child of node.children) within(child);
    };
    const find = (node: PixiNode): PixiNode | undefined => (node.label === 'scale-view' ? node : node.children.map(find).find((n) => n !== undefined));
    const view = find(stage);
    const tiles: PixiNode[] = [];
    const texts: PixiNode[] = [];
    const collect = (node: PixiNode): void => {
      if (node.label?.startsWith('Node/') === true) tiles.push(node);
      else if (node.renderPipeId === 'text') texts.push(node);
      else for (const child of node.children) collect(child);
    };
    if (view !== undefined) collect(view);
    const layer = tiles[0]?.parent;
    if (layer) refs.push(new WeakRef(layer));
    for (const node of [...tiles, ...texts]) within(node);
    return { tiles: tiles.length, texts: texts.length };
  });
}

async function pickPodCreation(page: Page): Promise<void> {
  const before = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
  await page.click('[data-action=open-picker]');
  await page.click('[data-scenario=pod-creation]');
  await page.click('[data-action=open-scenario]');
  await page.waitForFunction((n) => (window.__kubedeck?.loads() ?? 0) > n, before, { timeout: 60_000 });
  await settle(page, { rerender: true });
}

/** How many of the watched objects are still alive after a forced garbage collection. */
async function aliveAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  // Twice: the first may only run finalisers.
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => ((globalThis as unknown as Probe).__unloadRefs ?? []).filter((ref) => ref.deref() !== undefined).length);
}

async function replacedTraceLeavesNoTiles(renderer: 'canvas' | 'webgl'): Promise<void> {
  browser = await launch({ width: 1280, height: 720 });
  if (renderer === 'webgl') await preferWebGL(browser.context);
  await browser.context.addInitScript(KEEP_APP);
  app = await openApp(browser.context, `${base}?${BIG}`);
  const { page } = app;
  expect(await watchCachedTiles(page)).toBe(true);
  expect(await watchTokens(page)).toBeGreaterThan(0);
  // Zoomed in, so that tiles get words of their own besides the zone headers.
  await page.evaluate(() => {
    const scale = (window.__kubedeck?.stage() as unknown as Stage | undefined)?.scale();
    const box = scale?.tileBox('c-01');
    if (scale === undefined || box === undefined) throw new Error('no scale view');
    scale.zoomBy(6, { x: box.x + box.w / 2, y: box.y + box.h / 2 });
  });
  await settle(page, { rerender: true });
  expect(await rendererOf(page)).toBe(renderer);
  const watched = await watchTiles(page);
  expect(watched.tiles).toBe(30);
  // Three zone headers (a title and a count line each), a tile's name and state.
  expect(watched.texts).toBeGreaterThanOrEqual(8);
  expect(await aliveAfterGc(page)).toBeGreaterThan(30);
  await pickPodCreation(page);
  expect(await page.evaluate(() => window.__kubedeck?.view().scenario)).toBe('pod-creation');
  expect(await aliveAfterGc(page)).toBe(0);
}

describe('a replaced trace leaves none of its picture alive', () => {
  it('zone-outage tiles after pod-creation is picked, canvas renderer', async () => {
    await replacedTraceLeavesNoTiles('canvas');
  });

  it('zone-outage tiles after pod-creation is picked, WebGL renderer', async () => {
    await replacedTraceLeavesNoTiles('webgl');
  });
});
