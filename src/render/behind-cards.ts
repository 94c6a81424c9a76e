/**
 * In the scale view, flows between the zone groups and kube-apiserver cross the cards in between
 * (kube-controller-manager's chips, the scheduling queue): their lines pass behind those cards,
 * drawn only where no card is, and their tokens are hidden while under one. Pure.
 */
import type { Point, Rect, StageLayout } from './layout.ts';
import { pointOnRoute, type Route } from './routes.ts';

/** Segments an arc is cut into: 96 keeps each under 10 px on a 1920 px stage's longest flows (the gap left at a card's edge). */
const STEPS = 96;

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
  let a = pointOnRoute(r, 0);
  let aHidden = underCard(a, covers);
  for (let i = 1; i <= STEPS; i++) {
    const b = pointOnRoute(r, i / STEPS);
    const bHidden = underCard(b, covers);
    // A segment with either end on a card is left out: the line stops short of the card's edge.
    if (aHidden || bHidden) run = undefined;
    else {
      if (run === undefined) {
        run = [a];
        runs.push(run);
      }
      run.push(b);
    }
    a = b;
    aHidden = bHidden;
  }
  return runs;
}

/** What the scale view's flows pass behind: the flagship's cards (their own ends excepted, coversOf) and the scheduling queue. */
export function scaleCovers(l: Pick<StageLayout, 'stations' | 'queue'>): Rect[] {
  return [...l.stations.values(), l.queue];
}

/** A path the stage can trace: PixiJS's Graphics, or anything drawing the same calls. */
interface PathSink {
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  quadraticCurveTo(cx: number, cy: number, x: number, y: number): unknown;
}

/** Traces a route's line on `g`: the whole arc, or (runs from visibleRuns) only its parts outside the cards it passes behind. */
export function traceRoute(g: PathSink, r: Route, runs: readonly (readonly Point[])[] | undefined): void {
  if (runs === undefined) {
    g.moveTo(r.p0.x, r.p0.y);
    g.quadraticCurveTo(r.c.x, r.c.y, r.p1.x, r.p1.y);
    return;
  }
  for (const run of runs) run.forEach((pt, i) => (i === 0 ? g.moveTo(pt.x, pt.y) : g.lineTo(pt.x, pt.y)));
}
