import { describe, expect, it } from 'vitest';
import { CONTROL_PLANE, daemonset, NEW_NODE } from '../../scenes/daemonset.ts';
import type { Pod } from '../../src/model/objects.ts';
import { daemonPodTolerations, nodeShouldRunDaemonPod } from '../../src/sim/components/controllers/daemonset.ts';
import { makeNode } from '../../src/sim/builders.ts';
import { logAgentDaemonSet } from '../../scenes/daemonset.ts';
import { runScenario } from '../../src/sim/run.ts';
import { finalObjects, inOrder, msg, states } from './helpers.ts';

const podsOf = (objects: Map<string, unknown>, prefix: string): Pod[] => [...objects.values()].filter((o): o is Pod => (o as Pod).kind === 'Pod' && (o as Pod).metadata.name.startsWith(prefix));

describe('daemonset', () => {
  const trace = runScenario(daemonset);
  const end = finalObjects(trace);

  it('runs one log-agent pod per node, the control-plane node included, and one kube-proxy per node', () => {
    const agents = podsOf(end, 'log-agent-');
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual([CONTROL_PLANE, 'worker-1', 'worker-2', NEW_NODE].sort());
    expect(agents.every((p) => p.status?.phase === 'Running')).toBe(true);
    const proxies = podsOf(end, 'kube-proxy-');
    expect(proxies.map((p) => p.spec.nodeName).sort()).toEqual([CONTROL_PLANE, 'worker-1', 'worker-2', NEW_NODE].sort());
    const ds = end.get('DaemonSet/logging/log-agent');
    expect(ds?.kind === 'DaemonSet' && ds.status).toMatchObject({ desiredNumberScheduled: 4, currentNumberScheduled: 4, numberReady: 4 });
  });

  it('creates pods with a matchFields node affinity and no nodeName; kube-scheduler binds them (reference: DaemonSet pods scheduled by kube-scheduler)', () => {
    const created = states(trace).filter((s) => s.op === 'added' && s.object.startsWith('Pod/logging/log-agent-'));
    expect(created).toHaveLength(4);
    for (const s of created) {
      const pod = s.value;
      if (pod?.kind !== 'Pod') throw new Error('not a pod');
      expect(pod.spec.nodeName).toBeUndefined();
      const terms = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
      expect(terms).toHaveLength(1);
      expect(terms[0]?.matchFields?.[0]).toMatchObject({ key: 'metadata.name', operator: 'In' });
      const target = terms[0]?.matchFields?.[0]?.values?.[0];
      const bound = states(trace).find((b) => b.object === s.object && b.changes.some((c) => c.path === 'spec.nodeName'));
      expect(bound?.value?.kind === 'Pod' && bound.value.spec.nodeName).toBe(target);
      // The controller's tolerations, unlimited (no tolerationSeconds), so admission adds no 300 s ones.
      expect(pod.spec.tolerations).toEqual(expect.arrayContaining([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }, { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }]));
      expect(pod.spec.tolerations?.some((t) => t.tolerationSeconds !== undefined)).toBe(false);
      expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'log-agent', controller: true });
    }
    inOrder(trace, [msg('kubectl', 'kube-apiserver', 'POST daemonset'), msg('kube-apiserver', 'kube-controller-manager', 'watch: ADDED'), msg('kube-controller-manager', 'kube-apiserver', 'POST pod'), (e) => e.kind === 'decision' && e.pod.startsWith('Pod/logging/log-agent-'), msg('kube-scheduler', 'kube-apiserver', 'bind')]);
  });

  it('acts as system:serviceaccount:kube-system:daemon-set-controller', () => {
    const authz = trace.events.find((e) => e.kind === 'activity' && e.action === 'authorize' && e.label.en.includes('daemon-set-controller'));
    expect(authz).toBeDefined();
  });

  it('on a joining node: kube-proxy (tolerates everything) before the node is Ready, the log agent only after the not-ready taint is gone', () => {
    const [, proxyBind, , agentBind] = inOrder(trace, [
      msg(`kubelet/${NEW_NODE}`, 'kube-apiserver', 'POST node'),
      (e) => e.kind === 'state' && e.object.startsWith('Pod/kube-system/kube-proxy-') && e.changes.some((c) => c.path === 'spec.nodeName' && c.to === NEW_NODE),
      msg('kube-controller-manager', 'kube-apiserver', 'PATCH node (untaint)'),
      (e) => e.kind === 'state' && e.object.startsWith('Pod/logging/log-agent-') && e.changes.some((c) => c.path === 'spec.nodeName' && c.to === NEW_NODE),
    ]);
    expect(agentBind).toBeGreaterThan(proxyBind ?? 0);
    const readyAt = trace.events.findIndex((e) => e.kind === 'state' && e.object === `Node/${NEW_NODE}` && e.changes.some((c) => c.path === 'status.conditions.Ready.status' && c.to === 'True'));
    expect(proxyBind).toBeLessThan(readyAt);
  });

  it('timings: the controller reacts to the node events within a sync, not on a timer', () => {
    const added = trace.events.find((e) => e.kind === 'state' && e.object === `Node/${NEW_NODE}` && e.op === 'added');
    const untaint = trace.events.find((e) => e.kind === 'message' && e.action === 'PATCH node (untaint)');
    const proxyPod = trace.events.find((e) => e.kind === 'state' && e.op === 'added' && e.object.startsWith('Pod/kube-system/kube-proxy-'));
    const agentPod = trace.events.find((e) => e.kind === 'state' && e.op === 'added' && e.object.startsWith('Pod/logging/log-agent-') && e.t > (untaint?.t ?? 0));
    expect((proxyPod?.t ?? 0) - (added?.t ?? 0)).toBeLessThan(100);
    expect((agentPod?.t ?? 0) - (untaint?.t ?? 0)).toBeLessThan(100);
  });

  it('without the toleration the control-plane node gets no log agent', () => {
    const t = runScenario(daemonset, { params: { tolerateControlPlane: false } });
    const agents = podsOf(finalObjects(t), 'log-agent-');
    expect(agents.map((p) => p.spec.nodeName).sort()).toEqual(['worker-1', 'worker-2', NEW_NODE]);
  });
  it('says kubectl drain stops on DaemonSet pods unless given --ignore-daemonsets (it does not leave them alone by itself)', () => {
    const step = runScenario(daemonset).events.find((e) => e.kind === 'step' && e.id === 'all-nodes');
    if (step?.kind !== 'step') throw new Error('no all-nodes step');
    expect(step.caption.en).toMatch(/`kubectl drain` stops with an error .* unless given --ignore-daemonsets, which skips them/);
    expect(step.caption.ko).toMatch(/--ignore-daemonsets 없이는 오류를 내고 멈춥니다/);
    expect(step.caption.en).not.toMatch(/leaves such pods alone/);
  });
});

