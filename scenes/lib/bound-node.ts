/**
 * A step's focus on the node a pod is bound to, read from the cluster as the step starts: the
 * components there that take part (its kubelet, its container runtime). Until the pod is bound,
 * every node's: the picture must not single out a node the scheduler has not picked.
 */
import { refOf, type ObjectRef } from '../../src/model/objects.ts';
import type { Cluster } from '../../src/sim/cluster.ts';
import type { ComponentId } from '../../src/sim/trace.ts';

type NodePart = 'kubelet' | 'containerd';

/** `pod`: its ref, or a pattern its ref matches (a Deployment's pod, whose name is made). */
export function onBoundNode(pod: ObjectRef | RegExp, parts: readonly NodePart[], also: readonly ComponentId[] = []): (cluster: Cluster) => readonly ComponentId[] {
  return (cluster) => {
    const obj = typeof pod === 'string' ? cluster.get(pod) : cluster.pods().find((p) => pod.test(refOf(p)));
    const bound = obj?.kind === 'Pod' ? obj.spec.nodeName : undefined;
    const nodes = bound === undefined ? cluster.nodeNames : [bound];
    return [...also, ...parts.flatMap((part) => nodes.map((node): ComponentId => `${part}/${node}`))];
  };
}
