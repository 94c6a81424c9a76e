/**
 * Sizes of what a node tile shows beyond its state (tile-view.ts): the taint corner, large enough
 * to see from the back of a room at 1920x1080 (a share of the tile alone made it ~10 px there).
 * Pure.
 */

/** The taint corner's side: at least 12 px x s, else two fifths of the tile's shorter side, never more than half of it. */
export function taintCorner(w: number, h: number, s: number): number {
  const short = Math.min(w, h);
  return Math.min(short / 2, Math.max(12 * s, short * 0.4));
}
