/** Builders in the spirit of upstream's st.MakeNode() / st.MakePod(), and a one-plugin scoring run. */
import type { Node, Pod, ResourceList, Taint, Toleration } from '../../../src/model/objects.ts';
import { buildNodeInfos, type NodeInfo } from '../../../src/model/scheduler/node-info.ts';
import { createPodContext } from '../../../src/model/scheduler/pod-context.ts';
import { DEFAULT_PROFILE, type SchedulerProfile } from '../../../src/model/scheduler/profile.ts';
import { scoreNodes, scoresOf } from '../../../src/model/scheduler/score-nodes.ts';
import type { ScorePluginName } from '../../../src/model/scheduler/types.ts';

export interface NodeOpts {
  readonly labels?: Record<string, string>;
  readonly taints?: readonly Taint[];
  readonly unschedulable?: boolean;
  readonly pods?: string;
}

/** Allocatable = capacity, as st.MakeNode().Capacity() sets both. */
export function makeNode(name: string, allocatable: ResourceList, opts: NodeOpts = {}): Node {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...opts.labels } },
    spec: { ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: { capacity: allocatable, allocatable: { pods: opts.pods ?? '110', ...allocatable } },
  };
}

let uid = 0;

export interface PodOpts {
  readonly nodeName?: string;
  readonly tolerations?: readonly Toleration[];
  readonly priority?: number;
  readonly nodeSelector?: Record<string, string>;
  readonly affinity?: Pod['spec']['affinity'];
  readonly init?: readonly ResourceList[];
  readonly name?: string;
}

/** One container per request list (st.MakePod().Req(...).Req(...)); no lists = no containers (st.MakePod().Obj()). */
export function makePod(requests: readonly ResourceList[], opts: PodOpts = {}): Pod {
  uid++;
  const containers = requests.map((r, i) => ({ name: `c${i}`, image: 'registry.k8s.io/pause:3.10', resources: { requests: r } }));
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: opts.name ?? `pod-${uid}`, namespace: 'default', uid: `uid-${uid}` },
    spec: {
      containers,
      ...(opts.nodeName ? { nodeName: opts.nodeName } : {}),
      ...(opts.tolerations ? { tolerations: opts.tolerations } : {}),
      ...(opts.priority !== undefined ? { priority: opts.priority } : {}),
      ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}),
      ...(opts.affinity ? { affinity: opts.affinity } : {}),
      ...(opts.init ? { initContainers: opts.init.map((r, i) => ({ name: `i${i}`, image: 'busybox', resources: { requests: r } })) } : {}),
    },
    status: { phase: opts.nodeName ? 'Running' : 'Pending' },
  };
}

export function infosFor(nodes: readonly Node[], existing: readonly Pod[] = []): NodeInfo[] {
  return buildNodeInfos(nodes, existing);
}

/**
 * The normalized score of one plugin for each node, as Score + NormalizeScore produce it;
 * undefined when the plugin was skipped at PreScore.
 */
export function pluginScores(
  plugin: ScorePluginName,
  pod: Pod,
  nodes: readonly Node[],
  existing: readonly Pod[] = [],
  profile: Partial<SchedulerProfile> = {},
): number[] | undefined {
  const p: SchedulerProfile = { ...DEFAULT_PROFILE, ...profile, scores: [{ name: plugin, weight: 1 }] };
  const result = scoreNodes(createPodContext(pod), infosFor(nodes, existing), p);
  if (result.skipped.includes(plugin)) return undefined;
  return nodes.map((_, j) => scoresOf(result, j)[plugin] ?? -1);
}
