import { describe, expect, it } from 'vitest';
import { contains, computeLayout, overlaps } from '../../src/render/layout.ts';
import { keepInside, rowRoute } from '../../src/render/routes.ts';

const members = ['etcd-1', 'etcd-2', 'etcd-3'];

describe('raft panels in the layout', () => {
  it.each([[1280, 470], [1920, 860], [1024, 600]])('at %ix%i hang under each member card, inside the flagship, clear of the officers’ deck', (w, h) => {
    const l = computeLayout(w, h, ['worker-1'], members, { raft: true });
    const plain = computeLayout(w, h, ['worker-1'], members);
    expect(plain.raftPanels.size).toBe(0);
    expect(l.raftPanels.size).toBe(3);
    for (const m of members) {
      const card = l.stations.get(`etcd/${m}`);
      const panel = l.raftPanels.get(`etcd/${m}`);
      if (!card || !panel) throw new Error(m);
      expect(panel.y).toBeGreaterThanOrEqual(card.y + card.h);
      expect(panel.x).toBeCloseTo(card.x);
      expect(contains(l.flagship, panel)).toBe(true);
      expect(overlaps(panel, l.stations.get('kube-controller-manager') ?? panel)).toBe(false);
    }
    // The control plane is the story: the flagship takes room from the ships.
    expect(l.flagship.h).toBeGreaterThan(plain.flagship.h);
  });
});

describe('routes stay on the canvas', () => {
  it('pulls an arc over a row of cards at the top edge back inside', () => {
    const a = { x: 600, y: 20, w: 190, h: 52 };
    const b = { x: 1000, y: 20, w: 190, h: 52 };
    const r = rowRoute(a, b);
    expect(r.c.y).toBeLessThan(0);
    const k = keepInside(r, { x: 0, y: 0, w: 1280, h: 470 }, 14);
    expect(k.c.y).toBe(14);
    // The arc's highest point (t = 0.5) is then on the canvas.
    expect(0.25 * k.p0.y + 0.5 * k.c.y + 0.25 * k.p1.y).toBeGreaterThan(0);
    expect(keepInside(k, { x: 0, y: 0, w: 1280, h: 470 }, 14)).toBe(k);
  });
});
