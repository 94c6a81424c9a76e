/**
 * Resource names and the per-pod request vector the scheduler works with (upstream framework.Resource).
 * CPU is in millicores, everything else in whole units (bytes, pods, devices), all plain numbers:
 * exact up to 2^53 (8 PiB of memory), far beyond any node.
 */

export interface ResourceSpec {
  readonly name: string;
  readonly weight: number;
}

/** Upstream schedutil.DefaultMilliCPURequest / DefaultMemoryRequest: the "non-zero" requests. */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

/** cpu and memory, weight 1 each: the default of NodeResourcesFit and BalancedAllocation. */
export const DEFAULT_RESOURCES: readonly ResourceSpec[] = [
  { name: 'cpu', weight: 1 },
  { name: 'memory', weight: 1 },
];

/**
 * Upstream schedutil.IsScalarResourceName: extended resources (example.com/gpu), prefixed native
 * resources (*kubernetes.io/*), hugepages-* and attachable-volumes-*. Other unprefixed names are
 * not tracked by the scheduler at all.
 */
export function isScalarResourceName(name: string): boolean {
  if (name.startsWith('hugepages-') || name.startsWith('attachable-volumes-')) return true;
  return name.includes('/') && !name.startsWith('requests.');
}

/** A pod's requests, computed once per pod (upstream PodRequests + the non-zero variant). */
export interface PodRequest {
  readonly milliCPU: number;
  readonly memory: number;
  readonly ephemeralStorage: number;
  /** Scalar (extended, hugepages...) resources the pod requests, in request order. */
  readonly scalar: ReadonlyMap<string, number>;
  /** CPU / memory with 100m / 200Mi for every container that does not request them. */
  readonly nonZeroMilliCPU: number;
  readonly nonZeroMemory: number;
}

/** The request for a named resource; `nonZero` selects the non-zero cpu/memory variant. */
export function podRequestFor(req: PodRequest, name: string, nonZero: boolean): number {
  switch (name) {
    case 'cpu':
      return nonZero ? req.nonZeroMilliCPU : req.milliCPU;
    case 'memory':
      return nonZero ? req.nonZeroMemory : req.memory;
    case 'ephemeral-storage':
      return req.ephemeralStorage;
    default:
      return req.scalar.get(name) ?? 0;
  }
}
