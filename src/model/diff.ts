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

/** Field paths seen so far: bounded by the object schemas and the names of keyed items (containers, conditions). */
const PATHS = new Map<string, string>();
function internPath(path: string): string {
  const known = PATHS.get(path);
  if (known !== undefined) return known;
  PATHS.set(path, path);
  return path;
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

/** The child `k` of path (a and b differ there): ignored paths skipped, the rest walked. */
function child(path: string, k: string, a: Json, b: Json, out: FieldChange[]): void {
  if (path === 'metadata' && (k === 'resourceVersion' || k === 'managedFields')) return;
  walk(path === '' ? k : `${path}.${k}`, a, b, out);
}

/**
 * Only children that differ are visited (stored versions share unchanged parts, and `===` is the
 * cheap test), so a path string is built only where something changed.
 */
function walk(path: string, a: Json, b: Json, out: FieldChange[]): void {
  if (isRecord(a) && isRecord(b)) {
    // a's keys, then b's keys a lacks: the order of the union, without building it (this runs
    // for every stored write).
    for (const k in a) {
      if (!Object.hasOwn(a, k)) continue;
      const x = a[k];
      const y = b[k];
      if (x !== y) child(path, k, x, y, out);
    }
    for (const k in b) {
      if (!Object.hasOwn(b, k) || Object.hasOwn(a, k)) continue;
      const y = b[k];
      if (y !== undefined) child(path, k, undefined, y, out);
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const same = sameKeyOrder(a, b);
    if (same !== undefined) {
      for (let i = 0; i < same.length; i++) if (a[i] !== b[i]) walk(`${path}.${same[i] ?? ''}`, a[i], b[i], out);
      return;
    }
    const ka = keyedArray(a);
    const kb = keyedArray(b);
    if (ka && kb) {
      const keys = new Set([...ka.keys(), ...kb.keys()]);
      for (const k of keys) {
        const x = ka.get(k);
        const y = kb.get(k);
        if (x !== y) walk(`${path}.${k}`, x, y, out);
      }
      return;
    }
  }
  if (sameJson(a, b) || onlyWhen(path)) return;
  // One literal per shape (not properties added one by one): a trace keeps these, and added
  // properties go to a separate out-of-object array. The path interned: the same few recur in
  // every change of a long run, each built afresh as a concatenated string.
  const p = internPath(path);
  out.push(a === undefined ? { path: p, to: b } : b === undefined ? { path: p, from: a } : { path: p, from: a, to: b });
}

/** Changed leaf fields, in a stable order. Timestamps that only record "when" are left out. */
export function diffObjects(before: Json, after: Json): FieldChange[] {
  const out: FieldChange[] = [];
  if (before !== after) walk('', before, after, out);
  return out;
}
