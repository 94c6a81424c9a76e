/**
 * The nodes each step is about, for the scale view's ring and camera: the nodes of the step's
 * focus components (kubelet/c-07), the nodes whose components stopped or started during the step,
 * and those whose Node changed in a field people read (Ready=Unknown, a taint), whose pods were
 * evicted or that a pod was bound to. Pure.
 */
import type { ComponentId, Trace } from '../../sim/trace.ts';
import { nodeOfComponent } from '../ids.ts';

/** Per step, each node it is about and the index of the step's first event about it (a Map keeps them in that order). */
export type StepNodeMoments = readonly ReadonlyMap<string, number>[];

const stepMemo = new WeakMap<Trace, { readonly known: ReadonlySet<string>; readonly nodes: readonly (readonly string[])[]; readonly moments: StepNodeMoments }>();
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** Once per trace and set of drawn nodes (a big trace's is made while the stage lays it out: src/render/trace-warmup.ts). */
export function stepNodes(trace: Trace, known: ReadonlySet<string>): readonly (readonly string[])[] {
  return memoOf(trace, known).nodes;
}

/**
 * stepNodes with when: per step, each node and the index of the step's first event about it. The
 * ring goes round a node from then on, so it grows as the step's taints go on instead of marking
 * at once nodes nothing has happened to yet (reviewer: 36 tiles ringed at the start of 'rate').
 */
export function stepNodeMoments(trace: Trace, known: ReadonlySet<string>): StepNodeMoments {
  return memoOf(trace, known).moments;
}

/**
 * The nodes of `moments` whose first event is among the first `count` events. The map holds them
 * in the order of those events, so they are its first reachedCount() entries.
 */
export function nodesReached(moments: ReadonlyMap<string, number> | undefined, count: number): string[] {
  return [...(moments?.keys() ?? [])].slice(0, reachedCount(moments, count));
}

/** How many nodes of `moments` the first `count` events reach (no list made: the frame asks it each time the count moves). */
export function reachedCount(moments: ReadonlyMap<string, number> | undefined, count: number): number {
  let n = 0;
  if (moments !== undefined)
    for (const at of moments.values()) {
      if (at >= count) break;
      n++;
    }
  return n;
}

function memoOf(trace: Trace, known: ReadonlySet<string>): { readonly nodes: readonly (readonly string[])[]; readonly moments: StepNodeMoments } {
  const hit = stepMemo.get(trace);
  if (hit !== undefined && sameSet(hit.known, known)) return hit;
  const moments = nodesOfSteps(trace, known);
  const made = { known: new Set(known), nodes: moments.map((m) => [...m.keys()]), moments };
  stepMemo.set(trace, made);
  return made;
}

function nodesOfSteps(trace: Trace, known: ReadonlySet<string>): Map<string, number>[] {
  const steps = trace.events.filter((e) => e.kind === 'step').length;
  const sets: Map<string, number>[] = Array.from({ length: steps }, () => new Map<string, number>());
  let cur = -1;
  let index = -1;
  /** The node's first event in the step is event `index` (a later one changes nothing). */
  const mark = (set: Map<string, number>, node: string): void => {
    if (!set.has(node)) set.set(node, index);
  };
  /** The drawn node a component (kubelet/c-07) lives on, if any. */
  const nodeOf = (id: ComponentId): string | undefined => {
    const node = nodeOfComponent(id);
    return node !== undefined && known.has(node) ? node : undefined;
  };
  for (const e of trace.events) {
    index++;
    if (e.kind === 'step') {
      cur = e.index;
      const set = sets[cur];
      for (const id of e.focus) {
        const node = nodeOf(id);
        if (node !== undefined && set !== undefined) mark(set, node);
      }
      continue;
    }
    if (cur < 0) continue;
    const set = sets[cur];
    if (set === undefined) continue;
    // A node's component stopping or starting (a zone losing power: every one of its kubelets).
    if (e.kind === 'component') {
      const node = nodeOf(e.component);
      if (node !== undefined) mark(set, node);
      continue;
    }
    if (e.kind !== 'state' || e.op !== 'modified') continue;
    const v = e.value;
    // A status report that changes nothing but heartbeat times (no field for people) is no news.
    if (v?.kind === 'Node') {
      if (known.has(v.metadata.name) && e.changes.length > 0) mark(set, v.metadata.name);
    } else if (v?.kind === 'Pod') {
      const node = v.spec.nodeName;
      if (node === undefined || !known.has(node)) continue;
      if (e.changes.some((c) => c.path === 'spec.nodeName' || c.path === 'metadata.deletionTimestamp')) mark(set, node);
    }
  }
  return sets;
}

const zoneMemo = new WeakMap<Trace, Map<string, ReadonlyMap<string, string>>>();

/** Each node's zone label, as first stored (nodes keep their zone). Once per trace and label. */
export function nodeZones(trace: Trace, label: string): ReadonlyMap<string, string> {
  let byLabel = zoneMemo.get(trace);
  if (byLabel === undefined) zoneMemo.set(trace, (byLabel = new Map()));
  let zones = byLabel.get(label);
  if (zones === undefined) byLabel.set(label, (zones = zonesOf(trace, label)));
  return zones;
}

function zonesOf(trace: Trace, label: string): Map<string, string> {
  const out = new Map<string, string>();
  const take = (name: string, labels: Readonly<Record<string, string>> | undefined): void => {
    const zone = labels?.[label];
    if (zone !== undefined && zone !== '' && !out.has(name)) out.set(name, zone);
  };
  // for...in, not Object.values: a big cluster's snapshots hold thousands of objects each.
  for (const snap of trace.snapshots) {
    for (const ref in snap.objects) {
      const obj = snap.objects[ref as keyof typeof snap.objects];
      if (obj?.kind === 'Node') take(obj.metadata.name, obj.metadata.labels);
    }
  }
  for (const e of trace.events) if (e.kind === 'state' && e.value?.kind === 'Node') take(e.value.metadata.name, e.value.metadata.labels);
  return out;
}
