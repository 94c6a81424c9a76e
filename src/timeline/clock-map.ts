/**
 * A monotonic, piecewise-linear map between presentation seconds and simulated milliseconds.
 * Both coordinates are non-decreasing along the knots, so each direction is a binary search.
 */
import { firstAtOrAbove } from '../model/bisect.ts';

export interface ClockMap {
  /** Presentation seconds of each knot, non-decreasing. */
  readonly pres: readonly number[];
  /** Simulated ms of each knot, non-decreasing. */
  readonly sim: readonly number[];
}

/** Index of the last element <= x (or -1). */
function lastAtOrBelow(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? Infinity) <= x) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

function interpolate(from: readonly number[], to: readonly number[], x: number, i: number): number {
  const x0 = from[i] ?? 0;
  const y0 = to[i] ?? 0;
  const x1 = from[i + 1];
  const y1 = to[i + 1];
  if (x1 === undefined || y1 === undefined || x1 <= x0) return y0;
  return y0 + ((x - x0) / (x1 - x0)) * (y1 - y0);
}

/** Simulated ms shown at presentation time `t` (seconds). */
export function simTimeAt(map: ClockMap, t: number): number {
  if (map.pres.length === 0) return 0;
  const i = lastAtOrBelow(map.pres, t);
  if (i < 0) return map.sim[0] ?? 0;
  // On a flat presentation span (two knots at the same time) take the later knot.
  return interpolate(map.pres, map.sim, t, i);
}

/** Earliest presentation time (s) at which the clock shows `simMs`. */
export function presTimeAt(map: ClockMap, simMs: number): number {
  if (map.sim.length === 0) return 0;
  const i = firstAtOrAbove(map.sim, simMs);
  if (i >= map.sim.length) return map.pres[map.pres.length - 1] ?? 0;
  if (i === 0) return map.pres[0] ?? 0;
  const s0 = map.sim[i - 1] ?? 0;
  const s1 = map.sim[i] ?? 0;
  const p0 = map.pres[i - 1] ?? 0;
  const p1 = map.pres[i] ?? 0;
  if (s1 <= s0) return p1;
  return p0 + ((simMs - s0) / (s1 - s0)) * (p1 - p0);
}
