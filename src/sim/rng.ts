/** The simulation's only source of randomness: seeded, so a run is reproducible. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** A uniform integer in [0, n). Also serves as kube-scheduler's tie-breaker (rand.Intn). */
  intBelow(n: number): number;
  /** A uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
}

/**
 * murmur3's 32-bit finaliser: neighbouring seeds (1, 2, 3...) start far apart. Without it the
 * first draws of xoroshiro128+ from small seeds are nearly the same for every seed.
 */
function mixSeed(seed: number): number {
  let h = seed | 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) | 0;
}

const WARM_UP_DRAWS = 8;

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(mixSeed(seed));
  for (let i = 0; i < WARM_UP_DRAWS; i++) gen.next();
  // Small ranges (latencies, tie-breaks among a few nodes) scale the 32-bit output by n, which
  // uses its high bits (xoroshiro128+'s low bits are its weakest): the bias is under n / 2^32,
  // and it is several times faster than rejection sampling at a million draws a run. Larger
  // ranges use pure-rand's unbiased uniformInt.
  const small = (n: number): number => Math.floor(((gen.next() >>> 0) / 4294967296) * n);
  return {
    intBelow: (n) => (n <= 1 ? 0 : n <= 4096 ? small(n) : uniformInt(gen, 0, n - 1)),
    between: (min, max) => (max <= min ? min : max - min < 4096 ? min + small(max - min + 1) : uniformInt(gen, min, max)),
  };
}
