/**
 * The nodes each step is about, for the scale view's ring and camera: the nodes of the step's
 * focus components (kubelet/c-07), the nodes whose components stopped or started during the step,
 * and those whose Node changed in a field people read (Ready=Unknown, a taint), whose pods were
 * evicted or that a pod was bound to. Pure.
 */
import type { ComponentId, Trace } from '../../sim/trace.ts';
import { nodeOfComponent } from '../ids.ts';

const stepMemo = new WeakMap<Trace, { readonly known: ReadonlySet<string>; readonly nodes: readonly (readonly string[])[] }>();
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

/** Once per trace and set of drawn nodes (a big trace's is made while the stage lays it out: src/render/trace-warmup.ts). */
export function stepNodes(trace: Trace, known: ReadonlySet<string>): readonly (readonly string[])[] {
  const hit = stepMemo.get(trace);
  if (hit !== undefined && sameSet(hit.known, known)) return hit.nodes;
  const nodes = nodesOfSteps(trace, known);
  stepMemo.set(trace, { known: new Set(known), nodes });
  return nodes;
}

function nodesOfSteps(trace: Trace, known: ReadonlySet<string>): string[][] {
  const steps = trace.events.filter((e) => e.kind === 'step').length;
  const sets: Set<string>[] = Array.from({ length: steps }, () => new Set<string>());
  let cur = -1;
  /** The drawn node a component (kubelet/c-07) lives on, if any. */
  const nodeOf = (id: ComponentId): string | undefined => {
    const node = nodeOfComponent(id);
    return node !== undefined && known.has(node) ? node : undefined;
  };
  for (const e of trace.events) {
    if (e.kind === 'step') {
      cur = e.index;
      for (const id of e.focus) {
        const node = nodeOf(id);
        if (node !== undefined) sets[cur]?.add(node);
      }
      continue;
    }
    if (cur < 0) continue;
    const set = sets[cur];
    if (set === undefined) continue;
    // A node's component stopping or starting (a zone losing power: every one of its kubelets).
    if (e.kind === 'component') {
      const node = nodeOf(e.component);
      if (node !== undefined) set.add(node);
      continue;
    }
    if (e.kind !== 'state' || e.op !== 'modified') continue;
    const v = e.value;
    // A status report that changes nothing but heartbeat times (no field for people) is no news.
    if (v?.kind === 'Node') {
      if (known.has(v.metadata.name) && e.changes.length > 0) set.add(v.metadata.name);
    } else if (v?.kind === 'Pod') {
      const node = v.spec.nodeName;
      if (node === undefined || !known.has(node)) continue;
      if (e.changes.some((c) => c.path === 'spec.nodeName' || c.path === 'metadata.deletionTimestamp')) set.add(node);
    }
  }
  return sets.map((s) => [...s]);
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
