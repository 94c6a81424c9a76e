/**
 * A zone without power reads as such at 1920x1080, with the caption muted: its tiles are dark (the
 * lights-out shade darkens the card; the old shade was the sky's colour, which washed a light card
 * out instead), the taint corners are large enough to see from the back of a room (~10 px before),
 * and a zone whose every node is in the step's focus is ringed as one, not tile by tile (which
 * read as "selected").
 */
import { describe, expect, it } from 'vitest';
import { computeLayout } from '../../../src/render/layout.ts';
import { ringBoxes } from '../../../src/render/scale/focus-ring.ts';
import { layoutTiles, zoneGroups } from '../../../src/render/scale/tile-layout.ts';
import { taintCorner } from '../../../src/render/scale/tile-marks.ts';
import { contrastRatio, luminance, PALETTES } from '../../../src/render/theme.ts';

function over(fg: number, bg: number, alpha: number): number {
  let out = 0;
  for (const shift of [16, 8, 0]) out |= Math.round(((fg >> shift) & 255) * alpha + ((bg >> shift) & 255) * (1 - alpha)) << shift;
  return out;
}

/** zone-outage as it ships: 150 nodes in three zones of 50. */
const nodes = ['a', 'b', 'c'].flatMap((z) => Array.from({ length: 50 }, (_, i) => ({ node: `${z}-${String(i + 1).padStart(2, '0')}`, zone: `zone-${z}` })));
const groups = zoneGroups(nodes);

describe('a powered-off zone at 1920x1080', () => {
  const l = computeLayout(1920, 735, [], [], { shelf: true, wideShelf: true, flowRoom: true });
  const tl = layoutTiles(groups, l.shipsArea, l.s, l.fs);

  it('taint corners are at least 16 px (and at most half the tile)', () => {
    const c = taintCorner(tl.tileW, tl.tileH, l.s);
    expect(c).toBeGreaterThanOrEqual(16);
    expect(c).toBeLessThanOrEqual(Math.min(tl.tileW, tl.tileH) / 2);
  });

  it.each(['light', 'dark'] as const)('in the %s theme a tile whose kubelet is down is darker than a lit one: its card and its pods', (theme) => {
    const p = PALETTES[theme];
    const shade = (c: number): number => over(p.lightsOut.color, c, p.lightsOut.alpha);
    expect(luminance(shade(p.card))).toBeLessThan(luminance(p.card));
    expect(luminance(shade(p.success))).toBeLessThan(luminance(p.success));
    // A light card goes dark; a dark theme's card is near black already, there the pods carry the change.
    if (theme === 'light') expect(contrastRatio(shade(p.card), p.card)).toBeGreaterThanOrEqual(2);
    else expect(contrastRatio(shade(p.success), p.success)).toBeGreaterThanOrEqual(3);
  });

  it('a zone whose every node is in focus is ringed once, round all its tiles', () => {
    const zoneC = groups.find((g) => g.zone === 'zone-c');
    const boxes = ringBoxes(zoneC?.nodes ?? [], groups, tl, 2);
    expect(boxes).toHaveLength(1);
    const [box] = boxes;
    for (const n of zoneC?.nodes ?? []) {
      const r = tl.tiles.get(n);
      if (r === undefined || box === undefined) throw new Error('no tile');
      expect(r.x >= box.x && r.y >= box.y && r.x + r.w <= box.x + box.w && r.y + r.h <= box.y + box.h).toBe(true);
    }
  });

  it('some nodes of a zone are ringed tile by tile', () => {
    expect(ringBoxes(['c-01', 'c-02', 'a-07'], groups, tl, 2)).toHaveLength(3);
  });
});
