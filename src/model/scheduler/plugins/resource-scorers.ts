/**
 * The resource-allocation scoring shared by NodeResourcesFit (LeastAllocated, MostAllocated,
 * RequestedToCapacityRatio) and NodeResourcesBalancedAllocation (upstream resource_allocation.go).
 * Integer arithmetic truncates like Go int64 division.
 */
import type { NodeInfo } from '../node-info.ts';
import { isScalarResourceName, type ResourceSpec } from '../resources.ts';
import { MAX_NODE_SCORE } from '../normalize.ts';

export interface ShapePoint {
  /** 0-100 */
  readonly utilization: number;
  /** 0-10, as in KubeSchedulerConfiguration; scaled by 10 to the 0-100 node score range. */
  readonly score: number;
}

export type ScoringStrategy =
  | { readonly type: 'LeastAllocated'; readonly resources: readonly ResourceSpec[] }
  | { readonly type: 'MostAllocated'; readonly resources: readonly ResourceSpec[] }
  | { readonly type: 'RequestedToCapacityRatio'; readonly resources: readonly ResourceSpec[]; readonly shape: readonly ShapePoint[] };

/** Reused buffers so the per-node loop does not allocate; `kinds` spares string comparisons per node. */
export interface ResourceVectors {
  readonly requested: number[];
  readonly allocatable: number[];
  readonly kinds: readonly number[];
}

const CPU = 0;
const MEMORY = 1;
const EPHEMERAL = 2;
const SCALAR = 3;
const OTHER = 4;

function kindOf(name: string): number {
  if (name === 'cpu') return CPU;
  if (name === 'memory') return MEMORY;
  if (name === 'ephemeral-storage') return EPHEMERAL;
  return isScalarResourceName(name) ? SCALAR : OTHER;
}

export function newResourceVectors(resources: readonly ResourceSpec[]): ResourceVectors {
  const n = resources.length;
  return { requested: new Array<number>(n).fill(0), allocatable: new Array<number>(n).fill(0), kinds: resources.map((r) => kindOf(r.name)) };
}

/**
 * Fills allocatable[i] and requested[i] (node's pods + this pod) for each scored resource.
 * `useRequested` = actual requests (BalancedAllocation); otherwise the non-zero ones for cpu/memory.
 * A scalar resource the pod does not request, or one the node does not have, is (0, 0): skipped.
 */
export function fillResourceVectors(
  info: NodeInfo,
  resources: readonly ResourceSpec[],
  podRequests: readonly number[],
  useRequested: boolean,
  out: ResourceVectors,
): void {
  for (let i = 0; i < resources.length; i++) {
    const kind = out.kinds[i] ?? OTHER;
    const pod = podRequests[i] ?? 0;
    let alloc = 0;
    let req = 0;
    if (kind === CPU) {
      alloc = info.allocatable.milliCPU;
      req = (useRequested ? info.requested.milliCPU : info.nonZeroRequested.milliCPU) + pod;
    } else if (kind === MEMORY) {
      alloc = info.allocatable.memory;
      req = (useRequested ? info.requested.memory : info.nonZeroRequested.memory) + pod;
    } else if (kind === EPHEMERAL) {
      alloc = info.allocatable.ephemeralStorage;
      req = info.requested.ephemeralStorage + pod;
    } else if (kind === SCALAR && pod !== 0) {
      // A scalar resource the pod does not request is left out.
      const name = resources[i]?.name ?? '';
      const a = info.allocatable.scalar.get(name);
      if (a !== undefined) {
        alloc = a;
        req = (info.requested.scalar.get(name) ?? 0) + pod;
      }
    }
    out.allocatable[i] = alloc;
    out.requested[i] = alloc === 0 ? 0 : req;
  }
}

const MAX_UTILIZATION = 100;
const MAX_CUSTOM_PRIORITY_SCORE = 10;

export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

