/**
 * What exists in the cluster at the moment a command is typed: the parser checks names against
 * it (NotFound, AlreadyExists) and completion offers them. A read-only view; nothing here changes.
 */
export interface ClusterNames {
  readonly pods: readonly string[];
  readonly deployments: readonly string[];
  readonly replicasets: readonly string[];
  readonly services: readonly string[];
  readonly nodes: readonly string[];
  readonly etcdMembers: readonly string[];
  /** The namespace the objects above live in; `default` when absent. */
  readonly namespace?: string;
}

export const DEFAULT_NAMESPACE = 'default';

/** The single etcd's member name (kubeadm's --name is the control-plane node's hostname). */
export const SINGLE_ETCD_MEMBER = 'controlplane';
