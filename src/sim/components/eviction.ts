/**
 * The Eviction API (POST pods/{name}/eviction, pkg/registry/core/pod/storage/eviction.go): a
 * delete that first asks the PodDisruptionBudgets. When allowed, kube-apiserver adds the condition
 * DisruptionTarget=True (reason EvictionByEvictionAPI) and then deletes the pod gracefully, so its
 * kubelet stops it within terminationGracePeriodSeconds and its controller replaces it.
 * With a PodDisruptionBudget covering the pod, the eviction uses up one of its disruptionsAllowed
 * (kept by the disruption controller); with none left it is refused: 429 Too Many Requests.
 */
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import { labelSelectorMatches } from '../../model/labels.ts';
import type { K8sObject, Pod, PodDisruptionBudget } from '../../model/objects.ts';

export const statusEvicted = (at: string) => (obj: K8sObject): K8sObject => {
  if (obj.kind !== 'Pod') return obj;
  const status = obj.status ?? { phase: 'Pending' as const };
  const kept = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  return { ...obj, status: { ...status, conditions: [...kept, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: at }] } };
};

export function evictionLabel(pod: Pod): Localized {
  return text(`eviction of ${pod.metadata.name}: no PodDisruptionBudget covers it -> allowed`, `${pod.metadata.name} 축출: 해당 PodDisruptionBudget 없음 -> 허용`);
}

/** The budgets in the pod's namespace whose selector picks it (more than one is an error upstream). */
export function budgetsFor(pod: Pod, objects: Iterable<K8sObject>): PodDisruptionBudget[] {
  const out: PodDisruptionBudget[] = [];
  for (const o of objects) {
    if (o.kind === 'PodDisruptionBudget' && (o.metadata.namespace ?? 'default') === (pod.metadata.namespace ?? 'default') && labelSelectorMatches(o.spec.selector, pod.metadata.labels ?? {})) out.push(o);
  }
  return out;
}

/** canIgnorePDB: a pod that is not running (or already going) can always be evicted. */
export const ignoresBudget = (pod: Pod): boolean => pod.metadata.deletionTimestamp !== undefined || pod.status?.phase === 'Pending' || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';

/** checkAndDecrement: one disruption used, and the pod remembered until the controller sees it go. */
export const takeDisruption = (podName: string, at: string) => (obj: K8sObject): K8sObject => {
  if (obj.kind !== 'PodDisruptionBudget' || !obj.status) return obj;
  return { ...obj, status: { ...obj.status, disruptionsAllowed: obj.status.disruptionsAllowed - 1, disruptedPods: { ...(obj.status.disruptedPods ?? {}), [podName]: at } } };
};

export const TOO_MANY_REQUESTS = "Cannot evict pod as it would violate the pod's disruption budget.";

export function budgetLabel(pod: Pod, pdb: PodDisruptionBudget): Localized {
  const allowed = pdb.status?.disruptionsAllowed ?? 0;
  return allowed > 0
    ? text(`eviction of ${pod.metadata.name}: PodDisruptionBudget ${pdb.metadata.name} allows ${allowed} disruption(s) -> allowed`, `${pod.metadata.name} 축출: PodDisruptionBudget ${pdb.metadata.name} 허용 중단 ${allowed}개 -> 허용`)
    : text(`eviction of ${pod.metadata.name}: PodDisruptionBudget ${pdb.metadata.name} allows no disruption -> 429`, `${pod.metadata.name} 축출: PodDisruptionBudget ${pdb.metadata.name} 허용 중단 0개 -> 429`);
}
