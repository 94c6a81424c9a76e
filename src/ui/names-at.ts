/**
 * The names the command bar checks a command against: what exists in the cluster in the frame on
 * screen (the same moment the object card describes), so `kubectl scale deployment api` answers
 * NotFound exactly when no Deployment `api` is drawn.
 */
import { DEFAULT_NAMESPACE, SINGLE_ETCD_MEMBER, type ClusterNames } from '../model/kubectl/cluster-names.ts';
import { parseRef } from '../model/objects.ts';
import type { Trace } from '../sim/trace.ts';
import { stateAt } from '../timeline/state.ts';

const KIND_LISTS = {
  Pod: 'pods',
  Deployment: 'deployments',
  ReplicaSet: 'replicasets',
  Service: 'services',
  Node: 'nodes',
} as const satisfies Record<string, keyof ClusterNames>;

/** Names stored after the first `eventCount` events of `trace`, sorted; etcd members from the topology. */
export function namesAt(trace: Trace, eventCount: number): ClusterNames {
  const lists: Record<(typeof KIND_LISTS)[keyof typeof KIND_LISTS], string[]> = { pods: [], deployments: [], replicasets: [], services: [], nodes: [] };
  for (const ref of stateAt(trace, { eventCount }).objects.keys()) {
    const { kind, namespace, name } = parseRef(ref);
    if (!Object.hasOwn(KIND_LISTS, kind)) continue;
    // The sandbox has one namespace: kube-system's daemon pods are not the learner's to name.
    if (kind !== 'Node' && namespace !== DEFAULT_NAMESPACE) continue;
    lists[KIND_LISTS[kind as keyof typeof KIND_LISTS]].push(name);
  }
  for (const list of Object.values(lists)) list.sort();
  // Members are components (`etcd/<member>`), present for the whole run whether up or down; a
  // single etcd is kubeadm's member named after its node, as the runner names it.
  const members = trace.topology.components.filter((c) => c.startsWith('etcd/')).map((c) => c.slice('etcd/'.length)).sort();
  const etcdMembers = members.length > 0 ? members : [SINGLE_ETCD_MEMBER];
  return { ...lists, etcdMembers, namespace: DEFAULT_NAMESPACE };
}

/** A command worth trying in a cluster with these names (the bar's placeholder example). */
export function exampleCommand(names: ClusterNames): string {
  const [deployment] = names.deployments;
  if (deployment !== undefined) return `kubectl scale deployment ${deployment} --replicas=5`;
  const [node] = names.nodes;
  return node !== undefined ? `kubectl cordon ${node}` : 'wait 30s';
}
