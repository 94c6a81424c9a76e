import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { parseCommand } from '../../src/model/kubectl/parse.ts';
import { runScenario } from '../../src/sim/run.ts';
import { stateAt } from '../../src/timeline/state.ts';
import { exampleCommand, namesAt } from '../../src/ui/names-at.ts';

const def = SCENARIOS.find((s) => s.id === 'node-drain');
if (!def) throw new Error('node-drain is a built-in scenario');
const trace = runScenario(def);

describe('the names a command typed at a frame can use', () => {
  it('lists what is stored in the default namespace at that moment, and the nodes', () => {
    const end = namesAt(trace, trace.events.length);
    expect(end.nodes).toEqual(['worker-1', 'worker-2', 'worker-3']);
    expect(end.deployments).toEqual(['web']);
    expect(end.namespace).toBe('default');
    const pods = [...stateAt(trace, { eventCount: trace.events.length }).objects.keys()].filter((r) => r.startsWith('Pod/default/'));
    expect(end.pods).toEqual(pods.map((r) => r.slice('Pod/default/'.length)).sort());
    // kube-system's daemon pods are not the learner's to name.
    expect(end.pods.some((p) => p.startsWith('kube-proxy'))).toBe(false);
  });

  it('follows the moment: a pod deleted by then is NotFound, one present is not', () => {
    const before = namesAt(trace, 0);
    const after = namesAt(trace, trace.events.length);
    const gone = before.pods.find((p) => !after.pods.includes(p));
    expect(gone).toBeDefined();
    expect(parseCommand(`kubectl delete pod ${gone ?? ''}`, before).ok).toBe(true);
    expect(parseCommand(`kubectl delete pod ${gone ?? ''}`, after)).toEqual({ ok: false, error: `Error from server (NotFound): pods "${gone ?? ''}" not found`, missing: { resource: 'pod', name: gone } });
  });
});

describe('the example in the empty bar', () => {
  it('names something that exists in this cluster', () => {
    const names = namesAt(trace, trace.events.length);
    expect(exampleCommand(names)).toBe('kubectl scale deployment web --replicas=5');
    expect(parseCommand(exampleCommand(names), names).ok).toBe(true);
    expect(exampleCommand({ ...names, deployments: [] })).toBe('kubectl cordon worker-1');
    expect(exampleCommand({ ...names, deployments: [], nodes: [] })).toBe('wait 30s');
  });
});

describe('etcd members', () => {
  it('are the HA members by name, or the single etcd as the runner names it', () => {
    expect(namesAt(trace, 0).etcdMembers).toEqual(['controlplane']);
    const ha = SCENARIOS.find((s) => s.id === 'etcd-ha');
    if (!ha) throw new Error('etcd-ha is a built-in scenario');
    expect(namesAt(runScenario(ha), 0).etcdMembers).toEqual(['etcd-1', 'etcd-2', 'etcd-3']);
  });
});
