/**
 * Summaries over every node of a list kept from one scheduling cycle to the next (what upstream's
 * scheduler cache keeps in its snapshot: image spread, the nodes with pods that have affinity,
 * PodTopologySpread's pods per domain):
 * a cycle revisits only the nodes the cache's change log names since the last, not every node of
 * a big cluster for every pod scheduled. Nodes without a common log are all revisited each time.
 */
import type { NodeInfo, NodeInfoChanges } from './node-info.ts';

export interface SlotFollower {
  /** The list length it was set up for; -1 before the first pass. */
  length: number;
  log: NodeInfoChanges | undefined;
  slots: Map<NodeInfo, number> | undefined;
  seen: number;
}

export function newSlotFollower(): SlotFollower {
  return { length: -1, log: undefined, slots: undefined, seen: 0 };
}

/**
 * Calls `visit(i, info)` for each slot of `all` that may have changed since the last call with
 * this follower (every slot on a first pass, a list of another length, or a log that dropped
 * changes not yet read). `all` must be the same array, changed only by the cache, each call: keep
 * one follower per list (a WeakMap on the array). Returns true when every slot was visited.
 */
export function visitChangedSlots(all: readonly NodeInfo[], f: SlotFollower, visit: (i: number, info: NodeInfo) => void): boolean {
  const n = all.length;
  const { log, slots } = f;
  if (log !== undefined && slots !== undefined && f.length === n && f.seen >= log.first) {
    for (let s = f.seen; s < log.next; s++) {
      const info = log.log[s - log.first] as NodeInfo;
      const i = slots.get(info);
      if (i !== undefined) visit(i, info);
    }
    f.seen = log.next;
    return false;
  }
  const shared = all[0]?.changes;
  let common = shared !== undefined;
  for (let i = 0; i < n; i++) {
    const info = all[i] as NodeInfo;
    if (info.changes !== shared) common = false;
    visit(i, info);
  }
  f.length = n;
  f.log = common ? shared : undefined;
  f.slots = common ? new Map(all.map((info, i) => [info, i])) : undefined;
  f.seen = shared?.next ?? 0;
  return true;
}
