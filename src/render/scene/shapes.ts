/** Small drawing helpers shared by the scene (dashes, hulls, check and cross marks). */
import type { Graphics } from '../pixi-parts.ts';
import type { Rect } from '../layout.ts';

/** Pixi has no dashed stroke: draw the outline of a rounded-corner-free rect as dashes. */
export function dashedRect(g: Graphics, r: Rect, dash: number, gap: number): Graphics {
  const edge = (x0: number, y0: number, x1: number, y1: number): void => {
    const len = Math.hypot(x1 - x0, y1 - y0);
    const ux = (x1 - x0) / len;
    const uy = (y1 - y0) / len;
    for (let d = 0; d < len; d += dash + gap) {
      const e = Math.min(len, d + dash);
      g.moveTo(x0 + ux * d, y0 + uy * d).lineTo(x0 + ux * e, y0 + uy * e);
    }
  };
  edge(r.x, r.y, r.x + r.w, r.y);
  edge(r.x + r.w, r.y, r.x + r.w, r.y + r.h);
  edge(r.x + r.w, r.y + r.h, r.x, r.y + r.h);
  edge(r.x, r.y + r.h, r.x, r.y);
  return g;
}

/** A hull: flat deck line on top, sides drawn in towards the keel, a raised bow on the right. */
export function hullPath(g: Graphics, r: Rect, inward: number): Graphics {
  const bow = Math.min(r.h * 0.35, 18);
  return g
    .moveTo(r.x, r.y)
    .lineTo(r.x + r.w - inward * 0.4, r.y - bow * 0.3)
    .lineTo(r.x + r.w, r.y - bow)
    .lineTo(r.x + r.w - inward, r.y + r.h)
    .lineTo(r.x + inward * 0.7, r.y + r.h)
    .closePath();
}

export function checkMark(g: Graphics, x: number, y: number, size: number): Graphics {
  return g
    .moveTo(x, y + size * 0.55)
    .lineTo(x + size * 0.38, y + size * 0.9)
    .lineTo(x + size, y + size * 0.12);
}

export function crossMark(g: Graphics, x: number, y: number, size: number): Graphics {
  return g
    .moveTo(x, y)
    .lineTo(x + size, y + size)
    .moveTo(x + size, y)
    .lineTo(x, y + size);
}
