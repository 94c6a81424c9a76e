/**
 * PreScore / Score / NormalizeScore over the feasible nodes, then the weighted total per node
 * (upstream prioritizeNodes). Each plugin's scores are normalized to 0-100 before weighting.
 * Runs for every pod on up to hundreds of nodes, so it writes into reused buffers: the result is
 * valid until the next call.
 */
import { defaultNormalizeScore, MAX_NODE_SCORE } from './normalize.ts';
import type { NodeInfo } from './node-info.ts';
import { FLAG_PREFER_NO_SCHEDULE, nodeTable, slotsIn, type NodeTable } from './node-table.ts';
import { prepareSlotCache, slotCacheOf } from './slot-cache.ts';
import type { PodContext } from './pod-context.ts';
import { calculatePriority, imageLocalityScore, imageSpread, noneSpread, podImageNames } from './plugins/image-locality.ts';
import { preferredAffinityScore } from './plugins/node-affinity.ts';
import { balancedCpuMemory, cpuMemoryWeights, leastAllocatedCpuMemory } from './plugins/cpu-memory-scores.ts';
import { balancedResourceScore, fillResourceVectors, newResourceVectors, strategyScore } from './plugins/resource-scorers.ts';
import { taintTolerationScore } from './plugins/taint-toleration.ts';
import { affinityScores } from './plugins/inter-pod-affinity/score.ts';
import { spreadScores } from './plugins/topology-spread/score.ts';
import type { SchedulerProfile } from './profile.ts';
import { podRequestFor, type ResourceSpec } from './resources.ts';
import type { ScorePluginName } from './types.ts';

export interface ScoredNodes {
  /** Weighted totals, in the order of the feasible nodes (only the first `feasible.length` entries count). */
  readonly totals: readonly number[];
  readonly skipped: readonly ScorePluginName[];
  /** Normalized (unweighted) scores of each plugin that ran, per feasible node. */
  readonly ran: readonly { readonly name: ScorePluginName; readonly scores: readonly number[] }[];
}

/** The normalized score of each plugin that ran, for feasible node j. */
export function scoresOf(scored: ScoredNodes, j: number): Partial<Record<ScorePluginName, number>> {
  const out: Partial<Record<ScorePluginName, number>> = {};
  for (const { name, scores } of scored.ran) out[name] = scores[j] ?? 0;
  return out;
}

/** A number per distinct list of image names (the ImageLocality cache's key): a handful per run. */
const imageNameIds = new Map<string, number>();
/** The same list object (podImageNames keeps one per workload) asks again: no join then. */
const idsByList = new WeakMap<readonly string[], number>();
function imageNamesId(names: readonly string[]): number {
  const known = idsByList.get(names);
  if (known !== undefined) return known;
  const key = names.join('\u0000');
  let id = imageNameIds.get(key);
  if (id === undefined) imageNameIds.set(key, (id = imageNameIds.size));
  idsByList.set(names, id);
  return id;
}

/** Reused per-plugin score buffers (plain arrays: defaultNormalizeScore works in place). */
const buffers: number[][] = [];
const totalsBuffer: number[] = doubles();

/**
 * An empty array that holds doubles from the start: every score buffer then has the same element
 * kind, so the loop adding them into the totals reads one kind of array, not a mix of integer and
 * double arrays (a polymorphic load per node per plugin).
 */
function doubles(): number[] {
  const a = [0.5];
  a.length = 0;
  return a;
}

function bufferFor(slot: number, length: number): number[] {
  let b = buffers[slot];
  if (b === undefined) {
    b = doubles();
    buffers[slot] = b;
  }
  // Set only when it changes: most cycles of a run score as many nodes as the last.
  if (b.length !== length) b.length = length;
  return b;
}

/** The pod requests none of `resources` (as podRequestFor reads them, actual requests). */
function noRequests(ctx: PodContext, resources: readonly ResourceSpec[]): boolean {
  for (const r of resources) if (podRequestFor(ctx.request, r.name, false) !== 0) return false;
  return true;
}

