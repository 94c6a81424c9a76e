/** How components talk to kube-apiserver and keep informer caches (list-watch). */
import type { K8sObject, KubeEvent, ObjectRef } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { ApiRequest, Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Outgoing } from '../core/network.ts';
import { nameSuffix } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';

export interface ApiAnswer {
  readonly status: number;
  readonly object?: K8sObject;
  readonly items?: readonly K8sObject[];
  readonly message: string;
}

/**
 * Sends one REST call to kube-apiserver as `user`; `onAnswer` runs when the response arrives.
 * `via`: the control loop inside `from` that calls (kube-controller-manager's controllers; MessageEvent.via).
 */
export function callApi(rt: Runtime, from: ComponentId, user: string, action: string, request: ApiRequest, onAnswer?: (answer: ApiAnswer) => void, via?: string): void {
  const object = request.verb === 'create' ? refOf(request.object.metadata.name === '' ? { ...request.object, metadata: { ...request.object.metadata, name: `${request.object.metadata.generateName ?? ''}*` } } : request.object) : request.verb === 'list' ? undefined : request.ref;
  // Field by field (no conditional spreads): every component's API calls come through here.
  const out: { -readonly [K in keyof Outgoing]: Outgoing[K] } = { from, to: 'kube-apiserver', type: 'request', action, payload: { kind: 'api-request', user, request } };
  if (object) out.object = object;
  if (via !== undefined) out.via = via;
  rt.net.send(
    out,
    (response: Envelope) => {
      if (response.payload.kind !== 'api-response' || !onAnswer) return;
      const { status, object: obj, items, message } = response.payload;
      // Field by field (no conditional spreads): every API call is answered.
      const answer: { -readonly [K in keyof ApiAnswer]: ApiAnswer[K] } = { status, message };
      if (obj) answer.object = obj;
      if (items) answer.items = items;
      onAnswer(answer);
    },
  );
}

/**
 * Records a core/v1 Event (what `kubectl describe` and `kubectl get events` show). `source` is the
 * event recorder's component (the FROM column of `kubectl describe`): by default the sending
 * component's name ("kubelet" with the node as host); kube-scheduler passes "default-scheduler"
 * and each controller in kube-controller-manager its own recorder's name.
 */
export function recordEvent(
  rt: Runtime,
  from: ComponentId,
  user: string,
  involved: K8sObject,
  reason: string,
  message: string,
  type: 'Normal' | 'Warning' = 'Normal',
  source?: string,
  via?: string,
): void {
  if (!rt.config.recordEvents) return;
  const ns = involved.metadata.namespace ?? 'default';
  const event: KubeEvent = {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name: `${involved.metadata.name}.${nameSuffix(rt, 8)}`, namespace: ns },
    involvedObject: { kind: involved.kind, name: involved.metadata.name, namespace: ns },
    reason,
    message,
    type,
    source: { component: source ?? from.split('/')[0] ?? from, ...(from.includes('/') ? { host: from.split('/')[1] ?? '' } : {}) },
    count: 1,
  };
  callApi(rt, from, user, `POST event (${reason})`, { verb: 'create', object: event }, undefined, via);
}

/** The node a pod is bound to (undefined for other objects and pods not bound). */
const nodeOf = (obj: K8sObject | undefined): string | undefined => (obj?.kind === 'Pod' && obj.spec.nodeName ? obj.spec.nodeName : undefined);

/** A component's informer cache: what it has been told through its watches. */
export class Informer<T extends K8sObject = K8sObject> {
  private readonly items = new Map<ObjectRef, T>();
  /**
   * The same items by kind, in the same order: a controller looking for the PodDisruptionBudgets
   * or Services of a pod visits those, not every object of the cache (at scale, one Lease per node).
   */
  private readonly byKind = new Map<string, Map<ObjectRef, T>>();
  /**
   * Pods by spec.nodeName, and each item's place in values() order: a controller looking at one
   * node's pods (a node tainted, a node gone silent) visits those, not the whole cluster's, and
   * in the same order as a walk over values() would meet them (that order is in the trace).
   */
  private readonly podsByNode = new Map<string, Set<ObjectRef>>();
  private readonly order = new Map<ObjectRef, number>();
  private nextOrder = 0;

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: T): T | undefined {
    const ref = refOf(obj);
    const before = this.items.get(ref);
    let ofKind = this.byKind.get(obj.kind);
    const wasOn = nodeOf(before);
    if (type === 'DELETED') {
      this.items.delete(ref);
      ofKind?.delete(ref);
      this.order.delete(ref);
      if (wasOn !== undefined) this.podsByNode.get(wasOn)?.delete(ref);
      return before;
    }
    // A Map keeps a key's place when its value is replaced: so does the order.
    if (before === undefined) this.order.set(ref, this.nextOrder++);
    this.items.set(ref, obj);
    if (ofKind === undefined) this.byKind.set(obj.kind, (ofKind = new Map()));
    ofKind.set(ref, obj);
    const isOn = nodeOf(obj);
    if (wasOn !== isOn) {
      if (wasOn !== undefined) this.podsByNode.get(wasOn)?.delete(ref);
      if (isOn !== undefined) {
        let onNode = this.podsByNode.get(isOn);
        if (onNode === undefined) this.podsByNode.set(isOn, (onNode = new Set()));
        onNode.add(ref);
      }
    }
    return before;
  }

  /** The pods bound to `node`, in values() order. */
  podsOn(node: string): Extract<T, { readonly kind: 'Pod' }>[] {
    const refs = this.podsByNode.get(node);
    if (refs === undefined || refs.size === 0) return [];
    const sorted = [...refs].sort((a, b) => (this.order.get(a) ?? 0) - (this.order.get(b) ?? 0));
    return sorted.map((ref) => this.items.get(ref)) as Extract<T, { readonly kind: 'Pod' }>[];
  }

  /** The items of one kind, in the order values() has them. */
  ofKind<K extends T['kind']>(kind: K): Iterable<Extract<T, { readonly kind: K }>> {
    const items = this.byKind.get(kind);
    return (items === undefined ? [] : items.values()) as Iterable<Extract<T, { readonly kind: K }>>;
  }

  get(ref: ObjectRef): T | undefined {
    return this.items.get(ref);
  }

  values(): IterableIterator<T> {
    return this.items.values();
  }

  get size(): number {
    return this.items.size;
  }
}

