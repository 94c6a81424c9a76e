/**
 * In the scale view, flows between the zone groups and kube-apiserver cross the cards in between
 * (kube-controller-manager's chips, the scheduling queue): their lines pass behind those cards,
 * solid where no card is and dashed over one (a drawing's hidden-line convention), and their tokens
 * are faint ghosts while under one. Without the dashes a kubelet's flow seemed to start at the
 * card's top edge, as if kube-controller-manager sent it (reviewer). Pure.
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

/** A route's line cut at the cards it passes behind: `visible` solid, `hidden` (over a card) dashed. */
export interface RouteRuns {
  readonly visible: readonly (readonly Point[])[];
  readonly hidden: readonly (readonly Point[])[];
}

/**
 * The parts of the arc outside `covers` and those over one, each a polyline (`visible` is empty
 * when the arc is wholly under a card). A segment with either end on a card goes to `hidden`: the
 * solid line stops short of the card's edge and the dashes take over there.
 */
export function routeRuns(r: Route, covers: readonly Rect[]): RouteRuns {
  const visible: Point[][] = [];
  const hidden: Point[][] = [];
  let run: Point[] | undefined;
  let runHidden = false;
  let a = pointOnRoute(r, 0);
  let aHidden = underCard(a, covers);
  for (let i = 1; i <= STEPS; i++) {
    const b = pointOnRoute(r, i / STEPS);
    const bHidden = underCard(b, covers);
    const segHidden = aHidden || bHidden;
    if (run === undefined || runHidden !== segHidden) {
      run = [a];
      runHidden = segHidden;
      (segHidden ? hidden : visible).push(run);
    }
    run.push(b);
    a = b;
    aHidden = bHidden;
  }
  return { visible, hidden };
}

/** Traces `runs` as dashes of `dash` px with `gap` px between, continuing the pattern from one segment to the next. */
export function traceDashed(g: Pick<PathSink, 'moveTo' | 'lineTo'>, runs: readonly (readonly Point[])[], dash: number, gap: number): void {
  for (const run of runs) {
    // Distance into the current dash (< dash) or gap (>= dash) of the pattern.
    let phase = 0;
    for (let i = 1; i < run.length; i++) {
      const a = run[i - 1] as Point;
      const b = run[i] as Point;
      const len = Math.hypot(b.x - a.x, b.y - a.y);
      let at = 0;
      while (at < len) {
        const inDash = phase < dash;
        const step = Math.min(len - at, inDash ? dash - phase : dash + gap - phase);
        if (inDash) {
          const u0 = at / len;
          const u1 = (at + step) / len;
          g.moveTo(a.x + (b.x - a.x) * u0, a.y + (b.y - a.y) * u0);
          g.lineTo(a.x + (b.x - a.x) * u1, a.y + (b.y - a.y) * u1);
        }
        at += step;
        phase = (phase + step) % (dash + gap);
      }
    }
  }
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

/** Traces a route's line on `g`: the whole arc, or (routeRuns' visible runs) only its parts outside the cards it passes behind. */
export function traceRoute(g: PathSink, r: Route, runs: readonly (readonly Point[])[] | undefined): void {
  if (runs === undefined) {
    g.moveTo(r.p0.x, r.p0.y);
    g.quadraticCurveTo(r.c.x, r.c.y, r.p1.x, r.p1.y);
    return;
  }
  for (const run of runs) run.forEach((pt, i) => (i === 0 ? g.moveTo(pt.x, pt.y) : g.lineTo(pt.x, pt.y)));
}
