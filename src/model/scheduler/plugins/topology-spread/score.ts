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
import { countKey, countOnNode, hasAllKeys, LABEL_HOSTNAME, nodeIncluded, nodeLabel, scoreConstraints, type SpreadConstraint } from './constraints.ts';
import { domainTotals } from './domain-totals.ts';

/**
 * Fills `out` with the normalized scores of the feasible nodes; false when the plugin is skipped
 * (no constraint applies: PreScore Skip).
 */
export function spreadScores(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[], defaultSelector: LabelSelector | undefined, out: number[]): boolean {
  const { constraints, systemDefaulted } = scoreConstraints(pod, defaultSelector);
  if (constraints.length === 0) return false;
  // Runs for every pod over every node: index loops, per-constraint lookups hoisted, no closures.
  const requireAll = !systemDefaulted;
  const ns = pod.metadata.namespace ?? 'default';
  const nc = constraints.length;
  const m = feasible.length;
  const keys = constraints.map((c) => countKey(c.selector, ns));
  const isHost = constraints.map((c) => c.topologyKey === LABEL_HOSTNAME);
  const ignored: boolean[] = [];
  let ignoredCount = 0;
  // nodeIncluded() can only exclude a node when the pod has a nodeSelector or required node
  // affinity to honour, or a constraint honours taints; otherwise skip the call per node.
  const mayExclude = pod.spec.nodeSelector !== undefined || pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined || constraints.some((c) => c.honorTaints);
  if (!requireAll && !mayExclude) return systemDefaultScores(constraints, isHost, keys, ns, feasible, all, out);
  // Domains of the feasible nodes: key -> value -> matching pods (hostname counted per node at Score).
  const pairCounts = new Map<string, Map<string, number>>();
  for (let j = 0; j < m; j++) {
    const info = feasible[j] as NodeInfo;
    if (requireAll && !hasAllKeys(info.node, constraints)) {
      ignored[j] = true;
      ignoredCount++;
      continue;
    }
    ignored[j] = false;
    const labels = info.node.metadata.labels ?? {};
    for (let i = 0; i < nc; i++) {
      if (isHost[i] === true) continue;
      const c = constraints[i] as SpreadConstraint;
      // A node without the key (system defaults) makes a "" domain: it counts in the weight only.
      const v = labels[c.topologyKey] ?? '';
      let byValue = pairCounts.get(c.topologyKey);
      if (byValue === undefined) pairCounts.set(c.topologyKey, (byValue = new Map()));
      byValue.set(v, 0);
    }
  }
  const domains = constraints.map((c) => pairCounts.get(c.topologyKey));
  for (const info of all) {
    if (requireAll && !hasAllKeys(info.node, constraints)) continue;
    const labels = info.node.metadata.labels ?? {};
    for (let i = 0; i < nc; i++) {
      const byValue = domains[i];
      if (isHost[i] === true || byValue === undefined) continue;
      const c = constraints[i] as SpreadConstraint;
      const v = labels[c.topologyKey] ?? '';
      const before = byValue.get(v);
      if (before === undefined || (mayExclude && !nodeIncluded(c, pod, info.node))) continue;
      byValue.set(v, before + countOnNode(info, c.selector, ns, keys[i] ?? ''));
    }
  }
  // topologyNormalizingWeight: log(domains + 2); for hostname the domains are the scored nodes.
  const weights = constraints.map((_c, i) => Math.log((isHost[i] === true ? m - ignoredCount : (domains[i]?.size ?? 0)) + 2));
  // Raw scores into `out` first, normalized in place below.
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let j = 0; j < m; j++) {
    if (ignored[j] === true) {
      out[j] = 0;
      continue;
    }
    const info = feasible[j] as NodeInfo;
    const labels = info.node.metadata.labels ?? {};
    let score = 0;
    for (let i = 0; i < nc; i++) {
      const c = constraints[i] as SpreadConstraint;
      const v = labels[c.topologyKey];
      if (v === undefined) continue;
      const cnt = isHost[i] === true ? countOnNode(info, c.selector, ns, keys[i] ?? '') : (domains[i]?.get(v) ?? 0);
      score += cnt * (weights[i] ?? 0) + (c.maxSkew - 1);
    }
    // Go math.Round: half away from zero (scores are non-negative).
    const raw = Math.round(score);
    out[j] = raw;
    min = Math.min(min, raw);
    max = Math.max(max, raw);
  }
  for (let j = 0; j < m; j++) {
    if (ignored[j] === true) out[j] = 0;
    else if (max === 0) out[j] = MAX_NODE_SCORE;
    else out[j] = Math.trunc((MAX_NODE_SCORE * (max + min - (out[j] ?? 0))) / max);
  }
  return true;
}

/**
 * spreadScores when every node counts for every constraint and none is ignored (system default
 * constraints, nothing to exclude a node): the same scores, with each domain's matching pods read
 * from the totals kept across cycles (domain-totals.ts) instead of summed over every node.
 */
function systemDefaultScores(constraints: readonly SpreadConstraint[], isHost: readonly boolean[], keys: readonly string[], ns: string, feasible: readonly NodeInfo[], all: readonly NodeInfo[], out: number[]): boolean {
  const nc = constraints.length;
  const m = feasible.length;
  const totals: (ReadonlyMap<string, number> | undefined)[] = [];
  const seen: (Set<string> | undefined)[] = [];
  for (let i = 0; i < nc; i++) {
    const c = constraints[i] as SpreadConstraint;
    totals.push(isHost[i] === true ? undefined : domainTotals(all, c.topologyKey, c.selector, ns, keys[i] ?? ''));
    seen.push(isHost[i] === true ? undefined : new Set());
  }
  // One pass over the nodes' labels: each node's count per constraint (-1: the node lacks the key,
  // no term), and the domains among the feasible nodes ('' for a node without the key).
  for (let i = 0; i < nc; i++) countsBuffer(i).length = m;
  for (let j = 0; j < m; j++) {
    const info = feasible[j] as NodeInfo;
    for (let i = 0; i < nc; i++) {
      const c = constraints[i] as SpreadConstraint;
      const v = nodeLabel(info, c.topologyKey);
      const counts = COUNTS[i] as number[];
      if (isHost[i] === true) counts[j] = v === undefined ? -1 : countOnNode(info, c.selector, ns, keys[i] ?? '');
      else {
        (seen[i] as Set<string>).add(v ?? '');
        counts[j] = v === undefined ? -1 : (totals[i]?.get(v) ?? 0);
      }
    }
  }
  // topologyNormalizingWeight: log(domains + 2); for hostname the domains are the scored nodes.
  const weights: number[] = [];
  for (let i = 0; i < nc; i++) weights.push(Math.log((isHost[i] === true ? m : (seen[i]?.size ?? 0)) + 2));
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let j = 0; j < m; j++) {
    let score = 0;
    for (let i = 0; i < nc; i++) {
      const cnt = (COUNTS[i] as number[])[j] ?? -1;
      if (cnt < 0) continue;
      score += cnt * (weights[i] ?? 0) + ((constraints[i] as SpreadConstraint).maxSkew - 1);
    }
    const raw = Math.round(score);
    out[j] = raw;
    min = Math.min(min, raw);
    max = Math.max(max, raw);
  }
  for (let j = 0; j < m; j++) out[j] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - (out[j] ?? 0))) / max);
  return true;
}

/** Per constraint, the feasible nodes' counts of the cycle under way (reused: no arrays per pod). */
const COUNTS: number[][] = [];
function countsBuffer(i: number): number[] {
  let b = COUNTS[i];
  if (b === undefined) COUNTS[i] = b = [];
  return b;
}
