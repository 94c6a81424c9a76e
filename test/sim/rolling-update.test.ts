import { describe, expect, it } from 'vitest';
import { rollingUpdate } from '../../scenes/rolling-update.ts';
import type { Deployment, K8sObject, Pod, ReplicaSet } from '../../src/model/objects.ts';
import { resolveFenceposts } from '../../src/sim/components/controllers/deployment-util.ts';
import { planRollingUpdate } from '../../src/sim/components/controllers/rolling.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { Trace } from '../../src/sim/trace.ts';
import { finalObjects, inOrder, messages, msg, states } from './helpers.ts';

const deployment = (replicas: number, maxSurge: number | string, maxUnavailable: number | string): Deployment => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', uid: 'd' },
  spec: { replicas, selector: {}, template: { spec: { containers: [] } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge, maxUnavailable } } },
});
const rs = (name: string, replicas: number, available: number, created = 0): ReplicaSet => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name, creationTimestamp: `2026-01-01T09:00:0${created}Z` },
  spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
  status: { replicas, availableReplicas: available, readyReplicas: available },
});
const plan = (d: Deployment, newRS: ReplicaSet, olds: ReplicaSet[]): string[] => planRollingUpdate(d, newRS, olds).map((s) => `${s.rs.metadata.name} ${s.from}->${s.to} ${s.why}`);

describe('rolling update arithmetic (deployment/util, rolling.go)', () => {
  it('resolves maxSurge rounding up and maxUnavailable rounding down; both 0 means maxUnavailable 1', () => {
    expect(resolveFenceposts(deployment(4, '25%', '25%'))).toEqual([1, 1]);
    expect(resolveFenceposts(deployment(10, '25%', '25%'))).toEqual([3, 2]);
    expect(resolveFenceposts(deployment(1, '25%', '25%'))).toEqual([1, 0]);
    expect(resolveFenceposts(deployment(4, 0, 0))).toEqual([0, 1]);
    expect(resolveFenceposts(deployment(4, '0%', '0%'))).toEqual([0, 1]);
  });

  it('reconcileNewReplicaSet: grows the new ReplicaSet up to replicas + maxSurge pods in all', () => {
    expect(plan(deployment(10, 0, 1), rs('new', 0, 0), [rs('old', 10, 10)])).toEqual(['old 10->9 old']);
    expect(plan(deployment(10, 2, 0), rs('new', 0, 0), [rs('old', 10, 10)])).toEqual(['new 0->2 new']);
    expect(plan(deployment(10, 2, 0), rs('new', 0, 0), [rs('old', 5, 5)])).toEqual(['new 0->7 new']);
    expect(plan(deployment(10, 2, 0), rs('new', 11, 0), [rs('old', 2, 2)])).toEqual(['new 11->10 new']);
  });

  it('reconcileOldReplicaSets: unavailable old pods go first, and availability never drops below replicas - maxUnavailable', () => {
    expect(plan(deployment(10, 0, 2), rs('new', 0, 0), [rs('old', 10, 10)])).toEqual(['old 10->8 old']);
    expect(plan(deployment(10, 0, 2), rs('new', 2, 0), [rs('old', 8, 8)])).toEqual([]);
    expect(plan(deployment(10, 0, 2), rs('new', 0, 0), [rs('old', 10, 5)])).toEqual(['old 10->8 unhealthy']);
    // Two old ReplicaSets: the oldest gives up its pods first.
    expect(plan(deployment(4, 1, 1), rs('new', 1, 1, 2), [rs('older', 2, 2, 0), rs('old', 2, 2, 1)])).toEqual(['older 2->0 old']);
  });
});

/** Replays the state events: calls `check` with the cluster's objects after each one. */
function replay(trace: Trace, check: (objs: Map<string, K8sObject>, t: number) => void): void {
  const objs = new Map<string, K8sObject>(Object.entries(trace.snapshots[0]?.objects ?? {}));
  for (const e of trace.events) {
    if (e.kind !== 'state') continue;
    if (e.value) objs.set(e.object, e.value);
    else objs.delete(e.object);
    check(objs, e.t);
  }
}

const ready = (p: Pod): boolean => !p.metadata.deletionTimestamp && (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false);

