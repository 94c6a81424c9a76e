/**
 * DefaultPreemption's PostFilter, reduced to what kubedeck needs: would evicting lower-priority pods
 * make room, and if not, the message kube-scheduler appends to FailedScheduling:
 * "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling."
 * (pkg/scheduler/framework/preemption/preemption.go, plugins/defaultpreemption). PodDisruptionBudgets
 * are not modelled; choosing the victims and the nominated node among several candidates is left
 * to the caller (the candidates are returned).
 */
import { fitErrorMessage } from './fit-error.ts';
import { cloneNodeInfo, markNodeInfoChanged, type NodeInfo } from './node-info.ts';
import type { PodContext } from './pod-context.ts';
import type { SchedulerProfile } from './profile.ts';
import type { TaintReasonStyle } from './plugins/taint-toleration.ts';
import { affinityFilterState } from './plugins/inter-pod-affinity/filter.ts';
import { runFilters } from './run-filters.ts';
import type { Rejection } from './status.ts';

export const NOT_HELPFUL: Rejection = { plugin: 'PreFilter', code: 'UnschedulableAndUnresolvable', reasons: ['Preemption is not helpful for scheduling'] };
const NO_VICTIMS: Rejection = { plugin: 'PreFilter', code: 'UnschedulableAndUnresolvable', reasons: ['No preemption victims found for incoming pod'] };

export interface PreemptionResult {
  /** The Evaluator's message, before DefaultPreemption prefixes "preemption: " ("" when preemption would succeed). */
  readonly message: string;
  /** Nodes where removing every lower-priority pod lets the pod fit. */
  readonly candidates: readonly string[];
}

export function runPreemption(
  ctx: PodContext,
  nodes: readonly NodeInfo[],
  statusOf: (info: NodeInfo) => Rejection,
  profile: SchedulerProfile,
  taintReasons: TaintReasonStyle,
): PreemptionResult {
  if (ctx.pod.spec.preemptionPolicy === 'Never') return { message: 'not eligible due to preemptionPolicy=Never.', candidates: [] };
  const statuses: Rejection[] = [];
  const candidates: string[] = [];
  for (const info of nodes) {
    if (statusOf(info).code === 'UnschedulableAndUnresolvable') {
      statuses.push(NOT_HELPFUL);
      continue;
    }
    const trial = cloneNodeInfo(info);
    let victims = 0;
    for (const [key, p] of info.pods) {
      if (p.priority >= ctx.priority) continue;
      victims++;
      trial.pods.delete(key);
      trial.requested.milliCPU -= p.request.milliCPU;
      trial.requested.memory -= p.request.memory;
      trial.requested.ephemeralStorage -= p.request.ephemeralStorage;
      for (const [name, q] of p.request.scalar) trial.requested.scalar.set(name, (trial.requested.scalar.get(name) ?? 0) - q);
    }
    // The trial's pods changed behind removePodFromNodeInfo's back: drop its count memo.
    markNodeInfoChanged(trial);
    if (victims === 0) {
      statuses.push(NO_VICTIMS);
      continue;
    }
    // InterPodAffinity's counts without the victims (upstream RemovePod on the PreFilter state).
    const trialCtx = ctx.affinity === undefined ? ctx : { ...ctx, affinity: affinityFilterState(ctx.pod, nodes.map((n) => (n === info ? trial : n))) };
    const status = runFilters(profile, trialCtx, trial, taintReasons);
    if (status === null) candidates.push(info.name);
    else statuses.push(status);
  }
  if (candidates.length > 0) return { message: '', candidates };
  return { message: fitErrorMessage(nodes.length, { explicit: statuses }), candidates };
}
