/**
 * In the scale view a zone's flow up to kube-apiserver passes behind kube-controller-manager's card
 * (and the scheduling queue) instead of drawing over its chips' words: the solid line has no
 * point on the card, the part over it is dashed (so the flow does not seem to start at the card's
 * edge), and its token is a ghost there. Routes between two cards with nothing in between are drawn whole.
 */
import { describe, expect, it } from 'vitest';
import { coversOf, routeRuns, scaleCovers, traceDashed, underCard } from '../../src/render/behind-cards.ts';
import { pointOnRoute } from '../../src/render/routes.ts';
import { computeLayout, type Point, type Rect } from '../../src/render/layout.ts';
import { routeBetween } from '../../src/render/routes.ts';

const strictlyIn = (p: Point, r: Rect): boolean => p.x > r.x + 0.5 && p.x < r.x + r.w - 0.5 && p.y > r.y + 0.5 && p.y < r.y + r.h - 0.5;

describe.each([
  [1920, 735],
  [1280, 470],
])('scale view at %ix%i', (w, h) => {
  const l = computeLayout(w, h, [], [], { shelf: true, wideShelf: true, flowRoom: true });
  const api = l.stations.get('kube-apiserver') as Rect;
  const cm = l.stations.get('kube-controller-manager') as Rect;
  // Three zone headers across the top of the tiles (scale-view.ts groupEnd), as the stage lays them out.
  const third = l.shipsArea.w / 3;
  const zones: Rect[] = [0, 1, 2].map((i) => ({ x: l.shipsArea.x + i * third, y: l.shipsArea.y, w: Math.min(third - 12, 200 * l.fs), h: 40 * l.fs }));

  it.each([0, 1, 2])('zone %i -> kube-apiserver: the drawn line never crosses kube-controller-manager or the queue', (i) => {
    const zone = zones[i] as Rect;
    const route = routeBetween(zone, api);
    // Without passing behind, the arc does cross the card: the check below is not vacuous for every zone.
    const covers = coversOf(route, scaleCovers(l), [zone, api]);
    const drawn = routeRuns(route, covers).visible.flat();
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((p) => strictlyIn(p, cm) || strictlyIn(p, l.queue))).toEqual([]);
  });

  it('some zone flow would cross kube-controller-manager if drawn whole', () => {
    const crossing = zones.filter((zone) => {
      const route = routeBetween(zone, api);
      return Array.from({ length: 41 }, (_, k) => pointOnRoute(route, k / 40)).some((p) => strictlyIn(p, cm));
    });
    expect(crossing.length).toBeGreaterThan(0);
  });

  it('kube-controller-manager -> kube-apiserver is drawn whole: its own cards are not covers', () => {
    const route = routeBetween(cm, api);
    expect(coversOf(route, scaleCovers(l), [cm, api]).filter((c) => c === cm || c === api)).toEqual([]);
    const runs = routeRuns(route, coversOf(route, scaleCovers(l), [cm, api])).visible;
    expect(runs).toHaveLength(1);
  });

  it('a token on the card is hidden, one above it shows', () => {
    const zone = zones[1] as Rect;
    const route = routeBetween(zone, api);
    const covers = coversOf(route, scaleCovers(l), [zone, api]);
    expect(underCard({ x: cm.x + cm.w / 2, y: cm.y + cm.h / 2 }, covers)).toBe(true);
    expect(underCard({ x: api.x + api.w / 2, y: api.y + api.h + 4 }, covers)).toBe(false);
  });

  it.each([0, 1, 2])('zone %i -> kube-apiserver: the line goes on, dashed, over the cards it passes behind, from the zone to kube-apiserver unbroken', (i) => {
    const zone = zones[i] as Rect;
    const route = routeBetween(zone, api);
    const covers = coversOf(route, scaleCovers(l), [zone, api]);
    const { visible, hidden } = routeRuns(route, covers);
    const crosses = Array.from({ length: 97 }, (_, k) => pointOnRoute(route, k / 96)).some((p) => underCard(p, covers));
    if (!crosses) {
      expect(hidden).toEqual([]);
      return;
    }
    expect(hidden.length).toBeGreaterThan(0);
    // Every point of the hidden parts that is off the card is at a card's edge (a segment's end).
    for (const run of hidden) expect(run.some((p) => underCard(p, covers))).toBe(true);
    // Solid and dashed runs join end to start: together they are the whole arc, start to end.
    const all = [...visible, ...hidden].sort((a, b) => (a[0]?.y ?? 0) - (b[0]?.y ?? 0));
    const points = all.reduce((n, run) => n + run.length - 1, 0);
    expect(points).toBe(96);
  });
});

describe('traceDashed', () => {
  it('draws dashes of the given length with gaps, the pattern carried across a polyline\'s corners', () => {
    const moves: [number, number][] = [];
    const lines: [number, number][] = [];
    const g = { moveTo: (x: number, y: number) => moves.push([x, y]), lineTo: (x: number, y: number) => lines.push([x, y]) };
    // 0 -> 10 -> 22 along x: dash 4, gap 2 gives dashes at 0-4, 6-10, 12-16, 18-22.
    traceDashed(g, [[{ x: 0, y: 0 }, { x: 10, y: 0 }, { x: 22, y: 0 }]], 4, 2);
    const dashes = moves.map((m, k) => [m[0], lines[k]?.[0]]);
    expect(dashes).toEqual([
      [0, 4],
      [6, 10],
      [12, 16],
      [18, 22],
    ]);
  });

  it('a run shorter than a dash is one dash', () => {
    const moves: number[] = [];
    traceDashed({ moveTo: (x) => moves.push(x), lineTo: () => undefined }, [[{ x: 0, y: 0 }, { x: 3, y: 0 }]], 4, 2);
    expect(moves).toEqual([0]);
  });
});
