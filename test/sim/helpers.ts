import type { K8sObject } from '../../src/model/objects.ts';
import type { MessageEvent, StateEvent, Trace, TraceEvent } from '../../src/sim/trace.ts';

export const messages = (trace: Trace): MessageEvent[] => trace.events.filter((e): e is MessageEvent => e.kind === 'message');
export const states = (trace: Trace): StateEvent[] => trace.events.filter((e): e is StateEvent => e.kind === 'state');

/** Index of the first event matching, after `from`; -1 if none. */
export function indexOf(trace: Trace, pred: (e: TraceEvent) => boolean, from = 0): number {
  for (let i = from; i < trace.events.length; i++) if (pred(trace.events[i] as TraceEvent)) return i;
  return -1;
}

/** Asserts the predicates match events in this order; returns their indexes. */
export function inOrder(trace: Trace, preds: readonly ((e: TraceEvent) => boolean)[]): number[] {
  const out: number[] = [];
  let at = 0;
  for (const [n, p] of preds.entries()) {
    const i = indexOf(trace, p, at);
    if (i < 0) throw new Error(`expected event #${n} not found after index ${at}`);
    out.push(i);
    at = i + 1;
  }
  return out;
}

export const msg = (from: string | RegExp, to: string | RegExp, action: string | RegExp) => (e: TraceEvent): boolean =>
  e.kind === 'message' && (typeof from === 'string' ? e.from === from : from.test(e.from)) && (typeof to === 'string' ? e.to === to : to.test(e.to)) && (typeof action === 'string' ? e.action === action : action.test(e.action));

/** The cluster's objects at the end of the run: the last snapshot plus the state events after it. */
export function finalObjects(trace: Trace): Map<string, K8sObject> {
  const last = trace.snapshots.at(-1);
  const out = new Map<string, K8sObject>(Object.entries(last?.objects ?? {}));
  for (let i = last?.eventIndex ?? 0; i < trace.events.length; i++) {
    const e = trace.events[i];
    if (e?.kind !== 'state') continue;
    if (e.value) out.set(e.object, e.value);
    else out.delete(e.object);
  }
  return out;
}
