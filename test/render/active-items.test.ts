/** ActiveItems answers what a scan of every item answers, in the same order. */
import { describe, expect, it } from 'vitest';
import { ActiveItems } from '../../src/render/active-items.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

describe('ActiveItems', () => {
  it('gives the indices with start <= t < end + tail, ascending, as a full scan does', () => {
    const r = rng(7);
    // Starts out of order, equal starts, zero-length items, and one long item.
    const items = Array.from({ length: 400 }, () => {
      const start = Math.round(r() * 600) / 10;
      return { start, end: start + (r() < 0.1 ? 0 : r() * 2) };
    });
    items.push({ start: 5, end: 40 });
    const tail = 0.25;
    const active = new ActiveItems(items, tail);
    for (let k = 0; k < 700; k++) {
      const t = k / 10 - 1 + (k % 3) * 0.013;
      const scan = items.flatMap((it, i) => (t >= it.start && t < it.end + tail ? [i] : []));
      expect([...active.at(t)]).toEqual(scan);
    }
  });

  it('answers nothing with no items', () => {
    expect(new ActiveItems([], 1).at(3)).toEqual([]);
  });
});
