/**
 * The lifecycle every simple component shares: serving, or down (stopped, crashed, powered off)
 * until started again. Defined once for the whole cluster; each instance's hooks are looked up by
 * actor (./actor-hooks.ts).
 */
import type { AnyActorRef } from 'xstate';
import { setup } from 'xstate';
import type { SimClock } from '../clock.ts';
import { ActorHooks } from './actor-hooks.ts';

export interface ServiceHooks {
  readonly onDown: () => void;
  readonly onUp: () => void;
}

export type ServiceEvent = { readonly type: 'stop' } | { readonly type: 'start' };

const hooks = new ActorHooks<ServiceHooks>();

export const serviceMachine = setup({
  types: { events: {} as ServiceEvent },
  actions: {
    markDown: ({ self }) => hooks.of(self)?.onDown(),
    markUp: ({ self }) => hooks.of(self)?.onUp(),
  },
}).createMachine({
  id: 'service',
  initial: 'serving',
  states: {
    serving: { on: { stop: { target: 'down', actions: 'markDown' } } },
    down: { on: { start: { target: 'serving', actions: 'markUp' } } },
  },
});

/**
 * Serving, as the machine's initial state is: it has no entry action to run, so every service
 * starts from this one snapshot, restored, instead of XState working out the initial state again
 * for each (half the cost of creating one; set-up creates two per node).
 */
const SERVING = serviceMachine.resolveState({ value: 'serving' });

export function startService(clock: SimClock, serviceHooks: ServiceHooks): AnyActorRef {
  return hooks.start(serviceMachine, clock, serviceHooks, SERVING);
}
