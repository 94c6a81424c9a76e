/**
 * Per-instance callbacks for machines defined once and started many times (a kubelet per node,
 * an etcd member per control-plane node). They are looked up by actor instead of being copied
 * into context: components are also created inside another actor's action (a node joining, a
 * scenario's set-up), where XState forbids the context initialiser that would copy them.
 */
import type { AnyActorRef, AnyStateMachine } from 'xstate';
import { createActor } from 'xstate';
import type { SimClock } from '../clock.ts';

export class ActorHooks<H> {
  private readonly byActor = new WeakMap<AnyActorRef, H>();

  of(self: AnyActorRef): H | undefined {
    return this.byActor.get(self);
  }

  /** Creates the actor on the simulated clock, registers its hooks, then starts it. */
  start(logic: AnyStateMachine, clock: SimClock, hooks: H): AnyActorRef {
    const actor: AnyActorRef = createActor(logic, { clock });
    this.byActor.set(actor, hooks);
    actor.start();
    return actor;
  }
}
