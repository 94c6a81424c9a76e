/** NodeName filter: a pod that names its node (spec.nodeName) fits only there. */
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import { reject, type Rejection } from '../status.ts';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";
const REJECTED = reject('NodeName', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_NAME);

export function nodeNameFilter(ctx: PodContext, info: NodeInfo): Rejection | null {
  const wanted = ctx.pod.spec.nodeName;
  return wanted === undefined || wanted === '' || wanted === info.name ? null : REJECTED;
}
