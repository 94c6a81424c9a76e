/**
 * The step's numbered trail: faint route lines of its story hops with a numbered badge at each
 * hop's midpoint (1 kubectl -> kube-apiserver, 2 kube-apiserver -> etcd, ...), so a paused frame
 * at a step's start or end tells the step. Laid out once per step and layout; frames only show or
 * hide it. Badges keep off cards, pods and each other.
 */
import { Container, Graphics, type Text } from './pixi-parts.ts';
import type { MessageEvent } from '../sim/trace.ts';
import type { TrailHop } from '../timeline/trail.ts';
import { markDrawn } from './drawn.ts';
import { componentInfo } from './ids.ts';
import type { Rect } from './layout.ts';
import { pointOnRoute, type Route } from './routes.ts';
import { traceDashed, traceRoute, type RouteRuns } from './behind-cards.ts';
import { makeText, restyle } from './scene/text.ts';
import type { Palette } from './theme.ts';

/** Where along the arc a badge may sit, best first. */
const SPOTS = [0.5, 0.4, 0.6, 0.32, 0.68, 0.25, 0.75, 0.18, 0.82] as const;

class Badge extends Container {
  readonly disc = new Graphics();
  readonly text: Text;
  constructor() {
    super();
    this.label = 'trail';
    this.text = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.addChild(this.disc, this.text);
  }
}

/**
 * Badge centres to try, best first: along the arc, then (a hop between neighbouring cards has no
 * free arc) beside its middle, a little and then further off, each with a small penalty per step
 * away so a free spot on the arc always wins.
 */
function candidates(r: Route, d: number): { x: number; y: number; penalty: number }[] {
  const out = SPOTS.map((u) => ({ ...pointOnRoute(r, u), penalty: 0 }));
  const mid = pointOnRoute(r, 0.5);
  const tx = r.p1.x - r.p0.x;
  const ty = r.p1.y - r.p0.y;
  const len = Math.hypot(tx, ty) || 1;
  // Across the arc (its normal), then straight up and down, then along it past the ends.
  const dirs = [
    [-ty / len, tx / len],
    [ty / len, -tx / len],
    [0, -1],
    [0, 1],
  ] as const;
  [0.85, 1.35, 1.9].forEach((k, ring) => {
    for (const [nx, ny] of dirs) out.push({ x: mid.x + nx * d * k, y: mid.y + ny * d * k, penalty: 0.02 * (ring + 1) });
  });
  return out;
}

const overlapArea = (a: Rect, b: Rect): number => {
  const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return ox > 0 && oy > 0 ? ox * oy : 0;
};

export class TrailLayer extends Container {
  private readonly lines = new Graphics();
  private readonly badges: Badge[] = [];
  /** Badge boxes of the current trail (token labels keep off them). */
  readonly badgeBoxes: Rect[] = [];

  constructor() {
    super();
    this.label = 'trail';
    this.addChild(this.lines);
  }

  /** Draw a step's hops; `obstacles`: boxes a badge must not cover (cards with their text, pods, ship names). */
  /** `runsOf`: a route's line cut where it passes behind cards (undefined: the whole arc), solid and dashed as the tokens draw it. */
  setTrail(hops: readonly TrailHop[], routeOf: (m: MessageEvent) => Route, runsOf: (m: MessageEvent) => RouteRuns | undefined, p: Palette, fs: number, bounds: Rect, obstacles: readonly Rect[]): void {
    this.lines.clear();
    const placed = this.badgeBoxes;
    placed.length = 0;
    const d = 24 * fs;
    // A token waits at its route's start and lands at its end: badges keep off both.
    const ends: Rect[] = [];
    for (const hop of hops) {
      for (const r of hop.routes) {
        const route = routeOf(r.message);
        for (const pt of [route.p0, route.p1]) ends.push({ x: pt.x - d / 2, y: pt.y - d / 2, w: d, h: d });
      }
    }
    let used = 0;
    for (const hop of hops) {
      let first: Route | undefined;
      for (const r of hop.routes) {
        const route = routeOf(r.message);
        first ??= route;
        const colour = p.role[componentInfo(r.from).role];
        const runs = runsOf(r.message);
        traceRoute(this.lines, route, runs?.visible);
        this.lines.stroke({ width: 2.5 * fs, color: colour, alpha: 0.45 });
        if (runs !== undefined && runs.hidden.length > 0) {
          traceDashed(this.lines, runs.hidden, 7 * fs, 6 * fs);
          this.lines.stroke({ width: 2.5 * fs, color: colour, alpha: 0.45 });
        }
        this.arrowHead(route.p1, route.c, colour, fs);
        if (hop.roundTrip) this.arrowHead(route.p0, route.c, colour, fs);
      }
      if (first === undefined) continue;
      let best: Rect | undefined;
      let bestCost = Infinity;
      for (const c of candidates(first, d)) {
        const box = { x: c.x - d / 2, y: c.y - d / 2, w: d, h: d };
        const outside = box.x < bounds.x || box.y < bounds.y || box.x + d > bounds.x + bounds.w || box.y + d > bounds.y + bounds.h ? d * d * 4 : 0;
        let cost = outside + c.penalty * d * d;
        for (const o of obstacles) cost += overlapArea(box, o);
        for (const o of ends) cost += 2 * overlapArea(box, o);
        for (const o of placed) cost += 8 * overlapArea(box, o);
        if (cost < bestCost) {
          bestCost = cost;
          best = box;
          if (cost === 0) break;
        }
      }
      if (best === undefined) continue;
      placed.push(best);
      let b = this.badges[used];
      if (b === undefined) {
        b = new Badge();
        this.badges.push(b);
        this.addChild(b);
      }
      used++;
      b.visible = true;
      const colour = p.role[componentInfo(hop.routes[0]?.from ?? 'kubectl').role];
      b.disc.clear().circle(d / 2, d / 2, d / 2).fill(colour).stroke({ width: 2 * fs, color: p.pillBg, alpha: 0.9 });
      restyle(b.text, { size: 14 * fs, weight: '700', fill: p.onRole });
      b.text.text = String(hop.n);
      b.text.position.set((d - b.text.width) / 2, (d - b.text.height) / 2);
      b.position.set(best.x, best.y);
      markDrawn(b, 'trail', `${hop.n}`);
    }
    for (let i = used; i < this.badges.length; i++) {
      const b = this.badges[i];
      if (b !== undefined) b.visible = false;
    }
  }

  private arrowHead(tip: { x: number; y: number }, from: { x: number; y: number }, colour: number, fs: number): void {
    const dx = tip.x - from.x;
    const dy = tip.y - from.y;
    const len = Math.hypot(dx, dy) || 1;
    const ux = dx / len;
    const uy = dy / len;
    const s = 9 * fs;
    this.lines
      .poly([tip.x, tip.y, tip.x - ux * s - uy * s * 0.55, tip.y - uy * s + ux * s * 0.55, tip.x - ux * s + uy * s * 0.55, tip.y - uy * s - ux * s * 0.55])
      .fill({ color: colour, alpha: 0.6 });
  }
}
