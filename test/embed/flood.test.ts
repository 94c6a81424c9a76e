import { describe, expect, it } from 'vitest';
import { createCoalescer, createRateLimit } from '../../src/embed/flood.ts';

describe('embed flood control', () => {
  it('coalesces requests: one apply per scheduled run, however many requests came', () => {
    const runs: (() => void)[] = [];
    let applied = 0;
    const c = createCoalescer(
      () => (applied += 1),
      (run) => runs.push(run),
    );
    for (let i = 0; i < 10_000; i++) c.request();
    expect([runs.length, applied]).toEqual([1, 0]);
    runs[0]?.();
    expect(applied).toBe(1);
    c.request();
    c.flush();
    runs[1]?.(); // already flushed: nothing more
    expect([runs.length, applied]).toEqual([2, 2]);
  });

  it('lets a burst through, then refills at its rate', () => {
    let now = 0;
    const limit = createRateLimit(3, 2, () => now);
    expect([limit.take(), limit.take(), limit.take(), limit.take()]).toEqual([true, true, true, false]);
    now = 499;
    expect(limit.take()).toBe(false);
    now = 500;
    expect([limit.take(), limit.take()]).toEqual([true, false]);
    now = 60_000;
    expect([limit.take(), limit.take(), limit.take(), limit.take()]).toEqual([true, true, true, false]);
  });
});
