/**
 * InterPodAffinity Score (upstream interpodaffinity/scoring.go). For each existing pod, on its
 * node's topology domain: + weight of each preferred affinity term of the incoming pod it matches,
 * - weight of each preferred anti-affinity term; and symmetrically + hardPodAffinityWeight (1) for
 * each of its required affinity terms the incoming pod matches, +/- the weights of its preferred
 * (anti-)affinity terms the incoming pod matches. A node scores the sum over its labels' domains;
 * NormalizeScore maps min..max onto 0..100. Skipped when nothing contributes.
 */
import type { Pod } from '../../../objects.ts';
import { MAX_NODE_SCORE } from '../../normalize.ts';
import type { NodeInfo } from '../../node-info.ts';
import { nodesWithAffinity } from './nodes-with-affinity.ts';
import { hasPodAffinity, podTerms, termMatches, type AffinityTerm, type WeightedTerm } from './terms.ts';

/** Upstream InterPodAffinityArgs.hardPodAffinityWeight default. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

type TopologyScore = Map<string, Map<string, number>>;

function processTerm(scores: TopologyScore, term: AffinityTerm, weight: number, pod: Pod, nodeLabels: Readonly<Record<string, string>>, multiplier: number): void {
  if (!termMatches(term, pod)) return;
  const v = nodeLabels[term.topologyKey];
  if (v === undefined) return;
  let byValue = scores.get(term.topologyKey);
  if (byValue === undefined) scores.set(term.topologyKey, (byValue = new Map()));
  byValue.set(v, (byValue.get(v) ?? 0) + weight * multiplier);
}

const processTerms = (scores: TopologyScore, terms: readonly WeightedTerm[], pod: Pod, nodeLabels: Readonly<Record<string, string>>, multiplier: number): void => {
  for (const w of terms) processTerm(scores, w.term, w.weight, pod, nodeLabels, multiplier);
};

/** Fills `out` with the normalized scores of the feasible nodes; false when skipped at PreScore. */
export function affinityScores(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[], out: number[]): boolean {
  const incoming = podTerms(pod);
  const hasConstraints = incoming.preferredAffinity.length > 0 || incoming.preferredAntiAffinity.length > 0;
  // Nothing can contribute: no terms of its own and no node with pods that have affinity.
  if (!hasConstraints && nodesWithAffinity(all).withAffinity === 0) return false;
  const scores: TopologyScore = new Map();
  for (const info of all) {
    // Without preferred terms of its own, only nodes with pods that have affinity can contribute
    // (upstream HavePodsWithAffinityList).
    if (!hasConstraints && info.podsWithAffinity === 0) continue;
    const labels = info.node.metadata.labels ?? {};
    if (Object.keys(labels).length === 0) continue;
    for (const { pod: existing } of info.pods.values()) {
      // Without preferred terms of its own, only existing pods with affinity can contribute.
      if (!hasConstraints && !hasPodAffinity(existing)) continue;
      processTerms(scores, incoming.preferredAffinity, existing, labels, 1);
      processTerms(scores, incoming.preferredAntiAffinity, existing, labels, -1);
      if (!hasPodAffinity(existing)) continue;
      const theirs = podTerms(existing);
      for (const t of theirs.requiredAffinity) processTerm(scores, t, HARD_POD_AFFINITY_WEIGHT, pod, labels, 1);
      processTerms(scores, theirs.preferredAffinity, pod, labels, 1);
      processTerms(scores, theirs.preferredAntiAffinity, pod, labels, -1);
    }
  }
  if (scores.size === 0) return false;
  const raw = feasible.map((info) => {
    const labels = info.node.metadata.labels ?? {};
    let s = 0;
    for (const [key, byValue] of scores) {
      const v = labels[key];
      if (v !== undefined) s += byValue.get(v) ?? 0;
    }
    return s;
  });
  const min = Math.min(...raw);
  const max = Math.max(...raw);
  const diff = max - min;
  raw.forEach((s, j) => (out[j] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((s - min) / diff)) : 0));
  return true;
}
