/**
 * NodeAffinity: Filter = nodeSelector AND required node affinity; Score = sum of the weights of the
 * preferred terms the node matches, normalized to 0-100 by the highest sum.
 */
import { nodeSelectorTermMatches, podRequiredAffinityMatches } from '../../labels.ts';
import type { PreferredSchedulingTerm } from '../../objects.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import { reject, type Rejection } from '../status.ts';

export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
const REJECTED = reject('NodeAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_AFFINITY);

export function nodeAffinityFilter(ctx: PodContext, info: NodeInfo): Rejection | null {
  if (!ctx.hasRequiredAffinity) return null;
  return podRequiredAffinityMatches(ctx.pod, info.node) ? null : REJECTED;
}

/** Terms with weight 0 or an empty preference are ignored, as upstream NewPreferredSchedulingTerms does. */
export function preferredAffinityScore(terms: readonly PreferredSchedulingTerm[], info: NodeInfo): number {
  const labels = info.node.metadata.labels ?? {};
  let score = 0;
  for (const term of terms) {
    if (term.weight === 0) continue;
    if (nodeSelectorTermMatches(term.preference, labels, info.name)) score += term.weight;
  }
  return score;
}
