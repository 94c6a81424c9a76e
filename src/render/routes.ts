/** Token routes between station cards: gentle arcs, and arcs over/under a row of etcd members. Pure. */
import { centre, exitPoint, type Point, type Rect } from './layout.ts';

export interface Route {
  readonly p0: Point;
  readonly c: Point;
  readonly p1: Point;
  /** Unit normal on the outside of the arc (where the label goes). */
  readonly nx: number;
  readonly ny: number;
}

/** A gentle arc from one station to another; the reverse route bows the other way. */
export function routeBetween(a: Rect, b: Rect): Route {
  const ca = centre(a);
  const cb = centre(b);
  const p0 = exitPoint(a, cb);
  const p1 = exitPoint(b, ca);
  const dx = p1.x - p0.x;
  const dy = p1.y - p0.y;
  const len = Math.hypot(dx, dy) || 1;
  // Normal to the left of the direction of travel.
  const nx = dy / len;
  const ny = -dx / len;
  const bow = Math.min(0.16 * len, 70);
  return { p0, p1, c: { x: (p0.x + p1.x) / 2 + nx * bow, y: (p0.y + p1.y) / 2 + ny * bow }, nx, ny };
}

/**
 * Between two cards of one row (etcd members): an arc over the row left to right, under it right
 * to left, so a token never crosses the members in between and a reply bows the other way.
 */
export function rowRoute(a: Rect, b: Rect): Route {
  const ca = centre(a);
  const cb = centre(b);
  const over = cb.x >= ca.x;
  const edge = (r: Rect): number => (over ? r.y : r.y + r.h);
  const p0 = { x: ca.x + Math.sign(cb.x - ca.x) * a.w * 0.2, y: edge(a) };
  const p1 = { x: cb.x - Math.sign(cb.x - ca.x) * b.w * 0.2, y: edge(b) };
  const lift = Math.min(24 + Math.abs(p1.x - p0.x) * 0.18, 60) * (over ? -1 : 1);
  return { p0, p1, c: { x: (p0.x + p1.x) / 2, y: (p0.y + p1.y) / 2 + lift }, nx: 0, ny: over ? -1 : 1 };
}

export const sameRow = (a: Rect, b: Rect): boolean => Math.abs(a.y - b.y) < 1 && Math.abs(a.h - b.h) < 1;

/**
 * The route with its control point pulled inside `bounds` (less `margin`): a quadratic curve lies
 * within the triangle of its three points, so with both ends inside, the whole arc stays on stage.
 */
export function clampRoute(r: Route, bounds: { readonly x: number; readonly y: number; readonly w: number; readonly h: number }, margin: number): Route {
  const x0 = bounds.x + margin;
  const y0 = bounds.y + margin;
  const x1 = bounds.x + bounds.w - margin;
  const y1 = bounds.y + bounds.h - margin;
  if (x1 <= x0 || y1 <= y0) return r;
  const cx = Math.min(x1, Math.max(x0, r.c.x));
  const cy = Math.min(y1, Math.max(y0, r.c.y));
  return cx === r.c.x && cy === r.c.y ? r : { ...r, c: { x: cx, y: cy } };
}
