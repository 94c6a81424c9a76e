import { describe, expect, it } from 'vitest';
import { clampCamera, followResize, homeCamera, keepInView, MAX_ZOOM, panBy, rectToScreen, toScreen, toWorld, visibleWorld, zoomAbout } from '../../../src/render/scale/camera.ts';
import { rect } from '../../../src/render/layout.ts';
import { layoutTiles, zoneGroups } from '../../../src/render/scale/tile-layout.ts';

const view = rect(100, 200, 800, 300);

describe('scale view camera', () => {
  it('at home the world is the view, unmoved', () => {
    const cam = homeCamera(view);
    expect(toScreen(cam, view, { x: 123, y: 456 })).toEqual({ x: 123, y: 456 });
    expect(visibleWorld(cam, view)).toEqual(view);
  });

  it('zooming about a point keeps the world point under it', () => {
    const at = { x: 300, y: 260 };
    const before = toWorld(homeCamera(view), view, at);
    const cam = zoomAbout(homeCamera(view), view, 2, at);
    expect(cam.zoom).toBe(2);
    const after = toWorld(cam, view, at);
    expect(after.x).toBeCloseTo(before.x);
    expect(after.y).toBeCloseTo(before.y);
  });

  it('zoom stays within 1..MAX_ZOOM and the view never leaves the world', () => {
    expect(zoomAbout(homeCamera(view), view, 0.5, { x: 500, y: 300 }).zoom).toBe(1);
    expect(zoomAbout(homeCamera(view), view, 100, { x: 500, y: 300 }).zoom).toBe(MAX_ZOOM);
    const panned = panBy(zoomAbout(homeCamera(view), view, 3, { x: 500, y: 300 }), view, 5000, -5000);
    const v = visibleWorld(panned, view);
    expect(v.x).toBeCloseTo(view.x);
    expect(v.y + v.h).toBeCloseTo(view.y + view.h);
  });

  it('a drag moves the world with the pointer', () => {
    const cam = zoomAbout(homeCamera(view), view, 2, { x: 500, y: 350 });
    const p = toScreen(cam, view, { x: 450, y: 330 });
    const moved = panBy(cam, view, 40, -20);
    const q = toScreen(moved, view, { x: 450, y: 330 });
    expect(q.x - p.x).toBeCloseTo(40);
    expect(q.y - p.y).toBeCloseTo(-20);
  });

  it('keeps a target in view: unchanged if shown, panned if it fits, zoomed out if not', () => {
    const cam = clampCamera({ zoom: 4, cx: 200, cy: 250 }, view);
    const shown = rect(190, 240, 10, 10);
    expect(keepInView(cam, view, shown)).toBe(cam);
    const far = rect(850, 450, 20, 20);
    const panned = keepInView(cam, view, far);
    expect(panned.zoom).toBe(4);
    const s = rectToScreen(panned, view, far);
    expect(s.x >= view.x && s.x + s.w <= view.x + view.w && s.y >= view.y && s.y + s.h <= view.y + view.h).toBe(true);
    const wide = rect(120, 210, 700, 100);
    const out = keepInView(cam, view, wide);
    expect(out.zoom).toBeLessThan(4);
    const w = rectToScreen(out, view, wide);
    expect(w.x).toBeGreaterThanOrEqual(view.x - 0.5);
    expect(w.x + w.w).toBeLessThanOrEqual(view.x + view.w + 0.5);
  });

  describe('a resize while zoomed (the tiles reflow to the new shape)', () => {
    const nodes = ['a', 'b', 'c'].flatMap((z) => Array.from({ length: 50 }, (_, i) => ({ node: `${z}-${String(i + 1).padStart(2, '0')}`, zone: `zone-${z}` })));
    const groups = zoneGroups(nodes);
    const small = rect(250, 270, 1018, 228);
    // Taller: the zones' grids take fewer columns and more rows.
    const big = rect(200, 300, 900, 600);
    const before = layoutTiles(groups, small, 1, 1);
    const after = layoutTiles(groups, big, 1.5, 1.5);
    const tile = (l: typeof before, node: string) => l.tiles.get(node) ?? rect(0, 0, 0, 0);

    it('keeps the node at the centre there, at the same spot in its tile, as large on screen', () => {
      const was = tile(before, 'b-17');
      // Zoomed 4x on a point a quarter into b-17's tile.
      const cam = clampCamera({ zoom: 4, cx: was.x + was.w / 4, cy: was.y + was.h / 4 }, small);
      const next = followResize(cam, small, before.tiles, big, after.tiles);
      const now = tile(after, 'b-17');
      expect(next.zoom * now.w).toBeCloseTo(4 * was.w);
      expect(next.zoom).not.toBe(4);
      expect(next.cx).toBeCloseTo(now.x + now.w / 4);
      expect(next.cy).toBeCloseTo(now.y + now.h / 4);
      // The reflow moved the tile within the view: following the view's share would have lost it.
      const byShare = { x: big.x + ((cam.cx - small.x) / small.w) * big.w, y: big.y + ((cam.cy - small.y) / small.h) * big.h };
      const v = visibleWorld({ zoom: 4, cx: byShare.x, cy: byShare.y }, big);
      expect(now.x >= v.x && now.x + now.w <= v.x + v.w && now.y >= v.y && now.y + now.h <= v.y + v.h).toBe(false);
    });

    it('between tiles, follows the nearest; at zoom 1 the whole view stays in view', () => {
      const was = tile(before, 'b-17');
      // Just left of the tile, in the gap before it.
      const cam = clampCamera({ zoom: 3, cx: was.x - 0.5, cy: was.y + was.h / 2 }, small);
      const next = followResize(cam, small, before.tiles, big, after.tiles);
      const now = tile(after, 'b-17');
      expect(next.cx).toBeCloseTo(now.x - (0.5 * now.w) / was.w);
      expect(next.cy).toBeCloseTo(now.y + now.h / 2);
      expect(followResize(homeCamera(small), small, before.tiles, big, after.tiles)).toEqual(homeCamera(big));
    });
  });
});
