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
  return {
    intBelow: (n) => (n <= 1 ? 0 : uniformInt(gen, 0, n - 1)),
    between: (min, max) => (max <= min ? min : uniformInt(gen, min, max)),
  };
}
