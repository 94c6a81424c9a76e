/**
 * ImageLocality's spread: on how many of all nodes each image name is (upstream
 * ImageStateSummary.NumNodes, which the scheduler cache keeps as nodes come, go and change, so a
 * cycle does not recount it). Here kept per node list, across cycles: a cycle recounts only the
 * nodes the cache's change log names since the last (as topology-spread/domain-totals.ts does),
 * and a list without a common log is compared node by node against what each slot was counted from.
 */
import type { ContainerImage } from '../../objects.ts';
import type { NodeInfo, NodeInfoChanges } from '../node-info.ts';
import { imageStatesOf } from './image-states.ts';

/** Per image name: on how many nodes it is (upstream ImageStateSummary.NumNodes). */
export interface ImageSpread {
  /** How many of all nodes report the name (names on no node are absent). */
  readonly numNodes: ReadonlyMap<string, number>;
  readonly totalNodes: number;
}

type NodeImages = readonly ContainerImage[] | undefined;

interface SpreadMemo {
  /** Per slot: the status.images array it was counted from (null: not counted yet). */
  readonly images: (NodeImages | null)[];
  readonly numNodes: Map<string, number>;
  log: NodeInfoChanges | undefined;
  slots: Map<NodeInfo, number> | undefined;
  seen: number;
}

/** Per node list: the scheduler's cache hands the same array until a node joins or leaves. */
const memo = new WeakMap<readonly NodeInfo[], SpreadMemo>();

function count(numNodes: Map<string, number>, images: NodeImages, sign: 1 | -1): void {
  // Each name once per node, however many of its images list it.
  for (const name of imageStatesOf(images).sizes.keys()) {
    const n = (numNodes.get(name) ?? 0) + sign;
    if (n === 0) numNodes.delete(name);
    else numNodes.set(name, n);
  }
}

function recount(m: SpreadMemo, i: number, info: NodeInfo): void {
  const images = info.node.status?.images;
  const was = m.images[i];
  if (was === images) return;
  if (was !== null && was !== undefined) count(m.numNodes, was, -1);
  count(m.numNodes, images, 1);
  m.images[i] = images;
}

/**
 * Counted over every node in `all` (upstream createImageExistenceMap counts all nodes, not only
 * the feasible ones). The map is the memo's own: read it before the next call.
 */
export function imageSpread(all: readonly NodeInfo[]): ImageSpread {
  let m = memo.get(all);
  if (m === undefined) memo.set(all, (m = { images: [], numNodes: new Map(), log: undefined, slots: undefined, seen: 0 }));
  const n = all.length;
  const { log, slots } = m;
  if (log !== undefined && slots !== undefined && m.images.length === n && m.seen >= log.first) {
    for (let s = m.seen; s < log.next; s++) {
      const info = log.log[s - log.first] as NodeInfo;
      const i = slots.get(info);
      if (i !== undefined) recount(m, i, info);
    }
    m.seen = log.next;
    return { numNodes: m.numNodes, totalNodes: n };
  }
  const shared = all[0]?.changes;
  let common = shared !== undefined;
  for (let i = 0; i < n; i++) {
    const info = all[i] as NodeInfo;
    if (info.changes !== shared) common = false;
    if (m.images.length <= i) m.images.push(null);
    recount(m, i, info);
  }
  // A list that shrank in place (the cache's arrays never do): forget the slots past its end.
  for (let i = n; i < m.images.length; i++) {
    const was = m.images[i];
    if (was !== null && was !== undefined) count(m.numNodes, was, -1);
  }
  m.images.length = n;
  m.log = common ? shared : undefined;
  m.slots = common ? new Map(all.map((info, i) => [info, i])) : undefined;
  m.seen = shared?.next ?? 0;
  return { numNodes: m.numNodes, totalNodes: n };
}
