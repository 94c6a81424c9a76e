/**
 * The ReplicaSet controller: desired replicas vs active pods it owns (pods being deleted do not
 * count); creates the difference in slow-start batches 1, 2, 4, 8... (at most 500 per sync) or
 * deletes the surplus (pkg/controller/replicaset/replica_set.go).
 */
import { text } from '../../../model/localized.ts';
import type { K8sObject, ObjectRef, Pod, ReplicaSet } from '../../../model/objects.ts';
import { refOf, refOfParts } from '../../../model/objects.ts';
import { isReady } from '../pod-status.ts';
import { compareForDeletion, rankByColocation } from './pod-ranking.ts';
import type { ApiAnswer } from '../client.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { formatCount } from '../../../model/count.ts';

const NAME = 'replicaset-controller';
const BURST_REPLICAS = 500;
/** The work queue coalesces events: a sync runs shortly after the first one. */
const SYNC_DELAY_MS = 5;

export function isActive(pod: Pod): boolean {
  return !pod.metadata.deletionTimestamp && pod.status?.phase !== 'Succeeded' && pod.status?.phase !== 'Failed';
}

function controllerUid(obj: K8sObject): string | undefined {
  return obj.metadata.ownerReferences?.find((o) => o.controller)?.uid;
}

/** Which pods go first when scaling down: see pod-ranking.ts (upstream ActivePodsWithRanks). */
export function deletionRank(a: Pod, b: Pod): number {
  return compareForDeletion(0)({ pod: a, rank: 0 }, { pod: b, rank: 0 });
}

