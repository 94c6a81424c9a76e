/**
 * Set-up from a scenario file: its nodes, then its objects in the order written, each seeded as
 * already running, as the built-in scenarios seed theirs (addNode, seedDeployment, seedDaemonSet).
 */
import type { K8sObject, Pod } from '../../model/objects.ts';
import type { StoryFile } from '../../model/story/schema.ts';
import { timestamp } from '../../model/time.ts';
import type { Cluster } from '../cluster.ts';
import { seedDaemonSet } from '../seed-daemonset.ts';

const ZONE_LABEL = 'topology.kubernetes.io/zone';

export function addStoryNodes(cluster: Cluster, story: StoryFile): void {
  for (const n of story.cluster.nodes) {
    const labels = n.zone === undefined ? n.labels : { ...(n.labels ?? {}), [ZONE_LABEL]: n.zone };
    cluster.addNode(n.name, {
      ...(n.cpu === undefined ? {} : { cpu: n.cpu }),
      ...(n.memory === undefined ? {} : { memory: n.memory }),
      ...(n.pods === undefined ? {} : { pods: n.pods }),
      ...(labels === undefined ? {} : { labels }),
      ...(n.taints === undefined ? {} : { taints: n.taints }),
    });
  }
}

/** Every kind a file seeds is namespaced: `default` unless written (kept right after the name). */
function inNamespace<T extends K8sObject>(o: T): T {
  const { name, namespace, ...meta } = o.metadata;
  return { ...o, metadata: { name, namespace: namespace ?? 'default', ...meta } };
}

/** A Pod among the objects runs on its spec.nodeName from the start (the loader requires one). */
function runningStatus(cluster: Cluster, pod: Pod, n: number): Pod {
  if (pod.status !== undefined) return pod;
  const at = timestamp(0);
  const node = cluster.get(`Node/${pod.spec.nodeName ?? ''}`);
  const hostIP = node?.kind === 'Node' ? (node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '') : '';
  const subnet = node?.kind === 'Node' ? (node.spec.podCIDR ?? '').replace(/\.0\/24$/, '') : '';
  return {
    ...pod,
    status: {
      phase: 'Running',
      hostIP,
      // Above the addresses seeded Deployments (.100+) and DaemonSets (.50+) take.
      podIP: subnet === '' ? '' : `${subnet}.${200 + (n % 50)}`,
      startTime: at,
      conditions: ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type: type as 'Ready', status: 'True' as const, lastTransitionTime: at })),
      containerStatuses: pod.spec.containers.map((c) => ({ name: c.name, image: c.image, ready: true, started: true, state: { running: { startedAt: at } } })),
    },
  };
}

export function seedStoryObjects(cluster: Cluster, story: StoryFile, objects: readonly K8sObject[]): void {
  let pods = 0;
  for (const written of objects) {
    const o = inNamespace(written);
    switch (o.kind) {
      case 'Deployment':
        cluster.seedDeploymentObject(o, story.placement?.[o.metadata.name] ?? cluster.nodeNames);
        break;
      case 'DaemonSet':
        seedDaemonSet(cluster, o);
        break;
      case 'Pod':
        cluster.seedRunningPod(runningStatus(cluster, o, pods++));
        break;
      default:
        cluster.seed(o);
    }
  }
}
