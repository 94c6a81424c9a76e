import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { stateAt } from '../../src/timeline/state.ts';
import { StaticPodsAt } from '../../src/timeline/static-pods-at.ts';
import type { Trace } from '../../src/sim/trace.ts';

const traceOf = (id: string): Trace => {
  const def = SCENARIOS.find((s) => s.id === id);
  if (def === undefined) throw new Error(`no scenario ${id}`);
  return runScenario(def);
};

/** Events before the step with this id starts. */
const before = (trace: Trace, id: string): number => trace.events.findIndex((e) => e.kind === 'step' && e.id === id);

describe('the static pods a kubelet runs, whether or not the API lists them', () => {
  const trace = traceOf('static-pods');
  const at = new StaticPodsAt(trace);
  const phases = (count: number): Record<string, string> => Object.fromEntries([...at.at(count)].map(([ref, s]) => [ref.split('/')[2] ?? ref, s.phase]));

  it('static-pods: none before the kubelet reads its manifests; all four run before the API holds any pod', () => {
    expect(phases(before(trace, 'read-manifests'))).toEqual({});
    const etcdUp = before(trace, 'apiserver-up');
    // etcd serves (ready); kube-apiserver's container runs but it does not serve yet.
    expect(phases(etcdUp)).toMatchObject({ 'etcd-controlplane': 'ready', 'kube-apiserver-controlplane': 'running' });
    expect(at.at(etcdUp).size).toBe(4);
    expect([...stateAt(trace, { eventCount: etcdUp }).objects.keys()].filter((ref) => ref.startsWith('Pod/'))).toEqual([]);
  });

  it('static-pods: a removed manifest stops its pod; the file back starts it again', () => {
    expect(phases(before(trace, 'mirror-gone'))['kube-scheduler-controlplane']).toBeUndefined();
    expect(phases(trace.events.length)).toEqual({ 'etcd-controlplane': 'ready', 'kube-apiserver-controlplane': 'ready', 'kube-controller-manager-controlplane': 'ready', 'kube-scheduler-controlplane': 'ready' });
  });

  it('a control plane already running lists its static pods in the topology', () => {
    const running = traceOf('etcd-backup-restore');
    expect(running.topology.staticPods?.map((s) => `${s.pod} ${s.phase}`).sort()).toEqual(['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `Pod/kube-system/${c}-controlplane ready`));
    expect(new StaticPodsAt(running).at(0).size).toBe(4);
  });

  it('scenarios without a control-plane node have none', () => {
    const plain = traceOf('pod-creation');
    expect(plain.topology.staticPods).toBeUndefined();
    expect(new StaticPodsAt(plain).any).toBe(false);
  });
});
