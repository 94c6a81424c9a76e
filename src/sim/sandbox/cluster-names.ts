/** The names a command is checked against: what the simulated cluster stores right now. */
import type { ClusterNames } from '../../model/kubectl/cluster-names.ts';
import type { Cluster } from '../cluster.ts';

const NAMESPACE = 'default';

export function namesIn(cluster: Cluster): ClusterNames {
  const pods: string[] = [];
  const deployments: string[] = [];
  const replicasets: string[] = [];
  const services: string[] = [];
  const nodes: string[] = [];
  for (const o of Object.values(cluster.objects())) {
    if (o.kind === 'Node') nodes.push(o.metadata.name);
    if (o.metadata.namespace !== NAMESPACE) continue;
    if (o.kind === 'Pod') pods.push(o.metadata.name);
    else if (o.kind === 'Deployment') deployments.push(o.metadata.name);
    else if (o.kind === 'ReplicaSet') replicasets.push(o.metadata.name);
    else if (o.kind === 'Service') services.push(o.metadata.name);
  }
  return { pods, deployments, replicasets, services, nodes, etcdMembers: cluster.etcdMemberNames, namespace: NAMESPACE };
}
