/** Which pods each step is about (they keep their slot on a crowded deck). Pure. */
import type { ObjectRef } from '../model/objects.ts';
import type { Trace } from '../sim/trace.ts';

const memo = new WeakMap<Trace, readonly ReadonlySet<ObjectRef>[]>();

/**
 * The pods a step is about: named by its messages, activities and decisions. Once per trace (a big
 * one's is made while the stage lays it out, in slices: src/render/trace-warmup.ts).
 */
export function stepPods(trace: Trace): readonly ReadonlySet<ObjectRef>[] {
  let pods = memo.get(trace);
  if (pods === undefined) memo.set(trace, (pods = podsOfSteps(trace)));
  return pods;
}

function podsOfSteps(trace: Trace): ReadonlySet<ObjectRef>[] {
  // A client (client/<pod>) is drawn at its pod: a step it talks in is about that pod too.
  const podByName = new Map<string, ObjectRef>();
  const named = (ref: ObjectRef): void => {
    if (ref.startsWith('Pod/')) podByName.set(ref.slice(ref.lastIndexOf('/') + 1), ref);
  };
  for (const ref of Object.keys(trace.snapshots[0]?.objects ?? {})) named(ref);
  for (const e of trace.events) if (e.kind === 'state') named(e.object);
  const clientPod = (id: string): ObjectRef | undefined => (id.startsWith('client/') ? podByName.get(id.slice('client/'.length)) : undefined);
  const out: Set<ObjectRef>[] = [];
  let cur: Set<ObjectRef> | undefined;
  const add = (ref: ObjectRef | undefined): void => {
    if (ref?.startsWith('Pod/') === true) cur?.add(ref);
  };
  for (const e of trace.events) {
    if (e.kind === 'step') {
      cur = new Set();
      out[e.index] = cur;
      for (const c of e.focus) add(clientPod(c));
      continue;
    }
    if (cur === undefined) continue;
    add(e.kind === 'message' || e.kind === 'activity' ? e.object : e.kind === 'decision' ? e.pod : undefined);
    if (e.kind === 'message') {
      add(clientPod(e.from));
      add(clientPod(e.to));
    }
  }
  return out;
}
