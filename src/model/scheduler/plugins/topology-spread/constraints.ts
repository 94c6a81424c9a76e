/**
 * PodTopologySpread's constraints as the plugin sees them (upstream podtopologyspread/common.go):
 * the pod's own (DoNotSchedule ones for Filter, ScheduleAnyway ones for Score), or, for a pod with
 * none, the system defaults for Score: hostname maxSkew 3 and zone maxSkew 5, ScheduleAnyway, with
 * the selector of the Services / ReplicaSets / StatefulSets / ReplicationControllers that select
 * the pod (helper.DefaultSelector, computed by the caller).
 */
import { labelSelectorMatches, type Labels } from '../../../labels.ts';
import type { LabelSelector, Node, Pod, TopologySpreadConstraint } from '../../../objects.ts';
import { podRequiredAffinityMatches } from '../../../labels.ts';
import { podMatches, type NodeInfo } from '../../node-info.ts';
import { findUntoleratedTaint } from '../../taints.ts';

export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
export const LABEL_ZONE = 'topology.kubernetes.io/zone';

export interface SpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  /** undefined: a constraint without labelSelector, which matches no pod (labels.Nothing()). */
  readonly selector: LabelSelector | undefined;
  readonly minDomains: number;
  readonly honorNodeAffinity: boolean;
  readonly honorTaints: boolean;
}

/** Upstream SystemDefaultConstraints (config/v1 defaults, defaultingType System). */
export const SYSTEM_DEFAULT_CONSTRAINTS: readonly Pick<TopologySpreadConstraint, 'maxSkew' | 'topologyKey'>[] = [
  { maxSkew: 3, topologyKey: LABEL_HOSTNAME },
  { maxSkew: 5, topologyKey: LABEL_ZONE },
];

/** labelSelector with each matchLabelKeys key In [the pod's value] added (keys the pod lacks are ignored). */
function selectorOf(c: TopologySpreadConstraint, pod: Pod): LabelSelector | undefined {
  if (c.labelSelector === undefined) return undefined;
  const podLabels = pod.metadata.labels ?? {};
  const extra = (c.matchLabelKeys ?? []).flatMap((key) => {
    const v = podLabels[key];
    return v === undefined ? [] : [{ key, operator: 'In' as const, values: [v] }];
  });
  return extra.length === 0 ? c.labelSelector : { ...c.labelSelector, matchExpressions: [...(c.labelSelector.matchExpressions ?? []), ...extra] };
}

function fromPod(pod: Pod, when: TopologySpreadConstraint['whenUnsatisfiable']): SpreadConstraint[] {
  return (pod.spec.topologySpreadConstraints ?? [])
    .filter((c) => c.whenUnsatisfiable === when)
    .map((c) => ({
      maxSkew: c.maxSkew,
      topologyKey: c.topologyKey,
      selector: selectorOf(c, pod),
      minDomains: c.minDomains ?? 1,
      honorNodeAffinity: c.nodeAffinityPolicy !== 'Ignore',
      honorTaints: c.nodeTaintsPolicy === 'Honor',
    }));
}

/** Filter's constraints: the pod's DoNotSchedule ones (the system defaults are all ScheduleAnyway). */
export function filterConstraints(pod: Pod): SpreadConstraint[] {
  return fromPod(pod, 'DoNotSchedule');
}

/**
 * Score's constraints: the pod's ScheduleAnyway ones; for a pod with no constraints at all, the
 * system defaults with `defaultSelector` (none when it is undefined or empty, as upstream).
 */
export function scoreConstraints(pod: Pod, defaultSelector: LabelSelector | undefined): { readonly constraints: readonly SpreadConstraint[]; readonly systemDefaulted: boolean } {
  if ((pod.spec.topologySpreadConstraints ?? []).length > 0) return { constraints: fromPod(pod, 'ScheduleAnyway'), systemDefaulted: false };
  const empty = defaultSelector === undefined || (Object.keys(defaultSelector.matchLabels ?? {}).length === 0 && (defaultSelector.matchExpressions ?? []).length === 0);
  if (empty) return { constraints: [], systemDefaulted: true };
  // One list per selector object: the pods of a workload share theirs (the scheduler keeps one
  // per ReplicaSet selector), and Score asks for every pod scheduled. Read-only, as every caller treats it.
  let known = SYSTEM_DEFAULTED.get(defaultSelector);
  if (known === undefined) {
    known = {
      constraints: SYSTEM_DEFAULT_CONSTRAINTS.map((c) => ({ maxSkew: c.maxSkew, topologyKey: c.topologyKey, selector: defaultSelector, minDomains: 1, honorNodeAffinity: true, honorTaints: false })),
      systemDefaulted: true,
    };
    SYSTEM_DEFAULTED.set(defaultSelector, known);
  }
  return known;
}
const SYSTEM_DEFAULTED = new WeakMap<LabelSelector, { readonly constraints: readonly SpreadConstraint[]; readonly systemDefaulted: boolean }>();

