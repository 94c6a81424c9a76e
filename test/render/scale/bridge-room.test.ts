/**
 * The scale view's control-plane rows leave the kube-controller-manager -> kube-apiserver flow room
 * to read: the numbered badge (trail.ts, 24 px x fs) sits at the route's middle clear of both cards
 * and of the badge-sized spots where the token waits and lands. With the small stage's 24 px gap the
 * arrow was ~30 px at 1920x1080, its badge on kube-apiserver's edge.
 */
import { describe, expect, it } from 'vitest';
import { computeLayout, overlaps, type Rect } from '../../../src/render/layout.ts';
import { routeBetween } from '../../../src/render/routes.ts';

/** Stage sizes (the canvas under the top bar and above the caption): 1920x1080 and 1280x720 windows, a 1280x720 embed. */
const STAGES: readonly [string, number, number][] = [
  ['1920x1080 app', 1920, 735],
  ['1280x720 app', 1280, 470],
  ['1280x720 embed', 1280, 620],
];

describe.each(STAGES)('scale view at %s', (_name, w, h) => {
  const l = computeLayout(w, h, [], [], { shelf: true, wideShelf: true, flowRoom: true });
  const cm = l.stations.get('kube-controller-manager') as Rect;
  const api = l.stations.get('kube-apiserver') as Rect;
  const route = routeBetween(cm, api);
  const d = 24 * l.fs;
  const box = (x: number, y: number): Rect => ({ x: x - d / 2, y: y - d / 2, w: d, h: d });
  const mid = { x: 0.25 * route.p0.x + 0.5 * route.c.x + 0.25 * route.p1.x, y: 0.25 * route.p0.y + 0.5 * route.c.y + 0.25 * route.p1.y };

  it('the controller-manager -> apiserver arrow is longer than two badges', () => {
    expect(Math.hypot(route.p1.x - route.p0.x, route.p1.y - route.p0.y)).toBeGreaterThanOrEqual(2.2 * d);
  });

  it('its badge at the middle covers neither card nor where the token waits and lands', () => {
    const badge = box(mid.x, mid.y);
    expect(overlaps(badge, api), 'badge on kube-apiserver').toBe(false);
    expect(overlaps(badge, cm), 'badge on kube-controller-manager').toBe(false);
    expect(overlaps(badge, box(route.p0.x, route.p0.y)), 'badge on the start').toBe(false);
    expect(overlaps(badge, box(route.p1.x, route.p1.y)), 'badge on the end').toBe(false);
  });

  it('the tiles keep most of the stage below the flagship', () => {
    expect(l.shipsArea.h).toBeGreaterThan(0.4 * h);
  });
});