describe('NodeShouldRunDaemonPod', () => {
  const cp = makeNode('cp', 0, { controlPlane: true, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  it('an untolerated NoSchedule taint: should not run, but an existing pod may continue', () => {
    expect(nodeShouldRunDaemonPod(cp, logAgentDaemonSet(false))).toMatchObject({ shouldRun: false, shouldContinueRunning: true, taint: { key: 'node-role.kubernetes.io/control-plane' } });
    expect(nodeShouldRunDaemonPod(cp, logAgentDaemonSet(true))).toMatchObject({ shouldRun: true, shouldContinueRunning: true });
  });
  it('an untolerated NoExecute taint: must not run', () => {
    const n = makeNode('n', 1, { taints: [{ key: 'maintenance', effect: 'NoExecute' }] });
    expect(nodeShouldRunDaemonPod(n, logAgentDaemonSet(true))).toMatchObject({ shouldRun: false, shouldContinueRunning: false });
  });
  it('adds network-unavailable only for hostNetwork pods', () => {
    expect(daemonPodTolerations({ containers: [] }).some((t) => t.key === 'node.kubernetes.io/network-unavailable')).toBe(false);
    expect(daemonPodTolerations({ containers: [], hostNetwork: true }).some((t) => t.key === 'node.kubernetes.io/network-unavailable')).toBe(true);
  });
});
