import { describe, expect, it } from 'vitest';
import { createActor, createMachine } from 'xstate';
import { inState } from '../../../src/sim/core/in-state.ts';

describe('inState', () => {
  it('answers as snapshot.matches does for top-level states, flat or parallel', () => {
    const machine = createMachine({
      initial: 'running',
      states: {
        running: { type: 'parallel', on: { stop: 'stopped' }, states: { a: { initial: 'x', states: { x: {} } }, b: { initial: 'y', states: { y: {} } } } },
        stopped: { on: { start: 'running' } },
      },
    });
    const actor = createActor(machine).start();
    const check = (): void => {
      for (const name of ['running', 'stopped', 'a', 'x']) expect(inState(actor, name)).toBe(actor.getSnapshot().matches(name as 'running'));
    };
    check();
    expect(inState(actor, 'running')).toBe(true);
    actor.send({ type: 'stop' });
    check();
    expect(inState(actor, 'stopped')).toBe(true);
    expect(inState(actor, 'running')).toBe(false);
  });
});
