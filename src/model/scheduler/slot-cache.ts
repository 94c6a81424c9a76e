/**
 * Per-node scores kept from one cycle to the next: a plugin's raw score for a node depends only on
 * the node (its numbers in the node table) and on a few numbers of the pod (its requests, say),
 * and most pods of a run ask the same. A cycle then computes the score only of the nodes changed
 * since the last (a slot's revision moved) or of all of them when the pod's numbers differ from
 * the last pod's; the others are read back. The same function of the same inputs: the same scores.
 */
import type { NodeTable } from './node-table.ts';

export interface SlotCache {
  /** The pod's numbers the scores were computed for (NaN: none yet). */
  readonly key: Float64Array;
  /** Per slot: the table revision the score was computed at (-1: none). */
  revision: Float64Array;
  score: Float64Array;
}

export function newSlotCache(keys: number): SlotCache {
  return { key: new Float64Array(keys).fill(Number.NaN), revision: new Float64Array(0), score: new Float64Array(0) };
}

/**
 * Makes `c` ready for `table` and the pod numbers k0..k3 (unused ones 0): when they differ from
 * the cached ones (or the table grew), every slot's score is forgotten.
 */
export function prepareSlotCache(c: SlotCache, table: NodeTable, k0: number, k1: number, k2: number, k3: number): void {
  const n = table.revision.length;
  const key = c.key;
  if (c.revision.length !== n) {
    c.revision = new Float64Array(n).fill(-1);
    c.score = new Float64Array(n);
  } else if (key[0] !== k0 || key[1] !== k1 || key[2] !== k2 || key[3] !== k3) c.revision.fill(-1);
  key[0] = k0;
  key[1] = k1;
  key[2] = k2;
  key[3] = k3;
}

/** Per table, per plugin: a cache each. */
const caches = new WeakMap<NodeTable, Map<string, SlotCache>>();

export function slotCacheOf(table: NodeTable, name: string): SlotCache {
  let byName = caches.get(table);
  if (byName === undefined) caches.set(table, (byName = new Map()));
  let c = byName.get(name);
  if (c === undefined) byName.set(name, (c = newSlotCache(4)));
  return c;
}
