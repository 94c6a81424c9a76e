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
import { countKey, countOnNode, hasAllKeys, LABEL_HOSTNAME, nodeIncluded, scoreConstraints, type SpreadConstraint } from './constraints.ts';
import { domainTotals } from './domain-totals.ts';
import { slotsIn } from '../../node-table.ts';

/**
 * Fills `out` with the normalized scores of the feasible nodes; false when the plugin is skipped
 * (no constraint applies: PreScore Skip).
 */
export function spreadScores(pod: Pod, feasible: readonly NodeInfo[], all: readonly NodeInfo[], defaultSelector: LabelSelector | undefined, out: number[], slots?: Int32Array): boolean {
  const { constraints, systemDefaulted } = scoreConstraints(pod, defaultSelector);
  if (constraints.length === 0) return false;
  // Runs for every pod over every node: index loops, per-constraint lookups hoisted, no closures.
  const requireAll = !systemDefaulted;
  const ns = pod.metadata.namespace ?? 'default';
  const nc = constraints.length;
  const m = feasible.length;
  const { keys, isHost, honorsTaints } = perConstraint(constraints, ns);
  // nodeIncluded() can only exclude a node when the pod has a nodeSelector or required node
  // affinity to honour, or a constraint honours taints; otherwise skip the call per node.
  const mayExclude = pod.spec.nodeSelector !== undefined || pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution !== undefined || honorsTaints;
  if (!requireAll && !mayExclude) return systemDefaultScores(constraints, isHost, keys, ns, slots ?? slotsIn(feasible, all), m, all, out);
  const ignored: boolean[] = [];
  let ignoredCount = 0;
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

interface PerConstraint {
  readonly ns: string;
  /** countKey of each constraint's selector in `ns`. */
  readonly keys: readonly string[];
  readonly isHost: readonly boolean[];
  readonly honorsTaints: boolean;
}

/**
 * What spreadScores derives from the constraints in the pod's namespace, kept per constraints
 * list: the system defaults of a workload are one list for all its pods (scoreConstraints).
 */
function perConstraint(constraints: readonly SpreadConstraint[], ns: string): PerConstraint {
  let p = PER_CONSTRAINT.get(constraints);
  if (p === undefined || p.ns !== ns) {
    p = { ns, keys: constraints.map((c) => countKey(c.selector, ns)), isHost: constraints.map((c) => c.topologyKey === LABEL_HOSTNAME), honorsTaints: constraints.some((c) => c.honorTaints) };
    PER_CONSTRAINT.set(constraints, p);
  }
  return p;
}
const PER_CONSTRAINT = new WeakMap<readonly SpreadConstraint[], PerConstraint>();

/**
 * spreadScores when every node counts for every constraint and none is ignored (system default
 * constraints, nothing to exclude a node): the same scores, with each node's and each domain's
 * matching pods read from the counts kept across cycles (domain-totals.ts) by the node's slot in
 * `all`, instead of summed over every node.
 */
function systemDefaultScores(constraints: readonly SpreadConstraint[], isHost: readonly boolean[], keys: readonly string[], ns: string, slots: Int32Array, m: number, all: readonly NodeInfo[], out: number[]): boolean {
  const nc = constraints.length;
  const raw = rawBuffer(m);
  raw.fill(0, 0, m);
  // Per constraint, in order (each node's sum adds the constraints' terms in the same order as
  // a per-node loop would): a node lacking the key adds no term; the weight is
  // topologyNormalizingWeight, log(domains + 2), the domains those of the feasible nodes ('' for
  // a node without the key; for hostname, the scored nodes).
  for (let i = 0; i < nc; i++) {
    const c = constraints[i] as SpreadConstraint;
    const d = domainTotals(all, c.topologyKey, c.selector, ns, keys[i] ?? '');
    const { domain, hasKey, count, totals } = d;
    const base = c.maxSkew - 1;
    if (isHost[i] === true) {
      const weight = Math.log(m + 2);
      for (let j = 0; j < m; j++) {
        const s = slots[j] as number;
        if (hasKey[s] === 1) raw[j] = (raw[j] as number) + ((count[s] as number) * weight + base);
      }
      continue;
    }
    const known = d.names.length;
    const seen = seenBuffer(known);
    const stamp = ++seenStamp;
    let domains = 0;
    // Stops once every domain the totals know is seen (a cluster without zones has one: '').
    for (let j = 0; j < m && domains < known; j++) {
      const id = domain[slots[j] as number] as number;
      if (seen[id] !== stamp) {
        seen[id] = stamp;
        domains++;
      }
    }
    const weight = Math.log(domains + 2);
    // No node with the key: no node gets a term.
    if (d.withKey === 0) continue;
    for (let j = 0; j < m; j++) {
      const s = slots[j] as number;
      if (hasKey[s] === 1) raw[j] = (raw[j] as number) + ((totals[domain[s] as number] as number) * weight + base);
    }
  }
  let min = Number.MAX_SAFE_INTEGER;
  let max = 0;
  for (let j = 0; j < m; j++) {
    // Go math.Round: half away from zero (scores are non-negative).
    const r = Math.round(raw[j] as number);
    out[j] = r;
    if (r < min) min = r;
    if (r > max) max = r;
  }
  for (let j = 0; j < m; j++) out[j] = max === 0 ? MAX_NODE_SCORE : Math.trunc((MAX_NODE_SCORE * (max + min - (out[j] as number))) / max);
  return true;
}

/** The feasible nodes' raw sums of the cycle under way (reused: no array per pod). */
let RAW = new Float64Array(256);
function rawBuffer(m: number): Float64Array {
  if (RAW.length < m) RAW = new Float64Array(Math.max(m, RAW.length * 2));
  return RAW;
}

/** Per domain index, the stamp of the last pass that saw it among the feasible nodes (a set without clearing). */
let SEEN = new Float64Array(16);
let seenStamp = 0;
function seenBuffer(n: number): Float64Array {
  if (SEEN.length < n) {
    SEEN = new Float64Array(Math.max(n, SEEN.length * 2));
    seenStamp = 0;
  }
  return SEEN;
}
