/**
 * ImageLocality (upstream pkg/scheduler/framework/plugins/imagelocality): Score favours nodes that
 * already hold the pod's images (node.status.images). Each image present counts its size scaled by
 * its spread (the share of all nodes that have it, against the "node heating" problem); the sum is
 * clamped to 23MB..1000MB per container (init containers included) and mapped onto 0-100.
 * No NormalizeScore: the score is absolute.
 */
import type { Container, Pod } from '../../objects.ts';
import { MAX_NODE_SCORE } from '../normalize.ts';
import type { NodeInfo } from '../node-info.ts';
import { imageStatesOf } from './image-states.ts';
import type { ImageSpread } from './image-spread.ts';

const MB = 1024 * 1024;
export const MIN_THRESHOLD = 23 * MB;
export const MAX_CONTAINER_THRESHOLD = 1000 * MB;

export { imageSpread, type ImageSpread } from './image-spread.ts';

/** The CRI name the kubelet reports: a reference without a tag (or digest) gets ":latest". */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(':') <= name.lastIndexOf('/') ? `${name}:latest` : name;
}

/** Upstream calculatePriority: the clamped sum mapped onto 0-100 (Go int64 division). */
export function calculatePriority(sumScores: number, numContainers: number): number {
  const maxThreshold = MAX_CONTAINER_THRESHOLD * numContainers;
  const clamped = Math.min(Math.max(sumScores, MIN_THRESHOLD), maxThreshold);
  if (maxThreshold <= MIN_THRESHOLD) return 0;
  return Math.trunc((MAX_NODE_SCORE * (clamped - MIN_THRESHOLD)) / (maxThreshold - MIN_THRESHOLD));
}

/**
 * The normalized image name of each container, init containers first: once per pod, not per node.
 * Kept per containers list for a pod without init containers (a workload's pods share their
 * template's): read-only, as every caller treats it.
 */
export function podImageNames(pod: Pod): readonly string[] {
  const init = pod.spec.initContainers;
  if (init === undefined) {
    let names = NAMES.get(pod.spec.containers);
    if (names === undefined) NAMES.set(pod.spec.containers, (names = pod.spec.containers.map((c) => normalizedImageName(c.image))));
    return names;
  }
  return [...init, ...pod.spec.containers].map((c) => normalizedImageName(c.image));
}
const NAMES = new WeakMap<readonly Container[], readonly string[]>();

/** True when no node has any of the names: every node then scores calculatePriority(0, names.length). */
export function noneSpread(spread: ImageSpread, names: readonly string[]): boolean {
  for (const name of names) if (spread.numNodes.has(name)) return false;
  return true;
}

export function imageLocalityScore(pod: Pod, info: NodeInfo, spread: ImageSpread, names: readonly string[] = podImageNames(pod)): number {
  const sizes = imageStatesOf(info.node.status?.images).sizes;
  let sum = 0;
  for (const name of names) {
    const size = sizes.get(name);
    if (size === undefined) continue;
    // scaledImageScore: int64(float64(size) * float64(numNodes) / float64(totalNumNodes))
    sum += Math.trunc(size * ((spread.numNodes.get(name) ?? 0) / spread.totalNodes));
  }
  return calculatePriority(sum, names.length);
}
