/**
 * What changed between two versions of an object, as dotted paths, for people to read.
 * Arrays of conditions are keyed by type ("status.conditions.Ready.status"); arrays of named
 * items by name ("status.containerStatuses.web.ready"); other arrays are compared whole.
 */
import type { FieldChange } from './field-change.ts';

type Json = unknown;

function isRecord(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyOf(item: Json): string | undefined {
  if (!isRecord(item)) return undefined;
  if (typeof item.type === 'string') return item.type;
  if (typeof item.name === 'string') return item.name;
  return undefined;
}

function keyedArray(arr: readonly Json[]): Map<string, Json> | undefined {
  const out = new Map<string, Json>();
  for (const item of arr) {
    const k = keyOf(item);
    if (k === undefined || out.has(k)) return undefined;
    out.set(k, item);
  }
  return out;
}

/**
 * A field path ("status.conditions.Ready.status") and its children by key, each built once: a
 * write's diff looks its changed paths up (keys are property names and item keys, strings V8 has
 * already hashed) instead of concatenating and interning a new string per changed field. Bounded
 * by the object schemas and the names of keyed items (containers, conditions), as the interned
 * paths were. `onlyWhen`: a timestamp that only records "when", worked out once per path.
 */
interface PathNode {
  readonly path: string;
  readonly onlyWhen: boolean;
  /** Fields of an object at this path, then keyed items of an array here (named as before: "path.key" even at the root). */
  readonly fields: Map<string, PathNode>;
  readonly items: Map<string, PathNode>;
}

const pathNode = (path: string): PathNode => ({ path, onlyWhen: onlyWhen(path), fields: new Map(), items: new Map() });
const ROOT: PathNode = pathNode('');

function fieldPath(parent: PathNode, k: string): PathNode {
  let c = parent.fields.get(k);
  if (c === undefined) parent.fields.set(k, (c = pathNode(parent.path === '' ? k : `${parent.path}.${k}`)));
  return c;
}

function itemPath(parent: PathNode, k: string): PathNode {
  let c = parent.items.get(k);
  if (c === undefined) parent.items.set(k, (c = pathNode(`${parent.path}.${k}`)));
  return c;
}

/** Structural equality of JSON values (key order ignored). */
function sameJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    for (const k of ka) if (!sameJson(a[k], b[k])) return false;
    return true;
  }
  return false;
}

/** Condition timestamps that only record "when": left out of the changes. */
function onlyWhen(path: string): boolean {
  return path.endsWith('lastHeartbeatTime') || path.endsWith('lastTransitionTime') || path.endsWith('lastProbeTime');
}

/**
 * Keyed arrays whose items carry the same keys in the same order (a pod's conditions, its
 * container statuses: the usual case), walked by index without building the key maps: the union
 * of keys is then a's order. Undefined when they differ (or a key repeats, or an item has none).
 */
function sameKeyOrder(a: readonly Json[], b: readonly Json[]): readonly string[] | undefined {
  if (a.length !== b.length || a.length > 16) return undefined;
  const keys: string[] = [];
  for (let i = 0; i < a.length; i++) {
    const k = keyOf(a[i]);
    if (k === undefined || k !== keyOf(b[i]) || keys.includes(k)) return undefined;
    keys.push(k);
  }
  return keys;
}

/** The keys of a short keyed array, in order; undefined when an item has none, a key repeats or it is long (then keyedArray). */
function shortKeys(arr: readonly Json[]): string[] | undefined {
  if (arr.length > 16) return undefined;
  const keys: string[] = [];
  for (const item of arr) {
    const k = keyOf(item);
    if (k === undefined || keys.includes(k)) return undefined;
    keys.push(k);
  }
  return keys;
}

/** The child `k` of path (a and b differ there): ignored paths skipped, the rest walked. */
function child(node: PathNode, k: string, a: Json, b: Json, out: FieldChange[]): void {
  if (node.path === 'metadata' && (k === 'resourceVersion' || k === 'managedFields')) return;
  walk(fieldPath(node, k), a, b, out);
}

/**
 * Only children that differ are visited (stored versions share unchanged parts, and `===` is the
 * cheap test), so a path string is built only where something changed.
 */
function walk(node: PathNode, a: Json, b: Json, out: FieldChange[]): void {
  if (isRecord(a) && isRecord(b)) {
    // a's keys, then b's keys a lacks: the order of the union, without building it (this runs
    // for every stored write). b is searched for keys a lacks only when it has more keys than
    // those of a's found in it (a field set for the first time): counting b's keys walks its key
    // list, where the search looks each of them up in a.
    let shared = 0;
    for (const k in a) {
      if (!Object.hasOwn(a, k)) continue;
      const x = a[k];
      const y = b[k];
      if (y !== undefined || Object.hasOwn(b, k)) shared++;
      if (x !== y) child(node, k, x, y, out);
    }
    let count = 0;
    for (const k in b) if (Object.hasOwn(b, k)) count++;
    if (count === shared) return;
    for (const k in b) {
      if (!Object.hasOwn(b, k) || Object.hasOwn(a, k)) continue;
      const y = b[k];
      if (y !== undefined) child(node, k, undefined, y, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const same = sameKeyOrder(a, b);
    if (same !== undefined) {
      for (let i = 0; i < same.length; i++) if (a[i] !== b[i]) walk(itemPath(node, same[i] ?? ''), a[i], b[i], out);
      return;
    }
    const sa = shortKeys(a);
    const sb = sa === undefined ? undefined : shortKeys(b);
    if (sa !== undefined && sb !== undefined) {
      // The union of the keys in the order the maps below give it (a's, then b's others), by
      // scanning the two short key lists: no maps per write that adds a condition.
      for (let i = 0; i < sa.length; i++) {
        const j = sb.indexOf(sa[i] ?? '');
        const y = j < 0 ? undefined : b[j];
        if (a[i] !== y) walk(itemPath(node, sa[i] ?? ''), a[i], y, out);
      }
      for (let j = 0; j < sb.length; j++) if (!sa.includes(sb[j] ?? '')) walk(itemPath(node, sb[j] ?? ''), undefined, b[j], out);
      return;
    }
    const ka = keyedArray(a);
    const kb = keyedArray(b);
    if (ka && kb) {
      const keys = new Set([...ka.keys(), ...kb.keys()]);
      for (const k of keys) {
        const x = ka.get(k);
        const y = kb.get(k);
        if (x !== y) walk(itemPath(node, k), x, y, out);
      }
      return;
    }
  }
  if (node.onlyWhen || sameJson(a, b)) return;
  // One literal per shape (not properties added one by one): a trace keeps these, and added
  // properties go to a separate out-of-object array. The path is the node's, shared by every change there.
  const p = node.path;
  out.push(a === undefined ? { path: p, to: b } : b === undefined ? { path: p, from: a } : { path: p, from: a, to: b });
}

/** Changed leaf fields, in a stable order. Timestamps that only record "when" are left out. */
export function diffObjects(before: Json, after: Json): FieldChange[] {
  const out: FieldChange[] = [];
  if (before !== after) walk(ROOT, before, after, out);
  return out;
}
