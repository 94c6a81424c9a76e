/** NodeUnschedulable filter: a cordoned node (spec.unschedulable) takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule. */
import type { Taint } from '../../objects.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import { reject, type Rejection } from '../status.ts';
import { tolerationsTolerateTaint } from '../taints.ts';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
const UNSCHEDULABLE_TAINT: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const REJECTED = reject('NodeUnschedulable', 'UnschedulableAndUnresolvable', ERR_REASON_UNSCHEDULABLE);

export function nodeUnschedulableFilter(ctx: PodContext, info: NodeInfo): Rejection | null {
  if (info.spec.unschedulable !== true) return null;
  return tolerationsTolerateTaint(ctx.tolerations, UNSCHEDULABLE_TAINT) ? null : REJECTED;
}
