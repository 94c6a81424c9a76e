/**
 * etcd: the only place cluster state lives. Only kube-apiserver talks to it. Each write gets the
 * next revision (it becomes the object's resourceVersion) and is recorded as a state change.
 */
import { diffObjects } from '../../model/diff.ts';
import type { K8sObject, ObjectRef } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import { etcdKey } from '../../model/registry.ts';
import { withFields } from '../../model/with-fields.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import { startService } from '../core/service-machine.ts';
import { inState } from '../core/in-state.ts';
import { recordOf } from '../core/record-of.ts';


/**
 * A Range request's answer: a GET is a range over exactly one key (looked up, not scanned: the
 * kubelet's status GETs made a scan quadratic in the number of pods), a LIST a prefix scan.
 */
export function readRange(store: EtcdStore, key: string, prefix: boolean, ref: ObjectRef | undefined): K8sObject[] {
  if (!prefix) {
    if (ref === undefined) {
      const found = [...store.values()].find((o) => etcdKey(refOf(o)) === key);
      return found === undefined ? [] : [found];
    }
    // The store holds each object under its own ref (set): the key to check is the ref's.
    const one = store.get(ref);
    return one !== undefined && etcdKey(ref) === key ? [one] : [];
  }
  return [...store.values()].filter((o) => etcdKey(refOf(o)).startsWith(key));
}

export class EtcdStore {
  private readonly byRef = new Map<ObjectRef, K8sObject>();
  private revision = 1;

  get currentRevision(): number {
    return this.revision;
  }

  get(ref: ObjectRef): K8sObject | undefined {
    return this.byRef.get(ref);
  }

  values(): IterableIterator<K8sObject> {
    return this.byRef.values();
  }

  asRecord(): Readonly<Record<ObjectRef, K8sObject>> {
    return recordOf(this.byRef);
  }

  /** Stores a version with the next revision as its resourceVersion. */
  put(obj: K8sObject): K8sObject {
    const stored = this.stamp(obj);
    this.set(stored);
    return stored;
  }

  /** The version as it will be stored: the next revision becomes its resourceVersion. */
  stamp(obj: K8sObject): K8sObject {
    // By withFields, not spreads (with-fields.ts says why): a first version gains the field, and
    // these spreads saw every kind of object.
    return withFields(obj, { metadata: withFields(obj.metadata, { resourceVersion: String(++this.revision) }) }) as K8sObject;
  }

  /** `ref`: refOf(stored), when the caller has it (a write's request names it). */
  set(stored: K8sObject, ref: ObjectRef = refOf(stored)): void {
    this.byRef.set(ref, stored);
  }

  delete(ref: ObjectRef): boolean {
    if (!this.byRef.has(ref)) return false;
    this.revision++;
    return this.byRef.delete(ref);
  }
}

export interface Etcd {
  readonly store: EtcdStore;
  stop(): void;
  start(): void;
}

export function createEtcd(rt: Runtime): Etcd {
  const store = new EtcdStore();

  const commit = (request: Envelope): void => {
    const p = request.payload;
    const fsync = rt.rng.between(1, 3);
    if (p.kind === 'etcd-put') {
      const ref = request.object ?? '';
      const current = store.get(ref);
      const next = p.create ?? (current && p.mutate ? p.mutate(current) : undefined);
      if (!next || (p.create && current)) {
        rt.clock.after(() => rt.net.reply(request, { action: 'txn failed', payload: { kind: 'etcd-response', ok: false, revision: store.currentRevision, error: current ? 'key exists' : 'key not found' } }), fsync);
        return;
      }
      // Recorded before it is applied, so a narration step it starts snapshots the state before it.
      const stored = store.stamp(next);
      // The changes against the version before stamping: stamp() only sets metadata.resourceVersion,
      // which the diff leaves out, so they are the same, and an unchanged metadata is then not walked.
      rt.tracer.state(ref, current ? 'modified' : 'added', current ? diffObjects(current, next) : [], stored);
      // Under the ref the request names (the one it was read by): no refOf of the stamped copy.
      store.set(stored, request.object);
      rt.clock.after(() => rt.net.answer(request, `OK rev ${stored.metadata.resourceVersion ?? ''}`, { kind: 'etcd-response', ok: true, revision: store.currentRevision, object: stored }), fsync);
    } else if (p.kind === 'etcd-delete') {
      const ref = request.object ?? '';
      const current = store.get(ref);
      if (current) {
        rt.tracer.state(ref, 'deleted', [], undefined);
        store.delete(ref);
      }
      rt.clock.after(() => rt.net.reply(request, { action: current ? `OK rev ${store.currentRevision}` : 'not found', payload: { kind: 'etcd-response', ok: current !== undefined, revision: store.currentRevision, ...(current ? { object: current } : {}) } }), fsync);
    } else if (p.kind === 'etcd-range') {
      const items = readRange(store, p.key, p.prefix, request.object);
      rt.clock.after(() => rt.net.answer(request, `${items.length} kvs`, { kind: 'etcd-response', ok: true, revision: store.currentRevision, items }), 1);
    } else if (p.kind === 'etcd-snapshot') {
      // etcdctl snapshot save: the whole keyspace at the current revision, streamed to the client.
      const items = [...store.values()];
      rt.clock.after(() => rt.net.reply(request, { action: `snapshot rev ${store.currentRevision} (${items.length} keys)`, payload: { kind: 'etcd-response', ok: true, revision: store.currentRevision, items } }), rt.rng.between(20, 60));
    }
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set('etcd', 'down'), onUp: () => rt.board.set('etcd', 'up') });
  rt.board.set('etcd', 'up', true);
  // Messages go straight to the handler while the actor is serving (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register('etcd', 'control-plane', (envelope) => {
    if (inState(actor, 'serving')) commit(envelope);
  });
  return { store, stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
