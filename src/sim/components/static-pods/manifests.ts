/**
 * The static pod manifests kubeadm writes to /etc/kubernetes/manifests, and the mirror pod the
 * kubelet creates in the API for each (reference/kubernetes.md section 7). Pure builders.
 */
import { DEFAULT_K8S_VERSION, releaseTag, type K8sVersion } from '../../../model/k8s/versions.ts';
import type { Pod } from '../../../model/objects.ts';
import type { NodeFile } from '../../trace.ts';

export const STATIC_POD_PATH = '/etc/kubernetes/manifests';
export const ETCD_DATA_DIR = '/var/lib/etcd';
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export type ControlPlaneComponent = 'etcd' | 'kube-apiserver' | 'kube-controller-manager' | 'kube-scheduler';
export const CONTROL_PLANE_COMPONENTS: readonly ControlPlaneComponent[] = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

/** etcd keeps its own version (not re-checked per release, docs/kubernetes-versions.md); the rest carry the release's tag. */
const image = (component: ControlPlaneComponent, release: K8sVersion): string =>
  component === 'etcd' ? 'registry.k8s.io/etcd:3.5.21-0' : `registry.k8s.io/${component}:${releaseTag(release)}`;

export const manifestFile = (component: ControlPlaneComponent): string => `${component}.yaml`;

/**
 * A static pod as its manifest describes it: kube-system, hostNetwork, system-node-critical.
 * etcd keeps its data in a hostPath volume (`etcd-data`), which a restore points elsewhere.
 */
export function staticPodManifest(component: ControlPlaneComponent, dataDir = ETCD_DATA_DIR, release: K8sVersion = DEFAULT_K8S_VERSION): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: component, namespace: 'kube-system', labels: { component, tier: 'control-plane' } },
    spec: {
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2_000_001_000,
      containers: [{ name: component, image: image(component, release) }],
      // The kubelet gives every static pod a toleration of all NoExecute taints.
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      ...(component === 'etcd' ? { volumes: [{ name: 'etcd-data', hostPath: { path: dataDir, type: 'DirectoryOrCreate' } }, { name: 'etcd-certs', hostPath: { path: '/etc/kubernetes/pki/etcd', type: 'DirectoryOrCreate' } }] } : {}),
    },
  };
}

/** A short stand-in for the kubelet's hash of the manifest (config.hash / config.mirror). */
export function configHash(pod: Pod): string {
  const text = JSON.stringify(pod.spec);
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/** The read-only mirror of a static pod: named <name>-<nodeName>, bound to the node, owned by the Node. */
export function mirrorPod(pod: Pod, node: string, nodeUid: string): Pod {
  const hash = configHash(pod);
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      name: `${pod.metadata.name}-${node}`,
      annotations: { 'kubernetes.io/config.source': 'file', 'kubernetes.io/config.hash': hash, [MIRROR_ANNOTATION]: hash },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: node, uid: nodeUid, controller: true }],
    },
    spec: { ...pod.spec, nodeName: node },
  };
}

export const isMirror = (pod: Pod): boolean => pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;

/** etcd's data directory as its manifest mounts it (the `etcd-data` hostPath volume). */
export const etcdDataDirOf = (pod: Pod): string | undefined => pod.spec.volumes?.find((v) => v.name === 'etcd-data')?.hostPath?.path;

/** A manifest as a file on the node's disk; etcd.yaml notes the data directory it mounts. */
export function manifestOnDisk(node: string, file: string, pod: Pod): NodeFile {
  const dataDir = etcdDataDirOf(pod);
  return { node, path: `${STATIC_POD_PATH}/${file}`, ...(dataDir === undefined ? {} : { note: `etcd-data hostPath: ${dataDir}` }) };
}
