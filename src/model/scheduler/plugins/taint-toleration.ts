/**
 * TaintToleration: Filter rejects a node with a NoSchedule / NoExecute taint the pod does not
 * tolerate; Score counts untolerated PreferNoSchedule taints, normalized in reverse (fewer is better).
 */
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import { reject, type Rejection } from '../status.ts';
import { findUntoleratedTaint, tolerationsTolerateTaint } from '../taints.ts';

/**
 * 'detailed' names the taint ("node(s) had untolerated taint {key: value}"), as kube-scheduler did
 * until kubernetes#134740 (v1.35, backported to v1.34 patches); 'generic' is the newer wording.
 */
export type TaintReasonStyle = 'detailed' | 'generic';

export const ERR_REASON_UNTOLERATED_GENERIC = 'node(s) had untolerated taint(s)';

export function taintTolerationFilter(ctx: PodContext, info: NodeInfo, style: TaintReasonStyle): Rejection | null {
  const taints = info.spec.taints;
  if (taints === undefined || taints.length === 0) return null;
  const taint = findUntoleratedTaint(taints, ctx.tolerations, ['NoSchedule', 'NoExecute']);
  if (taint === undefined) return null;
  const reason = style === 'generic' ? ERR_REASON_UNTOLERATED_GENERIC : `node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`;
  return reject('TaintToleration', 'UnschedulableAndUnresolvable', reason);
}

/** Raw score: the number of PreferNoSchedule taints the pod does not tolerate. */
export function taintTolerationScore(ctx: PodContext, info: NodeInfo): number {
  const taints = info.spec.taints;
  if (taints === undefined) return 0;
  let count = 0;
  for (const taint of taints) {
    if (taint.effect !== 'PreferNoSchedule') continue;
    if (!tolerationsTolerateTaint(ctx.preferNoScheduleTolerations, taint)) count++;
  }
  return count;
}
