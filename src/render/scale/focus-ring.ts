/**
 * Where the scale view rings the step's nodes. A ring round each tile reads as "these are
 * selected"; when the step is about a whole zone (it lost power) the zone's tiles are ringed as
 * one, so the picture says "this zone", and its dark tiles say what happened to it. Pure.
 */
import type { Rect } from '../layout.ts';
import type { TileLayout, ZoneGroup } from './tile-layout.ts';

/** Boxes to ring (world px, `gap` outside the tiles): one per zone whose every node is in focus, one per other focused tile. */
export function ringBoxes(focus: readonly string[], groups: readonly ZoneGroup[], tl: Pick<TileLayout, 'tiles'>, gap: number): Rect[] {
  const inFocus = new Set(focus);
  const out: Rect[] = [];
  const grow = (r: Rect): Rect => ({ x: r.x - gap, y: r.y - gap, w: r.w + 2 * gap, h: r.h + 2 * gap });
  for (const g of groups) {
    const rects = g.nodes.map((n) => tl.tiles.get(n)).filter((r): r is Rect => r !== undefined);
    const ringed = g.nodes.filter((n) => inFocus.has(n));
    if (g.nodes.length > 1 && ringed.length === g.nodes.length && rects.length > 0) {
      const x0 = Math.min(...rects.map((r) => r.x));
      const y0 = Math.min(...rects.map((r) => r.y));
      const x1 = Math.max(...rects.map((r) => r.x + r.w));
      const y1 = Math.max(...rects.map((r) => r.y + r.h));
      out.push(grow({ x: x0, y: y0, w: x1 - x0, h: y1 - y0 }));
      continue;
    }
    for (const n of ringed) {
      const r = tl.tiles.get(n);
      if (r !== undefined) out.push(grow(r));
    }
  }
  return out;
}
