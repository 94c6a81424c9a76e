/**
 * The lifecycle every simple component shares: serving, or down (stopped, crashed, powered off)
 * until started again. Defined once; each component passes its own hooks as input, so a cluster
 * of hundreds of nodes does not build hundreds of machine definitions.
 */
import { setup } from 'xstate';

export interface ServiceHooks {
  readonly onDown: () => void;
  readonly onUp: () => void;
}

export type ServiceEvent = { readonly type: 'stop' } | { readonly type: 'start' };

export const serviceMachine = setup({
  types: { context: {} as ServiceHooks, input: {} as ServiceHooks, events: {} as ServiceEvent },
  actions: {
    markDown: ({ context }) => context.onDown(),
    markUp: ({ context }) => context.onUp(),
  },
}).createMachine({
  id: 'service',
  context: ({ input }) => input,
  initial: 'serving',
  states: {
    serving: { on: { stop: { target: 'down', actions: 'markDown' } } },
    down: { on: { start: { target: 'serving', actions: 'markUp' } } },
  },
});
