import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';

const sorted = (r: Readonly<Record<string, unknown>>): string => JSON.stringify(Object.fromEntries(Object.entries(r).sort(([a], [b]) => (a < b ? -1 : 1))));

describe('step snapshots (what seeking starts from)', () => {
  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every snapshot equals replaying the events before it', (_id, def) => {
    const trace = runScenario(def);
    const first = trace.snapshots[0];
    expect(first?.step).toBe(-1);
    const objects = new Map(Object.entries(first?.objects ?? {}));
    const components = new Map(Object.entries(first?.components ?? {}));
    let next = 1;
    for (let i = 0; i <= trace.events.length; i++) {
      for (let snap = trace.snapshots[next]; snap && snap.eventIndex === i; snap = trace.snapshots[++next]) {
        expect(sorted(snap.objects), `objects at snapshot ${next}`).toBe(sorted(Object.fromEntries(objects)));
        expect(sorted(snap.components), `components at snapshot ${next}`).toBe(sorted(Object.fromEntries(components)));
        expect(trace.events[i]?.kind).toBe('step');
      }
      const e = trace.events[i];
      if (e?.kind === 'state') {
        if (e.value) objects.set(e.object, e.value);
        else objects.delete(e.object);
      } else if (e?.kind === 'component') components.set(e.component, e.status);
    }
    expect(next).toBe(trace.snapshots.length);
  });
});
