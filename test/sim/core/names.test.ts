import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../../src/sim/core/runtime.ts';
import { nameSuffix, uid } from '../../../src/sim/core/runtime.ts';
import { createRng } from '../../../src/sim/rng.ts';

/** The two as they were written before (template literals, a character at a time): the reference. */
const HEX = '0123456789abcdef';
function referenceUid(rt: Runtime): string {
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX[rt.rng.intBelow(16)] ?? '';
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + rt.rng.intBelow(4)).toString(16)}${hex(3)}-${hex(12)}`;
}
function referenceSuffix(rt: Runtime, length: number): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rt.rng.intBelow(alphabet.length)];
  return out;
}

const runtime = (seed: number): Runtime => ({ rng: createRng(seed) }) as unknown as Runtime;

describe('uid and nameSuffix', () => {
  it('draw the same characters from the seeded RNG as before, and leave it where they did (property)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 0, max: 12 }), (seed, length) => {
        const a = runtime(seed);
        const b = runtime(seed);
        const got = [uid(a), nameSuffix(a, length), nameSuffix(a), uid(a)];
        const want = [referenceUid(b), referenceSuffix(b, length), referenceSuffix(b, 5), referenceUid(b)];
        expect(got).toEqual(want);
        expect(a.rng.intBelow(1_000_000)).toBe(b.rng.intBelow(1_000_000));
        expect(got[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      }),
      { numRuns: 300 },
    );
  });
});
