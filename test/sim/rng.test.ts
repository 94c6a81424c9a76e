import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/sim/rng.ts';

describe('seeded RNG', () => {
  it('repeats exactly for the same seed', () => {
    const a = createRng(42);
    const b = createRng(42);
    const draws = (r: ReturnType<typeof createRng>) => Array.from({ length: 50 }, () => r.between(0, 1000));
    expect(draws(a)).toEqual(draws(b));
  });

  it('does not give neighbouring seeds the same early draws (a three-way tie must not always go one way)', () => {
    for (let draw = 0; draw < 3; draw++) {
      const counts = [0, 0, 0];
      for (let seed = 1; seed <= 60; seed++) {
        const r = createRng(seed);
        for (let i = 0; i < draw; i++) r.intBelow(3);
        const k = r.intBelow(3);
        counts[k] = (counts[k] ?? 0) + 1;
      }
      for (const c of counts) expect(c).toBeGreaterThan(8);
    }
  });

  it('stays within its ranges', () => {
    const r = createRng(7);
    for (let i = 0; i < 2000; i++) {
      const x = r.between(3, 9);
      expect(x).toBeGreaterThanOrEqual(3);
      expect(x).toBeLessThanOrEqual(9);
      const y = r.intBelow(100_000);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThan(100_000);
    }
  });
});
