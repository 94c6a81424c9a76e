/**
 * What changes in kube-scheduler's messages from one Kubernetes minor version to the next
 * (only what kubedeck's scheduler models):
 * - v1.34: DRA is GA and DynamicResources runs first at PostFilter, so FailedScheduling reads
 *   "... no new claims to deallocate, preemption: ...".
 * - v1.35: TaintToleration no longer names the taint ("node(s) had untolerated taint(s)",
 *   kubernetes#134740; later v1.34 patch releases got it too).
 */
import { since } from '../k8s/facts.ts';
import { checkK8sVersion } from '../k8s/versions.ts';
import { balancedAllocationSkipsBestEffort } from './balanced-best-effort.ts';
import type { ScheduleOptions } from './schedule.ts';

/** "1.33" or "v1.35.2" -> options; undefined for a version kubedeck does not offer (K8S_VERSIONS). */
export function scheduleOptionsForVersion(version: string): Pick<ScheduleOptions, 'taintReasons' | 'dynamicResources' | 'balancedSkipsBestEffort'> | undefined {
  const checked = checkK8sVersion(version);
  if (!checked.ok) return undefined;
  const minor = Number(checked.version.split('.')[1]);
  return {
    taintReasons: since('genericTaintReason', checked.version) ? 'generic' : 'detailed',
    dynamicResources: since('draGA', checked.version),
    balancedSkipsBestEffort: balancedAllocationSkipsBestEffort(minor),
  };
}