export function mostRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0) return 0;
  // requested may exceed capacity because pods without requests count as 100m / 200Mi.
  const r = requested > capacity ? capacity : requested;
  return Math.trunc((r * MAX_NODE_SCORE) / capacity);
}

/** LeastAllocated (least = true) or MostAllocated: weighted average over the resources the node has. */
function allocatedScore(v: ResourceVectors, resources: readonly ResourceSpec[], least: boolean): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources.length; i++) {
    const cap = v.allocatable[i] ?? 0;
    if (cap === 0) continue;
    const req = v.requested[i] ?? 0;
    const w = resources[i]?.weight ?? 0;
    nodeScore += (least ? leastRequestedScore(req, cap) : mostRequestedScore(req, cap)) * w;
    weightSum += w;
  }
  return weightSum === 0 ? 0 : Math.trunc(nodeScore / weightSum);
}

/** Upstream helper.BuildBrokenLinearFunction over 0-100 scaled points. */
export function brokenLinear(shape: readonly ShapePoint[], p: number): number {
  for (let i = 0; i < shape.length; i++) {
    const cur = shape[i];
    if (cur === undefined || p > cur.utilization) continue;
    const prev = shape[i - 1];
    if (prev === undefined) return cur.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE);
    const s0 = prev.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE);
    const s1 = cur.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE);
    return s0 + Math.trunc(((s1 - s0) * (p - prev.utilization)) / (cur.utilization - prev.utilization));
  }
  const last = shape[shape.length - 1];
  return last === undefined ? 0 : last.score * (MAX_NODE_SCORE / MAX_CUSTOM_PRIORITY_SCORE);
}

function requestedToCapacityRatio(v: ResourceVectors, resources: readonly ResourceSpec[], shape: readonly ShapePoint[]): number {
  let nodeScore = 0;
  let weightSum = 0;
  for (let i = 0; i < resources.length; i++) {
    const cap = v.allocatable[i] ?? 0;
    if (cap === 0) continue;
    const req = v.requested[i] ?? 0;
    const s = req > cap ? brokenLinear(shape, MAX_UTILIZATION) : brokenLinear(shape, Math.trunc((req * MAX_UTILIZATION) / cap));
    if (s > 0) {
      const w = resources[i]?.weight ?? 0;
      nodeScore += s * w;
      weightSum += w;
    }
  }
  // Go math.Round: half away from zero; scores are non-negative here.
  return weightSum === 0 ? 0 : Math.round(nodeScore / weightSum);
}

/** The NodeResourcesFit score of one node from filled vectors. */
export function strategyScore(strategy: ScoringStrategy, v: ResourceVectors): number {
  switch (strategy.type) {
    case 'LeastAllocated':
      return allocatedScore(v, strategy.resources, true);
    case 'MostAllocated':
      return allocatedScore(v, strategy.resources, false);
    case 'RequestedToCapacityRatio':
      return requestedToCapacityRatio(v, strategy.resources, strategy.shape);
  }
}

/** NodeResourcesBalancedAllocation: 100 * (1 - std of the requested/allocatable fractions). */
export function balancedResourceScore(v: ResourceVectors, n: number): number {
  let count = 0;
  let total = 0;
  let f0 = 0;
  let f1 = 0;
  for (let i = 0; i < n; i++) {
    const cap = v.allocatable[i] ?? 0;
    if (cap === 0) continue;
    const f = Math.min((v.requested[i] ?? 0) / cap, 1);
    if (count === 0) f0 = f;
    else if (count === 1) f1 = f;
    total += f;
    count++;
  }
  let std = 0;
  if (count === 2) {
    std = Math.abs((f0 - f1) / 2);
  } else if (count > 2) {
    const mean = total / count;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const cap = v.allocatable[i] ?? 0;
      if (cap === 0) continue;
      const f = Math.min((v.requested[i] ?? 0) / cap, 1);
      sum += (f - mean) * (f - mean);
    }
    std = Math.sqrt(sum / count);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}
