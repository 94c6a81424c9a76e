/**
 * One object of a trace at a moment: as stored then (what stateAt would hold for its ref), or, when
 * it is not stored then, whether it was deleted before or is created later. Pure; the object card
 * reads it without building the whole cluster state.
 */
import type { K8sObject, ObjectRef } from '../model/objects.ts';
import type { Snapshot, StateEvent, Trace } from '../sim/trace.ts';

export type ObjectAt =
  /** Stored after the first `eventCount` events. */
  | { readonly status: 'present'; readonly ref: ObjectRef; readonly object: K8sObject }
  /** Stored earlier, deleted at simulated time `deletedAt` (ms); `last` is how it looked before. */
  | { readonly status: 'deleted'; readonly ref: ObjectRef; readonly last: K8sObject; readonly deletedAt: number }
  /** Not stored yet: created at simulated time `createdAt` (ms) as `first`. */
  | { readonly status: 'not-yet'; readonly ref: ObjectRef; readonly first: K8sObject; readonly createdAt: number }
  /** The trace never stores anything under this ref. */
  | { readonly status: 'unknown'; readonly ref: ObjectRef };

const stateFor = (trace: Trace, i: number, ref: ObjectRef): StateEvent | undefined => {
  const e = trace.events[i];
  return e !== undefined && e.kind === 'state' && e.object === ref ? e : undefined;
};

/** The latest snapshot taken at or before event `count` (stateAt's base). */
function baseSnapshot(trace: Trace, count: number): Snapshot | undefined {
  let best: Snapshot | undefined;
  for (const s of trace.snapshots) if (s.eventIndex <= count && (best === undefined || s.eventIndex >= best.eventIndex)) best = s;
  return best;
}

/** The object under `ref` after `count` events, as stateAt computes it (undefined: not stored). */
function storedAt(trace: Trace, count: number, ref: ObjectRef): K8sObject | undefined {
  const snap = baseSnapshot(trace, count);
  for (let i = count - 1; i >= (snap?.eventIndex ?? 0); i--) {
    const e = stateFor(trace, i, ref);
    if (e !== undefined) return e.op === 'deleted' ? undefined : e.value;
  }
  return snap === undefined || !Object.hasOwn(snap.objects, ref) ? undefined : snap.objects[ref];
}

/** `ref` after the first `eventCount` events of `trace`. */
export function objectAt(trace: Trace, eventCount: number, ref: ObjectRef): ObjectAt {
  const count = Math.max(0, Math.min(trace.events.length, eventCount));
  const object = storedAt(trace, count, ref);
  if (object !== undefined) return { status: 'present', ref, object };
  // Gone: the latest deletion before now, and the value it had just before.
  for (let i = count - 1; i >= 0; i--) {
    const e = stateFor(trace, i, ref);
    if (e === undefined) continue;
    const last = storedAt(trace, i, ref);
    if (last !== undefined) return { status: 'deleted', ref, last, deletedAt: e.t };
  }
  for (let i = count; i < trace.events.length; i++) {
    const e = stateFor(trace, i, ref);
    if (e?.value !== undefined && e.op !== 'deleted') return { status: 'not-yet', ref, first: e.value, createdAt: e.t };
  }
  return { status: 'unknown', ref };
}
