/**
 * The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status.
 * currentHealthy = selected pods that are Ready, not being deleted and not just evicted
 * (status.disruptedPods); desiredHealthy = minAvailable (a number), or the pods' controllers'
 * scale minus maxUnavailable (or times a minAvailable percentage, rounded up);
 * disruptionsAllowed = currentHealthy - desiredHealthy, at least 0. The Eviction API reads it.
 */
import { labelSelectorMatches } from '../../../model/labels.ts';
import { text } from '../../../model/localized.ts';
import type { K8sObject, ObjectRef, Pod, PodDisruptionBudget } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { isReady } from '../pod-status.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { scaledValue } from './deployment-util.ts';

const NAME = 'disruption-controller';
const SYNC_DELAY_MS = 5;

type PdbStatus = NonNullable<PodDisruptionBudget['status']>;

/** The status a budget should have for these pods; `scale` is the sum of their controllers' replicas. */
export function budgetStatus(pdb: PodDisruptionBudget, pods: readonly Pod[], scale: number): PdbStatus {
  const disrupted = pdb.status?.disruptedPods ?? {};
  const kept: Record<string, string> = {};
  for (const p of pods) if (disrupted[p.metadata.name] !== undefined && !p.metadata.deletionTimestamp) kept[p.metadata.name] = disrupted[p.metadata.name] ?? '';
  const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && kept[p.metadata.name] === undefined && isReady(p)).length;
  let expected: number;
  let desired: number;
  const { minAvailable, maxUnavailable } = pdb.spec;
  if (maxUnavailable !== undefined) {
    expected = scale;
    desired = Math.max(0, expected - scaledValue(maxUnavailable, expected, true));
  } else if (typeof minAvailable === 'string' && minAvailable.endsWith('%')) {
    expected = scale;
    desired = scaledValue(minAvailable, expected, true);
  } else {
    expected = pods.length;
    desired = scaledValue(minAvailable ?? 0, expected, true);
  }
  const allowed = expected > 0 ? Math.max(0, healthy - desired) : 0;
  return { currentHealthy: healthy, desiredHealthy: desired, disruptionsAllowed: allowed, expectedPods: expected, ...(Object.keys(kept).length > 0 ? { disruptedPods: kept } : {}) };
}

export function createDisruptionController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const pending = new Set<ObjectRef>();
  /** The status last written per budget until the watch brings it back (the cache is stale meanwhile). */
  const inFlight = new Map<ObjectRef, string>();

  const selected = (pdb: PodDisruptionBudget): Pod[] => {
    const out: Pod[] = [];
    for (const p of ctx.pods.values()) if ((p.metadata.namespace ?? 'default') === (pdb.metadata.namespace ?? 'default') && labelSelectorMatches(pdb.spec.selector, p.metadata.labels ?? {})) out.push(p);
    return out;
  };

  /** getExpectedScale: the replicas of each distinct controller of the selected pods. */
  const scaleOf = (pods: readonly Pod[]): number => {
    const seen = new Set<string>();
    let scale = 0;
    for (const p of pods) {
      const owner = p.metadata.ownerReferences?.find((o) => o.controller);
      if (!owner || seen.has(owner.uid)) continue;
      seen.add(owner.uid);
      const rs = ctx.objects.get(`${owner.kind}/${p.metadata.namespace ?? 'default'}/${owner.name}`);
      scale += rs?.kind === 'ReplicaSet' ? rs.spec.replicas : 1;
    }
    return scale;
  };

  const sync = (ref: ObjectRef): void => {
    pending.delete(ref);
    const pdb = ctx.objects.get(ref);
    if (pdb?.kind !== 'PodDisruptionBudget') return;
    const pods = selected(pdb);
    const status = budgetStatus(pdb, pods, scaleOf(pods));
    const s = pdb.status;
    if (inFlight.get(ref) === JSON.stringify(status)) return;
    if (s && s.currentHealthy === status.currentHealthy && s.desiredHealthy === status.desiredHealthy && s.disruptionsAllowed === status.disruptionsAllowed && s.expectedPods === status.expectedPods && JSON.stringify(s.disruptedPods ?? {}) === JSON.stringify(status.disruptedPods ?? {})) return;
    ctx.act(NAME, 'reconcile', text(`${pdb.metadata.name}: ${status.currentHealthy} healthy, ${status.desiredHealthy} required -> ${status.disruptionsAllowed} disruption(s) allowed`, `${pdb.metadata.name}: 정상 ${status.currentHealthy}개, 필요 ${status.desiredHealthy}개 -> 허용 중단 ${status.disruptionsAllowed}개`), ref);
    inFlight.set(ref, JSON.stringify(status));
    ctx.call(NAME, 'PUT poddisruptionbudget/status', { verb: 'update', method: 'PUT', ref, subresource: 'status', summary: `disruptionsAllowed ${status.disruptionsAllowed}`, mutate: (o) => (o.kind === 'PodDisruptionBudget' ? { ...o, status } : o) });
  };

  const enqueue = (ref: ObjectRef): void => {
    if (pending.has(ref)) return;
    pending.add(ref);
    rt.clock.after(() => sync(ref), SYNC_DELAY_MS);
  };

  return {
    kinds: ['PodDisruptionBudget', 'Pod'],
    onWatch(type: WatchType, obj: K8sObject): void {
      if (obj.kind === 'PodDisruptionBudget') {
        if (inFlight.get(refOf(obj)) === JSON.stringify(obj.status)) inFlight.delete(refOf(obj));
        if (type !== 'DELETED') enqueue(refOf(obj));
        return;
      }
      if (obj.kind !== 'Pod') return;
      for (const o of ctx.objects.ofKind('PodDisruptionBudget')) {
        if ((o.metadata.namespace ?? 'default') === (obj.metadata.namespace ?? 'default') && labelSelectorMatches(o.spec.selector, obj.metadata.labels ?? {})) enqueue(refOf(o));
      }
    },
  };
}
