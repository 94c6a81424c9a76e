/**
 * One scheduling attempt, as kube-scheduler's scheduling cycle runs it (pkg/scheduler/schedule_one.go):
 * PreFilter -> Filter (up to numFeasibleNodesToFind feasible nodes, starting at the rotating index)
 * -> PostFilter (preemption) when nothing fits -> PreScore / Score / NormalizeScore -> selectHost.
 * Pure: the NodeInfos are read, never changed; binding (addPodToNodeInfo) is the caller's job.
 */
import type { LabelSelector, Pod } from '../objects.ts';
import { numFeasibleNodesToFind } from './feasible-nodes.ts';
import { fitErrorMessage } from './fit-error.ts';
import type { NodeInfo } from './node-info.ts';
import { createPodContext, type PodContext } from './pod-context.ts';
import type { TaintReasonStyle } from './plugins/taint-toleration.ts';
import { affinityFilterState } from './plugins/inter-pod-affinity/filter.ts';
import { spreadFilterState } from './plugins/topology-spread/filter.ts';
import { runPreemption } from './preemption.ts';
import type { SchedulerProfile } from './profile.ts';
import { activeFilters, runFilters } from './run-filters.ts';
import { nodeTable, type NodeTable } from './node-table.ts';
import { QUICK_NONE, quickFilter, quickPasses } from './quick-filter.ts';
import { scoreNodes, scoresOf } from './score-nodes.ts';
import { selectHost, type TieBreaker } from './select-host.ts';
import type { Rejection } from './status.ts';
import type { NodeVerdict, ScheduleDecision, ScorePluginWeight } from './types.ts';

export interface ScheduleOptions {
  /** Wording of the TaintToleration reason; default 'detailed' ("node(s) had untolerated taint {key: value}"). */
  readonly taintReasons?: TaintReasonStyle;
  /**
   * Default true: above 100 nodes, stop filtering after numFeasibleNodesToFind feasible nodes, as
   * kube-scheduler does. False examines every node.
   */
  readonly sampleNodes?: boolean;
  /** The rotating start index from the previous attempt's `nextStartIndex` (default 0). */
  readonly startIndex?: number;
  /** Default true: BalancedAllocation skips a best-effort pod, as from v1.33 (balanced-best-effort.ts). */
  readonly balancedSkipsBestEffort?: boolean;
  /** DynamicResources (DRA, on by default from v1.34) runs first at PostFilter: "no new claims to deallocate". */
  readonly dynamicResources?: boolean;
  /**
   * Default true: a verdict for every node. False keeps only the selected node's verdict (none when
   * nothing fits): for bulk simulation, where per-node verdicts are not shown.
   */
  readonly verdicts?: boolean;
  /**
   * PodTopologySpread's system default constraints apply to a pod without constraints of its own
   * when this selector (upstream helper.DefaultSelector: the Services, ReplicaSet, StatefulSet or
   * ReplicationController selecting the pod, merged) is given and not empty.
   */
  readonly defaultSpreadSelector?: LabelSelector;
}

const ABSENT_PREFILTER: Rejection = {
  plugin: 'NodeAffinity',
  code: 'UnschedulableAndUnresolvable',
  reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"],
};

/** NodeAffinity PreFilter: every required term pins metadata.name, and no name satisfies them all. */
const PREFILTER_CONFLICT: Rejection = { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ['pod affinity terms conflict'] };

