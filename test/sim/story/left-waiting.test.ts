/**
 * A what-if can leave a story waiting for what never comes (a powered-off node's pods stay
 * Terminating, so a rollout never settles). The trace then says so, and what the story waited
 * for, so the app can tell the learner why the later steps did not happen.
 */
import { describe, expect, it } from 'vitest';
import type { AnyStateMachine, StateNode } from 'xstate';
import { SCENARIOS } from '../../../scenes/index.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { isLocalized } from '../../../src/model/localized.ts';

const scenario = (id: string) => {
  const def = SCENARIOS.find((s) => s.id === id);
  if (def === undefined) throw new Error(`no scenario ${id}`);
  return def;
};

describe('a story left waiting by a what-if', () => {
  it('rolling-update with worker-1 powered off: the rollout never settles, and the trace says what the story waited for', () => {
    const trace = runScenario(scenario('rolling-update'), { actions: [{ at: 3000, command: 'node power-off worker-1' }] });
    const steps = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(steps).not.toContain('kubectl-rollout-undo');
    expect(trace.unfinished?.waitsFor?.en).toBe('every web pod on the new image, Ready, with none left Terminating');
    expect(trace.unfinished?.waitsFor?.ko).toMatch(/Terminating인 파드가 남지 않는 것$/);
  });

  it('a what-if the story gets past, and a plain run, leave nothing unfinished', () => {
    const def = scenario('rolling-update');
    expect(runScenario(def, { actions: [{ at: 3000, command: 'wait 10s' }] }).unfinished).toBeUndefined();
    expect(runScenario(def).unfinished).toBeUndefined();
  });

  it('node-drain with worker-1 powered off: stalled on the drain', () => {
    const trace = runScenario(scenario('node-drain'), { actions: [{ at: 1000, command: 'node power-off worker-1' }] });
    expect(trace.unfinished?.waitsFor?.en).toMatch(/^worker-2 to hold no web pod/);
  });
});

/** Every state of a machine, root first. */
function statesOf(machine: AnyStateMachine): StateNode[] {
  const out: StateNode[] = [];
  const walk = (node: StateNode): void => {
    out.push(node);
    for (const child of Object.values(node.states)) walk(child);
  };
  walk(machine.root);
  return out;
}

/**
 * A state that waits on the cluster: it can only leave through a guarded transition (a `trace`
 * event, or a timer that checks). One with an unguarded way out, or none at all, does not wait.
 */
function waitsOnCluster(node: StateNode): boolean {
  const leaving = [...node.transitions.values()].flat().concat(node.always ?? []).filter((tr) => (tr.target ?? []).some((to) => to !== node));
  return leaving.length > 0 && leaving.every((tr) => tr.guard !== undefined);
}

describe('story states that wait on the cluster', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: each says what it waits for (meta.waitsFor, in both languages)', (_id, def) => {
    const silent = statesOf(def.machine)
      .filter(waitsOnCluster)
      .filter((node) => !(typeof node.meta === 'object' && node.meta !== null && 'waitsFor' in node.meta && isLocalized(node.meta.waitsFor)))
      .map((node) => node.id);
    expect(silent).toEqual([]);
  });

  it('the check finds them: rolling-update waits in two states', () => {
    expect(statesOf(scenario('rolling-update').machine).filter(waitsOnCluster).map((n) => n.key)).toEqual(['rolling', 'undoing']);
  });
});
