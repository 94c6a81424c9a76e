import { describe, expect, it } from 'vitest';
import { layoutTiles, spriteGrid, zoneGroups } from '../../../src/render/scale/tile-layout.ts';
import { contains, overlaps, rect } from '../../../src/render/layout.ts';

const zoned = (zone: string | undefined, n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ node: `${prefix}-${String(i + 1).padStart(2, '0')}`, zone }));

describe('zone groups', () => {
  it('groups nodes by zone in zone order, nodes without a zone last, node order kept', () => {
    const groups = zoneGroups([...zoned('zone-b', 2, 'b'), ...zoned(undefined, 1, 'x'), ...zoned('zone-a', 2, 'a')]);
    expect(groups.map((g) => g.zone)).toEqual(['zone-a', 'zone-b', '']);
    expect(groups[0]?.nodes).toEqual(['a-01', 'a-02']);
    expect(groups[2]?.nodes).toEqual(['x-01']);
  });
});

describe('tile layout', () => {
  const area = rect(250, 270, 1018, 228);
  for (const [label, nodes] of [
    ['150 nodes in three zones', [...zoned('zone-a', 50, 'a'), ...zoned('zone-b', 50, 'b'), ...zoned('zone-c', 50, 'c')]],
    ['500 nodes, one unzoned', [...zoned('zone-a', 200, 'a'), ...zoned('zone-b', 299, 'b'), ...zoned(undefined, 1, 'x')]],
    ['30 nodes', [...zoned('zone-a', 10, 'a'), ...zoned('zone-b', 10, 'b'), ...zoned('zone-c', 10, 'c')]],
  ] as const) {
    it(`${label}: every tile inside its group's body and the area, none overlapping, one size for all`, () => {
      const l = layoutTiles(zoneGroups(nodes), area, 1, 1);
      expect(l.tiles.size).toBe(nodes.length);
      expect(l.tileW).toBeGreaterThan(4);
      const all = [...l.tiles.values()];
      for (const g of l.groups) {
        expect(contains(area, g.rect)).toBe(true);
        expect(overlaps(g.header, g.body)).toBe(false);
      }
      for (const n of nodes) {
        const r = l.tiles.get(n.node);
        const g = l.groups.find((x) => x.zone === (n.zone ?? ''));
        expect(r && g && contains(g.body, r)).toBe(true);
        expect(r?.w).toBeCloseTo(l.tileW);
      }
      let overlapping = 0;
      for (let i = 0; i < all.length; i++) for (let j = i + 1; j < all.length; j++) if (overlaps(all[i] ?? area, all[j] ?? area)) overlapping++;
      expect(overlapping).toBe(0);
    });
  }

  it('gives a zone with more nodes a wider group', () => {
    const l = layoutTiles(zoneGroups([...zoned('zone-a', 60, 'a'), ...zoned('zone-b', 20, 'b')]), rect(0, 0, 1200, 300), 1, 1);
    expect((l.groups[0]?.rect.w ?? 0) > (l.groups[1]?.rect.w ?? 0)).toBe(true);
  });

  it('sprite grid holds the fullest node above the capacity bar', () => {
    for (const pods of [1, 20, 30, 110]) {
      const g = spriteGrid(40, 33, pods, 2);
      const rows = Math.ceil(pods / g.cols);
      expect(g.x + g.cols * g.pitch).toBeLessThanOrEqual(40 - g.x + 0.01);
      expect(g.y + rows * g.pitch).toBeLessThanOrEqual(33 - g.x - 2 + 0.01);
      expect(g.size).toBeGreaterThan(0);
    }
  });
});
