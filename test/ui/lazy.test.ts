import { describe, expect, it } from 'vitest';
import { lazy } from '../../src/lazy.ts';

describe('lazy: a piece loaded after the first frame', () => {
  it('loads once however often it is asked, and is readable once it has arrived', async () => {
    let imports = 0;
    const piece = lazy(() => {
      imports++;
      return Promise.resolve('kubectl');
    });
    expect(piece.now()).toBeUndefined();
    const [a, b] = await Promise.all([piece.load(), piece.load()]);
    expect([a, b, piece.now(), imports]).toEqual(['kubectl', 'kubectl', 'kubectl', 1]);
    await piece.load();
    expect(imports).toBe(1);
  });

  it('asks again after a failed load (a dropped connection is not for good)', async () => {
    let imports = 0;
    const piece = lazy(() => (++imports === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(42)));
    await expect(piece.load()).rejects.toThrow('offline');
    expect(piece.now()).toBeUndefined();
    await expect(piece.load()).resolves.toBe(42);
    expect([piece.now(), imports]).toEqual([42, 2]);
  });
});
