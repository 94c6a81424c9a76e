import { describe, expect, it } from 'vitest';
import { nodeFailure } from '../../scenes/node-failure.ts';
import { simTimeOf } from '../../src/model/time.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, indexOf, messages, states } from './helpers.ts';

const stopAt = (events: readonly TraceEvent[]): number => events.find((e) => e.kind === 'component' && e.component === 'kubelet/worker-2' && e.status === 'down')?.t ?? NaN;

/** When the kubelet's last lease renewal reached etcd before it stopped. */
function lastHeartbeat(events: readonly TraceEvent[], stop: number): number {
  let last = 0;
  for (const e of events) if (e.kind === 'state' && e.object === 'Lease/kube-node-lease/worker-2' && e.t <= stop) last = e.t;
  return last;
}

const readyUnknownAt = (events: readonly TraceEvent[]): number =>
  events.find((e) => e.kind === 'state' && e.object === 'Node/worker-2' && e.changes.some((c) => c.path === 'status.conditions.Ready.status' && c.to === 'Unknown'))?.t ?? NaN;

describe.each([
  ['1.33', 50_000],
  ['1.31', 40_000],
])('node-failure on Kubernetes %s', (k8sVersion, grace) => {
  const trace = runScenario(nodeFailure, { k8sVersion });
  const ev = trace.events;

  it('stops every component of the failed node (kubelet, containerd, kube-proxy)', () => {
    const down = ev.filter((e) => e.kind === 'component' && e.status === 'down').map((e) => (e.kind === 'component' ? e.component : ''));
    expect(down).toEqual(['kubelet/worker-2', 'containerd/worker-2', 'kube-proxy/worker-2']);
  });

  it(`sets Ready=Unknown within one 5 s monitor period after the ${grace / 1000} s grace period`, () => {
    const silentFor = readyUnknownAt(ev) - lastHeartbeat(ev, stopAt(ev));
    expect(silentFor).toBeGreaterThan(grace);
    expect(silentFor).toBeLessThanOrEqual(grace + 5_000 + 100);
  });

  it('the node lifecycle controller writes its verdict with a real arrow (→), not an ASCII "->", in both languages', () => {
    const monitor = ev.filter((e) => e.kind === 'activity' && e.action === 'node-lifecycle-controller/monitor');
    expect(monitor.length).toBeGreaterThan(0);
    for (const e of monitor) {
      if (e.kind !== 'activity') continue;
      for (const words of [e.label.en, e.label.ko]) {
        expect(words).not.toContain('->');
        expect(words).toContain('→ Ready=Unknown');
      }
    }
  });

  it('taints the node unreachable (NoSchedule and NoExecute) and marks its pods Ready=False', () => {
    const taint = states(trace).find((s) => s.object === 'Node/worker-2' && s.changes.some((c) => c.path === 'spec.taints'));
    const node = taint?.value;
    expect(node?.kind === 'Node' && node.spec.taints?.map((t) => `${t.key}:${t.effect}`)).toEqual(['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
    const notReady = states(trace).filter((s) => s.changes.some((c) => c.path === 'status.conditions.Ready.status' && c.to === 'False'));
    expect(notReady.length).toBeGreaterThan(0);
    for (const s of notReady) expect(s.value?.kind === 'Pod' && s.value.spec.nodeName).toBe('worker-2');
  });

  it('evicts the pods 300 s after the taint was added, and replaces them on healthy nodes', () => {
    const taint = states(trace).find((s) => s.object === 'Node/worker-2' && s.changes.some((c) => c.path === 'spec.taints'));
    const added = taint?.value?.kind === 'Node' ? simTimeOf(taint.value.spec.taints?.[0]?.timeAdded ?? '') : NaN;
    const deletion = states(trace).find((s) => s.changes.some((c) => c.path === 'metadata.deletionTimestamp'));
    expect(deletion).toBeDefined();
    expect((deletion?.t ?? 0) - added).toBeGreaterThanOrEqual(300_000);
    expect((deletion?.t ?? 0) - added).toBeLessThan(301_000);
    const decisions = ev.filter((e) => e.kind === 'decision');
    expect(decisions.length).toBeGreaterThan(0);
    for (const d of decisions) {
      if (d.kind !== 'decision') continue;
      expect(d.decision.selected).not.toBe('worker-2');
      expect(d.decision.nodes.find((n) => n.name === 'worker-2')?.reasons).toEqual(['node(s) had untolerated taint {node.kubernetes.io/unreachable: }']);
    }
  });

  it('ends with every replica Ready on a healthy node while the old pod stays Terminating', () => {
    const pods = [...finalObjects(trace).values()].flatMap((o) => (o.kind === 'Pod' ? [o] : []));
    const healthy = pods.filter((p) => !p.metadata.deletionTimestamp && p.spec.nodeName !== 'worker-2' && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
    expect(healthy).toHaveLength(3);
    const terminating = pods.filter((p) => p.spec.nodeName === 'worker-2');
    expect(terminating.length).toBeGreaterThan(0);
    for (const p of terminating) expect(p.metadata.deletionTimestamp).toBeDefined();
  });

  it('evicts as the node controller: system:controller:node-controller authorizes the DisruptionTarget PATCH and the DELETE (there is no taint-eviction-controller role)', () => {
    const evictAt = indexOf(trace, (e) => e.kind === 'activity' && e.action === 'taint-eviction-controller/evict');
    const after = ev.slice(evictAt);
    const authz = after.flatMap((e) => (e.kind === 'activity' && e.action === 'authorize' ? [e.label.en] : []));
    expect(authz).toContain('authorize: patch pods/status allowed by RBAC: ClusterRole system:controller:node-controller');
    expect(authz).toContain('authorize: delete pods allowed by RBAC: ClusterRole system:controller:node-controller');
    expect(ev.some((e) => e.kind === 'activity' && e.label.en.includes('system:controller:taint-eviction-controller'))).toBe(false);
  });
});

describe('node-failure when the node comes back', () => {
  const trace = runScenario(nodeFailure, { params: { nodeReturns: true } });

  it('removes the taints and lets the kubelet finish deleting its old pods', () => {
    const back = indexOf(trace, (e) => e.kind === 'component' && e.component === 'kubelet/worker-2' && e.status === 'up');
    expect(back).toBeGreaterThan(0);
    const untaint = indexOf(trace, (e) => e.kind === 'message' && e.action === 'PATCH node (untaint)', back);
    expect(untaint).toBeGreaterThan(back);
    const finalDelete = messages(trace).filter((m) => m.from === 'kubelet/worker-2' && m.action === 'DELETE pod (grace 0)');
    expect(finalDelete.length).toBeGreaterThan(0);
    const removed = states(trace).filter((s) => s.op === 'deleted' && s.object.startsWith('Pod/'));
    expect(removed.length).toBe(finalDelete.length);
  });
});

describe('node-failure events name their recorder as kubectl describe shows it', () => {
  it('NodeNotReady from node-controller, TaintManagerEviction from taint-eviction-controller', () => {
    const events = [...finalObjects(runScenario(nodeFailure)).values()].filter((o) => o.kind === 'Event');
    const from = (reason: string): string[] => [...new Set(events.flatMap((e) => (e.kind === 'Event' && e.reason === reason ? [e.source?.component ?? ''] : [])))];
    expect(from('NodeNotReady')).toEqual(['node-controller']);
    expect(from('TaintManagerEviction')).toEqual(['taint-eviction-controller']);
  });
});
