/**
 * What changes in kube-scheduler's messages from one Kubernetes minor version to the next
 * (only what kubedeck's scheduler models):
 * - v1.34: DRA is GA and DynamicResources runs first at PostFilter, so FailedScheduling reads
 *   "... no new claims to deallocate, preemption: ...".
 * - v1.35: TaintToleration no longer names the taint ("node(s) had untolerated taint(s)",
 *   kubernetes#134740; later v1.34 patch releases got it too).
 */
import { balancedAllocationSkipsBestEffort } from './balanced-best-effort.ts';
import type { ScheduleOptions } from './schedule.ts';

/** "1.33" or "v1.35.2" -> options; undefined for an unparsable version. */
export function scheduleOptionsForVersion(version: string): Pick<ScheduleOptions, 'taintReasons' | 'dynamicResources' | 'balancedSkipsBestEffort'> | undefined {
  const m = /^v?1\.(\d+)(\.\d+)?$/.exec(version.trim());
  if (m?.[1] === undefined) return undefined;
  const minor = Number(m[1]);
  return { taintReasons: minor >= 35 ? 'generic' : 'detailed', dynamicResources: minor >= 34, balancedSkipsBestEffort: balancedAllocationSkipsBestEffort(minor) };
}
