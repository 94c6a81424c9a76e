/**
 * Everything about the pod being scheduled that the plugins need, computed once per scheduling
 * attempt (upstream PreFilter / PreScore state), so the per-node loop allocates nothing.
 */
import type { LabelSelector, Pod, PreferredSchedulingTerm, Toleration } from '../objects.ts';
import { hostPorts, type HostPort } from './plugins/node-ports.ts';
import type { AffinityFilterState } from './plugins/inter-pod-affinity/filter.ts';
import type { SpreadFilterState } from './plugins/topology-spread/filter.ts';
import { computePodRequest } from './pod-requests.ts';
import type { PodRequest } from './resources.ts';

export interface PodContext {
  readonly pod: Pod;
  readonly request: PodRequest;
  readonly tolerations: readonly Toleration[];
  /** Tolerations with effect PreferNoSchedule or no effect (upstream getAllTolerationPreferNoSchedule). */
  readonly preferNoScheduleTolerations: readonly Toleration[];
  /** undefined when the pod has no preferred node affinity: the NodeAffinity score is skipped. */
  readonly preferredTerms: readonly PreferredSchedulingTerm[] | undefined;
  /** Node names from required matchFields metadata.name In (upstream NodeAffinity PreFilterResult); undefined = all nodes. */
  readonly nodeNames: ReadonlySet<string> | undefined;
  readonly priority: number;
  /** False when the pod has neither a nodeSelector nor required node affinity: NodeAffinity's Filter passes every node. */
  readonly hasRequiredAffinity: boolean;
  /** The host ports the pod asks for (NodePorts); empty: the plugin is skipped. */
  readonly hostPorts: readonly HostPort[];
  /** PodTopologySpread's PreFilter counts (set by schedulePod over all nodes); undefined: no DoNotSchedule constraint. */
  readonly spread?: SpreadFilterState;
  /** InterPodAffinity's PreFilter counts (set by schedulePod over all nodes); undefined: nothing to check. */
  readonly affinity?: AffinityFilterState;
  /** The selector of the Services / ReplicaSets / StatefulSets / RCs selecting the pod (PodTopologySpread's system defaults). */
  readonly defaultSpreadSelector?: LabelSelector;
}

/**
 * NodeAffinity PreFilter: when every required term pins metadata.name with In, only those nodes
 * are evaluated (DaemonSet pods do this). Terms are ORed, requirements in a term ANDed.
 */
function requiredNodeNames(pod: Pod): Set<string> | undefined {
  const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms === undefined) return undefined;
  let union: Set<string> | undefined;
  for (const term of terms) {
    let names: Set<string> | undefined;
    for (const req of term.matchFields ?? []) {
      if (req.key !== 'metadata.name' || req.operator !== 'In') continue;
      const values = new Set(req.values ?? []);
      names = names === undefined ? values : new Set([...names].filter((n) => values.has(n)));
    }
    if (names === undefined) return undefined;
    union = new Set([...(union ?? []), ...names]);
  }
  return union;
}

/** Shared by the (many) pods without tolerations or host ports: no arrays per attempt for them. */
const NONE: readonly never[] = [];

/** hostPorts(pod), without its arrays for a pod whose containers declare no ports (most). */
function podHostPorts(pod: Pod): readonly HostPort[] {
  if (pod.spec.initContainers !== undefined) return hostPorts(pod);
  for (const c of pod.spec.containers) if (c.ports !== undefined) return hostPorts(pod);
  return NONE;
}

/** What schedulePod adds to a pod's context: PreFilter states and the default spreading selector. */
export type PodContextExtras = Pick<PodContext, 'spread' | 'affinity' | 'defaultSpreadSelector'>;

/**
 * `extras` go in the same literal (one object of one shape per attempt: copying a context to add
 * them was a generic object spread for every pod scheduled).
 */
export function createPodContext(pod: Pod, extras?: PodContextExtras): PodContext {
  const tolerations = pod.spec.tolerations ?? NONE;
  return {
    pod,
    request: computePodRequest(pod),
    tolerations,
    preferNoScheduleTolerations: tolerations.length === 0 ? NONE : tolerations.filter((t) => t.effect === undefined || (t.effect as string) === '' || t.effect === 'PreferNoSchedule'),
    preferredTerms: pod.spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution,
    nodeNames: requiredNodeNames(pod),
    priority: pod.spec.priority ?? 0,
    hasRequiredAffinity: pod.spec.nodeSelector !== undefined || pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined,
    hostPorts: podHostPorts(pod),
    spread: extras?.spread,
    affinity: extras?.affinity,
    defaultSpreadSelector: extras?.defaultSpreadSelector,
  };
}
