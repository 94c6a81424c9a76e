/**
 * What travels between components inside the simulation. The trace records a summary of each
 * message (from, to, action, object); the envelope also carries the payload the receiver needs.
 */
import type { K8sObject, ObjectRef, Pod } from '../../model/objects.ts';
import type { ComponentId, MessageType } from '../trace.ts';
import type { Packet } from '../components/packets.ts';
import type { RaftMessage } from '../components/etcd-cluster/raft-messages.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** Changes an object as kube-apiserver's GuaranteedUpdate does: applied to the latest stored version. */
export type Mutation = (current: K8sObject) => K8sObject;

export type ApiRequest =
  | { readonly verb: 'create'; readonly object: K8sObject }
  /**
   * A write to an existing object. `method`: PUT (client-go Update/UpdateStatus, authorized as verb
   * "update") or PATCH (Patch, PatchStatus, kubectl's edits: verb "patch"). `subresource` "status"
   * changes the label and the admission path.
   */
  | { readonly verb: 'update'; readonly method: 'PUT' | 'PATCH'; readonly ref: ObjectRef; readonly mutate: Mutation; readonly subresource?: 'status'; readonly summary: string }
  | { readonly verb: 'bind'; readonly ref: ObjectRef; readonly node: string }
  | { readonly verb: 'delete'; readonly ref: ObjectRef; readonly gracePeriodSeconds?: number }
  /** POST pods/{name}/eviction: a delete that respects PodDisruptionBudgets (components/eviction.ts). */
  | { readonly verb: 'evict'; readonly ref: ObjectRef }
  /** `statusSync`: the kubelet status manager's GET before each status PATCH (routine, drawn quietly). */
  | { readonly verb: 'get'; readonly ref: ObjectRef; readonly statusSync?: true }
  /** `nodeName`: the field selector spec.nodeName=<node> a kubelet lists its pods with. `namespace`: one namespace only. */
  | { readonly verb: 'list'; readonly kind: K8sObject['kind']; readonly nodeName?: string; readonly namespace?: string };

export type Payload =
  | { readonly kind: 'api-request'; readonly user: string; readonly request: ApiRequest }
  | { readonly kind: 'api-response'; readonly status: number; readonly object?: K8sObject; readonly items?: readonly K8sObject[]; readonly message: string }
  | { readonly kind: 'watch'; readonly eventType: WatchEventType; readonly object: K8sObject }
  | { readonly kind: 'etcd-put'; readonly key: string; readonly create?: K8sObject; readonly mutate?: Mutation }
  | { readonly kind: 'etcd-delete'; readonly key: string }
  | { readonly kind: 'etcd-range'; readonly key: string; readonly prefix: boolean }
  | {
      readonly kind: 'etcd-response';
      readonly ok: boolean;
      readonly revision: number;
      readonly object?: K8sObject;
      readonly items?: readonly K8sObject[];
      /** Why a transaction's compare failed (the key exists, or not). */
      readonly error?: string;
      /** etcd could not serve the request at all (no leader, no quorum): the error its client returns. */
      readonly failure?: string;
    }
  /** etcdctl snapshot save: the Maintenance.Snapshot stream of the whole keyspace. */
  | { readonly kind: 'etcd-snapshot' }
  /** Between etcd members on the peer port (2380). */
  | { readonly kind: 'raft'; readonly msg: RaftMessage }
  /** On the pod network: DNS and HTTP between pods (components/packets.ts). */
  | { readonly kind: 'packet'; readonly packet: Packet }
  | { readonly kind: 'cri-request'; readonly call: CriCall; readonly pod: Pod; readonly container?: string; readonly image?: string }
  | { readonly kind: 'cri-response'; readonly call: CriCall; readonly ok: boolean; readonly podIP?: string; readonly error?: string };

export type CriCall =
  | 'RunPodSandbox'
  | 'PullImage'
  | 'CreateContainer'
  | 'StartContainer'
  | 'StopContainer'
  | 'StopPodSandbox'
  | 'RemovePodSandbox';

export interface Envelope {
  readonly id: number;
  readonly from: ComponentId;
  readonly to: ComponentId;
  readonly type: MessageType;
  readonly action: string;
  readonly object?: ObjectRef;
  readonly replyTo?: number;
  readonly status?: number;
  readonly payload: Payload;
}
