/**
 * The state machine raft replicates: a committed entry is applied to the key-value store, as the
 * single etcd applies a write (each write gets the next revision, recorded as a state change).
 */
import { diffObjects } from '../../../model/diff.ts';
import type { Runtime } from '../../core/runtime.ts';
import type { Payload } from '../../core/messages.ts';
import type { EtcdStore } from '../etcd.ts';
import type { Proposal } from './raft-messages.ts';

export interface Applied {
  readonly action: string;
  readonly payload: Extract<Payload, { kind: 'etcd-response' }>;
}

export function applyProposal(rt: Runtime, store: EtcdStore, { ref, op }: Proposal): Applied {
  const current = store.get(ref);
  if (op.kind === 'etcd-delete') {
    if (current) {
      rt.tracer.state(ref, 'deleted', [], undefined);
      store.delete(ref);
    }
    return { action: current ? `OK rev ${store.currentRevision}` : 'not found', payload: { kind: 'etcd-response', ok: current !== undefined, revision: store.currentRevision, ...(current ? { object: current } : {}) } };
  }
  const next = op.create ?? (current && op.mutate ? op.mutate(current) : undefined);
  if (!next || (op.create && current)) {
    return { action: 'txn failed', payload: { kind: 'etcd-response', ok: false, revision: store.currentRevision, error: current ? 'key exists' : 'key not found' } };
  }
  const stored = store.stamp(next);
  rt.tracer.state(ref, current ? 'modified' : 'added', current ? diffObjects(current, stored) : [], stored);
  store.set(stored);
  return { action: `OK rev ${stored.metadata.resourceVersion ?? ''}`, payload: { kind: 'etcd-response', ok: true, revision: store.currentRevision, object: stored } };
}
