/**
 * The numbers Filter and Score read for every node of every cycle, as flat typed arrays indexed
 * by the node's slot in the scheduler's node list: allocatable and requested cpu / memory /
 * ephemeral storage / pods, and a few flags saying when a node needs the full plugins (taints, a
 * cordon). Reading them from the NodeInfos meant several dependent loads from scattered objects
 * per node; here a node is a handful of array reads. Kept per node list across cycles
 * (changed-slots.ts): a cycle copies in only the nodes the cache's change log names since the
 * last. The same numbers as the NodeInfos, so the same verdicts and scores.
 */
import { newSlotFollower, visitChangedSlots, type SlotFollower } from './changed-slots.ts';
import type { NodeInfo } from './node-info.ts';

/** spec.unschedulable: NodeUnschedulable must look at the pod's tolerations. */
export const FLAG_UNSCHEDULABLE = 1;
/** Any taint: TaintToleration's Filter must look. */
export const FLAG_TAINTED = 2;
/** A PreferNoSchedule taint: TaintToleration's Score must look. */
export const FLAG_PREFER_NO_SCHEDULE = 4;

export interface NodeTable {
  readonly follower: SlotFollower;
  allocCpu: Float64Array;
  allocMem: Float64Array;
  allocEph: Float64Array;
  allowedPods: Float64Array;
  reqCpu: Float64Array;
  reqMem: Float64Array;
  reqEph: Float64Array;
  nonZeroCpu: Float64Array;
  nonZeroMem: Float64Array;
  podCount: Float64Array;
  flags: Uint8Array;
  /**
   * Per slot: when it was last copied in (a number no other copy of any slot has had), so a
   * per-node result computed from the slot's numbers stays good while this is unchanged
   * (slot-cache.ts).
   */
  revision: Float64Array;
  /** The last revision handed out. */
  clock: number;
  /** Slots with FLAG_PREFER_NO_SCHEDULE (0: TaintToleration's Score counts nothing anywhere). */
  preferNoSchedule: number;
}

function allocate(n: number): Omit<NodeTable, 'follower' | 'clock' | 'preferNoSchedule'> {
  return {
    allocCpu: new Float64Array(n),
    allocMem: new Float64Array(n),
    allocEph: new Float64Array(n),
    allowedPods: new Float64Array(n),
    reqCpu: new Float64Array(n),
    reqMem: new Float64Array(n),
    reqEph: new Float64Array(n),
    nonZeroCpu: new Float64Array(n),
    nonZeroMem: new Float64Array(n),
    podCount: new Float64Array(n),
    flags: new Uint8Array(n),
    revision: new Float64Array(n),
  };
}

function flagsOf(info: NodeInfo): number {
  let f = info.spec.unschedulable === true ? FLAG_UNSCHEDULABLE : 0;
  const taints = info.spec.taints;
  if (taints !== undefined && taints.length > 0) {
    f |= FLAG_TAINTED;
    for (const t of taints) if (t.effect === 'PreferNoSchedule') f |= FLAG_PREFER_NO_SCHEDULE;
  }
  return f;
}

/** Copies one NodeInfo's numbers into slot i. */
function fill(t: NodeTable, i: number, info: NodeInfo): void {
  const a = info.allocatable;
  t.allocCpu[i] = a.milliCPU;
  t.allocMem[i] = a.memory;
  t.allocEph[i] = a.ephemeralStorage;
  t.allowedPods[i] = a.allowedPodNumber;
  t.reqCpu[i] = info.requested.milliCPU;
  t.reqMem[i] = info.requested.memory;
  t.reqEph[i] = info.requested.ephemeralStorage;
  t.nonZeroCpu[i] = info.nonZeroRequested.milliCPU;
  t.nonZeroMem[i] = info.nonZeroRequested.memory;
  t.podCount[i] = info.podCount;
  const flags = flagsOf(info);
  // Kept up to date slot by slot between full passes (nodeTable recounts it after one).
  t.preferNoSchedule += ((flags & FLAG_PREFER_NO_SCHEDULE) === 0 ? 0 : 1) - (((t.flags[i] as number) & FLAG_PREFER_NO_SCHEDULE) === 0 ? 0 : 1);
  t.flags[i] = flags;
  t.revision[i] = ++t.clock;
}

/** Per node list: the scheduler's cache hands the same array until a node joins or leaves. */
const memo = new WeakMap<readonly NodeInfo[], NodeTable>();

/** The table of `all`, brought up to date with its NodeInfos. Valid until they change. */
export function nodeTable(all: readonly NodeInfo[]): NodeTable {
  const n = all.length;
  let t = memo.get(all);
  if (t === undefined) memo.set(all, (t = { follower: newSlotFollower(), clock: 0, preferNoSchedule: 0, ...allocate(n) }));
  if (t.allocCpu.length < n) Object.assign(t, allocate(n));
  const table = t;
  // A list whose length changed (or a first pass) is copied whole: visitChangedSlots visits every slot then.
  const full = visitChangedSlots(all, table.follower, (i, info) => fill(table, i, info));
  if (full) {
    let prefer = 0;
    for (let i = 0; i < n; i++) if (((table.flags[i] as number) & FLAG_PREFER_NO_SCHEDULE) !== 0) prefer++;
    table.preferNoSchedule = prefer;
  }
  return table;
}

/**
 * feasible[j]'s slot in nodeTable(all), for callers without Filter's slots (schedulePod passes
 * them). A node outside `all` has no slot: reading slot -1 would score it undefined, so it throws.
 */
export function slotsIn(feasible: readonly NodeInfo[], all: readonly NodeInfo[]): Int32Array {
  const index = new Map(all.map((info, i) => [info, i]));
  return Int32Array.from(feasible, (info) => {
    const slot = index.get(info);
    if (slot === undefined) throw new Error(`node ${info.name} is not among the nodes scored against`);
    return slot;
  });
}
