import { setup, type AnyActorRef } from 'xstate';
import { describe, expect, it } from 'vitest';
import { ActorHooks } from '../../../src/sim/core/actor-hooks.ts';
import { SimClock } from '../../../src/sim/clock.ts';

interface Hooks {
  readonly firstMs: number;
  readonly fired: (at: number) => void;
}

const hooks = new ActorHooks<Hooks>();
const hooksOf = (self: AnyActorRef): Hooks | undefined => hooks.of(self);

// Like the kubelet's heartbeat: the initial state's delay is the instance's own.
const machine = setup({
  actions: { fire: ({ self }) => hooksOf(self)?.fired(-1) },
  delays: { first: ({ self }) => hooksOf(self)?.firstMs ?? 0 },
}).createMachine({ initial: 'waiting', states: { waiting: { after: { first: { target: 'done', actions: 'fire' } } }, done: {} } });

describe('ActorHooks', () => {
  it("an initial state's delay reads the instance's hooks (XState resolves it while creating the actor)", () => {
    const clock = new SimClock();
    const fired: { name: string; at: number }[] = [];
    for (const [name, firstMs] of [['a', 7_000], ['b', 2_500], ['c', 9_100]] as const) {
      hooks.start(machine, clock, { firstMs, fired: () => fired.push({ name, at: clock.now() }) });
    }
    while (clock.step()) {
      // run every timer
    }
    // Each at its own delay: before the fix every actor found no hooks and fired at 0.
    expect(fired).toEqual([
      { name: 'b', at: 2_500 },
      { name: 'a', at: 7_000 },
      { name: 'c', at: 9_100 },
    ]);
  });
});
