import { describe, expect, it } from 'vitest';
import { podCreation } from '../../scenes/pod-creation.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { inOrder, messages, msg, states } from './helpers.ts';

const POD = 'Pod/default/nginx';

describe('pod-creation (kubectl run)', () => {
  const trace = runScenario(podCreation);

  it('follows the write path hop by hop (reference section 1)', () => {
    const apiStage = (action: string) => (e: TraceEvent) => e.kind === 'activity' && e.component === 'kube-apiserver' && e.action === action;
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'POST pod'),
      apiStage('authenticate'),
      apiStage('authorize'),
      apiStage('admission:mutating'),
      apiStage('validate'),
      apiStage('admission:validating'),
      msg('kube-apiserver', 'etcd', /^txn put \/registry\/pods\/default\/nginx$/),
      msg('kube-apiserver', 'kubectl', '201 Created'),
      msg('kube-apiserver', 'kube-scheduler', 'watch: ADDED'),
      (e) => e.kind === 'decision' && e.pod === POD,
      msg('kube-scheduler', 'kube-apiserver', 'bind'),
      msg('kube-apiserver', 'etcd', /^txn put \/registry\/pods/),
      msg('kube-apiserver', /^kubelet\//, 'watch: ADDED'),
      msg(/^kubelet\//, /^containerd\//, 'RunPodSandbox'),
      msg(/^kubelet\//, /^containerd\//, 'PullImage'),
      msg(/^kubelet\//, /^containerd\//, 'CreateContainer'),
      msg(/^kubelet\//, /^containerd\//, 'StartContainer'),
      msg(/^kubelet\//, 'kube-apiserver', 'PATCH pod/status'),
      (e) => e.kind === 'state' && e.object === POD && e.changes.some((c) => c.path === 'status.phase' && c.to === 'Running'),
    ]);
  });

  it('lets only kube-apiserver talk to etcd', () => {
    for (const m of messages(trace)) {
      if (m.to === 'etcd') expect(m.from).toBe('kube-apiserver');
      if (m.from === 'etcd') expect(m.to).toBe('kube-apiserver');
    }
  });

  it('stores the pod Pending with no node, then binds nodeName and PodScheduled=True in one write', () => {
    const podStates = states(trace).filter((s) => s.object === POD);
    const created = podStates[0];
    expect(created?.op).toBe('added');
    expect(created?.value?.kind === 'Pod' && created.value.spec.nodeName).toBeFalsy();
    expect(created?.value?.kind === 'Pod' && created.value.status?.phase).toBe('Pending');
    const bind = podStates.find((s) => s.changes.some((c) => c.path === 'spec.nodeName'));
    expect(bind?.changes.map((c) => c.path)).toEqual(expect.arrayContaining(['spec.nodeName', 'status.conditions']));
  });

  it('shows mutating admission adding the 300 s tolerations and a token volume', () => {
    const created = states(trace).find((s) => s.object === POD && s.op === 'added');
    const pod = created?.value;
    expect(pod?.kind).toBe('Pod');
    if (pod?.kind !== 'Pod') return;
    expect(pod.spec.tolerations).toEqual(
      expect.arrayContaining([
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ]),
    );
    expect(pod.spec.volumes?.some((v) => v.name.startsWith('kube-api-access-'))).toBe(true);
  });

  it('schedules onto the node with the highest weighted score and watches it from that kubelet only', () => {
    const d = trace.events.find((e) => e.kind === 'decision');
    expect(d?.kind).toBe('decision');
    if (d?.kind !== 'decision') return;
    const best = Math.max(...d.decision.nodes.map((n) => n.total));
    expect(d.decision.nodes.find((n) => n.name === d.decision.selected)?.total).toBe(best);
    const kubeletWatches = messages(trace).filter((m) => m.type === 'watch' && m.to.startsWith('kubelet/') && m.object === POD);
    expect(new Set(kubeletWatches.map((m) => m.to))).toEqual(new Set([`kubelet/${d.decision.selected ?? ''}`]));
  });

  it('turns the pod conditions True in the upstream order', () => {
    const firstTrue = new Map<string, number>();
    for (const s of states(trace).filter((x) => x.object === POD)) {
      const pod = s.value;
      if (pod?.kind !== 'Pod') continue;
      for (const c of pod.status?.conditions ?? []) if (c.status === 'True' && !firstTrue.has(c.type)) firstTrue.set(c.type, s.seq);
    }
    const order = [...firstTrue.entries()].sort((a, b) => a[1] - b[1]).map(([t]) => t);
    // No init containers: Initialized is True in the kubelet's first status, before the sandbox (generate.go).
    expect(order).toEqual(['PodScheduled', 'Initialized', 'PodReadyToStartContainers', 'ContainersReady', 'Ready']);
  });

  it('marks narration steps in order, each with a snapshot to seek from', () => {
    const ids = trace.events.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? e.id : ''));
    expect(ids).toEqual(['kubectl', 'authn-authz', 'admission', 'etcd-write', 'watch-scheduler', 'filter', 'score', 'bind', 'kubelet-watch', 'sandbox', 'pull', 'start', 'running']);
    expect(trace.snapshots.map((s) => s.step)).toEqual([-1, ...ids.map((_, i) => i)]);
    // The snapshot of the 'running' step has the pod bound but not yet Running.
    const snap = trace.snapshots.at(-1);
    const pod = snap?.objects[POD];
    expect(pod?.kind === 'Pod' && pod.spec.nodeName).toBeTruthy();
    expect(pod?.kind === 'Pod' && pod.status?.phase).toBe('Pending');
  });

  it('the steps after the bind single out the chosen node only: its kubelet, and its runtime once it runs the pod', () => {
    const focus = new Map(trace.events.flatMap((e) => (e.kind === 'step' ? [[e.id, e.focus] as const] : [])));
    const pod = trace.snapshots.at(-1)?.objects[POD];
    const node = pod?.kind === 'Pod' ? pod.spec.nodeName : undefined;
    expect(node).toMatch(/^worker-\d$/);
    expect(focus.get('kubelet-watch')).toEqual(['kube-apiserver', `kubelet/${node}`]);
    for (const id of ['sandbox', 'pull', 'start']) expect(focus.get(id), id).toEqual([`kubelet/${node}`, `containerd/${node}`]);
    expect(focus.get('running')).toEqual(['kube-apiserver', 'etcd', `kubelet/${node}`]);
  });

  it('orders events by time and sequence, and every message arrives after it is sent', () => {
    for (let i = 1; i < trace.events.length; i++) {
      const a = trace.events[i - 1] as TraceEvent;
      const b = trace.events[i] as TraceEvent;
      expect(b.t).toBeGreaterThanOrEqual(a.t);
      expect(b.seq).toBe(a.seq + 1);
    }
    for (const m of messages(trace)) expect(m.arrive).toBeGreaterThan(m.t);
  });
});

describe('pod-creation via a Deployment', () => {
  const trace = runScenario(podCreation, { params: { variant: 'deployment' } });

  it('has the ReplicaSet controller create the pod as its service account', () => {
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'POST deployment'),
      msg('kube-apiserver', 'kube-controller-manager', 'watch: ADDED'),
      msg('kube-controller-manager', 'kube-apiserver', 'POST replicaset'),
      (e) => e.kind === 'activity' && e.action === 'replicaset-controller/reconcile',
      msg('kube-controller-manager', 'kube-apiserver', 'POST pod'),
      (e) => e.kind === 'activity' && e.action === 'authenticate' && e.label.en.includes('system:serviceaccount:kube-system:replicaset-controller'),
      msg('kube-scheduler', 'kube-apiserver', 'bind'),
    ]);
    const pods = Object.values(trace.snapshots.at(-1)?.objects ?? {}).filter((o) => o.kind === 'Pod' && o.metadata.name.startsWith('nginx-'));
    expect(pods).toHaveLength(1);
  });
});
