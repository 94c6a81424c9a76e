/**
 * The Eviction API (POST pods/{name}/eviction, pkg/registry/core/pod/storage/eviction.go): a
 * delete that first asks the PodDisruptionBudgets. When allowed, kube-apiserver adds the condition
 * DisruptionTarget=True (reason EvictionByEvictionAPI) and then deletes the pod gracefully, so its
 * kubelet stops it within terminationGracePeriodSeconds and its controller replaces it.
 * kubedeck does not model PodDisruptionBudgets yet: with none covering a pod, the eviction is
 * always allowed (upstream answers 429 Too Many Requests when a budget has no disruptions left).
 */
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import type { K8sObject, Pod } from '../../model/objects.ts';

export const statusEvicted = (at: string) => (obj: K8sObject): K8sObject => {
  if (obj.kind !== 'Pod') return obj;
  const status = obj.status ?? { phase: 'Pending' as const };
  const kept = (status.conditions ?? []).filter((c) => c.type !== 'DisruptionTarget');
  return { ...obj, status: { ...status, conditions: [...kept, { type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI', message: 'Eviction API: evicting', lastTransitionTime: at }] } };
};

export function evictionLabel(pod: Pod): Localized {
  return text(`eviction of ${pod.metadata.name}: no PodDisruptionBudget covers it -> allowed`, `${pod.metadata.name} 축출: 해당 PodDisruptionBudget 없음 -> 허용`);
}
