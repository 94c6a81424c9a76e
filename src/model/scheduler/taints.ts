/** Toleration matching (k8s.io/api/core/v1 Toleration.ToleratesTaint and component-helpers FindMatchingUntoleratedTaint). */
import type { Taint, TaintEffect, Toleration } from '../objects.ts';

export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && (t.effect as string) !== '' && t.effect !== taint.effect) return false;
  if (t.key !== undefined && t.key !== '' && t.key !== taint.key) return false;
  switch (t.operator) {
    case undefined:
    case 'Equal':
      return (t.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

export function tolerationsTolerateTaint(tolerations: readonly Toleration[], taint: Taint): boolean {
  for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
  return false;
}

/** The first taint (in the node's order) with one of `effects` that no toleration tolerates. */
export function findUntoleratedTaint(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
  effects: readonly TaintEffect[],
): Taint | undefined {
  for (const taint of taints) {
    if (!effects.includes(taint.effect)) continue;
    if (!tolerationsTolerateTaint(tolerations, taint)) return taint;
  }
  return undefined;
}
