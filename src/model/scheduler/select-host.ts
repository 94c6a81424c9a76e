/** Choosing among the scored nodes (upstream selectHost, pkg/scheduler/schedule_one.go). */

/** The source of tie-breaking randomness; the simulation passes its seeded RNG (never Math.random). */
export interface TieBreaker {
  /** A uniform integer in [0, n). */
  intBelow(n: number): number;
}

export interface HostChoice {
  readonly index: number;
  /** Indexes of every candidate with the highest total, in input order. */
  readonly tied: readonly number[];
}

/**
 * The highest total wins; among equal totals each later one replaces the candidate with
 * probability 1/count (reservoir sampling), so every tied node is equally likely. Upstream walks a
 * heap, so its visiting order among ties differs; the distribution is the same.
 */
export function selectHost(totals: readonly number[], tieBreaker: TieBreaker): HostChoice | null {
  if (totals.length === 0) return null;
  let best = -Infinity;
  let index = 0;
  let count = 0;
  for (let i = 0; i < totals.length; i++) {
    const t = totals[i] ?? -Infinity;
    if (t > best) {
      best = t;
      index = i;
      count = 1;
    } else if (t === best) {
      count++;
      if (tieBreaker.intBelow(count) === 0) index = i;
    }
  }
  // At most `count` totals equal the best (all of them unless a total is missing): sized once.
  const tied = new Array<number>(count);
  let k = 0;
  for (let i = 0; i < totals.length; i++) if (totals[i] === best) tied[k++] = i;
  tied.length = k;
  return { index, tied };
}
