/**
 * One pass of a RollingUpdate Deployment (pkg/controller/deployment/rolling.go rolloutRolling),
 * as a pure plan of ReplicaSet scale changes:
 *  1. reconcileNewReplicaSet: grow the new ReplicaSet up to replicas + maxSurge pods in total
 *     (NewRSNewReplicas); if it changed, stop here;
 *  2. reconcileOldReplicaSets: the old ones may lose at most
 *     allPods - (replicas - maxUnavailable) - unavailable pods of the new ReplicaSet:
 *     cleanupUnhealthyReplicas first takes their unavailable pods (oldest ReplicaSet first), then
 *     scaleDownOldReplicaSetsForRollingUpdate takes available ones while more than
 *     replicas - maxUnavailable are available.
 * Readiness gates every step: only availableReplicas (reported by the ReplicaSet controller) let
 * the old side shrink, and only a shrunk old side lets the new side grow.
 */
import type { Deployment, ReplicaSet } from '../../../model/objects.ts';
import { availableReplicas, byCreation, maxUnavailable, newRSNewReplicas, specReplicas } from './deployment-util.ts';

export interface ScaleStep {
  readonly rs: ReplicaSet;
  readonly from: number;
  readonly to: number;
  /** new: the new ReplicaSet grows (or shrinks to replicas); unhealthy: cleanupUnhealthyReplicas; old: scale-down of available old pods. */
  readonly why: 'new' | 'unhealthy' | 'old';
}

const withReplicas = (rs: ReplicaSet, replicas: number): ReplicaSet => ({ ...rs, spec: { ...rs.spec, replicas } });

function reconcileNew(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): ScaleStep | undefined {
  const current = newRS.spec.replicas;
  if (current === d.spec.replicas) return undefined;
  const to = current > d.spec.replicas ? d.spec.replicas : newRSNewReplicas(d, all, newRS);
  return to === current ? undefined : { rs: newRS, from: current, to, why: 'new' };
}

function reconcileOld(d: Deployment, all: readonly ReplicaSet[], oldSets: readonly ReplicaSet[], newRS: ReplicaSet): ScaleStep[] {
  const active = oldSets.filter((rs) => rs.spec.replicas > 0);
  if (specReplicas(active) === 0) return [];
  const minAvailable = d.spec.replicas - maxUnavailable(d);
  const newUnavailable = newRS.spec.replicas - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = specReplicas(all) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const steps: ScaleStep[] = [];
  // cleanupUnhealthyReplicas: unavailable old pods cost no availability.
  const olds = [...active].sort(byCreation);
  let cleaned = 0;
  for (const [i, rs] of olds.entries()) {
    if (cleaned >= maxScaledDown) break;
    const available = rs.status?.availableReplicas ?? 0;
    if (rs.spec.replicas === 0 || rs.spec.replicas === available) continue;
    const count = Math.min(maxScaledDown - cleaned, rs.spec.replicas - available);
    steps.push({ rs, from: rs.spec.replicas, to: rs.spec.replicas - count, why: 'unhealthy' });
    olds[i] = withReplicas(rs, rs.spec.replicas - count);
    cleaned += count;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: keep at least minAvailable available pods.
  const available = availableReplicas([...olds, newRS]);
  if (available <= minAvailable) return steps;
  const total = available - minAvailable;
  let scaled = 0;
  for (const rs of olds) {
    if (scaled >= total) break;
    if (rs.spec.replicas === 0) continue;
    const count = Math.min(rs.spec.replicas, total - scaled);
    steps.push({ rs, from: rs.spec.replicas, to: rs.spec.replicas - count, why: 'old' });
    scaled += count;
  }
  return steps;
}

/** The scale changes of one rolloutRolling pass; empty when the rollout waits or is done. */
export function planRollingUpdate(d: Deployment, newRS: ReplicaSet, oldSets: readonly ReplicaSet[]): ScaleStep[] {
  const all = [...oldSets, newRS];
  const grow = reconcileNew(d, all, newRS);
  if (grow) return [grow];
  return reconcileOld(d, all, oldSets, newRS);
}
