import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ATLAS_GAP, atlasOf, cellSize, viewBoxSize } from '../../src/render/icon-atlas.ts';

const icon = (name: string): string => readFileSync(new URL(`../../assets/icons/${name}.svg`, import.meta.url), 'utf8');
const STAGE_ICONS = ['api', 'sched', 'etcd', 'c-m', 'kubelet', 'k-proxy', 'user', 'pod', 'node'].map(icon);
const SQUARE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100" width="100" height="100"><rect width="10" height="10"/></svg>';

describe('icon atlas', () => {
  it('sizes an icon by its viewBox, the longer side given (the community icons are 18.04 x 17.50 mm)', () => {
    expect(viewBoxSize(icon('api'))).toEqual({ w: 18.035334, h: 17.500378 });
    // What rasterising each icon alone at 160 px gave: 160 x round(17.500378 / 18.035334 * 160).
    expect(cellSize(icon('api'), 160)).toEqual({ w: 160, h: 155 });
    expect(cellSize(SQUARE, 160)).toEqual({ w: 160, h: 160 });
  });

  it('places cells apart, inside the atlas, with a gap around each', () => {
    const atlas = atlasOf([...STAGE_ICONS, SQUARE], 160);
    expect(atlas.cells).toHaveLength(10);
    for (const [i, a] of atlas.cells.entries()) {
      expect(a.x).toBeGreaterThanOrEqual(ATLAS_GAP);
      expect(a.y).toBeGreaterThanOrEqual(ATLAS_GAP);
      expect(a.x + a.w + ATLAS_GAP).toBeLessThanOrEqual(atlas.width);
      expect(a.y + a.h + ATLAS_GAP).toBeLessThanOrEqual(atlas.height);
      for (const b of atlas.cells.slice(i + 1)) {
        const apart = a.x + a.w + ATLAS_GAP <= b.x || b.x + b.w + ATLAS_GAP <= a.x || a.y + a.h + ATLAS_GAP <= b.y || b.y + b.h + ATLAS_GAP <= a.y;
        expect(apart).toBe(true);
      }
    }
  });

  it('nests each icon as its own <svg> at its cell, keeping its viewBox and namespaces', () => {
    const atlas = atlasOf([icon('api'), SQUARE], 160);
    const roots = [...atlas.svg.matchAll(/<svg\b[^>]*>/g)].map((m) => m[0]);
    expect(roots).toHaveLength(3);
    expect(roots[0]).toContain(`width="${atlas.width}" height="${atlas.height}"`);
    const [api, square] = [roots[1] ?? '', roots[2] ?? ''];
    expect(api).toContain('viewBox="0 0 18.035334 17.500378"');
    expect(api).toContain('xmlns:inkscape=');
    expect(api).toContain(`x="${atlas.cells[0]?.x}" y="${atlas.cells[0]?.y}" width="160" height="155"`);
    // The icon's own size in mm is gone (it would override the cell's).
    expect(api).not.toContain('mm"');
    expect(square).toContain(`x="${atlas.cells[1]?.x}" y="${atlas.cells[1]?.y}" width="160" height="160"`);
    expect(square.match(/\swidth=/g)).toHaveLength(1);
    // An XML declaration may only open a document.
    expect(atlas.svg).not.toContain('<?xml');
    expect(atlas.svg.match(/<\/svg>/g)).toHaveLength(3);
  });
});
