import { describe, expect, it } from 'vitest';
import { nodeFailure } from '../../scenes/node-failure.ts';
import { sandbox } from '../../scenes/sandbox.ts';
import { zoneOutage } from '../../scenes/zone-outage.ts';
import { ScenarioRunError, runScenarioWith, startScenarioWith, type SimulationRun } from '../../src/sim/run-core.ts';
import { insertCommands } from '../../src/sim/sandbox/insert-commands.ts';
import type { Trace } from '../../src/sim/trace.ts';

/** Runs to the end in slices of `callbacks`, noting the simulated time after each slice. */
function inSlices(run: SimulationRun, callbacks: number): { trace: Trace; times: number[] } {
  const times: number[] = [];
  for (;;) {
    const trace = run.advance(callbacks);
    if (trace) return { trace, times };
    times.push(run.now);
  }
}

describe('a run in slices (the app keeps the page live through a big cluster)', () => {
  it('makes the same trace, byte for byte, whatever the slice', () => {
    const opts = { seed: 7, k8sVersion: '1.37' };
    const whole = JSON.stringify(runScenarioWith(nodeFailure, opts, undefined));
    for (const size of [1, 97, 5000]) expect(JSON.stringify(inSlices(startScenarioWith(nodeFailure, opts, undefined), size).trace)).toBe(whole);
  });

  it('makes the same what-if with the learner’s commands', () => {
    const opts = { params: { nodes: 3 }, actions: [{ at: 5000, command: 'kubectl create deployment web --image=nginx --replicas=12' }] };
    const whole = JSON.stringify(runScenarioWith(sandbox, opts, insertCommands));
    expect(JSON.stringify(inSlices(startScenarioWith(sandbox, opts, insertCommands), 250).trace)).toBe(whole);
  });

  it('reports the simulated time it reached, going forward slice by slice', () => {
    const { trace, times } = inSlices(startScenarioWith(zoneOutage, { params: { nodes: 30, perNode: 4 } }, undefined), 2000);
    expect(times.length).toBeGreaterThan(3);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
    expect(times.at(-1)).toBeLessThanOrEqual(trace.endTime);
    expect(times[0]).toBeLessThan(trace.endTime / 2);
  });

  it('stops when cancelled, and a cancelled or ended run says so instead of going on', () => {
    const run = startScenarioWith(nodeFailure, {}, undefined);
    expect(run.advance(50)).toBeUndefined();
    run.cancel();
    expect(() => run.advance(50)).toThrow(ScenarioRunError);
    const ended = startScenarioWith(nodeFailure, {}, undefined);
    expect(ended.advance(Number.POSITIVE_INFINITY)).toBeDefined();
    expect(() => ended.advance(1)).toThrow(/ended/);
  });
});
