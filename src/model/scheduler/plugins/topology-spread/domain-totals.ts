/**
 * PodTopologySpread's matching pods per topology domain over every node, kept from one scheduling
 * cycle to the next: a cycle recounts only the nodes whose pods or Node object changed since the
 * last (NodeInfo.podsVersion), instead of visiting every node's count for every pod scheduled.
 * Only for counts that do not depend on the pod being scheduled (no node inclusion policy can
 * exclude a node): the system default constraints of a pod without a nodeSelector or required
 * node affinity, which is every pod of a plain Deployment.
 */
import type { LabelSelector } from '../../../objects.ts';
import type { NodeInfo } from '../../node-info.ts';
import { newSlotFollower, visitChangedSlots, type SlotFollower } from '../../changed-slots.ts';
import { countOnNode } from './constraints.ts';

interface DomainTotals {
  /** What each slot was counted from: the NodeInfo, its Node object and pods version. */
  readonly infos: (NodeInfo | undefined)[];
  readonly nodes: (NodeInfo['node'] | undefined)[];
  readonly versions: number[];
  /** Per slot: the node's domain value ('' without the key) and its matching pods. */
  readonly values: string[];
  readonly counts: number[];
  /** Domain value -> matching pods over all nodes. */
  readonly totals: Map<string, number>;
  /** Which slots changed since the last call (the cache's change log, changed-slots.ts). */
  readonly follower: SlotFollower;
}

/** Per node list (the scheduler's cache hands the same array until a node joins or leaves), per selector and key. */
const memo = new WeakMap<readonly NodeInfo[], Map<string, DomainTotals>>();

/**
 * Domain value -> pods matching `selector` in `namespace` on the nodes of `all` with that value
 * of `topologyKey` ('' for nodes without it). `key` is countKey(selector, namespace). The map is
 * the memo's own: read it before the next call.
 */
export function domainTotals(all: readonly NodeInfo[], topologyKey: string, selector: LabelSelector | undefined, namespace: string, key: string): ReadonlyMap<string, number> {
  let byKey = memo.get(all);
  if (byKey === undefined) memo.set(all, (byKey = new Map()));
  const slot = `${key}\u0001${topologyKey}`;
  let d = byKey.get(slot);
  if (d === undefined) byKey.set(slot, (d = { infos: [], nodes: [], versions: [], values: [], counts: [], totals: new Map(), follower: newSlotFollower() }));
  const { infos, nodes, versions, values, counts, totals } = d;
  const n = all.length;
  /** Brings slot i up to date with its node. */
  const recount = (i: number, info: NodeInfo): void => {
    if (infos[i] === info && nodes[i] === info.node && versions[i] === info.podsVersion) return;
    if (infos[i] !== undefined) {
      const old = values[i] as string;
      totals.set(old, (totals.get(old) ?? 0) - (counts[i] ?? 0));
    }
    const v = info.node.metadata.labels?.[topologyKey] ?? '';
    const c = countOnNode(info, selector, namespace, key);
    totals.set(v, (totals.get(v) ?? 0) + c);
    infos[i] = info;
    nodes[i] = info.node;
    versions[i] = info.podsVersion;
    values[i] = v;
    counts[i] = c;
  };
  // Caught up from the log when it still holds every change since the last pass (the list is the
  // same array, so the same nodes in the same slots); else every slot is recounted.
  if (!visitChangedSlots(all, d.follower, recount)) return totals;
  // A list that shrank in place (the cache's arrays never do): forget the slots past its end.
  for (let i = n; i < infos.length; i++) {
    const old = values[i] as string;
    totals.set(old, (totals.get(old) ?? 0) - (counts[i] ?? 0));
  }
  if (infos.length > n) for (const a of [infos, nodes, versions, values, counts]) a.length = n;
  return totals;
}
