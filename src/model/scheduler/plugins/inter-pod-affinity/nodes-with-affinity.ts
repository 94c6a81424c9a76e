/**
 * How many nodes of a list have pods with pod (anti-)affinity, and pods with required
 * anti-affinity: upstream's snapshot keeps these nodes as lists (HavePodsWithAffinityList,
 * HavePodsWithRequiredAntiAffinityList), so InterPodAffinity's PreFilter and PreScore visit only
 * them. Kept per node list across cycles (../../changed-slots.ts): when there are none (a plain
 * Deployment), a cycle learns it without looking at every node for every pod scheduled.
 */
import { newSlotFollower, visitChangedSlots, type SlotFollower } from '../../changed-slots.ts';
import type { NodeInfo } from '../../node-info.ts';

export interface NodesWithAffinity {
  /** Nodes with podsWithAffinity > 0. */
  readonly withAffinity: number;
  /** Nodes with podsWithRequiredAntiAffinity > 0. */
  readonly withRequiredAntiAffinity: number;
}

interface Memo {
  readonly follower: SlotFollower;
  /** Per slot: 1 bit for "has pods with affinity", 2 for "has pods with required anti-affinity". */
  readonly flags: number[];
  withAffinity: number;
  withRequiredAntiAffinity: number;
}

const memo = new WeakMap<readonly NodeInfo[], Memo>();

export function nodesWithAffinity(all: readonly NodeInfo[]): NodesWithAffinity {
  let m = memo.get(all);
  if (m === undefined) memo.set(all, (m = { follower: newSlotFollower(), flags: [], withAffinity: 0, withRequiredAntiAffinity: 0 }));
  const memoOf = m;
  const { flags } = memoOf;
  const full = visitChangedSlots(all, memoOf.follower, (i, info) => {
    const now = (info.podsWithAffinity > 0 ? 1 : 0) | (info.podsWithRequiredAntiAffinity > 0 ? 2 : 0);
    const was = i < flags.length ? (flags[i] ?? 0) : 0;
    memoOf.withAffinity += (now & 1) - (was & 1);
    memoOf.withRequiredAntiAffinity += ((now & 2) - (was & 2)) >> 1;
    flags[i] = now;
  });
  if (full) {
    for (let i = all.length; i < flags.length; i++) {
      const was = flags[i] ?? 0;
      memoOf.withAffinity -= was & 1;
      memoOf.withRequiredAntiAffinity -= (was & 2) >> 1;
    }
    flags.length = all.length;
  }
  return memoOf;
}
