import { describe, expect, it } from 'vitest';
import { batches, replicasetSelfHealing } from '../../scenes/replicaset-self-healing.ts';
import type { Pod } from '../../src/model/objects.ts';
import { timestamp } from '../../src/model/time.ts';
import { compareForDeletion, rankByColocation } from '../../src/sim/components/controllers/pod-ranking.ts';
import { isActive } from '../../src/sim/components/controllers/replicaset.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, inOrder, messages, msg, states } from './helpers.ts';

const WEB = /^Pod\/default\/web-/;
const isWeb = (ref: string | undefined): boolean => ref !== undefined && WEB.test(ref);

describe('replicaset-self-healing', () => {
  const trace = runScenario(replicasetSelfHealing);
  const ev = trace.events;
  const deleted = messages(trace).find((m) => m.from === 'kubectl' && m.action === 'DELETE pod');
  const victim = deleted?.object ?? '';

  it('deletes gracefully, recounts through the watch and replaces the pod (reference section 4)', () => {
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'DELETE pod'),
      (e) => e.kind === 'state' && e.object === victim && e.changes.some((c) => c.path === 'metadata.deletionTimestamp'),
      (e) => e.kind === 'message' && e.type === 'watch' && e.to === 'kube-controller-manager' && e.object === victim,
      (e) => e.kind === 'activity' && e.action === 'replicaset-controller/reconcile' && e.label.en.includes('2 pods, want 3: create 1'),
      msg('kube-controller-manager', 'kube-apiserver', 'POST pod'),
      (e) => e.kind === 'activity' && e.action === 'authenticate' && e.label.en.includes('system:serviceaccount:kube-system:replicaset-controller'),
      (e) => e.kind === 'decision' && isWeb(e.pod) && e.pod !== victim,
      msg('kube-scheduler', 'kube-apiserver', 'bind'),
      (e) => e.kind === 'state' && isWeb(e.object) && e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running'),
    ]);
    // The kubelet finishes the old pod with the final delete (grace 0).
    expect(messages(trace).some((m) => m.from.startsWith('kubelet/') && m.action === 'DELETE pod (grace 0)' && m.object === victim)).toBe(true);
  });

  it('creates the replacement before the old pod is gone: a pod being deleted does not count', () => {
    const post = ev.findIndex((e) => e.kind === 'message' && e.from === 'kube-controller-manager' && e.action === 'POST pod');
    const gone = ev.findIndex((e) => e.kind === 'state' && e.op === 'deleted' && e.object === victim);
    expect(post).toBeGreaterThan(0);
    expect(gone).toBeGreaterThan(post);
  });

  it('scales 3 -> 6 in slow-start batches 1, 2', () => {
    expect(batches(3)).toEqual([1, 2]);
    expect(batches(10)).toEqual([1, 2, 4, 3]);
    const scaleAt = ev.find((e) => e.kind === 'message' && e.from === 'kubectl' && e.action === 'PATCH deployment/scale')?.t ?? Infinity;
    const bursts = new Map<number, number>();
    for (const e of ev) if (e.kind === 'message' && e.t > scaleAt && e.from === 'kube-controller-manager' && e.action === 'POST pod') bursts.set(e.t, (bursts.get(e.t) ?? 0) + 1);
    expect([...bursts.values()].slice(0, 2)).toEqual([1, 2]);
  });

  it('scales 6 -> 2 by deleting the pods the upstream ranking puts first', () => {
    const scaleDown = ev.filter((e) => e.kind === 'message' && e.from === 'kubectl' && e.action === 'PATCH deployment/scale').at(-1);
    const victims = messages(trace).filter((m) => m.from === 'kube-controller-manager' && m.action === 'DELETE pod' && m.t >= (scaleDown?.t ?? Infinity));
    expect(victims).toHaveLength(4);
    // Rebuild the ranking from the state the controller saw and compare.
    const at = victims[0]?.t ?? 0;
    const pods = new Map<string, Pod>();
    for (const e of ev) {
      if (e.t >= at) break;
      if (e.kind !== 'state' || !isWeb(e.object)) continue;
      if (e.value?.kind === 'Pod') pods.set(e.object, e.value);
      else pods.delete(e.object);
    }
    for (const [ref, obj] of Object.entries(trace.snapshots[0]?.objects ?? {})) if (isWeb(ref) && obj.kind === 'Pod' && !pods.has(ref) && !ev.some((e) => e.kind === 'state' && e.object === ref && e.t < at)) pods.set(ref, obj);
    const active = [...pods.values()].filter(isActive);
    expect(active).toHaveLength(6);
    const expected = rankByColocation(active, active, isActive)
      .sort(compareForDeletion(at))
      .slice(0, 4)
      .map((r) => `Pod/default/${r.pod.metadata.name}`);
    expect(new Set(victims.map((v) => v.object))).toEqual(new Set(expected));
    // The two left are the pods that have run since the start.
    const left = [...finalObjects(trace).values()].filter((o): o is Pod => o.kind === 'Pod' && o.metadata.name.startsWith('web-'));
    expect(left).toHaveLength(2);
    for (const p of left) expect(p.metadata.creationTimestamp).toBe(timestamp(0));
  });

  it('ends with the Deployment and its ReplicaSet reporting 2 ready replicas', () => {
    const objs = [...finalObjects(trace).values()];
    const d = objs.find((o) => o.kind === 'Deployment');
    const rs = objs.find((o) => o.kind === 'ReplicaSet');
    expect(d?.kind === 'Deployment' && d.spec.replicas).toBe(2);
    expect(d?.kind === 'Deployment' && d.status?.readyReplicas).toBe(2);
    expect(rs?.kind === 'ReplicaSet' && rs.spec.replicas).toBe(2);
    expect(rs?.kind === 'ReplicaSet' && rs.status?.readyReplicas).toBe(2);
  });

  it('records SuccessfulCreate and SuccessfulDelete Events on the ReplicaSet, one per pod, as `kubectl describe rs` lists them (controller_utils.go)', () => {
    const rsEvents = states(trace).flatMap((s) => (s.op === 'added' && s.value?.kind === 'Event' && s.value.involvedObject.kind === 'ReplicaSet' ? [s.value] : []));
    const created = states(trace).filter((s) => s.op === 'added' && isWeb(s.object)).map((s) => s.value?.metadata.name ?? '');
    const creates = rsEvents.filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates.map((e) => e.message).sort()).toEqual(created.map((name) => `Created pod: ${name}`).sort());
    const deletes = rsEvents.filter((e) => e.reason === 'SuccessfulDelete');
    expect(deletes).toHaveLength(4);
    for (const e of [...creates, ...deletes]) {
      expect(e.type).toBe('Normal');
      expect(e.involvedObject.name).toMatch(/^web-/);
    }
    expect(deletes.every((e) => /^Deleted pod: web-/.test(e.message))).toBe(true);
  });

  it('lets only kube-apiserver talk to etcd, and marks every step with a snapshot', () => {
    for (const m of messages(trace)) if (m.to === 'etcd' || m.from === 'etcd') expect([m.from, m.to]).toContain('kube-apiserver');
    const ids = ev.filter((e): e is Extract<TraceEvent, { kind: 'step' }> => e.kind === 'step').map((e) => e.id);
    expect(ids).toEqual(['steady', 'kubectl-delete', 'terminating', 'kubelet-stops', 'recount', 'schedule', 'healed', 'kubectl-scale-up', 'scale-deployment', 'slow-start', 'spread', 'kubectl-scale-down', 'scale-down', 'youngest-go', 'done']);
    expect(trace.snapshots).toHaveLength(ids.length + 1);
    expect(states(trace).length).toBeGreaterThan(0);
  });
});

