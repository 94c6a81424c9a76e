/** A component's informer cache: what it has been told through its watches. */
import type { K8sObject, ObjectRef } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';

/** The node a pod is bound to (undefined for other objects and pods not bound). */
const nodeOf = (obj: K8sObject | undefined): string | undefined => (obj?.kind === 'Pod' && obj.spec.nodeName ? obj.spec.nodeName : undefined);

/**
 * One item, shared by every index below: a newer version replaces `obj` in place, so a MODIFIED
 * event (most of a big run's) costs one map lookup instead of a lookup and a set per index.
 */
class Entry<T> {
  constructor(
    public obj: T,
    /** Its place in values() order (for podsOn). */
    readonly order: number,
  ) {}
}

function* objectsOf<T>(entries: Iterable<Entry<T>>): IterableIterator<T> {
  for (const e of entries) yield e.obj;
}

export class Informer<T extends K8sObject = K8sObject> {
  private readonly items = new Map<ObjectRef, Entry<T>>();
  /**
   * The same items by kind, in the same order: a controller looking for the PodDisruptionBudgets
   * or Services of a pod visits those, not every object of the cache (at scale, one Lease per node).
   */
  private readonly byKind = new Map<string, Map<ObjectRef, Entry<T>>>();
  /**
   * Pods by spec.nodeName: a controller looking at one node's pods (a node tainted, a node gone
   * silent) visits those, not the whole cluster's, and in the same order as a walk over values()
   * would meet them (that order is in the trace).
   */
  private readonly podsByNode = new Map<string, Set<Entry<T>>>();
  private nextOrder = 0;

  apply(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: T): T | undefined {
    const ref = refOf(obj);
    const entry = this.items.get(ref);
    const before = entry?.obj;
    const wasOn = nodeOf(before);
    if (type === 'DELETED') {
      if (entry === undefined) return undefined;
      this.items.delete(ref);
      this.byKind.get(obj.kind)?.delete(ref);
      if (wasOn !== undefined) this.podsByNode.get(wasOn)?.delete(entry);
      return before;
    }
    let current = entry;
    if (current === undefined) {
      // A Map keeps a key's place when its value is replaced: a new item goes last, a newer version stays put.
      current = new Entry(obj, this.nextOrder++);
      this.items.set(ref, current);
      let ofKind = this.byKind.get(obj.kind);
      if (ofKind === undefined) this.byKind.set(obj.kind, (ofKind = new Map()));
      ofKind.set(ref, current);
    } else current.obj = obj;
    const isOn = nodeOf(obj);
    if (wasOn !== isOn) {
      if (wasOn !== undefined) this.podsByNode.get(wasOn)?.delete(current);
      if (isOn !== undefined) {
        let onNode = this.podsByNode.get(isOn);
        if (onNode === undefined) this.podsByNode.set(isOn, (onNode = new Set()));
        onNode.add(current);
      }
    }
    return before;
  }

  /** The pods bound to `node`, in values() order. */
  podsOn(node: string): Extract<T, { readonly kind: 'Pod' }>[] {
    const entries = this.podsByNode.get(node);
    if (entries === undefined || entries.size === 0) return [];
    const sorted = [...entries].sort((a, b) => a.order - b.order);
    return sorted.map((e) => e.obj) as Extract<T, { readonly kind: 'Pod' }>[];
  }

  /** The items of one kind, in the order values() has them. */
  ofKind<K extends T['kind']>(kind: K): Iterable<Extract<T, { readonly kind: K }>> {
    const items = this.byKind.get(kind);
    return (items === undefined ? [] : objectsOf(items.values())) as Iterable<Extract<T, { readonly kind: K }>>;
  }

  get(ref: ObjectRef): T | undefined {
    return this.items.get(ref)?.obj;
  }

  values(): IterableIterator<T> {
    return objectsOf(this.items.values());
  }

  get size(): number {
    return this.items.size;
  }
}
