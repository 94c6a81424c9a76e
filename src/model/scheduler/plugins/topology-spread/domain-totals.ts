/**
 * PodTopologySpread's matching pods per topology domain over every node, kept from one scheduling
 * cycle to the next: a cycle recounts only the nodes whose pods or Node object changed since the
 * last (NodeInfo.podsVersion), instead of visiting every node's count for every pod scheduled.
 * Only for counts that do not depend on the pod being scheduled (no node inclusion policy can
 * exclude a node): the system default constraints of a pod without a nodeSelector or required
 * node affinity, which is every pod of a plain Deployment.
 */
import type { LabelSelector } from '../../../objects.ts';
import type { NodeInfo, NodeInfoChanges } from '../../node-info.ts';
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
  /**
   * The change log every node of the list shares (their cache's), and the slot of each node: then
   * a cycle recounts the nodes the log names since `seen`, without visiting the others. Set by a
   * full pass; undefined when the nodes have no common log (a full pass every cycle).
   */
  log: NodeInfoChanges | undefined;
  slots: Map<NodeInfo, number> | undefined;
  seen: number;
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
  if (d === undefined) byKey.set(slot, (d = { infos: [], nodes: [], versions: [], values: [], counts: [], totals: new Map(), log: undefined, slots: undefined, seen: 0 }));
  const { infos, nodes, versions, values, counts, totals, log, slots } = d;
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
  // same array, so the same nodes in the same slots).
  if (log !== undefined && slots !== undefined && infos.length === n && d.seen >= log.first) {
    for (let s = d.seen; s < log.next; s++) {
      const info = log.log[s - log.first] as NodeInfo;
      const i = slots.get(info);
      if (i !== undefined) recount(i, info);
    }
    d.seen = log.next;
    return totals;
  }
  const shared = all[0]?.changes;
  let common = shared !== undefined;
  for (let i = 0; i < n; i++) {
    const info = all[i] as NodeInfo;
    if (info.changes !== shared) common = false;
    recount(i, info);
  }
  d.log = common ? shared : undefined;
  d.slots = common ? new Map(all.map((info, i) => [info, i])) : undefined;
  d.seen = shared?.next ?? 0;
  // A list that shrank in place (the cache's arrays never do): forget the slots past its end.
  for (let i = n; i < infos.length; i++) {
    const old = values[i] as string;
    totals.set(old, (totals.get(old) ?? 0) - (counts[i] ?? 0));
  }
  if (infos.length > n) for (const a of [infos, nodes, versions, values, counts]) a.length = n;
  return totals;
}