/** Fills `out` with the plugin's normalized scores; false when the plugin is skipped at PreScore. */
function pluginScores(name: ScorePluginName, ctx: PodContext, feasible: readonly NodeInfo[], all: readonly NodeInfo[], at: NodeSlots, profile: SchedulerProfile, out: number[], skipBestEffort: boolean): boolean {
  const m = feasible.length;
  switch (name) {
    case 'TaintToleration': {
      // Only a node with a PreferNoSchedule taint can count one (the table's flag): the others score 0.
      const { flags, preferNoSchedule } = at.table;
      // No such node at all: every raw score is 0, which NormalizeScore (reversed) makes 100.
      if (preferNoSchedule === 0) {
        out.fill(MAX_NODE_SCORE, 0, m);
        return true;
      }
      const slots = at.slots;
      for (let j = 0; j < m; j++) out[j] = ((flags[slots[j] as number] as number) & FLAG_PREFER_NO_SCHEDULE) === 0 ? 0 : taintTolerationScore(ctx, feasible[j] as NodeInfo);
      defaultNormalizeScore(MAX_NODE_SCORE, true, out);
      return true;
    }
    case 'NodeAffinity': {
      const terms = ctx.preferredTerms;
      if (terms === undefined) return false;
      for (let j = 0; j < m; j++) out[j] = preferredAffinityScore(terms, feasible[j] as NodeInfo);
      defaultNormalizeScore(MAX_NODE_SCORE, false, out);
      return true;
    }
    case 'NodeResourcesFit': {
      const strategy = profile.fit.scoringStrategy;
      const cpuMemory = strategy.type === 'LeastAllocated' ? cpuMemoryWeights(strategy.resources) : undefined;
      if (cpuMemory !== undefined) {
        leastAllocatedCpuMemory(at.table, at.slots, m, ctx.request, cpuMemory, out);
        return true;
      }
      const podRequests = strategy.resources.map((r) => podRequestFor(ctx.request, r.name, true));
      const vectors = newResourceVectors(strategy.resources);
      for (let j = 0; j < m; j++) {
        fillResourceVectors(feasible[j] as NodeInfo, strategy.resources, podRequests, false, vectors);
        out[j] = strategyScore(strategy, vectors);
      }
      return true;
    }
    case 'NodeResourcesBalancedAllocation': {
      const resources = profile.balancedResources;
      // A best-effort pod (no requests at all) skips this plugin from v1.33 (balanced-best-effort.ts).
      if (skipBestEffort && noRequests(ctx, resources)) return false;
      if (cpuMemoryWeights(resources) !== undefined) {
        // Weights do not enter the std.
        balancedCpuMemory(at.table, at.slots, m, ctx.request, out);
        return true;
      }
      const podRequests = resources.map((r) => podRequestFor(ctx.request, r.name, false));
      const vectors = newResourceVectors(resources);
      for (let j = 0; j < m; j++) {
        fillResourceVectors(feasible[j] as NodeInfo, resources, podRequests, true, vectors);
        out[j] = balancedResourceScore(vectors, resources.length);
      }
      return true;
    }
    case 'PodTopologySpread':
      return spreadScores(ctx.pod, feasible, all, ctx.defaultSpreadSelector, out, at.slots);
    case 'InterPodAffinity':
      return affinityScores(ctx.pod, feasible, all, out);
    case 'ImageLocality': {
      const spread = imageSpread(all);
      const names = podImageNames(ctx.pod);
      if (noneSpread(spread, names)) {
        // No node has any of the pod's images: every node sums nothing (the usual case in a big run).
        out.fill(calculatePriority(0, names.length), 0, m);
        return true;
      }
      // A node's score depends on its images, the spread and the pod's image names: kept for the
      // nodes unchanged since the last pod with the same names while no node's images changed.
      const { slots, table } = at;
      const cache = slotCacheOf(table, 'ImageLocality');
      prepareSlotCache(cache, table, imageNamesId(names), spread.version, spread.totalNodes, 0);
      const known = cache.revision;
      const kept = cache.score;
      const revision = table.revision;
      for (let j = 0; j < m; j++) {
        const i = slots[j] as number;
        if (known[i] !== revision[i]) {
          kept[i] = imageLocalityScore(ctx.pod, feasible[j] as NodeInfo, spread, names);
          known[i] = revision[i] as number;
        }
        out[j] = kept[i] as number;
      }
      return true;
    }
  }
}

/** Where the feasible nodes are in the flat table of all nodes: feasible[j] is slot slots[j]. */
export interface NodeSlots {
  readonly table: NodeTable;
  readonly slots: Int32Array;
}

/** The slots of `feasible` in `all`, looked up (schedulePod knows them from Filter and passes them). */
const slotsOf = (feasible: readonly NodeInfo[], all: readonly NodeInfo[]): NodeSlots => ({ table: nodeTable(all), slots: slotsIn(feasible, all) });

/**
 * `all`: every node of the snapshot (ImageLocality's spread counts them all); default the feasible ones.
 * `skipBestEffort`: BalancedAllocation skips a best-effort pod (v1.33+, the default).
 * `at`: the feasible nodes' slots in nodeTable(all), when the caller has them.
 */
export function scoreNodes(ctx: PodContext, feasible: readonly NodeInfo[], profile: SchedulerProfile, all: readonly NodeInfo[] = feasible, skipBestEffort = true, at: NodeSlots = slotsOf(feasible, all)): ScoredNodes {
  const m = feasible.length;
  if (totalsBuffer.length !== m) totalsBuffer.length = m;
  totalsBuffer.fill(0);
  const ran: { readonly name: ScorePluginName; readonly scores: readonly number[] }[] = [];
  const skipped: ScorePluginName[] = [];
  const plugins = profile.scores;
  for (let slot = 0; slot < plugins.length; slot++) {
    const { name, weight } = plugins[slot] as (typeof plugins)[number];
    const scores = bufferFor(slot, m);
    if (!pluginScores(name, ctx, feasible, all, at, profile, scores, skipBestEffort)) {
      skipped.push(name);
      continue;
    }
    for (let j = 0; j < m; j++) totalsBuffer[j] = (totalsBuffer[j] as number) + (scores[j] as number) * weight;
    ran.push({ name, scores });
  }
  return { totals: totalsBuffer, skipped, ran };
}
