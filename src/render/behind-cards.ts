/**
 * In the scale view, flows between the zone groups and kube-apiserver cross the cards in between
 * (kube-controller-manager's chips, the scheduling queue): their lines pass behind those cards,
 * drawn only where no card is, and their tokens are hidden while under one. Pure.
 */
import type { Point, Rect, StageLayout } from './layout.ts';
import type { Route } from './routes.ts';

/** Segments an arc is cut into: 96 keeps each under 10 px on a 1920 px stage's longest flows (the gap left at a card's edge). */
const STEPS = 96;

export function pointOn(r: Route, u: number): Point {
  const iu = 1 - u;
  return { x: iu * iu * r.p0.x + 2 * iu * u * r.c.x + u * u * r.p1.x, y: iu * iu * r.p0.y + 2 * iu * u * r.c.y + u * u * r.p1.y };
}

const inside = (p: Point, r: Rect): boolean => p.x > r.x && p.x < r.x + r.w && p.y > r.y && p.y < r.y + r.h;

export function underCard(p: Point, covers: readonly Rect[]): boolean {
  return covers.some((c) => inside(p, c));
}

/**
 * The cards a route passes behind: every cover but the ones its ends are on (a route's own cards
 * hold its ends; those a whisker from an end, on its edge, count as its own too).
 */
export function coversOf(r: Route, covers: readonly Rect[], ends: readonly Rect[]): Rect[] {
  const near = (p: Point, c: Rect): boolean => p.x >= c.x - 1 && p.x <= c.x + c.w + 1 && p.y >= c.y - 1 && p.y <= c.y + c.h + 1;
  return covers.filter((c) => !ends.includes(c) && !near(r.p0, c) && !near(r.p1, c));
}

/** The parts of the arc not under any of `covers`, each a polyline (none when the arc is wholly under one). */
export function visibleRuns(r: Route, covers: readonly Rect[]): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] | undefined;
  for (let i = 0; i < STEPS; i++) {
    const a = pointOn(r, i / STEPS);
    const b = pointOn(r, (i + 1) / STEPS);
    // A segment with either end on a card is left out: the line stops short of the card's edge.
    const hidden = underCard(a, covers) || underCard(b, covers);
    if (hidden) {
      run = undefined;
      continue;
    }
    if (run === undefined) {
      run = [a];
      runs.push(run);
    }
    run.push(b);
  }
  return runs;
}

/** What the scale view's flows pass behind: the flagship's cards (their own ends excepted, coversOf) and the scheduling queue. */
export function scaleCovers(l: Pick<StageLayout, 'stations' | 'queue'>): Rect[] {
  return [...l.stations.values(), l.queue];
}