export function selectorMatches(selector: LabelSelector | undefined, labels: Labels): boolean {
  return selector !== undefined && labelSelectorMatches(selector, labels);
}

/** Upstream countPodsMatchSelector: same namespace, not terminating, labels match. */
export function countMatching(pods: Iterable<{ readonly pod: Pod }>, selector: LabelSelector | undefined, namespace: string): number {
  if (selector === undefined) return 0;
  let n = 0;
  for (const { pod } of pods) if (podMatches(pod, selector, namespace)) n++;
  return n;
}

/**
 * One string object per key: countOnNode compares the memo's key with ===, which is then a pointer
 * comparison rather than a comparison of two long strings, for every node of every cycle. Grows
 * with the distinct (namespace, selector) pairs seen: a handful per workload.
 */
const keys = new Map<string, string>();

/** The memo key of countOnNode: the namespace and the selector (as JSON: equal selectors built alike share it). */
export function countKey(selector: LabelSelector | undefined, namespace: string): string {
  if (selector === undefined) return '';
  // The same selector object asks again (each constraint of a pod, the pods of a workload): no JSON then.
  let byNamespace = keysBySelector.get(selector);
  const seen = byNamespace?.get(namespace);
  if (seen !== undefined) return seen;
  const key = `${namespace}\u0000${JSON.stringify(selector)}`;
  let known = keys.get(key);
  if (known === undefined) keys.set(key, (known = key));
  if (byNamespace === undefined) keysBySelector.set(selector, (byNamespace = new Map()));
  byNamespace.set(namespace, known);
  return known;
}
const keysBySelector = new WeakMap<LabelSelector, Map<string, string>>();

/**
 * countMatching over one node's pods, memoized on the NodeInfo (addPodToNodeInfo /
 * removePodFromNodeInfo keep the count up to date, matching only the pod that came or went): a
 * node's pods are counted once per selector, not once per scheduling cycle. `key` is
 * countKey(selector, namespace).
 */
export function countOnNode(info: NodeInfo, selector: LabelSelector | undefined, namespace: string, key: string): number {
  if (selector === undefined) return 0;
  if (info.matchKey === key) return info.matchCount;
  const n = countMatching(info.pods.values(), selector, namespace);
  info.matchKey = key;
  info.matchSelector = selector;
  info.matchNamespace = namespace;
  info.matchCount = n;
  return n;
}

/**
 * A node's label `key`, the two well-known keys read from the NodeInfo (kept with its node):
 * spreading reads both keys of every feasible node for every pod, and `labels[key]` with a key
 * that changes from one constraint to the next is a generic keyed lookup besides.
 */
export function nodeLabel(info: NodeInfo, key: string): string | undefined {
  if (key === LABEL_HOSTNAME) return info.hostnameLabel;
  if (key === LABEL_ZONE) return info.zoneLabel;
  return (info.node.metadata.labels ?? {})[key];
}

/** The node carries every constraint's topology key (upstream nodeLabelsMatchSpreadConstraints). */
export function hasAllKeys(node: Node, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.metadata.labels ?? {};
  return constraints.every((c) => labels[c.topologyKey] !== undefined);
}

/** nodeAffinityPolicy / nodeTaintsPolicy: does this node count for the constraint? */
export function nodeIncluded(c: SpreadConstraint, pod: Pod, node: Node): boolean {
  if (c.honorNodeAffinity && !podRequiredAffinityMatches(pod, node)) return false;
  if (c.honorTaints && findUntoleratedTaint(node.spec.taints ?? [], pod.spec.tolerations ?? [], ['NoSchedule', 'NoExecute']) !== undefined) return false;
  return true;
}
