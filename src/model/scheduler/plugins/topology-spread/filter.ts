/**
 * PodTopologySpread Filter (upstream podtopologyspread/filtering.go). PreFilter counts, per
 * DoNotSchedule constraint, the matching pods in each topology domain over the eligible nodes (all
 * topology keys present, node inclusion policies met); Filter rejects a node where placing the pod
 * would make matchNum + self - globalMin exceed maxSkew (globalMin is 0 while fewer than minDomains
 * domains exist). A node without a constraint's key is UnschedulableAndUnresolvable.
 */
import type { Pod } from '../../../objects.ts';
import type { NodeInfo } from '../../node-info.ts';
import { reject, type Rejection } from '../../status.ts';
import { countKey, countOnNode, filterConstraints, hasAllKeys, nodeIncluded, selectorMatches, type SpreadConstraint } from './constraints.ts';

export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;
const NOT_MATCH = reject('PodTopologySpread', 'Unschedulable', ERR_REASON_CONSTRAINTS_NOT_MATCH);
const LABEL_MISSING = reject('PodTopologySpread', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_LABEL_NOT_MATCH);

export interface SpreadFilterState {
  readonly pod: Pod;
  readonly constraints: readonly SpreadConstraint[];
  /** Per constraint: domain value -> matching pods on eligible nodes. */
  readonly matchNum: readonly Map<string, number>[];
  /** Per eligible node: its count per constraint (-1: the node does not count for that constraint). */
  readonly perNode: ReadonlyMap<string, readonly number[]>;
  /** Per constraint: countKey of its selector in the pod's namespace (the per-node count memo). */
  readonly keys: readonly string[];
}

/** PreFilter; undefined when the pod has no DoNotSchedule constraint (Skip). */
export function spreadFilterState(pod: Pod, all: readonly NodeInfo[]): SpreadFilterState | undefined {
  // Most pods have no constraints of their own: no lists built for them.
  if ((pod.spec.topologySpreadConstraints ?? []).length === 0) return undefined;
  const constraints = filterConstraints(pod);
  if (constraints.length === 0) return undefined;
  const ns = pod.metadata.namespace ?? 'default';
  const matchNum = constraints.map(() => new Map<string, number>());
  const perNode = new Map<string, number[]>();
  const keys = constraints.map((c) => countKey(c.selector, ns));
  for (const info of all) {
    if (!hasAllKeys(info.node, constraints)) continue;
    const labels = info.node.metadata.labels ?? {};
    const counts = constraints.map((c, i) => {
      if (!nodeIncluded(c, pod, info.node)) return -1;
      const value = labels[c.topologyKey] ?? '';
      const count = countOnNode(info, c.selector, ns, keys[i] ?? '');
      const domains = matchNum[i] as Map<string, number>;
      domains.set(value, (domains.get(value) ?? 0) + count);
      return count;
    });
    perNode.set(info.name, counts);
  }
  return { pod, constraints, matchNum, perNode, keys };
}

/** The smallest domain count, with `value`'s count replaced by `own` (a preemption trial removed pods there). */
function minMatch(domains: ReadonlyMap<string, number>, value: string, own: number | undefined, minDomains: number): number {
  if (domains.size < minDomains) return 0;
  let min = Number.POSITIVE_INFINITY;
  for (const [v, n] of domains) min = Math.min(min, v === value && own !== undefined ? own : n);
  return min;
}

export function spreadFilter(state: SpreadFilterState | undefined, info: NodeInfo): Rejection | null {
  if (state === undefined) return null;
  const labels = info.node.metadata.labels ?? {};
  const podLabels = state.pod.metadata.labels ?? {};
  const ns = state.pod.metadata.namespace ?? 'default';
  const stored = state.perNode.get(info.name);
  for (let i = 0; i < state.constraints.length; i++) {
    const c = state.constraints[i] as SpreadConstraint;
    const value = labels[c.topologyKey];
    if (value === undefined) return LABEL_MISSING;
    const domains = state.matchNum[i] as Map<string, number>;
    let matchNum = domains.get(value) ?? 0;
    let own: number | undefined;
    // A copy of the node with pods removed (preemption's dry run): recount this node's share.
    const before = stored?.[i] ?? -1;
    if (before >= 0) {
      const now = countOnNode(info, c.selector, ns, state.keys[i] ?? '');
      if (now !== before) {
        matchNum += now - before;
        own = matchNum;
      }
    }
    const self = selectorMatches(c.selector, podLabels) ? 1 : 0;
    if (matchNum + self - minMatch(domains, value, own, c.minDomains) > c.maxSkew) return NOT_MATCH;
  }
  return null;
}
