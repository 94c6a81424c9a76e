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

/** The point at `u` (0..1) along a route's quadratic arc. */
export function pointOnRoute(r: Route, u: number): Point {
  const iu = 1 - u;
  return { x: iu * iu * r.p0.x + 2 * iu * u * r.c.x + u * u * r.p1.x, y: iu * iu * r.p0.y + 2 * iu * u * r.c.y + u * u * r.p1.y };
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
 * The same route with its control point pulled inside `bounds` less `margin`: a quadratic arc stays
 * within the triangle of its ends and control point, so with both ends on stage the whole arc (and
 * the token riding it) stays on the canvas (arcs over a row of cards at the top edge otherwise leave it).
 */
export function keepInside(r: Route, bounds: Rect, margin: number): Route {
  const lo = (v: number, min: number, max: number): number => (max < min ? (min + max) / 2 : Math.min(max, Math.max(min, v)));
  const x = lo(r.c.x, bounds.x + margin, bounds.x + bounds.w - margin);
  const y = lo(r.c.y, bounds.y + margin, bounds.y + bounds.h - margin);
  return x === r.c.x && y === r.c.y ? r : { ...r, c: { x, y } };
}
