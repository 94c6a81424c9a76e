/**
 * The stage for big clusters (level of detail): zone-outage with 30 nodes is past what full ships
 * show, so nodes are tiles by zone. After the `unknown` step the dark zone's header and tiles say
 * Unknown; a tile opens its node's full ship and Esc (or the back button) returns; zooming shows
 * names that do not fit at home; the frame after zoom and seeks equals a fresh stage's. Screenshots
 * (dark/en, light/ko) against test/baselines/scale/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { comparePng, writePng } from './lib/images.ts';
import { labelProblems, type LabelBox } from './lib/labels.ts';
import { REPO } from './lib/server.ts';
import type { DrawnObject, Stage } from '../../src/render/index.ts';
import { PALETTES } from '../../src/render/theme.ts';

const base = inject('baseUrl');
const BASELINES = join(REPO, 'test/baselines/scale');
const RESULTS = join(REPO, 'test-results/visual');
const UPDATE = process.env['UPDATE_BASELINES'] === '1';
const MAX_RATIO = 0.002;
let browser: Browser;
let app: AppPage;

interface Frame {
  readonly labels: LabelBox[];
  readonly objects: DrawnObject[];
  readonly open: string | undefined;
  readonly zoom: number;
}

/** The stage's labels, drawn objects and scale state now (renders the current time first). */
async function frame(): Promise<Frame> {
  return app.page.evaluate(() => {
    const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
    const player = window.__kubedeck?.player();
    if (stage === undefined || player === undefined) throw new Error('no stage');
    stage.renderFrameAt(player.getState().time);
    const sc = stage.scale();
    return { labels: stage.labels(), objects: stage.objects(), open: sc?.open, zoom: sc?.camera.zoom ?? 0 };
  });
}

async function gotoStepEnd(id: string): Promise<void> {
  await app.page.evaluate((stepId) => {
    const player = window.__kubedeck?.player();
    const st = player?.steps.find((s) => s.id === stepId);
    if (player === undefined || st === undefined) throw new Error(`no step ${stepId}`);
    player.pause();
    player.seek(st.end - 0.05);
  }, id);
}

/** Paused at the trace's end. */
async function gotoEnd(): Promise<void> {
  await app.page.evaluate(() => {
    const player = window.__kubedeck?.player();
    if (player === undefined) throw new Error('no player');
    player.pause();
    player.seek(player.getState().duration);
  });
}

const texts = (f: Frame): string[] => f.labels.map((l) => l.text);
const tiles = (f: Frame): DrawnObject[] => f.objects.filter((o) => o.kind === 'Node');

/** Where the canvas starts on the page: stage boxes plus this are the mouse's coordinates. */
async function canvasOrigin(): Promise<{ x: number; y: number }> {
  return app.page.evaluate(() => {
    const r = document.querySelector('canvas')?.getBoundingClientRect();
    return { x: r?.x ?? 0, y: r?.y ?? 0 };
  });
}