describe.each([
  { maxSurge: '25%', maxUnavailable: '25%', min: 3, max: 5 },
  { maxSurge: '0', maxUnavailable: '1', min: 3, max: 4 },
  { maxSurge: '2', maxUnavailable: '0', min: 4, max: 6 },
])('rolling-update of 4 with maxSurge $maxSurge, maxUnavailable $maxUnavailable', ({ maxSurge, maxUnavailable, min, max }) => {
  const trace = runScenario(rollingUpdate, { params: { maxSurge, maxUnavailable, undo: false } });

  it(`keeps ${min} to ${max} pods: ReplicaSet replicas sum <= ${max}, available pods >= ${min}`, () => {
    let peak = 0;
    let low = Infinity;
    replay(trace, (objs) => {
      const sets = [...objs.values()].filter((o): o is ReplicaSet => o.kind === 'ReplicaSet');
      const total = sets.reduce((n, r) => n + r.spec.replicas, 0);
      const available = [...objs.values()].filter((o): o is Pod => o.kind === 'Pod' && o.metadata.name.startsWith('web-') && ready(o)).length;
      peak = Math.max(peak, total);
      low = Math.min(low, available);
    });
    expect(peak).toBe(max);
    expect(low).toBe(min);
  });

  it('ends with 4 Ready pods of the new image in the new ReplicaSet, the old one kept at 0', () => {
    const objs = [...finalObjects(trace).values()];
    const pods = objs.filter((o): o is Pod => o.kind === 'Pod' && o.metadata.name.startsWith('web-'));
    expect(pods).toHaveLength(4);
    for (const p of pods) expect(p.spec.containers[0]?.image).toBe('nginx:1.28');
    const sets = objs.filter((o): o is ReplicaSet => o.kind === 'ReplicaSet').map((r) => [r.metadata.annotations?.['deployment.kubernetes.io/revision'], r.spec.replicas, r.status?.availableReplicas]);
    expect(sets.sort()).toEqual([
      ['1', 0, 0],
      ['2', 4, 4],
    ]);
  });
});

describe('rolling-update with readiness and rollout undo', () => {
  const trace = runScenario(rollingUpdate);
  const ev = trace.events;

  it('waits for the readiness probe: Running first, Ready initialDelaySeconds later, then the next step', () => {
    const podStates = states(trace).filter((e) => e.object.startsWith('Pod/default/web-') && e.op === 'modified');
    const running = podStates.find((e) => e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running'));
    expect(running).toBeDefined();
    const readyAt = podStates.find((e) => e.object === running?.object && e.changes.some((c) => c.path === 'status.conditions.Ready.status' && c.to === 'True'));
    expect((readyAt?.t ?? 0) - (running?.t ?? 0)).toBeGreaterThanOrEqual(4_900);
    expect((readyAt?.t ?? 0) - (running?.t ?? 0)).toBeLessThan(5_200);
    inOrder(trace, [
      (e) => e === readyAt,
      (e) => e.kind === 'activity' && e.action === 'deployment-controller/reconcile' && e.label.en.includes('old:'),
    ]);
  });

  it('rolls back with GET, LIST and PATCH, reusing the old ReplicaSet as revision 3', () => {
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'PATCH deployment'),
      msg('kube-controller-manager', 'kube-apiserver', 'POST replicaset'),
      msg('kubectl', 'kube-apiserver', 'GET deployment'),
      msg('kubectl', 'kube-apiserver', 'LIST replicasets'),
      msg('kubectl', 'kube-apiserver', 'PATCH deployment'),
      msg('kube-controller-manager', 'kube-apiserver', 'PUT replicaset'),
    ]);
    expect(messages(trace).filter((m) => m.action === 'POST replicaset')).toHaveLength(1);
    const objs = [...finalObjects(trace).values()];
    const sets = objs.filter((o): o is ReplicaSet => o.kind === 'ReplicaSet');
    const original = Object.values(trace.snapshots[0]?.objects ?? {}).find((o) => o.kind === 'ReplicaSet');
    const back = sets.find((r) => r.metadata.name === original?.metadata.name);
    expect(back?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(back?.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(back?.spec.replicas).toBe(4);
    expect(back?.status?.availableReplicas).toBe(4);
    expect(sets.find((r) => r !== back)?.spec.replicas).toBe(0);
    const d = objs.find((o) => o.kind === 'Deployment');
    expect(d?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(d?.kind === 'Deployment' && d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, readyReplicas: 4, availableReplicas: 4 });
  });

  it('narrates every step in order', () => {
    const ids = ev.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(ids).toEqual(['steady', 'kubectl-set-image', 'new-replicaset', 'old-shrinks', 'new-pod', 'not-ready', 'probe-ready', 'rolling', 'rolled-out', 'kubectl-rollout-undo', 'undo-history', 'undo-patch', 'same-hash', 'roll-back', 'rolled-back']);
  });
});

describe.each([
  { replicas: 4, maxSurge: '25%', maxUnavailable: '0', readinessDelay: 5 },
  { replicas: 1, maxSurge: '25%', maxUnavailable: '25%', readinessDelay: 0 },
  { replicas: 10, maxSurge: '100%', maxUnavailable: '50%', readinessDelay: 12 },
])('rolling-update narration with %o', (params) => {
  it('marks every cue of this variant, in the cue order, and rolls back', () => {
    const trace = runScenario(rollingUpdate, { params });
    const ids = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    const want = (rollingUpdate.cues?.(params, '1.33') ?? []).map((c) => c.id);
    expect(ids.filter((id) => want.includes(id))).toEqual(want);
    expect(ids.at(-1)).toBe('rolled-back');
  });
});

describe("the ReplicaSet controller's line, in English", () => {
  it('counts one pod in the singular ("1 pod, want 2", never "1 pods")', () => {
    const labels = runScenario(rollingUpdate)
      .events.flatMap((e) => (e.kind === 'activity' && e.action === 'replicaset-controller/reconcile' ? [e.label.en] : []));
    expect(labels.some((l) => /: 1 pod, want \d/.test(l))).toBe(true);
    expect(labels.filter((l) => /\b1 pods\b/.test(l))).toEqual([]);
  });
});
