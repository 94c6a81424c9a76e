/** washed(): a colour laid over another as PixiJS's WebGL batcher blends it (alpha kept in 8 bits, truncated). */
import { describe, expect, it } from 'vitest';
import { washed } from '../../../src/render/scale/tile-view.ts';

describe('washed', () => {
  it('blends per channel with the alpha truncated to 8 bits, rounded', () => {
    // 0.1 * 255 = 25.5 -> 25: white over black gives 25 per channel, not 26.
    expect(washed(0x000000, 0xffffff, 0.1)).toBe(0x191919);
    expect(washed(0x102030, 0x102030, 0.22)).toBe(0x102030);
    expect(washed(0x0a1424, 0x3fb950, 0)).toBe(0x0a1424);
    expect(washed(0x0a1424, 0x3fb950, 1)).toBe(0x3fb950);
  });
});
