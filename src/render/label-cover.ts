/**
 * How much of a token's label would cover cards (tokens.ts picks the side that covers least, and
 * hides the label when every side covers more than a little). A label flush against a card's edge
 * read as piled onto the box (zone-outage's busy scheduler <-> kube-apiserver route): the band of
 * CARD_MARGIN round each card costs EDGE_WEIGHT times its area, so a label keeps off the edge, or
 * stays hidden when no side is clear. Pure.
 */
import type { Rect } from './layout.ts';

/** A label keeps this far (x fs) from a card's edge. */
export const CARD_MARGIN = 5;

/** What covering the band round a card costs, per px², against 1 for the card itself. */
export const EDGE_WEIGHT = 6;

const overlap = (a: Rect, b: Rect, grow: number): number => {
  const ox = Math.min(a.x + a.w, b.x + b.w + grow) - Math.max(a.x, b.x - grow);
  const oy = Math.min(a.y + a.h, b.y + b.h + grow) - Math.max(a.y, b.y - grow);
  return ox > 0 && oy > 0 ? ox * oy : 0;
};

/** The cost of `box` over `rects`: their area it covers, and EDGE_WEIGHT x its area in the `margin` band round each. */
export function coverArea(box: Rect, rects: readonly Rect[], margin: number): number {
  let cost = 0;
  for (const r of rects) {
    const inner = overlap(box, r, 0);
    cost += inner + EDGE_WEIGHT * (overlap(box, r, margin) - inner);
  }
  return cost;
}
