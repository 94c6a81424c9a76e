// A learner's commands inserted into a scenario: the past stays, the future changes, and the run
// reports what each command printed.
import { describe, expect, it } from 'vitest';
import { findScenario, SCENARIOS } from '../../../scenes/index.ts';
import type { ScenarioDefinition } from '../../../src/sim/scenario.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { TimedCommand } from '../../../src/sim/sandbox/timed-command.ts';
import type { Trace, TraceEvent } from '../../../src/sim/trace.ts';

const scenario = (id: string): ScenarioDefinition => {
  const def = findScenario(id);
  if (!def) throw new Error(`no scenario ${id}`);
  return def;
};

/**
 * The events before `at`. A gap the plain run compressed (a `skip` marker stamped at the gap's
 * start) may no longer be a gap once a command lands in it, so a trailing skip is left out.
 */
function before(trace: Trace, at: number): TraceEvent[] {
  const events = trace.events.filter((e) => e.t < at);
  return events.at(-1)?.kind === 'skip' ? events.slice(0, -1) : events;
}

const userSteps = (trace: Trace) => trace.events.filter((e) => e.kind === 'step' && e.id.startsWith('you-'));

describe('a what-if run', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: keeps every event before the command and changes what follows', (_id, def) => {
    const plain = runScenario(def);
    const at = Math.round(plain.endTime / 2);
    const node = plain.topology.nodes[0];
    const command = node ? `kubectl label nodes ${node} demo=yes` : 'wait 10s';
    const whatIf = runScenario(def, { actions: [{ at, command }] });
    expect(before(whatIf, at)).toEqual(before(plain, at));
    expect(userSteps(whatIf)).toHaveLength(1);
    // Mid-way through etcd-ha the cluster has lost quorum and has no leader: the member written to
    // never takes the entry, etcd's request timeout runs out, and kube-apiserver refuses the write.
    const expected = def.id === 'etcd-ha' ? { ok: false, output: ['Error from server: rpc error: code = DeadlineExceeded desc = context deadline exceeded'] } : { ok: true, output: node ? [`node/${node} labeled`] : [] };
    expect(whatIf.commands).toEqual([{ at, command, ...expected, doneAt: expect.any(Number) }]);
    // kubectl had its answer after it asked: a label is one PATCH (well under a second); etcd-ha's
    // refusal comes when kube-apiserver gives up on the lost quorum, seconds later.
    const doneAt = whatIf.commands?.[0]?.doneAt ?? NaN;
    expect(doneAt).toBeGreaterThanOrEqual(at);
    expect(doneAt - at).toBeLessThan(def.id === 'etcd-ha' ? 10_000 : 1000);
    expect(whatIf.endTime).toBeGreaterThanOrEqual(at + 10_000);
  });

  it('is deterministic: the same commands give the same trace, byte for byte', () => {
    const actions: TimedCommand[] = [
      { at: 4000, command: 'kubectl scale deployment web --replicas=6' },
      { at: 9000, command: 'node power-off worker-3' },
    ];
    const a = JSON.stringify(runScenario(scenario('node-drain'), { actions }));
    const b = JSON.stringify(runScenario(scenario('node-drain'), { actions }));
    expect(a).toBe(b);
  });

  it('without commands, the trace is the plain one (no commands field)', () => {
    const def = scenario('pod-creation');
    expect(JSON.stringify(runScenario(def, { actions: [] }))).toBe(JSON.stringify(runScenario(def)));
    expect(runScenario(def).commands).toBeUndefined();
  });

  it('a refused command records a step with kubectl\'s error and changes nothing else', () => {
    const def = scenario('replicaset-self-healing');
    const plain = runScenario(def);
    const whatIf = runScenario(def, { actions: [{ at: 2000, command: 'kubectl scale deployment api --replicas=3' }] });
    expect(whatIf.commands?.[0]).toEqual({ at: 2000, command: 'kubectl scale deployment api --replicas=3', ok: false, output: ['Error from server (NotFound): deployments.apps "api" not found'], doneAt: 2000 });
    const steps = userSteps(whatIf);
    expect(steps).toHaveLength(1);
    expect(steps[0]?.kind === 'step' && steps[0].caption.en).toContain('Error from server (NotFound)');
    // A NotFound is kube-apiserver's answer: the request goes out and the 404 comes back.
    expect(steps[0]?.kind === 'step' && steps[0].caption.ko).toContain('kube-apiserver가 404로 답합니다');
    expect(whatIf.events.some((e) => e.kind === 'message' && e.from === 'kube-apiserver' && e.to === 'kubectl' && e.status === 404 && e.t >= 2000)).toBe(true);
    // Nothing is created or deleted that the plain run does not create or delete. (The request's
    // latency draws on the seeded RNG, so later names, milliseconds and status writes may differ:
    // compare what came and went over the whole runs.)
    expect(whatIf.events.some((e) => e.kind === 'state' && e.object.includes('nothere'))).toBe(false);
    const writes = (t: Trace) =>
      t.events
        .filter((e) => e.kind === 'state' && e.op !== 'modified' && e.object.includes('/default/') && !e.object.startsWith('Event/'))
        .map((e) => (e.kind === 'state' ? `${e.object.replace(/-[a-z0-9]{5}$/, '')} ${e.op}` : ''))
        .sort();
    expect(writes(whatIf)).toEqual(writes(plain));
  });

  it('commands given for one moment run in turn, as in a shell', () => {
    const whatIf = runScenario(scenario('node-drain'), {
      actions: [
        { at: 1000, command: 'kubectl scale deployment web --replicas=6' },
        { at: 1000, command: 'kubectl rollout status deployment/web' },
      ],
    });
    const [scale, status] = userSteps(whatIf);
    expect(scale?.t).toBe(1000);
    // The second starts when the first has its answer.
    expect(status?.t).toBeGreaterThan(1000);
    expect(whatIf.commands?.[1]?.output.at(-1)).toBe('deployment "web" successfully rolled out');
  });

  it('`wait` makes the run go on at least that long', () => {
    const def = scenario('pod-creation');
    const whatIf = runScenario(def, { actions: [{ at: 1000, command: 'wait 2m' }] });
    expect(whatIf.endTime).toBeGreaterThanOrEqual(121_000);
  });

  it('a story stuck on what the learner undid still ends', () => {
    // node-drain waits for worker-2 to be drained of web pods; deleting the Deployment first leaves
    // the drain nothing to wait for, and the story's later guards may never hold.
    const whatIf = runScenario(scenario('node-drain'), { actions: [{ at: 1000, command: 'kubectl delete deployment web' }] });
    expect(whatIf.endTime).toBeLessThan(10 * 60_000);
    expect(whatIf.commands?.[0]?.output).toEqual(['deployment.apps "web" deleted']);
  });

  it('refuses bad command lists with a clear error', () => {
    const def = scenario('pod-creation');
    expect(() => runScenario(def, { actions: [{ at: 5000, command: 'wait 1s' }, { at: 1000, command: 'wait 1s' }] })).toThrow('commands must be in time order');
    expect(() => runScenario(def, { actions: [{ at: -1, command: 'wait 1s' }] })).toThrow('command time');
    expect(() => runScenario(def, { actions: [{ at: 1.5, command: 'wait 1s' }] })).toThrow('command time');
    expect(() => runScenario(def, { actions: Array.from({ length: 201 }, () => ({ at: 0, command: 'wait 1s' })) })).toThrow('at most 200 commands');
  });
});
