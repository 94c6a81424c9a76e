/**
 * One version gate, kept apart so plugin work elsewhere in this folder does not collide with it:
 * from v1.33, NodeResourcesBalancedAllocation's PreScore returns Skip for a best-effort pod (no
 * cpu or memory requests at all; kubernetes/kubernetes#130260, fixing #129138; listed in
 * CHANGELOG-1.33.md, v1.33.0 "Bug or Regression"). Earlier releases score such a pod like any other.
 */
export const BALANCED_SKIPS_BEST_EFFORT_FROM_MINOR = 33;

/** Whether kube-scheduler 1.<minor> skips BalancedAllocation for a best-effort pod. */
export function balancedAllocationSkipsBestEffort(minor: number): boolean {
  return minor >= BALANCED_SKIPS_BEST_EFFORT_FROM_MINOR;
}
