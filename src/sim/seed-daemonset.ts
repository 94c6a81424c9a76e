/**
 * A DaemonSet that has been running for a while: stored with its status, and one Ready pod on
 * every node that should run it (as its controller and kube-scheduler would have placed them).
 */
import { DEFAULT_K8S_VERSION, releaseTag, type K8sVersion } from '../model/k8s/versions.ts';
import type { DaemonSet, Pod } from '../model/objects.ts';
import { templateHash } from '../model/template-hash.ts';
import { timestamp } from '../model/time.ts';
import type { Cluster } from './cluster.ts';
import { daemonPodTolerations, nodeNameAffinity, nodeShouldRunDaemonPod } from './components/controllers/daemonset.ts';
import { nameSuffix } from './core/runtime.ts';

export function seedDaemonSet(cluster: Cluster, ds: DaemonSet): void {
  const nodes = cluster.nodeNames.map((n) => cluster.get(`Node/${n}`)).filter((n) => n?.kind === 'Node');
  const eligible = nodes.filter((n) => nodeShouldRunDaemonPod(n, ds).shouldRun);
  const count = eligible.length;
  const stored = cluster.seed({ ...ds, status: { desiredNumberScheduled: count, currentNumberScheduled: count, numberMisscheduled: 0, numberReady: count, numberAvailable: count, updatedNumberScheduled: count } });
  const at = timestamp(0);
  const template = ds.spec.template;
  for (const node of eligible) {
    const hostIP = node.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
    const podIP = template.spec.hostNetwork ? hostIP : `${(node.spec.podCIDR ?? '10.244.0.0/24').replace(/\.0\/24$/, '')}.${50 + eligible.indexOf(node)}`;
    const spec = { ...template.spec, affinity: nodeNameAffinity(template.spec.affinity, node.metadata.name), tolerations: daemonPodTolerations(template.spec), nodeName: node.metadata.name, schedulerName: 'default-scheduler', priority: 0, serviceAccountName: 'default' };
    const pod: Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${ds.metadata.name}-${nameSuffix(cluster.rt)}`,
        namespace: ds.metadata.namespace ?? 'default',
        labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': templateHash(template), 'pod-template-generation': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: stored.metadata.uid ?? '', controller: true }],
      },
      spec,
      status: {
        phase: 'Running',
        hostIP,
        podIP,
        startTime: at,
        conditions: ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type: type as 'Ready', status: 'True' as const, lastTransitionTime: at })),
        containerStatuses: spec.containers.map((c) => ({ name: c.name, image: c.image, ready: true, started: true, state: { running: { startedAt: at } } })),
      },
    };
    cluster.seedRunningPod(pod);
  }
}

/** kubeadm's kube-proxy DaemonSet: host network, and it tolerates every taint (operator: Exists). */
export function kubeProxyDaemonSet(release: K8sVersion = DEFAULT_K8S_VERSION): DaemonSet {
  const labels = { 'k8s-app': 'kube-proxy' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${releaseTag(release)}` }],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          tolerations: [{ operator: 'Exists' }],
        },
      },
      // maxSurge 0 is the API server's default (SetDefaults_DaemonSet): stored as a real cluster holds it.
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
    },
  };
}
