import { describe, expect, it } from 'vitest';
import { computeLayout, contains, exitPoint, fitScale, gridFor, overlaps, podSlots, rect, type StageLayout } from '../../src/render/layout.ts';

const nodes = (n: number) => Array.from({ length: n }, (_, i) => `worker-${i + 1}`);
const SIZES: readonly [number, number][] = [
  [1280, 720],
  [1920, 1080],
  [1024, 768],
  [1366, 768],
  [800, 600],
  [720, 900],
  [390, 700],
];

function allRects(l: StageLayout) {
  return [...l.stations.entries()];
}

describe('computeLayout', () => {
  for (const [w, h] of SIZES) {
    for (const n of [1, 2, 3, 5, 8]) {
      it(`${w}x${h} with ${n} node(s): stations inside the canvas and never overlapping`, () => {
        // Small canvases are laid out at the minimum size and scaled down as a whole.
        const k = fitScale(w, h);
        const l = computeLayout(w / k, h / k, nodes(n));
        const canvas = rect(0, 0, w / k, h / k);
        const rs = allRects(l);
        expect(rs.length).toBe(5 + 3 * n);
        for (const [id, r] of rs) {
          expect(contains(canvas, r), `${id} inside the canvas`).toBe(true);
          expect(r.w, id).toBeGreaterThan(0);
          expect(r.h, id).toBeGreaterThan(0);
        }
        for (let i = 0; i < rs.length; i++) {
          for (let j = i + 1; j < rs.length; j++) {
            const a = rs[i];
            const b = rs[j];
            if (a && b) expect(overlaps(a[1], b[1]), `${a[0]} / ${b[0]}`).toBe(false);
          }
        }
        // Ships do not overlap each other nor the flagship.
        for (let i = 0; i < l.ships.length; i++) {
          const a = l.ships[i];
          if (!a) continue;
          expect(overlaps(a.cell, l.flagship)).toBe(false);
          expect(contains(canvas, a.cell)).toBe(true);
          for (let j = i + 1; j < l.ships.length; j++) {
            const b = l.ships[j];
            if (b) expect(overlaps(a.cell, b.cell)).toBe(false);
          }
        }
        expect(overlaps(l.clock, l.flagship)).toBe(false);
        expect(overlaps(l.quay, l.flagship)).toBe(false);
      });
    }
  }

  it('keeps text scale at least 1 (no text under 14 px) and grows on large canvases', () => {
    expect(computeLayout(1280, 720, nodes(3)).fs).toBe(1);
    expect(computeLayout(1024, 768, nodes(3)).fs).toBe(1);
    expect(computeLayout(1920, 1080, nodes(3)).fs).toBeCloseTo(1.5);
  });

  it('puts the flagship on top and ships below in 16:9 and 4:3', () => {
    for (const [w, h] of [
      [1280, 720],
      [1024, 768],
    ] as const) {
      const l = computeLayout(w, h, nodes(3));
      for (const s of l.ships) expect(s.cell.y).toBeGreaterThanOrEqual(l.flagship.y + l.flagship.h);
      expect(l.portrait).toBe(false);
    }
    expect(computeLayout(720, 900, nodes(3)).portrait).toBe(true);
  });

  it('lays 8 ships out as a grid and switches to compact ships', () => {
    const l = computeLayout(1280, 470, nodes(8));
    const rows = new Set(l.ships.map((s) => Math.round(s.cell.y)));
    expect(rows.size).toBe(2);
    expect(l.density).toBe('compact');
    expect(computeLayout(1280, 720, nodes(3)).density).toBe('full');
  });

  it('adapts to resize: same nodes, different canvas, all still inside', () => {
    const a = computeLayout(1280, 720, nodes(4));
    const b = computeLayout(900, 700, nodes(4));
    expect(a.ships[0]?.cell).not.toEqual(b.ships[0]?.cell);
    for (const s of b.ships) expect(contains(rect(0, 0, 900, 700), s.cell)).toBe(true);
  });
});

