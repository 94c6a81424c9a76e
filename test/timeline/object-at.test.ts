import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { StateEvent, Trace } from '../../src/sim/trace.ts';
import { objectAt } from '../../src/timeline/object-at.ts';
import { stateAt } from '../../src/timeline/state.ts';

function traceOf(id: string): Trace {
  const def = findScenario(id);
  if (def === undefined) throw new Error(id);
  return runScenario(def);
}

const rolling = traceOf('rolling-update');
const states = (trace: Trace): { e: StateEvent; i: number }[] =>
  trace.events.flatMap((e, i) => (e.kind === 'state' ? [{ e, i }] : []));

describe('objectAt', () => {
  it('is the object stateAt holds under the ref, at every snapshot and between them', () => {
    const counts = [...rolling.snapshots.map((s) => s.eventIndex), ...rolling.snapshots.map((s) => s.eventIndex + 7), rolling.events.length];
    let checked = 0;
    for (const count of counts) {
      const state = stateAt(rolling, { eventCount: count });
      for (const [ref, object] of state.objects) {
        const found = objectAt(rolling, count, ref);
        expect(found.status, `${ref} at ${count}`).toBe('present');
        if (found.status === 'present') expect(found.object).toEqual(object);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('says when and how a deleted pod was last stored', () => {
    const gone = states(rolling).find(({ e }) => e.op === 'deleted' && e.object.startsWith('Pod/'));
    if (gone === undefined) throw new Error('rolling-update deletes no pod');
    const before = stateAt(rolling, { eventCount: gone.i }).objects.get(gone.e.object);
    expect(before).toBeDefined();
    const found = objectAt(rolling, gone.i + 1, gone.e.object);
    expect(found).toEqual({ status: 'deleted', ref: gone.e.object, last: before, deletedAt: gone.e.t });
    // A step later it is still deleted, and still as it was last.
    expect(objectAt(rolling, rolling.events.length, gone.e.object)).toMatchObject({ status: 'deleted', deletedAt: gone.e.t });
  });

  it('says when a pod not created yet will be', () => {
    const added = states(rolling).find(({ e, i }) => e.op === 'added' && e.object.startsWith('Pod/') && i > 0);
    if (added === undefined) throw new Error('rolling-update adds no pod');
    const found = objectAt(rolling, added.i, added.e.object);
    expect(found).toEqual({ status: 'not-yet', ref: added.e.object, first: added.e.value, createdAt: added.e.t });
    expect(objectAt(rolling, added.i + 1, added.e.object).status).toBe('present');
  });

  it('knows nothing of a ref the trace never stores', () => {
    for (const ref of ['Pod/default/<img src=x onerror=alert(1)>', '', 'Node/worker-9', 'Pod/default/web', '__proto__', 'constructor', 'Pod/default/../../etc']) {
      expect(objectAt(rolling, rolling.events.length, ref), ref).toEqual({ status: 'unknown', ref });
      expect(objectAt(rolling, 0, ref).status, ref).toBe('unknown');
    }
  });

  it('clamps a count out of range', () => {
    expect(objectAt(rolling, -5, 'Node/worker-1').status).toBe('present');
    expect(objectAt(rolling, 1e9, 'Node/worker-1')).toEqual(objectAt(rolling, rolling.events.length, 'Node/worker-1'));
  });
});
