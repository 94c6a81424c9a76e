/**
 * PodTopologySpread's matching pods per node and per topology domain over every node, kept from
 * one scheduling cycle to the next: a cycle recounts only the nodes whose pods or Node object
 * changed since the last (NodeInfo.podsVersion, the cache's change log), instead of visiting every
 * node's count for every pod scheduled. Laid out for the score loop: per node slot, its count, its
 * domain as a small integer and whether it has the key at all, and per domain its total, so
 * scoring a node is a few array reads rather than label and map lookups.
 * Only for counts that do not depend on the pod being scheduled (no node inclusion policy can
 * exclude a node): the system default constraints of a pod without a nodeSelector or required
 * node affinity, which is every pod of a plain Deployment.
 */
import type { LabelSelector } from '../../../objects.ts';
import type { NodeInfo } from '../../node-info.ts';
import { newSlotFollower, visitChangedSlots, type SlotFollower } from '../../changed-slots.ts';
import { countOnNode } from './constraints.ts';

export interface DomainTotals {
  /** What each slot was counted from: the NodeInfo, its Node object and pods version. */
  readonly infos: (NodeInfo | undefined)[];
  readonly nodes: (NodeInfo['node'] | undefined)[];
  readonly versions: number[];
  /** Per slot: the label value its domain was looked up for (a heartbeat's new Node keeps it: no lookup then). */
  readonly labels: (string | undefined)[];
  /** Per slot: the node's domain (an index into `names`; a node without the key is in domain ''). */
  domain: Int32Array;
  /** Per slot: 1 when the node has the topology key. */
  hasKey: Uint8Array;
  /** Per slot: the node's matching pods. */
  count: Float64Array;
  /** Slots whose node has the key (0: no node adds a term for this constraint). */
  withKey: number;
  /** Per domain: matching pods over all nodes in it. */
  readonly totals: number[];
  /** Domain names, by index; `ids` the other way. Domains are never forgotten (a handful per key). */
  readonly names: string[];
  readonly ids: Map<string, number>;
  /** Which slots changed since the last call (the cache's change log, changed-slots.ts). */
  readonly follower: SlotFollower;
}

/** Per node list (the scheduler's cache hands the same array until a node joins or leaves), per selector and key. */
const memo = new WeakMap<readonly NodeInfo[], Map<string, Map<string, DomainTotals>>>();

function idOf(d: DomainTotals, value: string): number {
  let id = d.ids.get(value);
  if (id === undefined) {
    id = d.names.length;
    d.names.push(value);
    d.totals.push(0);
    d.ids.set(value, id);
  }
  return id;
}

function grow(d: DomainTotals, n: number): void {
  if (d.domain.length >= n) return;
  const domain = new Int32Array(n);
  domain.set(d.domain);
  const hasKey = new Uint8Array(n);
  hasKey.set(d.hasKey);
  const count = new Float64Array(n);
  count.set(d.count);
  d.domain = domain;
  d.hasKey = hasKey;
  d.count = count;
}

/**
 * The counts of pods matching `selector` in `namespace` per node of `all` and per domain of
 * `topologyKey` (nodes without the key in domain ''). `key` is countKey(selector, namespace). The
 * structure is the memo's own: read it before the next call.
 */
export function domainTotals(all: readonly NodeInfo[], topologyKey: string, selector: LabelSelector | undefined, namespace: string, key: string): DomainTotals {
  let byKey = memo.get(all);
  if (byKey === undefined) memo.set(all, (byKey = new Map()));
  // Keyed by the count key (one string object per selector and namespace, its hash kept), then
  // the topology key: no string built and hashed per call.
  let byTopology = byKey.get(key);
  if (byTopology === undefined) byKey.set(key, (byTopology = new Map()));
  let d = byTopology.get(topologyKey);
  if (d === undefined) {
    d = { infos: [], nodes: [], versions: [], labels: [], domain: new Int32Array(0), hasKey: new Uint8Array(0), count: new Float64Array(0), withKey: 0, totals: [], names: [], ids: new Map(), follower: newSlotFollower() };
    byTopology.set(topologyKey, d);
  }
  const memoOf = d;
  const { infos, nodes, versions, totals } = memoOf;
  const n = all.length;
  grow(memoOf, n);
  /** Brings slot i up to date with its node. */
  const recount = (i: number, info: NodeInfo): void => {
    if (infos[i] === info && nodes[i] === info.node && versions[i] === info.podsVersion) return;
    if (infos[i] !== undefined) {
      const old = memoOf.domain[i] as number;
      totals[old] = (totals[old] as number) - (memoOf.count[i] as number);
      memoOf.withKey -= memoOf.hasKey[i] as number;
    }
    const label = info.node.metadata.labels?.[topologyKey];
    const id = infos[i] !== undefined && memoOf.labels[i] === label ? (memoOf.domain[i] as number) : idOf(memoOf, label ?? '');
    memoOf.labels[i] = label;
    const c = countOnNode(info, selector, namespace, key);
    totals[id] = (totals[id] as number) + c;
    infos[i] = info;
    nodes[i] = info.node;
    versions[i] = info.podsVersion;
    memoOf.domain[i] = id;
    memoOf.hasKey[i] = label === undefined ? 0 : 1;
    memoOf.withKey += label === undefined ? 0 : 1;
    memoOf.count[i] = c;
  };
  // Caught up from the log when it still holds every change since the last pass (the list is the
  // same array, so the same nodes in the same slots); else every slot is recounted.
  if (!visitChangedSlots(all, memoOf.follower, recount)) return memoOf;
  // A list that shrank in place (the cache's arrays never do): forget the slots past its end.
  for (let i = n; i < infos.length; i++) {
    if (infos[i] === undefined) continue;
    const old = memoOf.domain[i] as number;
    totals[old] = (totals[old] as number) - (memoOf.count[i] as number);
    memoOf.withKey -= memoOf.hasKey[i] as number;
  }
  if (infos.length > n) for (const a of [infos, nodes, versions, memoOf.labels]) a.length = n;
  return memoOf;
}
