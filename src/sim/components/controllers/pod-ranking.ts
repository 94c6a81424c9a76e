/**
 * Which pods a ReplicaSet deletes first when it has too many: upstream's ActivePodsWithRanks.Less
 * (pkg/controller/controller_utils.go) with the rank getPodsRankedByRelatedPodsOnSameNode gives it
 * (pkg/controller/replicaset/replica_set.go). Earlier in the order = deleted first:
 *  1. unassigned < assigned
 *  2. Pending < Unknown < Running
 *  3. not ready < ready
 *  4. lower controller.kubernetes.io/pod-deletion-cost < higher
 *  5. doubled up (more active related pods on the same node) < not doubled up
 *  6. both ready: ready for less time < more time, in log2 buckets (LogarithmicScaleDown, GA 1.31)
 *  7. more container restarts < fewer (kubedeck does not model restarts: always equal)
 *  8. created more recently < earlier, in log2 buckets
 * Pods in the same log2 bucket are ordered by UID, a pseudo-random but stable choice.
 */
import type { Pod } from '../../../model/objects.ts';
import { simTimeOf } from '../../../model/time.ts';
import { isReady } from '../pod-status.ts';

export const DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

function deletionCost(pod: Pod): number {
  const raw = pod.metadata.annotations?.[DELETION_COST];
  const n = raw === undefined ? 0 : Number(raw);
  return Number.isInteger(n) ? n : 0;
}

function readySince(pod: Pod): number | undefined {
  const at = pod.status?.conditions?.find((c) => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime;
  return at === undefined ? undefined : simTimeOf(at);
}

/** int(log2(now - t)) in nanoseconds as Go's time.Duration, -1 when not in the past. */
function logBucket(nowMs: number, tMs: number): number {
  const ns = (nowMs - tMs) * 1e6;
  return ns > 0 ? Math.floor(Math.log2(ns)) : -1;
}

/** Negative: `a` is deleted before `b`. Undefined times sort first, as upstream's afterOrZero. */
function compareTimes(a: number | undefined, b: number | undefined, nowMs: number, uidA: string, uidB: string): number {
  if (a === b) return 0;
  if (a === undefined) return -1;
  if (b === undefined) return 1;
  const diff = logBucket(nowMs, a) - logBucket(nowMs, b);
  if (diff !== 0) return diff;
  return uidA < uidB ? -1 : uidA > uidB ? 1 : 0;
}

export interface RankedPod {
  readonly pod: Pod;
  /** Active pods of the same owner (all ReplicaSets of its Deployment) on this pod's node. */
  readonly rank: number;
}

/** Ranks `pods` by how many of `related` (active) share their node. */
export function rankByColocation(pods: readonly Pod[], related: Iterable<Pod>, isActive: (p: Pod) => boolean): RankedPod[] {
  const onNode = new Map<string, number>();
  for (const p of related) if (isActive(p)) onNode.set(p.spec.nodeName ?? '', (onNode.get(p.spec.nodeName ?? '') ?? 0) + 1);
  return pods.map((pod) => ({ pod, rank: onNode.get(pod.spec.nodeName ?? '') ?? 0 }));
}

/** ActivePodsWithRanks.Less as a comparator for Array.sort. */
export function compareForDeletion(nowMs: number) {
  return (x: RankedPod, y: RankedPod): number => {
    const a = x.pod;
    const b = y.pod;
    const na = a.spec.nodeName ?? '';
    const nb = b.spec.nodeName ?? '';
    if (na !== nb && (na === '' || nb === '')) return na === '' ? -1 : 1;
    const pa = PHASE_ORDINAL[a.status?.phase ?? ''] ?? 0;
    const pb = PHASE_ORDINAL[b.status?.phase ?? ''] ?? 0;
    if (pa !== pb) return pa - pb;
    const ra = isReady(a);
    const rb = isReady(b);
    if (ra !== rb) return ra ? 1 : -1;
    const ca = deletionCost(a);
    const cb = deletionCost(b);
    if (ca !== cb) return ca - cb;
    if (x.rank !== y.rank) return y.rank - x.rank;
    const uidA = a.metadata.uid ?? '';
    const uidB = b.metadata.uid ?? '';
    if (ra && rb) {
      const byReady = compareTimes(readySince(a), readySince(b), nowMs, uidA, uidB);
      if (byReady !== 0) return byReady;
    }
    const created = (p: Pod): number | undefined => (p.metadata.creationTimestamp === undefined ? undefined : simTimeOf(p.metadata.creationTimestamp));
    return compareTimes(created(a), created(b), nowMs, uidA, uidB);
  };
}
