/**
 * ImageLocality (upstream pkg/scheduler/framework/plugins/imagelocality): Score favours nodes that
 * already hold the pod's images (node.status.images). Each image present counts its size scaled by
 * its spread (the share of all nodes that have it, against the "node heating" problem); the sum is
 * clamped to 23MB..1000MB per container (init containers included) and mapped onto 0-100.
 * No NormalizeScore: the score is absolute.
 */
import type { Pod } from '../../objects.ts';
import { MAX_NODE_SCORE } from '../normalize.ts';
import type { NodeInfo } from '../node-info.ts';

const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

/** Per image name: its size on each node that has it, and on how many nodes it is (upstream ImageStateSummary). */
export interface ImageSpread {
  /** How many of all nodes report the name. */
  readonly numNodes: ReadonlyMap<string, number>;
  readonly totalNodes: number;
}

type NodeImages = NonNullable<NodeInfo['node']['status']>['images'];

/**
 * The last result and the node.status.images arrays it was counted from. Every scheduling cycle
 * asks again, and heartbeats replace the Node objects but keep their images arrays: comparing the
 * arrays by identity spares rebuilding the map over every node's images for every pod.
 */
let memo: { readonly images: readonly NodeImages[]; readonly spread: ImageSpread } | undefined;

function sameImages(all: readonly NodeInfo[], images: readonly NodeImages[]): boolean {
  if (all.length !== images.length) return false;
  for (let i = 0; i < all.length; i++) if (all[i]?.node.status?.images !== images[i]) return false;
  return true;
}

/** Counted over every node in the snapshot, not only the feasible ones (upstream createImageExistenceMap). */
export function imageSpread(all: readonly NodeInfo[]): ImageSpread {
  if (memo !== undefined && sameImages(all, memo.images)) return memo.spread;
  const spread = countImageSpread(all);
  memo = { images: all.map((info) => info.node.status?.images), spread };
  return spread;
}

function countImageSpread(all: readonly NodeInfo[]): ImageSpread {
  const numNodes = new Map<string, number>();
  for (const info of all) {
    const seen = new Set<string>();
    for (const image of info.node.status?.images ?? []) for (const name of image.names ?? []) seen.add(name);
    for (const name of seen) numNodes.set(name, (numNodes.get(name) ?? 0) + 1);
  }
  return { numNodes, totalNodes: all.length };
}

/** The CRI name the kubelet reports: a reference without a tag (or digest) gets ":latest". */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** The size of `name` on this node (the last listed image with that name wins, as upstream's map does). */
function sizeOnNode(info: NodeInfo, name: string): number | undefined {
  let size: number | undefined;
  for (const image of info.node.status?.images ?? []) if ((image.names ?? []).includes(name)) size = image.sizeBytes ?? 0;
  return size;
}

/** Upstream calculatePriority: the clamped sum mapped onto 0-100 (Go int64 division). */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  if (maxThreshold <= MIN_THRESHOLD) return 0;
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/** The normalized image name of each container, init containers first: once per pod, not per node. */
export function podImageNames(pod: Pod): string[] {
  return [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => normalizedImageName(c.image));
}

export function imageLocalityScore(pod: Pod, info: NodeInfo, spread: ImageSpread, names: readonly string[] = podImageNames(pod)): number {
  let sum = 0;
  for (const name of names) {
    const size = sizeOnNode(info, name);
    if (size === undefined) continue;
    // scaledImageScore: int64(float64(size) * float64(numNodes) / float64(totalNumNodes))
    sum += Math.trunc(size * ((spread.numNodes.get(name) ?? 0) / spread.totalNodes));
  }
  return calculatePriority(sum, names.length);
}
