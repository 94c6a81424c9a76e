/** The simulation's only source of randomness: seeded, so a run is reproducible. */
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

export interface Rng {
  /** A uniform integer in [0, n). Also serves as kube-scheduler's tie-breaker (rand.Intn). */
  intBelow(n: number): number;
  /** A uniform integer in [min, max], both included. */
  between(min: number, max: number): number;
}

export function createRng(seed: number): Rng {
  const gen = xoroshiro128plus(seed | 0);
  // Small ranges (latencies, tie-breaks among a few nodes) take the raw 32-bit output modulo n:
  // the bias is under n / 2^32, and it is several times faster than rejection sampling, which
  // matters at a million draws a run. Larger ranges use pure-rand's unbiased uniformInt.
  const small = (n: number): number => (gen.next() >>> 0) % n;
  return {
    intBelow: (n) => (n <= 1 ? 0 : n <= 4096 ? small(n) : uniformInt(gen, 0, n - 1)),
    between: (min, max) => (max <= min ? min : max - min < 4096 ? min + small(max - min + 1) : uniformInt(gen, min, max)),
  };
}
