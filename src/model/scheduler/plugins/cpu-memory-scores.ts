/**
 * NodeResourcesFit (LeastAllocated) and BalancedAllocation over exactly cpu and memory, the
 * default resources of both: the same arithmetic as resource-scorers.ts (fillResourceVectors, then
 * allocatedScore or balancedResourceScore), without the vectors and the per-resource dispatch.
 * Every pod of a run scores hundreds of nodes with these two, read from the flat node table
 * (node-table.ts); any other resource list or strategy takes the general path.
 */
import type { NodeTable } from '../node-table.ts';
import type { PodRequest, ResourceSpec } from '../resources.ts';
import { MAX_NODE_SCORE } from '../normalize.ts';
import { leastRequestedScore } from './resource-scorers.ts';
import { prepareSlotCache, slotCacheOf } from '../slot-cache.ts';

/** The weights of cpu and memory when `resources` is exactly [cpu, memory]; undefined otherwise. Kept per list (asked every cycle). */
export function cpuMemoryWeights(resources: readonly ResourceSpec[]): readonly [number, number] | undefined {
  const known = WEIGHTS.get(resources);
  if (known !== undefined) return known ?? undefined;
  const [cpu, memory] = resources;
  const weights: readonly [number, number] | null = resources.length !== 2 || cpu?.name !== 'cpu' || memory?.name !== 'memory' ? null : [cpu.weight, memory.weight];
  WEIGHTS.set(resources, weights);
  return weights ?? undefined;
}
const WEIGHTS = new WeakMap<readonly ResourceSpec[], readonly [number, number] | null>();

/**
 * LeastAllocated on the non-zero requests (upstream: the Fit score counts 100m / 200Mi for a
 * container without requests), for the nodes in `slots` (the first m) of `table`.
 */
export function leastAllocatedCpuMemory(table: NodeTable, slots: Int32Array, m: number, request: PodRequest, weights: readonly [number, number], out: number[]): void {
  const [wCpu, wMem] = weights;
  const podCpu = request.nonZeroMilliCPU;
  const podMem = request.nonZeroMemory;
  const { allocCpu, allocMem, nonZeroCpu, nonZeroMem, revision } = table;
  // A node's score depends on its numbers and the pod's: kept for the nodes unchanged since the last pod.
  const cache = slotCacheOf(table, 'LeastAllocated');
  prepareSlotCache(cache, table, podCpu, podMem, wCpu, wMem);
  const known = cache.revision;
  const scores = cache.score;
  for (let j = 0; j < m; j++) {
    const i = slots[j] as number;
    if (known[i] === revision[i]) {
      out[j] = scores[i] as number;
      continue;
    }
    const capCpu = allocCpu[i] as number;
    const capMem = allocMem[i] as number;
    let nodeScore = 0;
    let weightSum = 0;
    if (capCpu !== 0) {
      nodeScore += leastRequestedScore((nonZeroCpu[i] as number) + podCpu, capCpu) * wCpu;
      weightSum += wCpu;
    }
    if (capMem !== 0) {
      nodeScore += leastRequestedScore((nonZeroMem[i] as number) + podMem, capMem) * wMem;
      weightSum += wMem;
    }
    const score = weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
    out[j] = score;
    scores[i] = score;
    known[i] = revision[i] as number;
  }
}

/** BalancedAllocation on the actual requests: 100 * (1 - std of the two fractions), a resource the node lacks left out. */
export function balancedCpuMemory(table: NodeTable, slots: Int32Array, m: number, request: PodRequest, out: number[]): void {
  const podCpu = request.milliCPU;
  const podMem = request.memory;
  const { allocCpu, allocMem, reqCpu, reqMem, revision } = table;
  const cache = slotCacheOf(table, 'BalancedAllocation');
  prepareSlotCache(cache, table, podCpu, podMem, 0, 0);
  const known = cache.revision;
  const scores = cache.score;
  for (let j = 0; j < m; j++) {
    const i = slots[j] as number;
    if (known[i] === revision[i]) {
      out[j] = scores[i] as number;
      continue;
    }
    const capCpu = allocCpu[i] as number;
    const capMem = allocMem[i] as number;
    // With one resource (or none) the std is 0; with two, |f0 - f1| / 2, as balancedResourceScore.
    let std = 0;
    if (capCpu !== 0 && capMem !== 0) {
      const f0 = Math.min(((reqCpu[i] as number) + podCpu) / capCpu, 1);
      const f1 = Math.min(((reqMem[i] as number) + podMem) / capMem, 1);
      std = Math.abs((f0 - f1) / 2);
    }
    const score = Math.trunc((1 - std) * MAX_NODE_SCORE);
    out[j] = score;
    scores[i] = score;
    known[i] = revision[i] as number;
  }
}
