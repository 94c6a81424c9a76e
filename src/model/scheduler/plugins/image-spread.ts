/**
 * ImageLocality's spread: on how many of all nodes each image name is (upstream
 * ImageStateSummary.NumNodes, which the scheduler cache keeps as nodes come, go and change, so a
 * cycle does not recount it). Kept per node list across cycles (../changed-slots.ts): a cycle
 * recounts only the nodes that changed since the last.
 */
import type { ContainerImage } from '../../objects.ts';
import { newSlotFollower, visitChangedSlots, type SlotFollower } from '../changed-slots.ts';
import type { NodeInfo } from '../node-info.ts';
import { imageStatesOf } from './image-states.ts';

/** Per image name: on how many nodes it is (upstream ImageStateSummary.NumNodes). */
export interface ImageSpread {
  /** How many of all nodes report the name (names on no node are absent). */
  readonly numNodes: ReadonlyMap<string, number>;
  readonly totalNodes: number;
  /** Moves whenever a node's images change (numNodes may then differ): per-node scores computed before are stale. */
  readonly version: number;
}

type NodeImages = readonly ContainerImage[] | undefined;

interface SpreadMemo {
  readonly follower: SlotFollower;
  /** Per slot: the status.images array it was counted from (null: not counted yet). */
  readonly images: (NodeImages | null)[];
  readonly numNodes: Map<string, number>;
  version: number;
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

/**
 * Counted over every node in `all` (upstream createImageExistenceMap counts all nodes, not only
 * the feasible ones). The map is the memo's own: read it before the next call.
 */
export function imageSpread(all: readonly NodeInfo[]): ImageSpread {
  let m = memo.get(all);
  if (m === undefined) memo.set(all, (m = { follower: newSlotFollower(), images: [], numNodes: new Map(), version: 0 }));
  const memoOf = m;
  const { images, numNodes } = m;
  const n = all.length;
  const full = visitChangedSlots(all, m.follower, (i, info) => {
    const now = info.node.status?.images;
    const was = i < images.length ? images[i] : null;
    if (was === now) return;
    memoOf.version++;
    if (was !== null && was !== undefined) count(numNodes, was, -1);
    count(numNodes, now, 1);
    images[i] = now;
  });
  if (full) {
    // A list that shrank in place (the cache's arrays never do): forget the slots past its end.
    for (let i = n; i < images.length; i++) {
      const was = images[i];
      if (was !== null && was !== undefined) count(numNodes, was, -1);
    }
    images.length = n;
    m.version++;
  }
  return { numNodes, totalNodes: n, version: m.version };
}
