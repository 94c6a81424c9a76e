/** Where kube-apiserver stores each kind in etcd (reference/kubernetes.md section 6). */
import type { K8sKind, ObjectRef } from './objects.ts';
import { parseRef } from './objects.ts';

const RESOURCE: Readonly<Record<K8sKind, string>> = {
  Pod: 'pods',
  Node: 'minions',
  ReplicaSet: 'replicasets',
  Deployment: 'deployments',
  DaemonSet: 'daemonsets',
  PodDisruptionBudget: 'poddisruptionbudgets',
  Service: 'services/specs',
  EndpointSlice: 'endpointslices',
  Lease: 'leases',
  Event: 'events',
};

/** The REST resource name, lower-case and plural as in URLs and RBAC rules. */
export const REST_RESOURCE: Readonly<Record<K8sKind, string>> = {
  Pod: 'pods',
  Node: 'nodes',
  ReplicaSet: 'replicasets',
  Deployment: 'deployments',
  DaemonSet: 'daemonsets',
  PodDisruptionBudget: 'poddisruptionbudgets',
  Service: 'services',
  EndpointSlice: 'endpointslices',
  Lease: 'leases',
  Event: 'events',
};

/** Singular, as kubectl prints it ("pod/web created"). */
export const SINGULAR: Readonly<Record<K8sKind, string>> = {
  Pod: 'pod',
  Node: 'node',
  ReplicaSet: 'replicaset',
  Deployment: 'deployment',
  DaemonSet: 'daemonset',
  PodDisruptionBudget: 'poddisruptionbudget',
  Service: 'service',
  EndpointSlice: 'endpointslice',
  Lease: 'lease',
  Event: 'event',
};

/** The API group of each kind ("" is the core group), as RBAC rules and 403 messages name it. */
export const API_GROUP: Readonly<Record<K8sKind, string>> = {
  Pod: '',
  Node: '',
  ReplicaSet: 'apps',
  Deployment: 'apps',
  DaemonSet: 'apps',
  PodDisruptionBudget: 'policy',
  Service: '',
  EndpointSlice: 'discovery.k8s.io',
  Lease: 'coordination.k8s.io',
  Event: '',
};

export function isKind(kind: string): kind is K8sKind {
  return Object.hasOwn(RESOURCE, kind);
}

/**
 * "/registry/pods/default/web", "/registry/minions/worker-1". One string per ref, kept: every
 * write and GET asks for its object's key (kube-apiserver for the request, etcd to check it), and
 * equal keys are then the same string (compared without reading their characters). Bounded as
 * parseRef's memo; forgetEtcdKeys drops it with a run.
 */
export function etcdKey(ref: ObjectRef): string {
  const known = KEYS.get(ref);
  if (known !== undefined) return known;
  const { kind, namespace, name } = parseRef(ref);
  const resource = isKind(kind) ? RESOURCE[kind] : kind.toLowerCase();
  const key = namespace === undefined ? `/registry/${resource}/${name}` : `/registry/${resource}/${namespace}/${name}`;
  if (KEYS.size >= 100_000) KEYS.clear();
  KEYS.set(ref, key);
  return key;
}
const KEYS = new Map<ObjectRef, string>();

/** Drop etcdKey's strings (a new run starts with none, as forgetParsedRefs). */
export function forgetEtcdKeys(): void {
  KEYS.clear();
}
