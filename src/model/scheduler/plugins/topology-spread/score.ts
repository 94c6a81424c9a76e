/**
 * PodTopologySpread Score (upstream podtopologyspread/scoring.go): per ScheduleAnyway constraint
 * (or the system defaults), a node's raw score is the matching pods in its domain times
 * log(domains + 2) plus maxSkew - 1, summed and rounded; NormalizeScore maps the fewest matching pods
 * to 100 (100 * (max + min - score) / max). With the pod's own constraints, nodes missing a
 * topology key are ignored (score 0); with system defaults they are scored with the keys they have.
 */
import type { LabelSelector, Pod } from '../../../objects.ts';
import { MAX_NODE_SCORE } from '../../normalize.ts';
import type { NodeInfo } from '../../node-info.ts';
import { countKey, countOnNode, hasAllKeys, LABEL_HOSTNAME, nodeIncluded, scoreConstraints } from './constraints.ts';

/**
 * Fills `out` with the normalized scores of the feasible nodes; false when the plugin is skipped
 * (no constraint applies: PreScore Skip).
 */
export function spreadScores(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[], defaultSelector: LabelSelector | undefined, out: number[]): boolean {
  const { constraints, systemDefaulted } = scoreConstraints(pod, defaultSelector);
  if (constraints.length === 0) return false;
  const requireAll = !systemDefaulted;
  const ns = pod.metadata.namespace ?? 'default';
  const keys = constraints.map((c) => countKey(c.selector, ns));
  const ignored = new Set<string>();
  // Domains of the feasible nodes: key -> value -> matching pods (hostname counted per node at Score).
  const pairCounts = new Map<string, Map<string, number>>();
  for (const info of feasible) {
    if (requireAll && !hasAllKeys(info.node, constraints)) {
      ignored.add(info.name);
      continue;
    }
    const labels = info.node.metadata.labels ?? {};
    for (const c of constraints) {
      if (c.topologyKey === LABEL_HOSTNAME) continue;
      // A node without the key (system defaults) makes a "" domain: it counts in the weight only.
      const v = labels[c.topologyKey] ?? '';
      let byValue = pairCounts.get(c.topologyKey);
      if (byValue === undefined) pairCounts.set(c.topologyKey, (byValue = new Map()));
      byValue.set(v, 0);
    }
  }
  for (const info of all) {
    if (requireAll && !hasAllKeys(info.node, constraints)) continue;
    const labels = info.node.metadata.labels ?? {};
    constraints.forEach((c, i) => {
      if (c.topologyKey === LABEL_HOSTNAME || !nodeIncluded(c, pod, info.node)) return;
      const v = labels[c.topologyKey] ?? '';
      const byValue = pairCounts.get(c.topologyKey);
      if (byValue?.has(v) !== true) return;
      byValue.set(v, (byValue.get(v) ?? 0) + countOnNode(info, c.selector, ns, keys[i] ?? ''));
    });
  }
  // topologyNormalizingWeight: log(domains + 2); for hostname the domains are the scored nodes.
  const weights = constraints.map((c) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : (pairCounts.get(c.topologyKey)?.size ?? 0)) + 2));
  const raw = feasible.map((info) => {
    if (ignored.has(info.name)) return 0;
    const labels = info.node.metadata.labels ?? {};
    let score = 0;
    constraints.forEach((c, i) => {
      const v = labels[c.topologyKey];
      if (v === undefined) return;
      const cnt = c.topologyKey === LABEL_HOSTNAME ? countOnNode(info, c.selector, ns, keys[i] ?? '') : (pairCounts.get(c.topologyKey)?.get(v) ?? 0);
      score += cnt * (weights[i] ?? 0) + (c.maxSkew - 1);
    });
    // Go math.Round: half away from zero (scores are non-negative).
    return Math.round(score);
  });
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  feasible.forEach((info, j) => {
    if (ignored.has(info.name)) return;
    const s = raw[j] ?? 0;
    min = Math.min(min, s);
    max = Math.max(max, s);
  });
  feasible.forEach((info, j) => {
    if (ignored.has(info.name)) out[j] = 0;
    else if (max === 0) out[j] = MAX_NODE_SCORE;
    else out[j] = Math.trunc((MAX_NODE_SCORE * (max + min - (raw[j] ?? 0))) / max);
  });
  return true;
}
