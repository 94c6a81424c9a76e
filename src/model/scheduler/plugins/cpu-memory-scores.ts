/**
 * NodeResourcesFit (LeastAllocated) and BalancedAllocation over exactly cpu and memory, the
 * default resources of both: the same arithmetic as resource-scorers.ts (fillResourceVectors, then
 * allocatedScore or balancedResourceScore), without the vectors and the per-resource dispatch.
 * Every pod of a run scores hundreds of nodes with these two; any other resource list or strategy
 * takes the general path.
 */
import type { NodeInfo } from '../node-info.ts';
import type { PodRequest, ResourceSpec } from '../resources.ts';
import { MAX_NODE_SCORE } from '../normalize.ts';
import { leastRequestedScore } from './resource-scorers.ts';

/** The weights of cpu and memory when `resources` is exactly [cpu, memory]; undefined otherwise. */
export function cpuMemoryWeights(resources: readonly ResourceSpec[]): readonly [number, number] | undefined {
  const [cpu, memory] = resources;
  if (resources.length !== 2 || cpu?.name !== 'cpu' || memory?.name !== 'memory') return undefined;
  return [cpu.weight, memory.weight];
}

/** LeastAllocated on the non-zero requests (upstream: the Fit score counts 100m / 200Mi for a container without requests). */
export function leastAllocatedCpuMemory(feasible: readonly NodeInfo[], request: PodRequest, weights: readonly [number, number], out: number[]): void {
  const [wCpu, wMem] = weights;
  const podCpu = request.nonZeroMilliCPU;
  const podMem = request.nonZeroMemory;
  for (let j = 0; j < feasible.length; j++) {
    const info = feasible[j] as NodeInfo;
    const capCpu = info.allocatable.milliCPU;
    const capMem = info.allocatable.memory;
    let nodeScore = 0;
    let weightSum = 0;
    if (capCpu !== 0) {
      nodeScore += leastRequestedScore(info.nonZeroRequested.milliCPU + podCpu, capCpu) * wCpu;
      weightSum += wCpu;
    }
    if (capMem !== 0) {
      nodeScore += leastRequestedScore(info.nonZeroRequested.memory + podMem, capMem) * wMem;
      weightSum += wMem;
    }
    out[j] = weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
  }
}

/** BalancedAllocation on the actual requests: 100 * (1 - std of the two fractions), a resource the node lacks left out. */
export function balancedCpuMemory(feasible: readonly NodeInfo[], request: PodRequest, out: number[]): void {
  const podCpu = request.milliCPU;
  const podMem = request.memory;
  for (let j = 0; j < feasible.length; j++) {
    const info = feasible[j] as NodeInfo;
    const capCpu = info.allocatable.milliCPU;
    const capMem = info.allocatable.memory;
    // With one resource (or none) the std is 0; with two, |f0 - f1| / 2, as balancedResourceScore.
    let std = 0;
    if (capCpu !== 0 && capMem !== 0) {
      const f0 = Math.min((info.requested.milliCPU + podCpu) / capCpu, 1);
      const f1 = Math.min((info.requested.memory + podMem) / capMem, 1);
      std = Math.abs((f0 - f1) / 2);
    }
    out[j] = Math.trunc((1 - std) * MAX_NODE_SCORE);
  }
}
