/**
 * A trace replaced by another leaves nothing of its picture behind: after zone-outage's scale view
 * (30 nodes as tiles) gives way to pod-creation through the picker, and a forced garbage collection,
 * none of its tiles, their shapes and sprites, nor the layer that held them is still alive (weak
 * references to them come back empty). On PixiJS's canvas renderer (the app's choice here) and on
 * its WebGL one.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { preferWebGL, rendererOf } from './lib/webgl.ts';

const base = inject('baseUrl');
const BIG = 'scenario=zone-outage&nodes=30&perNode=5&lang=en&theme=dark';

/** PixiJS calls this hook with each Application it initialises: the test keeps the stage's. */
const KEEP_APP = 'globalThis.__PIXI_APP_INIT__ = (app) => { globalThis.__unloadApp = app; };';

interface PixiNode {
  readonly label: string | null;
  readonly children: readonly PixiNode[];
  readonly parent: PixiNode | null;
}

interface Probe {
  __unloadApp?: { readonly stage: PixiNode };
  __unloadRefs?: WeakRef<PixiNode>[];
}

let browser: Browser | undefined;
let app: AppPage | undefined;

afterEach(async () => {
  expect(app?.errors ?? []).toEqual([]);
  await browser?.close();
  browser = undefined;
  app = undefined;
});

/** Weak references to the scale view's tiles, everything in them and the layer holding them; how many. */
function watchTiles(page: Page): Promise<number> {
  return page.evaluate(() => {
    const probe = globalThis as unknown as Probe;
    const stage = probe.__unloadApp?.stage;
    if (stage === undefined) throw new Error('no PixiJS application');
    const refs: WeakRef<PixiNode>[] = [];
    const within = (node: PixiNode, add: boolean): void => {
      if (add) refs.push(new WeakRef(node));
      for (const child of node.children) within(child, add);
    };
    const find = (node: PixiNode): PixiNode | undefined => (node.label === 'scale-view' ? node : node.children.map(find).find((n) => n !== undefined));
    const view = find(stage);
    const tiles: PixiNode[] = [];
    const collect = (node: PixiNode): void => {
      if (node.label?.startsWith('Node/') === true) tiles.push(node);
      else for (const child of node.children) collect(child);
    };
    if (view !== undefined) collect(view);
    const layer = tiles[0]?.parent;
    if (layer) refs.push(new WeakRef(layer));
    for (const tile of tiles) within(tile, true);
    probe.__unloadRefs = refs;
    return tiles.length;
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
  await settle(page, { rerender: true });
  expect(await rendererOf(page)).toBe(renderer);
  expect(await watchTiles(page)).toBe(30);
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
