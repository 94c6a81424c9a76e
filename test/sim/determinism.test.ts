import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { ScenarioInputError } from '../../src/sim/params.ts';
import { runScenario } from '../../src/sim/run.ts';

describe('determinism', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: same scenario, seed and version give a byte-identical trace', (_id, def) => {
    const a = JSON.stringify(runScenario(def, { seed: 7, k8sVersion: '1.32' }));
    const b = JSON.stringify(runScenario(def, { seed: 7, k8sVersion: '1.32' }));
    expect(a).toBe(b);
  });

  it('a different seed changes the timings', () => {
    const def = SCENARIOS[0];
    if (!def) throw new Error('no scenarios');
    const a = runScenario(def, { seed: 1 });
    const b = runScenario(def, { seed: 2 });
    expect(a.endTime).not.toBe(b.endTime);
  });

  it('rejects bad inputs with a clear error', () => {
    const def = SCENARIOS[0];
    if (!def) throw new Error('no scenarios');
    expect(() => runScenario(def, { k8sVersion: 'banana' })).toThrow(ScenarioInputError);
    expect(() => runScenario(def, { params: { nope: 1 } })).toThrow(/has no parameter "nope"/);
    expect(() => runScenario(def, { params: { variant: 'helicopter' } })).toThrow(/expected one of pod, deployment/);
  });
});

describe('the wire', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: messages between two components arrive in the order they were sent', (_id, def) => {
    const trace = runScenario(def, { seed: 3 });
    const last = new Map<string, number>();
    for (const e of trace.events) {
      if (e.kind !== 'message') continue;
      const channel = `${e.from}>${e.to}`;
      expect(e.arrive).toBeGreaterThanOrEqual(last.get(channel) ?? 0);
      last.set(channel, e.arrive);
    }
  });
});
