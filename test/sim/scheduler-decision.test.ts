import { describe, expect, it } from 'vitest';
import { NEW_NODE, POD, schedulerDecision } from '../../scenes/scheduler-decision.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { DecisionEvent, TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, inOrder, msg, states } from './helpers.ts';
import { registeringNode } from '../../src/sim/components/kubelet-register.ts';
import { taintNodeAtCreation } from '../../src/sim/components/admission.ts';

const decisions = (events: readonly TraceEvent[]): DecisionEvent[] => events.filter((e): e is DecisionEvent => e.kind === 'decision' && e.pod === POD);
const stepIds = (events: readonly TraceEvent[]): string[] => events.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? e.id : ''));

describe('scheduler-decision', () => {
  const trace = runScenario(schedulerDecision);
  const d = decisions(trace.events)[0]?.decision;

  it('filters each node with the upstream reason and scores the feasible ones with integer arithmetic (reference section 2)', () => {
    expect(d).toBeDefined();
    if (!d) return;
    const by = new Map(d.nodes.map((n) => [n.name, n]));
    // The default (newest) release: since v1.35 the reason does not name the taint (kubernetes#134740).
    expect(by.get('worker-3')?.reasons).toEqual(['node(s) had untolerated taint(s)']);
    expect(by.get('worker-3')?.failedPlugin).toBe('TaintToleration');
    expect(by.get('worker-4')?.reasons).toEqual(['node(s) were unschedulable']);
    expect(by.get('worker-4')?.failedPlugin).toBe('NodeUnschedulable');
    // worker-1: 4 CPU / 8Gi with 2 CPU / 3Gi requested, + the pod's 1 CPU / 1Gi.
    // LeastAllocated: cpu (4-3)*100/4 = 25, memory (8-4)*100/8 = 50 -> (25+50)/2 = 37.
    // BalancedAllocation: |3/4 - 4/8| / 2 = 0.125 -> int((1-0.125)*100) = 87.
    // ImageLocality: no node reports images, so 0 everywhere.
    expect(by.get('worker-1')?.scores).toEqual({ TaintToleration: 100, NodeResourcesFit: 37, NodeResourcesBalancedAllocation: 87, ImageLocality: 0 });
    expect(by.get('worker-1')?.total).toBe(3 * 100 + 37 + 87);
    // worker-2: 8 CPU / 16Gi with 3 CPU / 3Gi requested + 1 CPU / 1Gi: cpu 50, memory 75 -> 62; |4/8 - 4/16| / 2 -> 87.
    expect(by.get('worker-2')?.scores).toEqual({ TaintToleration: 100, NodeResourcesFit: 62, NodeResourcesBalancedAllocation: 87, ImageLocality: 0 });
    expect(d.selected).toBe('worker-2');
    expect(d.skippedScorePlugins).toContain('NodeAffinity');
  });

  it('walks through every verdict, then the winner, the bind and Running', () => {
    expect(stepIds(trace.events)).toEqual(['kubectl', 'queue', 'filter', 'verdict-worker-1', 'verdict-worker-2', 'verdict-worker-3', 'verdict-worker-4', 'winner', 'bind', 'kubelet', 'running']);
    const winner = trace.events.find((e) => e.kind === 'step' && e.id === 'winner');
    expect(winner?.kind === 'step' && winner.caption.en).toMatch(/0–10/);
    inOrder(trace, [msg('kubectl', 'kube-apiserver', 'POST pod'), (e) => e.kind === 'decision', msg('kube-scheduler', 'kube-apiserver', 'bind'), msg('kube-apiserver', 'kubelet/worker-2', 'watch: ADDED')]);
    const pod = finalObjects(trace).get(POD);
    expect(pod?.kind === 'Pod' && pod.spec.nodeName).toBe('worker-2');
    expect(pod?.kind === 'Pod' && pod.status?.phase).toBe('Running');
  });

  it('a bigger request changes the verdicts: 3 CPU fits only worker-2, which is selected without scoring', () => {
    const t = runScenario(schedulerDecision, { params: { cpu: '3' } });
    const first = decisions(t.events)[0]?.decision;
    expect(first?.nodes.find((n) => n.name === 'worker-1')?.reasons).toEqual(['Insufficient cpu']);
    expect(first?.scored).toBe(false);
    expect(first?.selected).toBe('worker-2');
  });
});

