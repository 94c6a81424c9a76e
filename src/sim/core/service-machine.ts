/**
 * The lifecycle every simple component shares: serving, or down (stopped, crashed, powered off)
 * until started again. Defined once for the whole cluster. Each instance's hooks are looked up by
 * actor rather than copied into context, because components are also created while another
 * actor's action runs (a node joining), where XState forbids context initialisers.
 */
import type { AnyActorRef } from 'xstate';
import { createActor, setup } from 'xstate';
import type { SimClock } from '../clock.ts';

export interface ServiceHooks {
  readonly onDown: () => void;
  readonly onUp: () => void;
}

export type ServiceEvent = { readonly type: 'stop' } | { readonly type: 'start' };

const hooksByActor = new WeakMap<AnyActorRef, ServiceHooks>();

export const serviceMachine = setup({
  types: { events: {} as ServiceEvent },
  actions: {
    markDown: ({ self }) => hooksByActor.get(self)?.onDown(),
    markUp: ({ self }) => hooksByActor.get(self)?.onUp(),
  },
}).createMachine({
  id: 'service',
  initial: 'serving',
  states: {
    serving: { on: { stop: { target: 'down', actions: 'markDown' } } },
    down: { on: { start: { target: 'serving', actions: 'markUp' } } },
  },
});

export function startService(clock: SimClock, hooks: ServiceHooks) {
  const actor = createActor(serviceMachine, { clock });
  hooksByActor.set(actor, hooks);
  actor.start();
  return actor;
}
