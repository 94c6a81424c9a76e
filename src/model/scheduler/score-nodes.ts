/**
 * PreScore / Score / NormalizeScore over the feasible nodes, then the weighted total per node
 * (upstream prioritizeNodes). Each plugin's scores are normalized to 0-100 before weighting.
 */
import { defaultNormalizeScore, MAX_NODE_SCORE } from './normalize.ts';
import type { NodeInfo } from './node-info.ts';
import type { PodContext } from './pod-context.ts';
import { preferredAffinityScore } from './plugins/node-affinity.ts';
import { balancedResourceScore, fillResourceVectors, newResourceVectors, strategyScore } from './plugins/resource-scorers.ts';
import { taintTolerationScore } from './plugins/taint-toleration.ts';
import type { SchedulerProfile } from './profile.ts';
import { podRequestFor } from './resources.ts';
import type { ScorePluginName } from './types.ts';

export interface ScoredNodes {
  /** Weighted totals, in the order of the feasible nodes. */
  readonly totals: readonly number[];
  readonly skipped: readonly ScorePluginName[];
  /** Normalized (unweighted) score of each plugin that ran, for feasible node j. */
  perNode(j: number): Partial<Record<ScorePluginName, number>>;
}

function pluginScores(name: ScorePluginName, ctx: PodContext, feasible: readonly NodeInfo[], profile: SchedulerProfile): number[] | null {
  switch (name) {
    case 'TaintToleration': {
      const scores = feasible.map((info) => taintTolerationScore(ctx, info));
      defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
      return scores;
    }
    case 'NodeAffinity': {
      const terms = ctx.preferredTerms;
      if (terms === undefined) return null;
      const scores = feasible.map((info) => preferredAffinityScore(terms, info));
      defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
      return scores;
    }
    case 'NodeResourcesFit': {
      const strategy = profile.fit.scoringStrategy;
      const podRequests = strategy.resources.map((r) => podRequestFor(ctx.request, r.name, true));
      const vectors = newResourceVectors(strategy.resources.length);
      return feasible.map((info) => {
        fillResourceVectors(info, strategy.resources, podRequests, false, vectors);
        return strategyScore(strategy, vectors);
      });
    }
    case 'NodeResourcesBalancedAllocation': {
      const resources = profile.balancedResources;
      const podRequests = resources.map((r) => podRequestFor(ctx.request, r.name, false));
      // A best-effort pod (no requests at all) skips this plugin (kubernetes#129138).
      if (podRequests.every((r) => r === 0)) return null;
      const vectors = newResourceVectors(resources.length);
      return feasible.map((info) => {
        fillResourceVectors(info, resources, podRequests, true, vectors);
        return balancedResourceScore(vectors, resources.length);
      });
    }
  }
}

export function scoreNodes(ctx: PodContext, feasible: readonly NodeInfo[], profile: SchedulerProfile): ScoredNodes {
  const totals = new Array<number>(feasible.length).fill(0);
  const ran: { readonly name: ScorePluginName; readonly scores: readonly number[] }[] = [];
  const skipped: ScorePluginName[] = [];
  for (const { name, weight } of profile.scores) {
    const scores = pluginScores(name, ctx, feasible, profile);
    if (scores === null) {
      skipped.push(name);
      continue;
    }
    for (let j = 0; j < scores.length; j++) totals[j] = (totals[j] ?? 0) + (scores[j] ?? 0) * weight;
    ran.push({ name, scores });
  }
  return {
    totals,
    skipped,
    perNode(j) {
      const out: Partial<Record<ScorePluginName, number>> = {};
      for (const { name, scores } of ran) out[name] = scores[j] ?? 0;
      return out;
    },
  };
}
