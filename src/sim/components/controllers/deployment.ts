/**
 * The Deployment controller (pkg/controller/deployment): one ReplicaSet per pod template, named
 * <deployment>-<pod-template-hash>. The ReplicaSet whose template equals the Deployment's
 * (ignoring the hash label) is the new one; it gets revision = highest old revision + 1, so a
 * rollback that brings back an old template re-uses the old ReplicaSet under a new revision.
 * A RollingUpdate moves pods from old to new within maxSurge / maxUnavailable (rolling.ts), one
 * pass per sync; the syncs are driven by the ReplicaSets' status through the watch.
 * Not modelled: the Recreate strategy (treated as RollingUpdate), proportional scaling of several
 * active ReplicaSets mid-rollout, pause, progressDeadlineSeconds and the status conditions.
 */
import { text } from '../../../model/localized.ts';
import type { Deployment, K8sObject, ObjectRef, ReplicaSet } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { templateHash } from '../../../model/template-hash.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { DESIRED_REPLICAS, equalIgnoreHash, MAX_REPLICAS, maxSurge, maxUnavailable, newRSNewReplicas, REVISION, REVISION_HISTORY, revisionOf } from './deployment-util.ts';
import type { ScaleStep } from './rolling.ts';
import { planRollingUpdate } from './rolling.ts';
import { formatCount } from '../../../model/count.ts';

const NAME = 'deployment-controller';
/** The work queue coalesces events: a sync runs shortly after the first one. */
const SYNC_DELAY_MS = 5;

const controllerUid = (o: K8sObject): string | undefined => o.metadata.ownerReferences?.find((r) => r.controller)?.uid;

function replicasAnnotations(d: Deployment): Record<string, string> {
  return { [DESIRED_REPLICAS]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d)) };
}