describe('etcd members', () => {
  it('share the etcd area side by side, without overlap', () => {
    const l = computeLayout(1280, 720, nodes(1), ['etcd-1', 'etcd-2', 'etcd-3']);
    expect(l.stations.has('etcd')).toBe(false);
    const ms = ['etcd-1', 'etcd-2', 'etcd-3'].map((m) => l.stations.get(`etcd/${m}`));
    for (const r of ms) expect(r && r.w > 60).toBe(true);
    expect(ms[0] && ms[1] && overlaps(ms[0], ms[1])).toBe(false);
  });
  it('five members get a readable row on the bridge, clear of kube-apiserver', () => {
    for (const [w, h] of [[1280, 720], [1280, 470], [1024, 768]] as const) {
      const names = ['etcd-1', 'etcd-2', 'etcd-3', 'etcd-4', 'etcd-5'];
      const l = computeLayout(w, h, nodes(1), names);
      const api = l.stations.get('kube-apiserver');
      for (const m of names) {
        const r = l.stations.get(`etcd/${m}`);
        expect(r && r.w >= 74).toBe(true);
        expect(r && api && overlaps(r, api)).toBe(false);
        expect(r && contains(l.flagship, r)).toBe(true);
      }
    }
  });
});

describe('the control-plane node aboard the flagship', () => {
  const files = [
    ...['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => ({ path: `/etc/kubernetes/manifests/${c}.yaml`, dir: false })),
    { path: '/var/lib/etcd', dir: true },
    { path: '/opt/snapshot.db', dir: false },
    { path: '/var/lib/etcd-from-backup', dir: true },
  ];
  it('puts its kubelet, containerd, static pods and files inside the flagship, overlapping nothing', () => {
    for (const [w, h] of [[1280, 470], [1280, 720], [1024, 520], [800, 1000]] as const) {
      for (const workers of [0, 2]) {
        const l = computeLayout(w, h, nodes(workers), [], { cpNode: 'controlplane', cpFiles: files });
        const cp = l.cpNode;
        expect(cp).toBeDefined();
        if (cp === undefined) continue;
        const kubelet = l.stations.get('kubelet/controlplane');
        const runtime = l.stations.get('containerd/controlplane');
        for (const r of [kubelet, runtime, cp.deck, cp.header]) {
          expect(r && contains(l.flagship, r)).toBe(true);
          for (const [id, o] of l.stations) if (!id.endsWith('/controlplane')) expect(r && overlaps(r, o)).toBe(false);
          expect(r && overlaps(r, l.flagshipHull)).toBe(false);
        }
        expect(kubelet && runtime && overlaps(kubelet, runtime)).toBe(false);
        expect(kubelet && overlaps(kubelet, cp.deck)).toBe(false);
        // Every file has a place in the hull, none over another.
        const paths = cp.disk.items.filter((i) => i.path !== '/etc/kubernetes/manifests').map((i) => i.path);
        expect(paths.sort()).toEqual(files.map((f) => f.path).sort());
        for (const it of cp.disk.items) {
          expect(contains(l.flagshipHull, it.rect, 1)).toBe(true);
          for (const o of cp.disk.items) if (o !== it) expect(overlaps(it.rect, o.rect)).toBe(false);
        }
        for (const s of l.ships) expect(overlaps(s.cell, l.flagship)).toBe(false);
      }
    }
    expect(computeLayout(1280, 720, nodes(3)).cpNode).toBeUndefined();
  });
});

describe('helpers', () => {
  it('gridFor prefers a row for few ships and a grid for many', () => {
    expect(gridFor(3, rect(0, 0, 1250, 420), 14, 1.55)).toEqual({ cols: 3, rows: 1 });
    expect(gridFor(8, rect(0, 0, 1250, 420), 14, 1.55).rows).toBe(2);
  });

  it('podSlots fills rows and reports what fits', () => {
    const deck = rect(0, 0, 340, 100);
    const { slots, visible } = podSlots(deck, 10, 1, 'full');
    expect(visible).toBeLessThan(10);
    expect(slots).toHaveLength(visible);
    for (const s of slots) expect(contains(deck, s)).toBe(true);
    for (let i = 0; i < slots.length; i++) for (let j = i + 1; j < slots.length; j++) expect(overlaps(slots[i] ?? deck, slots[j] ?? deck)).toBe(false);
  });

  it('exitPoint lands on the rect border towards the target', () => {
    const r = rect(0, 0, 100, 50);
    expect(exitPoint(r, { x: 500, y: 25 })).toEqual({ x: 100, y: 25 });
    expect(exitPoint(r, { x: 50, y: -300 })).toEqual({ x: 50, y: 0 });
  });
});
