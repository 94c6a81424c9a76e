import { describe, expect, it } from 'vitest';
import { rect } from '../../src/render/layout.ts';
import { rowRoute } from '../../src/render/routes.ts';

describe('routes between etcd members in a row', () => {
  const a = rect(100, 50, 90, 60);
  const b = rect(300, 50, 90, 60);
  it('go over the row left to right and under it right to left', () => {
    const there = rowRoute(a, b);
    const back = rowRoute(b, a);
    expect(there.p0.y).toBe(50);
    expect(there.c.y).toBeLessThan(50);
    expect(back.p0.y).toBe(110);
    expect(back.c.y).toBeGreaterThan(110);
  });
  it('start and end on their own cards', () => {
    const r = rowRoute(a, b);
    expect(r.p0.x).toBeGreaterThan(a.x);
    expect(r.p0.x).toBeLessThan(a.x + a.w);
    expect(r.p1.x).toBeGreaterThan(b.x);
    expect(r.p1.x).toBeLessThan(b.x + b.w);
  });
});