export function createReplicaSetController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const pendingSync = new Set<ObjectRef>();
  /** Pods by their controller's uid, with running counts, so a sync does not scan every pod. */
  const byOwner = new Map<string, { readonly pods: Map<ObjectRef, Pod>; active: number; ready: number }>();

  const track = (type: WatchType, pod: Pod, before: Pod | undefined): void => {
    const owner = controllerUid(pod);
    if (owner === undefined) return;
    let entry = byOwner.get(owner);
    if (!entry) {
      entry = { pods: new Map(), active: 0, ready: 0 };
      byOwner.set(owner, entry);
    }
    if (before && isActive(before)) {
      entry.active--;
      if (isReady(before)) entry.ready--;
    }
    if (type === 'DELETED') {
      entry.pods.delete(refOf(pod));
      return;
    }
    entry.pods.set(refOf(pod), pod);
    if (isActive(pod)) {
      entry.active++;
      if (isReady(pod)) entry.ready++;
    }
  };
  /** Creations sent but not yet seen through the watch ("expectations"), per ReplicaSet. */
  const expecting = new Map<ObjectRef, number>();


  /**
   * The Events `kubectl describe rs` lists, as RealPodControl records them on the ReplicaSet
   * (pkg/controller/controller_utils.go createPods, DeletePod): SuccessfulCreate "Created pod: <name>",
   * FailedCreate "Error creating: <error>", SuccessfulDelete "Deleted pod: <name>"; a pod already gone
   * (404) records nothing.
   */
  const recordCreate = (rs: ReplicaSet, answer: ApiAnswer): void => {
    if (answer.status < 300 && answer.object) ctx.event(NAME, rs, 'SuccessfulCreate', `Created pod: ${answer.object.metadata.name}`);
    else if (answer.status >= 300) ctx.event(NAME, rs, 'FailedCreate', `Error creating: ${answer.message}`, 'Warning');
  };
  const recordDelete = (rs: ReplicaSet, pod: Pod, answer: ApiAnswer): void => {
    if (answer.status < 300) ctx.event(NAME, rs, 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
    else if (answer.status !== 404) ctx.event(NAME, rs, 'FailedDelete', `Error deleting: ${answer.message}`, 'Warning');
  };

  const createBatches = (rs: ReplicaSet, total: number): void => {
    const ref = refOf(rs);
    // What every pod of the batches has alike, made once: the pods keep them as long as they live.
    const generateName = `${rs.metadata.name}-`;
    const labels = { ...(rs.spec.template.metadata?.labels ?? {}) };
    const ownerReferences = [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid ?? '', controller: true }];
    let remaining = Math.min(total, BURST_REPLICAS);
    let batch = 1;
    const sendBatch = (): void => {
      if (remaining <= 0) return;
      const size = Math.min(batch, remaining);
      remaining -= size;
      batch *= 2;
      let answered = 0;
      let failed = false;
      for (let i = 0; i < size; i++) {
        const pod: Pod = {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: '', generateName, namespace: rs.metadata.namespace ?? 'default', labels, ownerReferences },
          spec: rs.spec.template.spec,
        };
        ctx.call(NAME, 'POST pod', { verb: 'create', object: pod }, (answer) => {
          recordCreate(rs, answer);
          if (answer.status >= 300) failed = true;
          if (++answered === size && !failed) sendBatch();
          else if (answered === size) expecting.set(ref, 0);
        });
      }
    };
    expecting.set(ref, remaining);
    sendBatch();
  };

  /** Pods of every ReplicaSet with the same controller (a Deployment's old and new sets). */
  const relatedPods = (rs: ReplicaSet): Pod[] => {
    const owner = controllerUid(rs);
    if (owner === undefined) return [...(byOwner.get(rs.metadata.uid ?? '')?.pods.values() ?? [])];
    const out: Pod[] = [];
    for (const o of ctx.objects.ofKind('ReplicaSet')) {
      if (controllerUid(o) === owner) out.push(...(byOwner.get(o.metadata.uid ?? '')?.pods.values() ?? []));
    }
    return out;
  };

  /** getPodsToDelete: rank by colocated related pods, sort by ActivePodsWithRanks, take the first. */
  const podsToDelete = (rs: ReplicaSet, active: Pod[], count: number): Pod[] => {
    if (count >= active.length) return active;
    return rankByColocation(active, relatedPods(rs), isActive)
      .sort(compareForDeletion(rt.clock.now()))
      .slice(0, count)
      .map((r) => r.pod);
  };

  const sync = (ref: ObjectRef): void => {
    pendingSync.delete(ref);
    const rs = ctx.objects.get(ref);
    if (rs?.kind !== 'ReplicaSet' || rs.metadata.deletionTimestamp) return;
    if ((expecting.get(ref) ?? 0) > 0) return;
    const owned = byOwner.get(rs.metadata.uid ?? '') ?? { pods: new Map<ObjectRef, Pod>(), active: 0, ready: 0 };
    const activeCount = owned.active;
    const diff = rs.spec.replicas - activeCount;
    if (diff > 0) {
      ctx.act(NAME, 'reconcile', text(`${rs.metadata.name}: ${formatCount(activeCount)} pod${activeCount === 1 ? '' : 's'}, want ${formatCount(rs.spec.replicas)}: create ${formatCount(diff)}`, `${rs.metadata.name}: 파드 ${formatCount(activeCount)}개(원하는 수 ${formatCount(rs.spec.replicas)}개), ${formatCount(diff)}개 생성`), ref);
      createBatches(rs, diff);
    } else if (diff < 0) {
      const victims = podsToDelete(rs, [...owned.pods.values()].filter(isActive), -diff);
      ctx.act(NAME, 'reconcile', text(`${rs.metadata.name}: ${formatCount(activeCount)} pod${activeCount === 1 ? '' : 's'}, want ${formatCount(rs.spec.replicas)}: delete ${formatCount(-diff)}`, `${rs.metadata.name}: 파드 ${formatCount(activeCount)}개(원하는 수 ${formatCount(rs.spec.replicas)}개), ${formatCount(-diff)}개 삭제`), ref);
      for (const pod of victims) ctx.call(NAME, 'DELETE pod', { verb: 'delete', ref: refOf(pod) }, (answer) => recordDelete(rs, pod, answer));
    }
    const ready = owned.ready;
    const status = rs.status;
    if (!status || status.replicas !== activeCount || (status.readyReplicas ?? 0) !== ready) {
      ctx.call(NAME, 'PUT replicaset/status', {
        verb: 'update',
        method: 'PUT',
        ref,
        subresource: 'status',
        summary: 'status',
        mutate: (o) => (o.kind === 'ReplicaSet' ? { ...o, status: { replicas: activeCount, readyReplicas: ready, availableReplicas: ready } } : o),
      });
    }
  };

  const enqueue = (ref: ObjectRef): void => {
    if (pendingSync.has(ref)) return;
    pendingSync.add(ref);
    rt.clock.after(() => sync(ref), SYNC_DELAY_MS);
  };

  /** The owning ReplicaSet's ref: refOf's own string (every pod event of the cluster asks). */
  const ownerRef = (pod: K8sObject): ObjectRef | undefined => {
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller && o.kind === 'ReplicaSet');
    return owner === undefined ? undefined : refOfParts('ReplicaSet', pod.metadata.namespace ?? 'default', owner.name);
  };

  return {
    kinds: ['ReplicaSet', 'Pod'],
    onWatch(type: WatchType, obj: K8sObject, before: K8sObject | undefined): void {
      if (obj.kind === 'ReplicaSet') {
        if (type !== 'DELETED') enqueue(refOf(obj));
        return;
      }
      if (obj.kind !== 'Pod') return;
      track(type, obj, before?.kind === 'Pod' ? before : undefined);
      const rsRef = ownerRef(obj);
      if (!rsRef) return;
      if (type === 'ADDED') {
        const left = expecting.get(rsRef) ?? 0;
        if (left > 0) expecting.set(rsRef, left - 1);
      }
      const wasActive = before?.kind === 'Pod' && isActive(before);
      const readyChanged = before?.kind === 'Pod' && isReady(before) !== isReady(obj);
      if (type !== 'MODIFIED' || wasActive !== isActive(obj) || readyChanged) enqueue(rsRef);
    },
  };
}