/** A tile's middle on the page. */
async function tileCentre(node: string): Promise<{ x: number; y: number }> {
  const box = await app.page.evaluate((n) => (window.__kubedeck?.stage() as unknown as Stage).scale()?.tileBox(n), node);
  if (box === undefined) throw new Error(`no tile ${node}`);
  const canvas = await canvasOrigin();
  return { x: canvas.x + box.x + box.w / 2, y: canvas.y + box.y + box.h / 2 };
}

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=30&perNode=5&lang=en&theme=dark`);
  await app.page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
  await settle(app.page);
});
afterAll(async () => {
  expect(app.errors).toEqual([]);
  await browser.close();
});

describe('scale view (zone-outage, 30 nodes)', () => {
  it('draws 30 tiles in three zone groups, no ships, and readable labels', async () => {
    await gotoStepEnd('at-scale');
    const f = await frame();
    expect(f.open).toBeUndefined();
    expect(f.zoom).toBe(1);
    expect(tiles(f)).toHaveLength(30);
    expect(f.labels.some((l) => l.owner.startsWith('kubelet/'))).toBe(false);
    for (const zone of ['zone-a', 'zone-b', 'zone-c']) expect(texts(f)).toContain(`${zone} · 10 nodes`);
    expect(texts(f).filter((t) => t === 'Ready 10')).toHaveLength(3);
    const size = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
    expect(labelProblems(f.labels, size?.width ?? 0, size?.height ?? 0)).toEqual([]);
  });

  it('while a long wait is skipped no background token is drawn (they stood still mid-air, over the zone headers)', async () => {
    // Every quarter second from the first step to the end of the unknown one (the silence until the
    // grace period ends is skipped): the frames whose clock says "+N s" are skips.
    const found = await app.page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
      const player = window.__kubedeck?.player();
      const end = player?.steps.find((x) => x.id === 'unknown')?.end;
      if (stage === undefined || player === undefined || end === undefined) throw new Error('no stage');
      player.pause();
      let skipping = 0;
      let inSkip = 0;
      let outside = 0;
      for (let t = 0; t < end; t += 0.25) {
        stage.renderFrameAt(t);
        const background = stage.objects().filter((o) => o.kind === 'token' && o.name === 'background').length;
        if (stage.labels().some((l) => /^\+[\d.]+ ?(s|min)/.test(l.text))) {
          skipping++;
          inSkip += background;
        } else outside += background;
      }
      return { skipping, inSkip, outside };
    });
    expect(found.skipping).toBeGreaterThan(0);
    expect(found.inSkip).toBe(0);
    // Outside the skip the heartbeats still show (the check above is not vacuous).
    expect(found.outside).toBeGreaterThan(0);
  });

  it('when the zone loses power its header counts the silent kubelets before the API notices (still Ready)', async () => {
    await gotoStepEnd('power-off');
    const f = await frame();
    expect(texts(f)).toContain('(10 kubelets down)');
    expect(texts(f).filter((t) => t === 'Ready 10')).toHaveLength(3);
  });

  it('while the API finds the silent nodes, the bracket counts only the Ready ones among them: the line adds up to the zone', async () => {
    // Midway through the unknown step some dark nodes are Unknown, the rest still read Ready.
    const step = await app.page.evaluate(() => window.__kubedeck?.player()?.steps.find((s) => s.id === 'unknown'));
    if (step === undefined) throw new Error('no unknown step');
    let seen = 0;
    for (let k = 1; k < 40; k++) {
      await app.page.evaluate((t) => {
        window.__kubedeck?.player()?.pause();
        window.__kubedeck?.player()?.seek(t);
      }, step.start + (step.end - step.start) * (k / 40));
      const all = texts(await frame());
      const unknown = all.map((x) => /^Unknown (\d+)$/.exec(x)).find((m) => m !== null);
      const down = all.map((x) => /^\((\d+) kubelets? down\)$/.exec(x)).find((m) => m !== null);
      if (unknown == null || down == null) continue;
      seen++;
      // The dark zone's header: "Ready r", "(r kubelets down)", "Unknown u", with r + u its 10 nodes.
      expect(all.filter((x) => x === `Ready ${down[1]}`).length).toBeGreaterThan(0);
      expect(Number(down[1]) + Number(unknown[1])).toBe(10);
    }
    expect(seen).toBeGreaterThan(0);
  });

  it('after the unknown step the dark zone says Unknown, the others Ready', async () => {
    await gotoStepEnd('unknown');
    const f = await frame();
    expect(texts(f)).toContain('Unknown 10');
    expect(texts(f).filter((t) => t === 'Ready 10')).toHaveLength(2);
    // Unknown says it now: the silent kubelets' count gives its room to the pods.
    expect(texts(f).some((t) => t.endsWith('kubelets down'))).toBe(false);
    expect(tiles(f)).toHaveLength(30);
  });

  it('after the evictions the dark zone counts the pods stuck Terminating (no kubelet to confirm), not "0 pods" beside them', async () => {
    await gotoEnd();
    const f = await frame();
    // zone-c: 10 nodes x 5 pods evicted; zone-a and zone-b hold the replicas, nothing stuck there.
    expect(texts(f)).not.toContain('0 pods');
    expect(texts(f)).toContain('Terminating 50');
    // The zones that took the replacements count them: all 150 replicas, in zones a and b now.
    const counts = texts(f).flatMap((t) => /^(\d+) pods$/.exec(t)?.[1] ?? []).map(Number);
    expect(counts).toHaveLength(2);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(150);
    expect(texts(f).filter((t) => t.startsWith('Terminating '))).toHaveLength(1);
    await gotoStepEnd('unknown');
  });

  it('the pods stuck Terminating on a dark node are drawn: hollow squares in the ghost colour, over its lights-out', async () => {
    /** Pixels of tile c-01 within reach of the dark palette's ghost (#8b98aa), at a moment. */
    const ghostPixels = async (seekTo: 'end' | 'unknown'): Promise<number> => {
      if (seekTo === 'unknown') await gotoStepEnd('unknown');
      else await gotoEnd();
      await frame();
      const box = await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.tileBox('c-01'));
      if (box === undefined) throw new Error('no tile c-01');
      const canvas = await canvasOrigin();
      const png = PNG.sync.read(await app.page.screenshot({ clip: { x: canvas.x + box.x, y: canvas.y + box.y, width: box.w, height: box.h } }));
      const ghost = [0x8b, 0x98, 0xaa];
      let near = 0;
      for (let i = 0; i < png.data.length; i += 4) if (ghost.every((c, k) => Math.abs((png.data[i + k] ?? 0) - c) <= 24)) near++;
      return near;
    };
    // The same tile, dark both times: its pods Running (amber, under the lights-out), then evicted.
    // The dashed border is that grey too; the outlines add to it. Drawn faint under the lights-out
    // before, they added nothing and zone-c looked empty.
    const running = await ghostPixels('unknown');
    const terminating = await ghostPixels('end');
    expect(terminating - running).toBeGreaterThan(20);
    await gotoStepEnd('unknown');
  });

  it('zooming shows a tile name and state that do not fit at home, and draws fewer tiles', async () => {
    const home = await frame();
    const homeTiles = tiles(home).length;
    const box = await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.tileBox('c-01'));
    expect(box).toBeDefined();
    await app.page.evaluate((b) => (window.__kubedeck?.stage() as unknown as Stage).scale()?.zoomBy(6, { x: b.x + b.w / 2, y: b.y + b.h / 2 }), box ?? { x: 0, y: 0, w: 0, h: 0 });
    const zoomed = await frame();
    expect(zoomed.zoom).toBeCloseTo(6);
    expect(texts(zoomed)).toContain('c-01');
    expect(texts(zoomed).some((t) => t.startsWith('Unknown · '))).toBe(true);
    // Its zone's header, out of view at this zoom, stays written at the top of the view (pinned).
    expect(texts(zoomed)).toContain('zone-c · 10 nodes');
    expect(tiles(zoomed).length).toBeLessThan(homeTiles);
    const size = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
    expect(labelProblems(zoomed.labels, size?.width ?? 0, size?.height ?? 0)).toEqual([]);
  });

  it('a frame reached by zoom and seeks equals a fresh stage at the same time and camera', async () => {
    const same = await app.page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as Stage;
      const player = window.__kubedeck?.player();
      const steps = player?.steps ?? [];
      const late = steps[steps.length - 1]?.end ?? 0;
      const early = (steps[1]?.start ?? 0) + 0.5;
      stage.renderFrameAt(late);
      stage.renderFrameAt(early);
      const fresh = stage.freshFrame(early);
      const key = (l: { text: string; x: number; y: number }): string => `${l.text}@${Math.round(l.x)},${Math.round(l.y)}`;
      return { live: stage.labels().map(key).sort(), fresh: (fresh?.labels ?? []).map(key).sort() };
    });
    expect(same.live).toEqual(same.fresh);
  });

  it('keys on the focused canvas: + zooms, 0 resets', async () => {
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
    await app.page.focus('canvas');
    await app.page.keyboard.press('+');
    expect((await frame()).zoom).toBeCloseTo(1.25);
    await app.page.keyboard.press('0');
    expect((await frame()).zoom).toBe(1);
  });

  it('a resize while zoomed keeps the tile looked at in view, as large, though the step is about another zone', async () => {
    await gotoStepEnd('unknown');
    type Box = { x: number; y: number; w: number; h: number };
    const look = (): Promise<{ boxes: Record<string, Box>; zoom: number; cx: number; cy: number }> =>
      app.page.evaluate(() => {
        const stage = window.__kubedeck?.stage() as unknown as Stage;
        stage.renderFrameAt(window.__kubedeck?.player()?.getState().time ?? 0);
        const scale = stage.scale();
        const boxes: Record<string, Box> = {};
        for (const z of ['a', 'b', 'c']) for (let i = 1; i <= 10; i++) {
          const node = `${z}-${String(i).padStart(2, '0')}`;
          const box = scale?.tileBox(node);
          if (box) boxes[node] = box;
        }
        return { boxes, zoom: scale?.camera.zoom ?? 0, cx: scale?.camera.cx ?? 0, cy: scale?.camera.cy ?? 0 };
      });
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
    // At zoom 1 the camera's centre is the view's centre on screen: the zone-a tile nearest it is the one looked at.
    const home = await look();
    const dist = (b: Box): number => Math.hypot(b.x + b.w / 2 - home.cx, b.y + b.h / 2 - home.cy);
    const [node] = Object.entries(home.boxes).filter(([n]) => n.startsWith('a-')).sort((p, q) => dist(p[1]) - dist(q[1]))[0] ?? [];
    if (node === undefined) throw new Error('no zone-a tile');
    const box = home.boxes[node] ?? { x: 0, y: 0, w: 0, h: 0 };
    // The step is about zone c; the learner zooms on zone a's tile.
    await app.page.evaluate((b) => (window.__kubedeck?.stage() as unknown as Stage).scale()?.zoomBy(4, { x: b.x + b.w / 2, y: b.y + b.h / 2 }), box);
    // Dragged to the view's centre.
    await app.page.evaluate(([b, cx, cy]) => (window.__kubedeck?.stage() as unknown as Stage).scale()?.pan(cx - (b.x + b.w / 2), cy - (b.y + b.h / 2)), [box, home.cx, home.cy] as const);
    const before = (await look()).boxes[node];
    try {
      await app.page.setViewportSize({ width: 1000, height: 900 });
      await app.page.waitForFunction((w) => (document.querySelector('canvas')?.getBoundingClientRect().width ?? w) < w, 1100);
      await settle(app.page, { rerender: true });
      const after = await look();
      const now = after.boxes[node];
      const canvas = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
      if (now === undefined || before === undefined || canvas === undefined) throw new Error(`no tile ${node}`);
      expect(after.zoom).toBeGreaterThan(1);
      expect(now.w).toBeCloseTo(before.w, 0);
      expect(now.x).toBeGreaterThanOrEqual(0);
      expect(now.x + now.w).toBeLessThanOrEqual(canvas.width);
      expect(now.y + now.h).toBeLessThanOrEqual(canvas.height);
    } finally {
      await app.page.setViewportSize({ width: 1280, height: 720 });
      await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
      await settle(app.page, { rerender: true });
    }
  });

  it('clicking a tile opens its node as a full ship; Esc returns; the back button too', async () => {
    await gotoStepEnd('unknown');
    const c03 = await tileCentre('c-03');
    await app.page.mouse.click(c03.x, c03.y);
    const open = await frame();
    expect(open.open).toBe('c-03');
    // The ship (its name row is the Node) instead of the tiles.
    expect(tiles(open).map((o) => o.name)).toEqual(['c-03']);
    expect(open.labels.some((l) => l.owner === 'kubelet/c-03')).toBe(true);
    expect(texts(open)).toContain('← All nodes');
    expect(open.objects.filter((o) => o.kind === 'Pod').length).toBe(5);
    await app.page.keyboard.press('Escape');
    const back = await frame();
    expect(back.open).toBeUndefined();
    expect(tiles(back)).toHaveLength(30);
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.openNode('a-02'));
    const again = await frame();
    expect(again.open).toBe('a-02');
    const button = again.labels.find((l) => l.text === '← All nodes');
    if (button === undefined) throw new Error('no back button');
    const canvas = await canvasOrigin();
    await app.page.mouse.click(canvas.x + button.x + button.w / 2, canvas.y + button.y + button.h / 2);
    expect((await frame()).open).toBeUndefined();
  });

  it('with a node open, + does not zoom the hidden tiles: back at them, the camera is where it was', async () => {
    await gotoStepEnd('unknown');
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
    const c03 = await tileCentre('c-03');
    await app.page.mouse.click(c03.x, c03.y);
    expect((await frame()).open).toBe('c-03');
    await app.page.focus('canvas');
    await app.page.keyboard.press('+');
    await app.page.keyboard.press('+');
    await app.page.keyboard.press('Escape');
    const back = await frame();
    expect(back.open).toBeUndefined();
    expect(back.zoom).toBe(1);
    // + went to the player instead, as anywhere else on the page: the speed.
    expect(await app.page.evaluate(() => window.__kubedeck?.player()?.getState().speed)).toBeGreaterThan(1);
    await app.page.evaluate(() => window.__kubedeck?.player()?.setSpeed(1));
  });

  it('a drag that starts on a tile pans the camera and opens nothing', async () => {
    await gotoStepEnd('unknown');
    const { x, y } = await tileCentre('b-03');
    // Zoomed in (a pan at home is clamped), then dragged from the tile's middle.
    await app.page.mouse.move(x, y);
    await app.page.mouse.wheel(0, -300);
    await app.page.mouse.wheel(0, -300);
    const before = await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.camera);
    await app.page.mouse.down();
    for (let k = 1; k <= 10; k++) await app.page.mouse.move(x - 12 * k, y);
    await app.page.mouse.up();
    const after = await frame();
    expect(after.open).toBeUndefined();
    const cam = await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.camera);
    expect(cam).not.toEqual(before);
    // A click (no move) on a tile still opens it.
    await app.page.mouse.click(x, y);
    expect((await frame()).open).toBeDefined();
    await app.page.keyboard.press('Escape');
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
  });

  it('with one node opened, the other nodes\' traffic goes to "← All nodes", never to the quay (kubectl said nothing)', async () => {
    await gotoStepEnd('unknown');
    const step = await app.page.evaluate(() => window.__kubedeck?.player()?.steps.find((s) => s.id === 'wave'));
    if (step === undefined) throw new Error('no wave step');
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.openNode('c-03'));
    let toBack = 0;
    for (let k = 0; k < 30; k++) {
      await app.page.evaluate((t) => {
        window.__kubedeck?.player()?.pause();
        window.__kubedeck?.player()?.seek(t);
      }, step.start + (step.end - step.start) * (k / 30));
      const f = await frame();
      const quay = f.labels.find((l) => l.text === 'kubectl');
      const back = f.labels.find((l) => l.text === '← All nodes');
      if (quay === undefined || back === undefined) throw new Error('no quay or back button');
      const tokens = f.objects.filter((o) => o.kind === 'token' && o.alpha > 0);
      const near = (o: DrawnObject, r: { x: number; y: number; w: number; h: number }, pad: number): boolean =>
        o.x + o.w > r.x - pad && o.x < r.x + r.w + pad && o.y + o.h > r.y - pad && o.y < r.y + r.h + pad;
      // No command is given in this step: nothing comes from or goes to the quay.
      expect(tokens.filter((o) => near(o, quay, 24))).toEqual([]);
      toBack += tokens.filter((o) => near(o, back, 24)).length;
    }
    // The other nodes' traffic does reach the button (the check above is not vacuous).
    expect(toBack).toBeGreaterThan(0);
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.closeNode());
  });

  it('a node opened while the outage goes on: back at the tiles, they show the cluster as it is now, not as it was when the node opened', async () => {
    await app.page.selectOption('[data-testid=theme]', 'dark');
    await app.page.click('[data-lang=en]');
    // Opened before zone c goes dark; the story moves on under the ship (its tiles are not laid out again on the way back).
    await app.page.evaluate(() => {
      const player = window.__kubedeck?.player();
      player?.pause();
      player?.seek(0);
      (window.__kubedeck?.stage() as unknown as Stage).scale()?.openNode('a-02');
    });
    await gotoStepEnd('unknown');
    expect((await frame()).open).toBe('a-02');
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.closeNode());
    await settle(app.page, { rerender: true });
    expect(comparePng(readFileSync(join(BASELINES, 'zone-outage-30-unknown-dark-en.png')), await app.page.screenshot()).ratio).toBeLessThanOrEqual(MAX_RATIO);
  });

  it.each([
    ['dark', 'en'],
    ['light', 'ko'],
  ] as const)('looks as it did at the end of unknown (%s, %s)', async (theme, lang) => {
    await app.page.evaluate(() => {
      const sc = (window.__kubedeck?.stage() as unknown as Stage).scale();
      sc?.closeNode();
      sc?.resetCamera();
    });
    await app.page.selectOption('[data-testid=theme]', theme);
    await app.page.click(`[data-lang=${lang}]`);
    await gotoStepEnd('unknown');
    await settle(app.page, { rerender: true });
    const name = `zone-outage-30-unknown-${theme}-${lang}.png`;
    const actual = await app.page.screenshot();
    const path = join(BASELINES, name);
    if (UPDATE) {
      writePng(path, actual);
      return;
    }
    if (!existsSync(path)) throw new Error(`no baseline ${name}: run with UPDATE_BASELINES=1, look at it, commit it`);
    const result = comparePng(readFileSync(path), actual);
    if (result.ratio > MAX_RATIO) {
      writePng(join(RESULTS, name), actual);
      if (result.diff) writePng(join(RESULTS, name.replace('.png', '.diff.png')), result.diff);
    }
    expect(result.sameSize).toBe(true);
    expect(result.ratio, `${name}: ${result.differing} pixels differ`).toBeLessThanOrEqual(MAX_RATIO);
  });
});

describe('scale view (zone-outage as it ships: 150 nodes, 3,000 replicas)', () => {
  beforeAll(async () => {
    await app.page.goto(`${base}?scenario=zone-outage&lang=en&theme=dark`);
    await app.page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
    await settle(app.page);
  });

  it('hovering a tile at home zoom names it beside it (its words do not fit on it): name, state and pods', async () => {
    await gotoStepEnd('unknown');
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
    // 150 nodes at 1280x720: too small for their names.
    expect(texts(await frame()).some((t) => t.startsWith('c-03'))).toBe(false);
    const c03 = await tileCentre('c-03');
    await app.page.mouse.move(c03.x, c03.y);
    const f = await frame();
    expect(texts(f)).toContain('c-03 · Unknown · 20');
    const size = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
    expect(labelProblems(f.labels, size?.width ?? 0, size?.height ?? 0)).toEqual([]);
    // Off the tiles, the words go.
    await app.page.mouse.move(5, 5);
    expect(texts(await frame()).some((t) => t.startsWith('c-03'))).toBe(false);
  });

  it("the scheduler's step draws its decision on the tiles: a red cross on each dark node Filter rejected, none on the nodes that are up or on the one it never looked at; gone after the decision", async () => {
    const error = PALETTES.dark.error;
    const seekTo = async (id: string, at: 'start' | 'end'): Promise<void> => {
      await app.page.evaluate(
        ([stepId, where]) => {
          const player = window.__kubedeck?.player();
          const st = player?.steps.find((x) => x.id === stepId);
          if (player === undefined || st === undefined) throw new Error(`no step ${stepId}`);
          player.pause();
          player.seek(where === 'start' ? st.start + 0.05 : st.end - 0.05);
        },
        [id, at] as const,
      );
      await frame();
    };
    /** How close the reddest pixel round a tile's middle is to the cross's colour (0: that colour). */
    const crossDistance = async (node: string): Promise<number> => {
      const c = await tileCentre(node);
      const png = PNG.sync.read(await app.page.screenshot({ clip: { x: Math.round(c.x) - 2, y: Math.round(c.y) - 2, width: 5, height: 5 } }));
      let best = Infinity;
      for (let i = 0; i < png.data.length; i += 4) {
        const d = Math.abs((png.data[i] ?? 0) - ((error >> 16) & 255)) + Math.abs((png.data[i + 1] ?? 0) - ((error >> 8) & 255)) + Math.abs((png.data[i + 2] ?? 0) - (error & 255));
        best = Math.min(best, d);
      }
      return best;
    };
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.resetCamera());
    await seekTo('schedule', 'start');
    expect(await crossDistance('c-01')).toBeLessThan(40);
    expect(await crossDistance('c-49')).toBeLessThan(40);
    // Filter stopped at its 100th feasible node (b-50): c-50 was never looked at.
    expect(await crossDistance('c-50')).toBeGreaterThan(120);
    expect(await crossDistance('a-01')).toBeGreaterThan(120);
    // Said beside it, on a plate that covers no other words.
    const f = await frame();
    expect(texts(f)).toContain('not checked: 100 fit already');
    const size = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
    expect(labelProblems(f.labels, size?.width ?? 0, size?.height ?? 0)).toEqual([]);
    // Hovered, a tile says what Filter made of it.
    const c01 = await tileCentre('c-01');
    await app.page.mouse.move(c01.x, c01.y);
    expect(texts(await frame()).some((t) => /^c-01 · Unknown · \d+ · rejected by Filter$/.test(t))).toBe(true);
    const a01 = await tileCentre('a-01');
    await app.page.mouse.move(a01.x, a01.y);
    expect(texts(await frame()).some((t) => /^a-01 · Ready · \d+ · passes Filter$/.test(t))).toBe(true);
    await app.page.mouse.move(5, 5);
    await seekTo('wave', 'end');
    expect(await crossDistance('c-01')).toBeGreaterThan(120);
    expect(texts(await frame())).not.toContain('not checked: 100 fit already');
  });

  it("while the wave plays, no message's label covers a zone header's words (1920x1080)", async () => {
    // A page of its own, opened at the projector's size (as a speaker would).
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${base}?scenario=zone-outage&lang=en&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
    await settle(page);
    const frames = await page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as Stage;
      const wave = window.__kubedeck?.player()?.steps.find((s) => s.id === 'wave');
      if (wave === undefined) throw new Error('no wave step');
      const seen: { text: string; x: number; y: number; w: number; h: number }[][] = [];
      // Every 0.1 s: a label crosses a header in a fraction of a second.
      for (let t = wave.start + 0.05; t < wave.end; t += 0.1) {
        stage.renderFrameAt(t);
        seen.push(stage.labels().map((l) => ({ text: l.text, x: l.x, y: l.y, w: l.w, h: l.h })));
      }
      return seen;
    });
    await page.close();
    const headerish = /^(zone-[abc] · |Ready \d|Unknown \d|\d[\d,]* pods?$|Terminating \d)/;
    const bad = new Set<string>();
    for (const labels of frames) {
      const headers = labels.filter((l) => headerish.test(l.text));
      for (const h of headers) {
        for (const o of labels.filter((l) => !headerish.test(l.text))) {
          const ox = Math.min(h.x + h.w, o.x + o.w) - Math.max(h.x, o.x);
          const oy = Math.min(h.y + h.h, o.y + o.h) - Math.max(h.y, o.y);
          if (ox > 2 && oy > 2) bad.add(`"${o.text}" over "${h.text}"`);
        }
      }
    }
    expect([...bad]).toEqual([]);
  });

  it('the caption keeps a controller flag on one line (Korean wrapped after its "--")', async () => {
    await app.page.click('[data-lang=ko]');
    await gotoStepEnd('rate');
    await app.page.waitForFunction(() => /테인트를 붙입니다/.test(document.querySelector('[data-testid=caption]')?.textContent ?? ''));
    const flags = await app.page.$$eval('[data-testid=caption] .caption__flag', (spans) => spans.map((s) => ({ text: s.textContent, wrap: getComputedStyle(s).whiteSpace, lines: s.getClientRects().length })));
    expect(flags).toEqual([{ text: '--node-eviction-rate', wrap: 'nowrap', lines: 1 }]);
    await app.page.click('[data-lang=en]');
  });

  it('the shelf cards say maxSurge, maxUnavailable and want/have/ready in full at 1280x720', async () => {
    await gotoStepEnd('evict');
    const f = await frame();
    // Cut words read as "maxS… 750" and "want 3000 · have 3000 ··· 3000": which count was ready?
    expect(texts(f)).toContain('maxSurge 750');
    expect(texts(f)).toContain('maxUnavailable 750');
    expect(texts(f).some((t) => /^want 3,000 · have [\d,]+ · ready [\d,]+$/.test(t))).toBe(true);
    const size = await app.page.evaluate(() => document.querySelector('canvas')?.getBoundingClientRect());
    expect(labelProblems(f.labels, size?.width ?? 0, size?.height ?? 0)).toEqual([]);
  });

  it('an opened node with more pods than its deck holds says how many more in a slot of its own', async () => {
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.openNode('a-01'));
    const f = await frame();
    const pods = f.objects.filter((o) => o.kind === 'Pod');
    const more = f.labels.filter((l) => /^\+\d+$/.test(l.text));
    expect(more).toHaveLength(1);
    const [plus] = more;
    if (plus === undefined) throw new Error('no +N');
    // Every one of the node's 20 pods is a card or counted in "+N".
    expect(pods.length + Number(plus.text.slice(1))).toBe(20);
    // Drawn in a corner of the deck, the count hid under the last card.
    const inside = (o: DrawnObject): boolean => plus.x < o.x + o.w && o.x < plus.x + plus.w && plus.y < o.y + o.h && o.y < plus.y + plus.h;
    expect(pods.filter(inside)).toEqual([]);
    await app.page.evaluate(() => (window.__kubedeck?.stage() as unknown as Stage).scale()?.closeNode());
  });
});

describe('scale view (a zone partly down: 160 nodes, 60 % of zone-c)', () => {
  beforeAll(async () => {
    await app.page.goto(`${base}?scenario=zone-outage&outage=part&nodes=160&perNode=3&lang=ko&theme=dark`);
    await app.page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 60_000 });
    await settle(app.page);
  });

  it("zone-c's header keeps its pods' count beside three states when Terminating pods do not fit too", async () => {
    await gotoEnd();
    const f = await frame();
    const line = f.labels.filter((l) => l.text.startsWith('Ready ') || l.text.startsWith('Unknown ') || l.text.startsWith('파드 ') || l.text.startsWith('Terminating '));
    // Each zone's second line: its states, then its pods; three zones, three pods' counts.
    expect(line.filter((l) => l.text.startsWith('Unknown '))).toHaveLength(1);
    expect(line.filter((l) => /^파드 [\d,]+개$/.test(l.text))).toHaveLength(3);
  });
});
