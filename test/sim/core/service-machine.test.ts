import { createActor, type AnyActorRef, type SnapshotFrom } from 'xstate';
import { describe, expect, it } from 'vitest';
import { serviceMachine, startService } from '../../../src/sim/core/service-machine.ts';
import { inState } from '../../../src/sim/core/in-state.ts';
import { SimClock } from '../../../src/sim/clock.ts';

describe('startService', () => {
  it('starts serving (restored from one snapshot) as an actor created in the initial state does, and goes down and up', () => {
    const clock = new SimClock();
    const calls: string[] = [];
    const restored = startService(clock, { onDown: () => calls.push('down'), onUp: () => calls.push('up') });
    const fresh = createActor(serviceMachine, { clock }).start();
    const other = startService(clock, { onDown: () => calls.push('other down'), onUp: () => calls.push('other up') });
    const shape = (actor: AnyActorRef): unknown => {
      const s = actor.getSnapshot() as SnapshotFrom<typeof serviceMachine>;
      return { value: s.value, status: s.status, context: s.context, children: s.children, historyValue: s.historyValue, nodes: s._nodes.map((n) => n.id) };
    };
    expect(shape(restored)).toEqual(shape(fresh));
    expect(inState(restored, 'serving')).toBe(true);
    restored.send({ type: 'start' });
    restored.send({ type: 'stop' });
    restored.send({ type: 'stop' });
    expect(inState(restored, 'down')).toBe(true);
    // Instances share the snapshot they start from, not their state.
    expect(inState(other, 'serving')).toBe(true);
    restored.send({ type: 'start' });
    other.send({ type: 'stop' });
    expect(calls).toEqual(['down', 'up', 'other down']);
    expect(clock.peek()).toBeUndefined();
  });
});
