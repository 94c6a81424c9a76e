/**
 * Filter for the common case, from the flat node table: a pod whose active filters are at most
 * NodeUnschedulable, TaintToleration and NodeResourcesFit, with no extended resources, on a node
 * without taints or a cordon. Those two filters pass such a node whatever the pod, so only the
 * resource fit decides, and that is the same comparisons of the same numbers as
 * nodeResourcesFitFilter. A node the quick test does not pass is run through the plugins, which
 * give its rejection (or pass it), so verdicts and reasons are the plugins' own.
 */
import { FLAG_TAINTED, FLAG_UNSCHEDULABLE, type NodeTable } from './node-table.ts';
import type { PodRequest } from './resources.ts';
import type { FilterPluginName } from './types.ts';

/** No quick test: every node runs the plugins. */
export const QUICK_NONE = 0;
/** Plain nodes pass without a resource check (the profile has no NodeResourcesFit). */
export const QUICK_PLAIN = 1;
/** Plain nodes pass when the requests fit. */
export const QUICK_FIT = 2;
export type QuickFilter = typeof QUICK_NONE | typeof QUICK_PLAIN | typeof QUICK_FIT;

export function quickFilter(filters: readonly FilterPluginName[], request: PodRequest): QuickFilter {
  if (request.scalar.size > 0) return QUICK_NONE;
  let fit = false;
  for (const f of filters) {
    if (f === 'NodeResourcesFit') fit = true;
    else if (f !== 'NodeUnschedulable' && f !== 'TaintToleration') return QUICK_NONE;
  }
  return fit ? QUICK_FIT : QUICK_PLAIN;
}

/** True when node slot i passes every filter; false when the plugins must decide. */
export function quickPasses(t: NodeTable, i: number, quick: QuickFilter, req: PodRequest): boolean {
  if (((t.flags[i] as number) & (FLAG_UNSCHEDULABLE | FLAG_TAINTED)) !== 0) return false;
  if (quick === QUICK_PLAIN) return true;
  // nodeResourcesFitFilter's tests, in its terms (allocatable - requested, not requested + pod).
  if ((t.podCount[i] as number) + 1 > (t.allowedPods[i] as number)) return false;
  if (req.milliCPU > 0 && req.milliCPU > (t.allocCpu[i] as number) - (t.reqCpu[i] as number)) return false;
  if (req.memory > 0 && req.memory > (t.allocMem[i] as number) - (t.reqMem[i] as number)) return false;
  if (req.ephemeralStorage > 0 && req.ephemeralStorage > (t.allocEph[i] as number) - (t.reqEph[i] as number)) return false;
  return true;
}
