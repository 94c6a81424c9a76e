import { describe, expect, it } from 'vitest';
import { fullShipLimit, REFERENCE_STAGE, useScaleView } from '../../../src/render/scale/threshold.ts';
import { computeLayout, podSlots } from '../../../src/render/layout.ts';

describe('scale view threshold (from the layout maths)', () => {
  it('fits 12 full ships at 1920x870, 10 beside the objects shelf', () => {
    expect(fullShipLimit(1920, 870)).toBe(12);
    expect(fullShipLimit(1920, 870, { shelf: true })).toBe(10);
  });

  it('is where a ship deck stops holding a row of pods', () => {
    for (const shelf of [false, true]) {
      const n = fullShipLimit(1280, 720, { shelf });
      const fit = computeLayout(1280, 720, Array.from({ length: n }, (_, i) => `w${i}`), [], { shelf });
      const over = computeLayout(1280, 720, Array.from({ length: n + 1 }, (_, i) => `w${i}`), [], { shelf });
      expect(fit.ships.every((s) => podSlots(s.deck, 1, fit.fs, fit.density).visible === 1)).toBe(true);
      expect(over.ships.some((s) => podSlots(s.deck, 1, over.fs, over.density).visible === 0)).toBe(true);
    }
  });

  it('never switches a cluster whose ships fit the app stage, even in a small embed', () => {
    const ref = fullShipLimit(REFERENCE_STAGE.width, REFERENCE_STAGE.height, { shelf: true });
    expect(ref).toBeGreaterThanOrEqual(4);
    for (const [w, h] of [[700, 420], [560, 315], [1024, 560]] as const) {
      expect(useScaleView(4, w, h, { shelf: true })).toBe(false);
      expect(useScaleView(ref, w, h, { shelf: true })).toBe(false);
    }
  });

  it('switches zone-outage sizes (30 to 210 nodes) at every size, a 12-node cluster only where 12 ships do not fit', () => {
    for (const [w, h] of [[1280, 470], [1920, 870], [2560, 1300], [700, 420]] as const) {
      expect(useScaleView(30, w, h, { shelf: true })).toBe(true);
      expect(useScaleView(210, w, h)).toBe(true);
    }
    expect(useScaleView(12, 1920, 870)).toBe(false);
    expect(useScaleView(12, 1280, 470)).toBe(true);
  });
});
