/**
 * What kube-scheduler's card says when nothing fits: the reasons from its failure message, so a
 * queue of Pending pods (a sandbox scaled past the cluster's room) says why on the stage.
 */
import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../../src/sim/builders.ts';
import { Cluster } from '../../src/sim/cluster.ts';
import { activityForms } from '../../src/render/short-label.ts';
import { filterReasons } from '../../src/sim/components/scheduler.ts';

describe('kube-scheduler saying why nothing fits', () => {
  it('takes the reasons out of a failure message', () => {
    expect(filterReasons('0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.')).toBe('3 Insufficient cpu');
    expect(filterReasons('0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient memory.')).toBe('1 node(s) had untolerated taint(s), 3 Insufficient memory');
    expect(filterReasons('no nodes available to schedule pods')).toBeUndefined();
    expect(filterReasons(undefined)).toBeUndefined();
  });

  it('a pod that fits nowhere: the filter activity names the reason', () => {
    const cluster = new Cluster({ seed: 1, k8sVersion: '1.33', config: { recordEvents: false, fullDecisions: false }, trace: { keep: true } });
    cluster.addNode('worker-1', { cpu: '2', memory: '8Gi', pods: '110' });
    cluster.start();
    cluster.create(makeDeployment('web', 4, { requests: { cpu: '1', memory: '128Mi' } }));
    for (let i = 0; i < 20_000 && cluster.rt.clock.now() < 30_000 && cluster.rt.clock.step(); i++);
    const labels = cluster.rt.tracer.events.flatMap((e) => (e.kind === 'activity' && (e.action === 'filter' || e.action === 'filter-unschedulable') ? [e.label] : []));
    // Two fit (2 CPUs), the others are turned down with kube-scheduler's reason.
    expect(labels.filter((l) => /^Filter: 1\/1 nodes fit \(web-[a-z0-9]+-[a-z0-9]{5}\)$/.test(l.en))).toHaveLength(2);
    expect(labels.filter((l) => /^필터: 노드 1대 중 1대 적합 \(web-/.test(l.ko))).toHaveLength(2);
    const refused = labels.filter((l) => l.en.startsWith('0/1 nodes fit:'));
    expect(refused.length).toBeGreaterThan(0);
    for (const l of refused) {
      expect(l.en).toMatch(/^0\/1 nodes fit: 1 Insufficient cpu \(web-[a-z0-9]+-[a-z0-9]{5}\)$/);
      expect(l.ko).toMatch(/^배치 불가: 노드 1대 모두 CPU 부족 \(web-[a-z0-9]+-[a-z0-9]{5}\)$/);
    }
  });
});

describe('a sandbox asking for more pods than fit: the story shows why', () => {
  // Two nodes hold 110 pods each (kube-proxy's among them): 300 replicas leave some with no room.
  it("the first pod that fits nowhere is told on kube-scheduler's card (not background), with its reasons", async () => {
    const { sandbox } = await import('../../scenes/sandbox.ts');
    const { runScenario } = await import('../../src/sim/run.ts');
    const { buildSchedule } = await import('../../src/timeline/schedule.ts');
    const trace = runScenario(sandbox, { params: { nodes: 2 }, actions: [{ at: 5000, command: 'kubectl create deployment web --image=nginx --replicas=300' }] });
    const schedule = buildSchedule(trace);
    const told = schedule.activities.filter((a) => !a.background && a.event.component === 'kube-scheduler' && /^0\/2 nodes fit: 2 Too many pods \(web-/.test(a.event.label.en));
    expect(told.length).toBeGreaterThan(0);
    // In Korean too, and a narrow card that drops the aside keeps why, in Korean words.
    const ko = told[0]?.event.label.ko ?? '';
    expect(ko).toMatch(/^배치 불가: 노드 2대 모두 파드 수 초과 \(web-/);
    expect(activityForms(ko)[0]).toBe('배치 불가: 노드 2대 모두 파드 수 초과');
    expect(activityForms(told[0]?.event.label.en ?? '')[0]).toBe('0/2 nodes fit: 2 Too many pods');
  });
});
