// Resource types as kubectl resolves them from what is typed: plural, singular and short name
// (kubectl api-resources), case-insensitively, as the RESTMapper lower-cases what it is given.
import type { ClusterNames } from './cluster-names.ts';
import type { QualifiedResource } from './errors.ts';

export type ResourceType = 'pod' | 'deployment' | 'replicaset' | 'service' | 'node' | 'daemonset';

export interface ResourceInfo {
  readonly type: ResourceType;
  readonly plural: string;
  readonly short: string;
  /** The kind, as `cannot expose a Node` and `The Pod "x" is invalid` name it. */
  readonly kind: string;
  /** How API status messages name it: plural.group. */
  readonly qualified: QualifiedResource;
  /** The ClusterNames list holding its names; DaemonSets are not listed there. */
  readonly names?: (cluster: ClusterNames) => readonly string[];
}

export const RESOURCES: readonly ResourceInfo[] = [
  { type: 'pod', plural: 'pods', short: 'po', kind: 'Pod', qualified: 'pods', names: (c) => c.pods },
  { type: 'deployment', plural: 'deployments', short: 'deploy', kind: 'Deployment', qualified: 'deployments.apps', names: (c) => c.deployments },
  { type: 'replicaset', plural: 'replicasets', short: 'rs', kind: 'ReplicaSet', qualified: 'replicasets.apps', names: (c) => c.replicasets },
  { type: 'service', plural: 'services', short: 'svc', kind: 'Service', qualified: 'services', names: (c) => c.services },
  { type: 'node', plural: 'nodes', short: 'no', kind: 'Node', qualified: 'nodes' , names: (c) => c.nodes },
  { type: 'daemonset', plural: 'daemonsets', short: 'ds', kind: 'DaemonSet', qualified: 'daemonsets.apps' },
];

export function resourceInfo(type: ResourceType): ResourceInfo {
  const info = RESOURCES.find((r) => r.type === type);
  if (info === undefined) throw new Error(`unknown resource type ${type}`);
  return info;
}

/** The resource type `typed` names (pod, pods, po, Pods...), or undefined. */
export function resolveResourceType(typed: string): ResourceType | undefined {
  const lower = typed.toLowerCase();
  return RESOURCES.find((r) => r.type === lower || r.plural === lower || r.short === lower)?.type;
}

/** Every spelling of a type, for completion: singular, plural and short name. */
export function spellings(type: ResourceType): readonly string[] {
  const info = resourceInfo(type);
  return [info.type, info.plural, info.short];
}

export function namesOf(type: ResourceType, cluster: ClusterNames): readonly string[] {
  return resourceInfo(type).names?.(cluster) ?? [];
}

/** How kubectl prints the type before a name: `deployment.apps/web scaled`, `pod "x" deleted`. */
export function printedType(type: ResourceType): string {
  const info = resourceInfo(type);
  return `${info.type}${info.qualified.slice(info.plural.length)}`;
}
