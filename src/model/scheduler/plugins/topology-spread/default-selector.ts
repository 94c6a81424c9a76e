/**
 * Upstream helper.DefaultSelector: the selector PodTopologySpread's system default constraints
 * spread a pod by. The selectors of the Services in the pod's namespace that select it, merged
 * (they all match the pod, so they cannot conflict), ANDed with the selector of the pod's
 * controller (its ReplicaSet, StatefulSet or ReplicationController, looked up by the caller from
 * the controller ownerReference). Undefined when empty: no default spreading then.
 */
import { labelSelectorMatches } from '../../../labels.ts';
import type { LabelSelector, Pod, Service } from '../../../objects.ts';

export function defaultSpreadSelector(pod: Pod, services: readonly Service[], controllerSelector: LabelSelector | undefined): LabelSelector | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const labels = pod.metadata.labels ?? {};
  const merged: Record<string, string> = {};
  for (const s of services) {
    const sel = s.spec.selector;
    if ((s.metadata.namespace ?? 'default') !== ns || sel === undefined || Object.keys(sel).length === 0) continue;
    if (labelSelectorMatches({ matchLabels: sel }, labels)) Object.assign(merged, sel);
  }
  const expressions = [
    ...Object.entries(controllerSelector?.matchLabels ?? {}).map(([key, v]) => ({ key, operator: 'In' as const, values: [v] })),
    ...(controllerSelector?.matchExpressions ?? []),
  ];
  if (Object.keys(merged).length === 0 && expressions.length === 0) return undefined;
  return { ...(Object.keys(merged).length > 0 ? { matchLabels: merged } : {}), ...(expressions.length > 0 ? { matchExpressions: expressions } : {}) };
}
