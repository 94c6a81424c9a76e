/** Objects a scenario sets up: nodes, pods, Deployments, as a cluster would hold them. */
import { DEFAULT_K8S_VERSION, releaseTag, type K8sVersion } from '../model/k8s/versions.ts';
import type { Container, Deployment, Lease, Node, Pod, ResourceList, Taint } from '../model/objects.ts';
import { timestamp } from '../model/time.ts';
import { nodeImages } from './node-images.ts';

export interface NodeOptions {
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  readonly unschedulable?: boolean;
  readonly controlPlane?: boolean;
  /** The release the kubelet reports in status.nodeInfo.kubeletVersion (the default's otherwise). */
  readonly release?: K8sVersion;
  /** Images on the node (status.images); the pause image by default. */
  readonly images?: readonly string[];
}

/** Every node holds the pod sandbox's pause image. */
export const PAUSE_IMAGE = 'registry.k8s.io/pause:3.10';

export function makeNode(name: string, index: number, opts: NodeOptions = {}): Node {
  const allocatable: ResourceList = { cpu: opts.cpu ?? '4', memory: opts.memory ?? '8Gi', pods: opts.pods ?? '110', 'ephemeral-storage': '100Gi' };
  const at = timestamp(0);
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      uid: `node-${index}`,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', ...(opts.controlPlane ? { 'node-role.kubernetes.io/control-plane': '' } : {}), ...(opts.labels ?? {}) },
      creationTimestamp: at,
    },
    spec: { podCIDR: podCidr(index), ...(opts.taints ? { taints: opts.taints } : {}), ...(opts.unschedulable ? { unschedulable: true } : {}) },
    status: {
      capacity: allocatable,
      allocatable,
      conditions: [
        { type: 'MemoryPressure', status: 'False', reason: 'KubeletHasSufficientMemory', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'DiskPressure', status: 'False', reason: 'KubeletHasNoDiskPressure', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'PIDPressure', status: 'False', reason: 'KubeletHasSufficientPID', lastHeartbeatTime: at, lastTransitionTime: at },
        { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: at },
      ],
      addresses: [
        { type: 'InternalIP', address: hostIP(index) },
        { type: 'Hostname', address: name },
      ],
      nodeInfo: { kubeletVersion: releaseTag(opts.release ?? DEFAULT_K8S_VERSION), containerRuntimeVersion: 'containerd://2.0.0' },
      images: nodeImages(opts.images ?? [PAUSE_IMAGE]),
    },
  };
}

export const podCidr = (index: number): string => `10.244.${index + 1}.0/24`;
export const podSubnet = (index: number): string => `10.244.${index + 1}`;
export const hostIP = (index: number): string => `192.168.56.${11 + index}`;

export function makeLease(node: string): Lease {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: node, namespace: 'kube-node-lease', uid: `lease-${node}` },
    spec: { holderIdentity: node, leaseDurationSeconds: 40, renewTime: timestamp(0) },
  };
}

export interface PodOptions {
  readonly image?: string;
  readonly requests?: ResourceList;
  readonly labels?: Readonly<Record<string, string>>;
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly namespace?: string;
  readonly readinessProbe?: Container['readinessProbe'];
  /** Deployments only: the RollingUpdate bounds (25% each when not given). */
  readonly maxSurge?: number | string;
  readonly maxUnavailable?: number | string;
}

export function makeContainer(name: string, opts: PodOptions): Container {
  return { name, image: opts.image ?? 'nginx:1.27', ...(opts.requests ? { resources: { requests: opts.requests } } : {}), ...(opts.readinessProbe ? { readinessProbe: opts.readinessProbe } : {}) };
}

/** A pod as `kubectl run NAME --image=IMAGE` sends it (before admission adds its defaults). */
export function makePod(name: string, opts: PodOptions = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: opts.namespace ?? 'default', labels: { run: name, ...(opts.labels ?? {}) } },
    spec: { containers: [makeContainer(name, opts)], ...(opts.nodeSelector ? { nodeSelector: opts.nodeSelector } : {}) },
  };
}

/** A Deployment as `kubectl create deployment NAME --image=IMAGE --replicas=N` sends it. */
export function makeDeployment(name: string, replicas: number, opts: PodOptions = {}): Deployment {
  const labels = { app: name, ...(opts.labels ?? {}) };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: opts.namespace ?? 'default', labels },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels }, spec: { containers: [makeContainer(name.replace(/-.*$/, '') || name, opts)] } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: opts.maxSurge ?? '25%', maxUnavailable: opts.maxUnavailable ?? '25%' } },
    },
  };
}