describe('scheduler-decision: no node fits, then a node joins', () => {
  const trace = runScenario(schedulerDecision, { params: { noFit: true } });
  const all = decisions(trace.events);

  it('fails with the upstream FailedScheduling text and PodScheduled=False, Unschedulable', () => {
    const first = all[0]?.decision;
    expect(first?.selected).toBeNull();
    expect(first?.failureMessage).toMatch(/^0\/4 nodes are available: 1 node\(s\) had untolerated taint\(s\), 1 node\(s\) were unschedulable, 2 Insufficient cpu\. no new claims to deallocate, preemption: /);
    const unsched = states(trace).find((s) => s.object === POD && s.value?.kind === 'Pod' && s.value.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.status === 'False' && c.reason === 'Unschedulable'));
    expect(unsched).toBeDefined();
    const event = states(trace).find((s) => s.value?.kind === 'Event' && s.value.reason === 'FailedScheduling');
    expect(event?.value?.kind === 'Event' && event.value.message).toBe(first?.failureMessage);
  });

  it('registers the new node as system:node:<name>, NotReady and tainted, then Ready and untainted; the pod lands there', () => {
    inOrder(trace, [
      msg(`kubelet/${NEW_NODE}`, 'kube-apiserver', 'POST node'),
      (e) => e.kind === 'state' && e.object === `Node/${NEW_NODE}` && e.op === 'added' && e.value?.kind === 'Node' && (e.value.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/not-ready' && t.effect === 'NoSchedule'),
      msg('kube-apiserver', 'kube-scheduler', 'watch: ADDED'),
      msg(`kubelet/${NEW_NODE}`, 'kube-apiserver', 'PATCH node/status'),
      msg('kube-controller-manager', 'kube-apiserver', 'PATCH node (untaint)'),
      (e) => e.kind === 'decision' && e.decision.selected === NEW_NODE,
      msg('kube-scheduler', 'kube-apiserver', 'bind'),
      msg('kube-apiserver', `kubelet/${NEW_NODE}`, 'watch: ADDED'),
    ]);
    const lease = finalObjects(trace).get(`Lease/kube-node-lease/${NEW_NODE}`);
    expect(lease?.kind).toBe('Lease');
    const pod = finalObjects(trace).get(POD);
    expect(pod?.kind === 'Pod' && pod.spec.nodeName).toBe(NEW_NODE);
    expect(pod?.kind === 'Pod' && pod.status?.phase).toBe('Running');
    const node = finalObjects(trace).get(`Node/${NEW_NODE}`);
    expect(node?.kind === 'Node' && node.spec.taints).toEqual([]);
    expect(trace.topology.nodes).toContain(NEW_NODE);
  });

  it('the kubelet posts its Node without the not-ready taint; the TaintNodesAtCreation admission plugin adds it (plugin/pkg/admission/nodetaint)', () => {
    const sent = registeringNode(NEW_NODE, 4, {}, '2025-01-01T00:00:00Z');
    expect((sent.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/not-ready')).toBe(false);
    const admitted = taintNodeAtCreation(sent).object;
    expect(admitted.kind === 'Node' && admitted.spec.taints).toEqual([{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }]);
    const admission = trace.events.find((e) => e.kind === 'activity' && e.action === 'admission:mutating' && e.object === `Node/${NEW_NODE}`);
    expect(admission?.kind === 'activity' && admission.label.en).toContain('TaintNodesAtCreation: +taint node.kubernetes.io/not-ready:NoSchedule');
  });

  it('timings: the node joins 5 s after FailedScheduling, turns Ready 1.5 s after registering, and the pod binds right after the untaint', () => {
    const failed = trace.events.find((e) => e.kind === 'message' && e.action === 'POST event (FailedScheduling)');
    const join = trace.events.find((e) => e.kind === 'message' && e.action === 'POST node');
    const ready = trace.events.find((e) => e.kind === 'message' && e.from === `kubelet/${NEW_NODE}` && e.action === 'PATCH node/status');
    const untaint = trace.events.find((e) => e.kind === 'message' && e.action === 'PATCH node (untaint)');
    const bind = trace.events.find((e) => e.kind === 'message' && e.action === 'bind');
    expect((join?.t ?? 0) - (failed?.t ?? 0)).toBe(5000);
    expect((ready?.t ?? 0) - (join?.t ?? 0)).toBeGreaterThanOrEqual(1500);
    expect((ready?.t ?? 0) - (join?.t ?? 0)).toBeLessThan(1600);
    expect((bind?.t ?? 0) - (untaint?.t ?? 0)).toBeLessThan(100);
  });

  it('the attempt while the node is still NotReady fails on its not-ready taint', () => {
    const retry = all.find((e) => e.decision.nodes.length === 5 && e.decision.selected === null)?.decision;
    expect(retry?.nodes.find((n) => n.name === NEW_NODE)?.reasons).toEqual(['node(s) had untolerated taint(s)']);
    expect(all.at(-1)?.decision.selected).toBe(NEW_NODE);
  });
});

describe('scheduler-decision: the FailedScheduling wording follows the release', () => {
  const failure = (k8sVersion: string): string | undefined =>
    decisions(runScenario(schedulerDecision, { k8sVersion, params: { noFit: true } }).events)[0]?.decision.failureMessage;

  it('1.33 names the taint and has no DRA PostFilter', () => {
    expect(failure('1.33')).toMatch(/^0\/4 nodes are available: 1 node\(s\) had untolerated taint \{dedicated: gpu\}, 1 node\(s\) were unschedulable, 2 Insufficient cpu\. preemption: /);
  });

  it('1.34 adds DynamicResources at PostFilter (DRA GA)', () => {
    expect(failure('1.34')).toMatch(/had untolerated taint \{dedicated: gpu\}, .*Insufficient cpu\. no new claims to deallocate, preemption: /);
  });

  it('1.35 and later no longer name the taint', () => {
    expect(failure('1.35')).toMatch(/1 node\(s\) had untolerated taint\(s\), .* no new claims to deallocate, preemption: /);
    expect(failure('1.37')).toBe(failure('1.35'));
  });
});