describe('ActivePodsWithRanks (controller_utils.go)', () => {
  const pod = (name: string, o: { node?: string; phase?: 'Pending' | 'Running' | 'Unknown'; readyAt?: number; created?: number; cost?: string }): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, uid: name, creationTimestamp: timestamp(o.created ?? 0), ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}) },
    spec: { containers: [], ...(o.node ? { nodeName: o.node } : {}) },
    status: { phase: o.phase ?? 'Running', conditions: o.readyAt === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: timestamp(o.readyAt) }] },
  });
  const order = (pods: Pod[], now: number): string[] => rankByColocation(pods, pods, isActive).sort(compareForDeletion(now)).map((r) => r.pod.metadata.name);

  it('puts unassigned, then Pending, then not ready pods first', () => {
    const pods = [pod('ready', { node: 'a', readyAt: 0 }), pod('notready', { node: 'b' }), pod('pending', { node: 'c', phase: 'Pending' }), pod('unassigned', { phase: 'Pending' }), pod('unknown', { node: 'd', phase: 'Unknown' })];
    expect(order(pods, 60_000)).toEqual(['unassigned', 'pending', 'unknown', 'notready', 'ready']);
  });

  it('respects pod-deletion-cost, then prefers pods on crowded nodes', () => {
    const pods = [pod('alone', { node: 'a', readyAt: 0 }), pod('crowded1', { node: 'b', readyAt: 0 }), pod('crowded2', { node: 'b', readyAt: 0 }), pod('cheap', { node: 'c', readyAt: 0, cost: '-10' })];
    const o = order(pods, 60_000);
    expect(o[0]).toBe('cheap');
    expect(o.slice(1, 3).sort()).toEqual(['crowded1', 'crowded2']);
    expect(o[3]).toBe('alone');
  });

  it('compares ready times in log2 buckets, breaking ties by UID', () => {
    // Now = 1000 s: ready 10 s ago is a smaller bucket than ready 900 s ago.
    expect(order([pod('old', { node: 'a', readyAt: 100_000 }), pod('new', { node: 'b', readyAt: 990_000 })], 1_000_000)).toEqual(['new', 'old']);
    // 600 s and 700 s ago share bucket floor(log2(6e11)) = floor(log2(7e11)) = 39: UID order decides.
    expect(order([pod('b-pod', { node: 'a', readyAt: 300_000 }), pod('a-pod', { node: 'b', readyAt: 400_000 })], 1_000_000)).toEqual(['a-pod', 'b-pod']);
  });
});

describe('replicaset-self-healing with 2 replicas (the replacement may need an image pull)', () => {
  const trace = runScenario(replicasetSelfHealing, { params: { replicas: 2, scaleUp: 3, scaleDown: 1 } });

  it('scales up only after the replacement is Running and the deleted pod is gone', () => {
    const ev = trace.events;
    const deleted = ev.find((e) => e.kind === 'message' && e.from === 'kubectl' && e.action === 'DELETE pod');
    const victim = deleted?.kind === 'message' ? deleted.object : undefined;
    const [gone, running, scale] = inOrder(trace, [
      (e) => e.kind === 'state' && e.op === 'deleted' && e.object === victim,
      (e) => e.kind === 'state' && isWeb(e.object) && e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running'),
      msg('kubectl', 'kube-apiserver', 'PATCH deployment/scale'),
    ]);
    expect(gone).toBeGreaterThan(0);
    expect(scale).toBeGreaterThan(running ?? 0);
    const ids = ev.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    const want = (replicasetSelfHealing.cues?.({ replicas: 2, scaleUp: 3, scaleDown: 1 }, '1.33') ?? []).map((c) => c.id);
    expect(ids.filter((id) => want.includes(id))).toEqual(want);
  });
});