const podRef = (pod: Pod): string => `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;

function verdictOf(info: NodeInfo, status: Rejection | undefined, feasible: boolean, evaluated: boolean): NodeVerdict {
  if (feasible) return { name: info.name, feasible: true, reasons: [], scores: {}, total: 0 };
  if (status === undefined) return { name: info.name, feasible: false, reasons: [], scores: {}, total: 0, evaluated };
  return {
    name: info.name,
    feasible: false,
    reasons: status.reasons,
    ...(status.plugin === 'PreFilter' ? {} : { failedPlugin: status.plugin }),
    scores: {},
    total: 0,
  };
}

interface FilterPass {
  readonly feasible: NodeInfo[];
  /** feasible[j]'s index in all nodes (its slot in nodeTable(nodes)); a shared buffer, valid during the attempt. */
  readonly slots: Int32Array;
  readonly table: NodeTable;
  /** Per node index (into all nodes), the rejection, if evaluated and rejected. */
  readonly rejections: (Rejection | undefined)[];
  readonly evaluated: boolean[];
  readonly explicit: Rejection[];
  /** Nodes Filter examined before it had enough feasible ones (or ran out). */
  readonly processed: number;
  readonly nextStartIndex: number;
}

function filterNodes(ctx: PodContext, nodes: readonly NodeInfo[], profile: SchedulerProfile, opts: ScheduleOptions): FilterPass {
  const n = nodes.length;
  // Sparse: only rejected / examined nodes get an entry (the per-pod loop should not allocate per node).
  const rejections: (Rejection | undefined)[] = [];
  const evaluated: boolean[] = [];
  const explicit: Rejection[] = [];
  let candidates: number[] | null = null;
  if (ctx.nodeNames !== undefined) {
    candidates = [];
    for (let i = 0; i < n; i++) {
      if (ctx.nodeNames.has(nodes[i]?.name ?? '')) candidates.push(i);
      else rejections[i] = ABSENT_PREFILTER;
    }
  }
  const numCandidates = candidates === null ? n : candidates.length;
  const sample = opts.sampleNodes ?? true;
  const toFind = sample ? numFeasibleNodesToFind(numCandidates, profile.percentageOfNodesToScore) : numCandidates;
  const start = n === 0 ? 0 : (opts.startIndex ?? 0) % n;
  const taintReasons = opts.taintReasons ?? 'detailed';
  const track = opts.verdicts ?? true;
  const filters = activeFilters(profile, ctx);
  const table = nodeTable(nodes);
  const quick = quickFilter(filters, ctx.request);
  // Sized once for the most it can hold (then cut to what was found): pushing ~230 nodes per pod
  // grew it five times over, most of the scheduler's garbage.
  const feasible = new Array<NodeInfo>(Math.min(toFind, numCandidates));
  // Allocating a typed array per attempt cost more than the filtering itself.
  const slots = slotsBuffer(feasible.length);
  let found = 0;
  let processed = 0;
  // Walk the candidates starting at the rotating index, as upstream's checkNode does.
  let next = start;
  for (let k = 0; k < numCandidates && found < toFind; k++) {
    let idx: number;
    if (candidates === null) {
      // (start + k) % n, without a division per node.
      idx = next;
      if (++next === n) next = 0;
    } else idx = candidates[(start + k) % numCandidates] ?? 0;
    const info = nodes[idx];
    if (info === undefined) continue;
    processed++;
    if (track) evaluated[idx] = true;
    // A node the quick test passes passes every active filter; any other gets the plugins (and
    // its rejection from them).
    if (quick !== QUICK_NONE && quickPasses(table, idx, quick, ctx.request)) {
      slots[found] = idx;
      feasible[found++] = info;
      continue;
    }
    const status = runFilters(profile, ctx, info, taintReasons, filters);
    if (status === null) {
      slots[found] = idx;
      feasible[found++] = info;
    } else {
      rejections[idx] = status;
      explicit.push(status);
    }
  }
  feasible.length = found;
  return { feasible, slots, table, rejections, evaluated, explicit, processed, nextStartIndex: n === 0 ? 0 : (start + processed) % n };
}

/** PreFilter rejected the pod: every node carries the same status, and the message is the PreFilter's. */
function preFilterRejected(ctx: PodContext, nodes: readonly NodeInfo[], profile: SchedulerProfile, opts: ScheduleOptions): ScheduleDecision {
  const reasons: string[] = [];
  if (opts.dynamicResources === true) reasons.push('no new claims to deallocate');
  if (profile.preemption) {
    const result = runPreemption(ctx, nodes, () => PREFILTER_CONFLICT, profile, opts.taintReasons ?? 'detailed');
    if (result.message !== '') reasons.push(`preemption: ${result.message}`);
  }
  const explicit = nodes.map(() => PREFILTER_CONFLICT);
  return {
    pod: podRef(ctx.pod),
    nodes: (opts.verdicts ?? true) ? nodes.map((info) => verdictOf(info, PREFILTER_CONFLICT, false, true)) : [],
    selected: null,
    scored: false,
    tied: [],
    failureMessage: fitErrorMessage(nodes.length, { explicit }, { preFilterMsg: PREFILTER_CONFLICT.reasons[0] ?? '', postFilterMsg: reasons.join(', ') }),
    nextStartIndex: opts.startIndex ?? 0,
  };
}

/**
 * The profile's score weights as decisions list them: one read-only list per profile, shared by
 * every scored decision (a long run keeps ten thousand of them in its trace).
 */
const WEIGHTS = new WeakMap<SchedulerProfile, readonly ScorePluginWeight[]>();
function weightsOf(profile: SchedulerProfile): readonly ScorePluginWeight[] {
  let weights = WEIGHTS.get(profile);
  if (weights === undefined) {
    weights = profile.scores.map(({ name, weight }) => ({ plugin: name, weight }));
    WEIGHTS.set(profile, weights);
  }
  return weights;
}

/** The names of the tied nodes (often most of the scored ones: a loop, not a closure per node). */
function tiedNames(tied: readonly number[], feasible: readonly NodeInfo[]): string[] {
  const out = new Array<string>(tied.length);
  for (let k = 0; k < tied.length; k++) out[k] = feasible[tied[k] as number]?.name ?? '';
  return out;
}

/** Feasible nodes' slots, reused from attempt to attempt (read only within one: Score's input). */
let SLOTS = new Int32Array(256);
function slotsBuffer(n: number): Int32Array {
  if (SLOTS.length < n) SLOTS = new Int32Array(Math.max(n, SLOTS.length * 2));
  return SLOTS;
}

/** Schedules one pod. See ./index.ts for the API overview. */
export function schedulePod(
  pod: Pod,
  nodes: readonly NodeInfo[],
  profile: SchedulerProfile,
  tieBreaker: TieBreaker,
  opts: ScheduleOptions = {},
): ScheduleDecision {
  if (nodes.length === 0) {
    // Upstream ErrNoNodesAvailable: the cycle stops before PreFilter.
    return { pod: podRef(pod), nodes: [], selected: null, scored: false, tied: [], failureMessage: 'no nodes available to schedule pods', nextStartIndex: 0 };
  }
  const spread = profile.filters.includes('PodTopologySpread') ? spreadFilterState(pod, nodes) : undefined;
  const affinity = profile.filters.includes('InterPodAffinity') ? affinityFilterState(pod, nodes) : undefined;
  // One shape for every pod (unset ones undefined), no conditional spreads: every cycle builds it.
  const ctx: PodContext = createPodContext(pod, { spread, affinity, defaultSpreadSelector: opts.defaultSpreadSelector });
  if (ctx.nodeNames !== undefined && ctx.nodeNames.size === 0) return preFilterRejected(ctx, nodes, profile, opts);
  const pass = filterNodes(ctx, nodes, profile, opts);
  const wantVerdicts = opts.verdicts ?? true;
  // Without verdicts nothing else says how far Filter went: the counts, for the scheduler's own words.
  // Two literals (no conditional spread): every pod's decision starts with these.
  const base = wantVerdicts
    ? { pod: podRef(pod), nextStartIndex: pass.nextStartIndex }
    : { pod: podRef(pod), nextStartIndex: pass.nextStartIndex, filtered: { examined: pass.processed, feasible: pass.feasible.length, of: nodes.length } };

  if (pass.feasible.length === 0) {
    let candidates: readonly string[] = [];
    const reasons: string[] = [];
    if (opts.dynamicResources === true) reasons.push('no new claims to deallocate');
    if (profile.preemption) {
      const indexOf = new Map(nodes.map((info, i) => [info, i]));
      const statusOf = (info: NodeInfo): Rejection => pass.rejections[indexOf.get(info) ?? -1] ?? ABSENT_PREFILTER;
      const result = runPreemption(ctx, nodes, statusOf, profile, opts.taintReasons ?? 'detailed');
      candidates = result.candidates;
      if (result.message !== '') reasons.push(`preemption: ${result.message}`);
    }
    // A successful PostFilter plugin ends PostFilter with no message (upstream RunPostFilterPlugins).
    const postFilterMsg = candidates.length > 0 ? '' : reasons.join(', ');
    const absent = pass.explicit.length < nodes.length ? ABSENT_PREFILTER : undefined;
    const failureMessage = fitErrorMessage(nodes.length, absent === undefined ? { explicit: pass.explicit } : { explicit: pass.explicit, absent }, { postFilterMsg });
    return {
      ...base,
      nodes: wantVerdicts ? nodes.map((info, i) => verdictOf(info, pass.rejections[i], false, pass.evaluated[i] ?? false)) : [],
      selected: null,
      scored: false,
      tied: [],
      failureMessage,
      ...(candidates.length > 0 ? { preemptionCandidates: candidates } : {}),
    };
  }

  const only = pass.feasible[0];
  if (pass.feasible.length === 1 && only !== undefined) {
    // Only one node passed Filter: kube-scheduler skips scoring and takes it.
    const verdicts = wantVerdicts
      ? nodes.map((info, i) => verdictOf(info, pass.rejections[i], info === only, pass.evaluated[i] ?? false))
      : [verdictOf(only, undefined, true, true)];
    return { ...base, nodes: verdicts, selected: only.name, scored: false, tied: [] };
  }

  const scored = scoreNodes(ctx, pass.feasible, profile, nodes, opts.balancedSkipsBestEffort ?? true, { table: pass.table, slots: pass.slots });
  // scored.totals is a reused buffer: read it now, copy what the decision keeps.
  const choice = selectHost(scored.totals, tieBreaker);
  const winner = choice === null ? undefined : pass.feasible[choice.index];
  const tied = choice === null ? [] : tiedNames(choice.tied, pass.feasible);
  let nodeVerdicts: NodeVerdict[] = [];
  if (!wantVerdicts && winner !== undefined && choice !== null) {
    nodeVerdicts = [{ name: winner.name, feasible: true, reasons: [], scores: scoresOf(scored, choice.index), total: scored.totals[choice.index] ?? 0 }];
  } else if (wantVerdicts) {
    const byNode = new Map(pass.feasible.map((info, i) => [info, i]));
    nodeVerdicts = nodes.map((info, i) => {
      const j = byNode.get(info);
      if (j === undefined) return verdictOf(info, pass.rejections[i], false, pass.evaluated[i] ?? false);
      return { name: info.name, feasible: true, reasons: [], scores: scoresOf(scored, j), total: scored.totals[j] ?? 0 };
    });
  }
  // Written out (base's fields first, as `...base` put them), the optional field set after the
  // literal (it goes last, as it did): the decision every scored pod gets, without a spread.
  const selected = winner?.name ?? null;
  const weights = weightsOf(profile);
  const decision: { -readonly [K in keyof ScheduleDecision]: ScheduleDecision[K] } =
    'filtered' in base
      ? { pod: base.pod, nextStartIndex: base.nextStartIndex, filtered: base.filtered, nodes: nodeVerdicts, selected, scored: true, tied, weights }
      : { pod: base.pod, nextStartIndex: base.nextStartIndex, nodes: nodeVerdicts, selected, scored: true, tied, weights };
  if (scored.skipped.length > 0) decision.skippedScorePlugins = scored.skipped;
  return decision;
}