export function createDeploymentController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const pending = new Set<ObjectRef>();
  /** ReplicaSets created but not yet seen through the watch, by name. */
  const creating = new Set<string>();
  /** Scale writes not yet seen through the watch: ReplicaSet -> replicas written. */
  const expected = new Map<ObjectRef, number>();
  /** Deployments whose sync is still sending its scale writes. */
  const busy = new Set<ObjectRef>();

  const ownedSets = (d: Deployment): ReplicaSet[] => {
    const out: ReplicaSet[] = [];
    for (const o of ctx.objects.ofKind('ReplicaSet')) if (controllerUid(o) === d.metadata.uid) out.push(o);
    return out;
  };

  const unseen = (sets: readonly ReplicaSet[]): boolean => sets.some((rs) => expected.has(refOf(rs)) && expected.get(refOf(rs)) !== rs.spec.replicas);

  /** Creates the new ReplicaSet; returns it as sent, so the same sync can go on with it (as upstream). */
  const createNewSet = (d: Deployment, olds: readonly ReplicaSet[], revision: number): ReplicaSet | undefined => {
    const hash = templateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    if (creating.has(name)) return undefined;
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
    const draft: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace ?? 'default',
        labels,
        annotations: { ...replicasAnnotations(d), [REVISION]: String(revision) },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid ?? '', controller: true }],
      },
      spec: {
        replicas: 0,
        selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { metadata: { labels }, spec: d.spec.template.spec },
      },
    };
    const replicas = newRSNewReplicas(d, [...olds, draft], draft);
    const rs: ReplicaSet = { ...draft, spec: { ...draft.spec, replicas } };
    creating.add(name);
    const why = olds.length > 0 ? text(`new pod template: create ${name} (revision ${revision}), starting at ${formatCount(replicas)} of ${formatCount(d.spec.replicas)} replicas`, `새 파드 템플릿: ${name} 생성(리비전 ${revision}), 레플리카 ${formatCount(d.spec.replicas)}개 중 ${formatCount(replicas)}개로 시작`) : text(`no ReplicaSet for this template, create ${name}`, `이 템플릿의 레플리카셋 없음, ${name} 생성`);
    ctx.act(NAME, 'reconcile', text(`${d.metadata.name}: ${why.en}`, `${d.metadata.name}: ${why.ko}`), refOf(d));
    ctx.call(NAME, 'POST replicaset', { verb: 'create', object: rs }, (answer) => {
      if (answer.status >= 300) {
        creating.delete(name);
        return;
      }
      ctx.event(NAME, d, 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`);
      setDeploymentRevision(d, String(revision));
    });
    return rs;
  };

  /** The Deployment carries its current revision (written with a status update, as upstream). */
  const setDeploymentRevision = (d: Deployment, revision: string): void => {
    if (d.metadata.annotations?.[REVISION] === revision) return;
    ctx.call(NAME, 'PUT deployment/status', {
      verb: 'update',
      method: 'PUT',
      ref: refOf(d),
      subresource: 'status',
      summary: `revision ${revision}`,
      mutate: (o) => (o.kind === 'Deployment' ? { ...o, metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), [REVISION]: revision } } } : o),
    });
  };

  /** An old template is back (rollout undo): its ReplicaSet takes the next revision. */
  const bumpRevision = (rs: ReplicaSet, revision: number): void => {
    const old = rs.metadata.annotations?.[REVISION];
    const history = [...(rs.metadata.annotations?.[REVISION_HISTORY]?.split(',') ?? []), ...(old ? [old] : [])].join(',');
    ctx.call(NAME, 'PUT replicaset', {
      verb: 'update',
      method: 'PUT',
      ref: refOf(rs),
      summary: `revision ${revision}`,
      mutate: (o) => (o.kind === 'ReplicaSet' ? { ...o, metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), [REVISION]: String(revision), ...(history ? { [REVISION_HISTORY]: history } : {}) } } } : o),
    });
  };

  /** Scale writes one after another, each when the previous answered (upstream's calls are synchronous). */
  const scaleInTurn = (d: Deployment, steps: readonly ScaleStep[]): void => {
    const ref = refOf(d);
    const [first, ...rest] = steps;
    if (!first) {
      // Syncs skipped while this one was still writing run now.
      if (busy.delete(ref)) enqueue(ref);
      return;
    }
    busy.add(ref);
    scale(d, first, () => scaleInTurn(d, rest));
  };

  const scale = (d: Deployment, step: ScaleStep, next: () => void): void => {
    const { rs, from, to } = step;
    const ref = refOf(rs);
    expected.set(ref, to);
    const annotations = replicasAnnotations(d);
    const reason = describe(d, step);
    ctx.act(NAME, 'reconcile', text(`${d.metadata.name}: ${rs.metadata.name} ${from} -> ${to} (${reason.en})`, `${d.metadata.name}: ${rs.metadata.name} ${from} -> ${to} (${reason.ko})`), refOf(d));
    ctx.call(NAME, 'PUT replicaset (scale)', {
      verb: 'update',
      method: 'PUT',
      ref,
      summary: `replicas ${to}`,
      mutate: (o) => (o.kind === 'ReplicaSet' ? { ...o, metadata: { ...o.metadata, annotations: { ...(o.metadata.annotations ?? {}), ...annotations } }, spec: { ...o.spec, replicas: to } } : o),
    }, (answer) => {
      if (answer.status >= 300) {
        expected.delete(ref);
        busy.delete(refOf(d));
        return;
      }
      ctx.event(NAME, d, 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`);
      next();
    });
  };

  const syncStatus = (d: Deployment, sets: readonly ReplicaSet[], newRS: ReplicaSet | undefined): void => {
    const sum = (f: (rs: ReplicaSet) => number): number => sets.reduce((n, rs) => n + f(rs), 0);
    const replicas = sum((rs) => rs.status?.replicas ?? 0);
    const updatedReplicas = newRS?.status?.replicas ?? 0;
    const readyReplicas = sum((rs) => rs.status?.readyReplicas ?? 0);
    const availableReplicas = sum((rs) => rs.status?.availableReplicas ?? 0);
    const unavailableReplicas = Math.max(0, sum((rs) => rs.spec.replicas) - availableReplicas);
    const s = d.status;
    if (s && (s.replicas ?? 0) === replicas && (s.updatedReplicas ?? 0) === updatedReplicas && (s.readyReplicas ?? 0) === readyReplicas && (s.availableReplicas ?? 0) === availableReplicas && (s.unavailableReplicas ?? 0) === unavailableReplicas) return;
    const status = { replicas, updatedReplicas, readyReplicas, availableReplicas, ...(unavailableReplicas > 0 ? { unavailableReplicas } : {}) };
    ctx.call(NAME, 'PUT deployment/status', { verb: 'update', method: 'PUT', ref: refOf(d), subresource: 'status', summary: 'status', mutate: (o) => (o.kind === 'Deployment' ? { ...o, status } : o) });
  };

  const sync = (ref: ObjectRef): void => {
    pending.delete(ref);
    const d = ctx.objects.get(ref);
    if (d?.kind !== 'Deployment' || d.metadata.deletionTimestamp) return;
    const sets = ownedSets(d);
    // Our last writes have not come back through the watch yet: the cache is stale.
    if (busy.has(ref) || unseen(sets) || [...creating].some((n) => n.startsWith(`${d.metadata.name}-`))) return;
    const newRS = sets.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
    const olds = sets.filter((rs) => rs !== newRS);
    const revision = Math.max(0, ...olds.map(revisionOf)) + 1;
    if (!newRS) {
      const created = createNewSet(d, olds, revision);
      if (created) scaleInTurn(d, planRollingUpdate(d, created, olds));
      syncStatus(d, sets, undefined);
      return;
    }
    if (revisionOf(newRS) < revision) bumpRevision(newRS, revision);
    else setDeploymentRevision(d, String(revisionOf(newRS)));
    scaleInTurn(d, planRollingUpdate(d, newRS, olds));
    syncStatus(d, sets, newRS);
  };

  const enqueue = (ref: ObjectRef): void => {
    if (pending.has(ref)) return;
    pending.add(ref);
    rt.clock.after(() => sync(ref), SYNC_DELAY_MS);
  };

  const ownerRef = (rs: ReplicaSet): ObjectRef | undefined => {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    return owner ? `Deployment/${rs.metadata.namespace ?? 'default'}/${owner.name}` : undefined;
  };

  return {
    kinds: ['Deployment', 'ReplicaSet'],
    onWatch(type: WatchType, obj: K8sObject): void {
      if (obj.kind === 'Deployment') {
        if (type !== 'DELETED') enqueue(refOf(obj));
      } else if (obj.kind === 'ReplicaSet') {
        creating.delete(obj.metadata.name);
        const ref = refOf(obj);
        if (type === 'DELETED' || expected.get(ref) === obj.spec.replicas) expected.delete(ref);
        const owner = ownerRef(obj);
        if (owner) enqueue(owner);
      }
    },
  };
}

/** Why a ReplicaSet is scaled, in the rollout's own numbers. */
function describe(d: Deployment, step: ScaleStep): { en: string; ko: string } {
  const n = d.spec.replicas;
  const surge = maxSurge(d);
  const unavailable = maxUnavailable(d);
  switch (step.why) {
    case 'new':
      return step.to > step.from
        ? { en: `new: at most ${n} + maxSurge ${surge} = ${n + surge} pods`, ko: `새 레플리카셋: 최대 ${n} + maxSurge ${surge} = ${n + surge}개` }
        : { en: `new: down to replicas ${n}`, ko: `새 레플리카셋: 레플리카 ${n}개로 축소` };
    case 'unhealthy':
      return { en: 'old: remove unavailable pods first', ko: '이전 레플리카셋: 사용 불가 파드부터 제거' };
    case 'old':
      return { en: `old: keep at least ${n} - maxUnavailable ${unavailable} = ${n - unavailable} available`, ko: `이전 레플리카셋: 레플리카 ${n} - maxUnavailable ${unavailable} = 사용 가능 파드 최소 ${n - unavailable}개 유지` };
  }
}
