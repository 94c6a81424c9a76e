/**
 * Per-instance callbacks for machines defined once and started many times (a kubelet per node,
 * an etcd member per control-plane node). They are looked up by actor instead of being copied
 * into context: components are also created inside another actor's action (a node joining, a
 * scenario's set-up), where XState forbids the context initialiser that would copy them.
 */
import type { AnyActorRef, AnyStateMachine, Snapshot } from 'xstate';
import { createActor } from 'xstate';
import type { SimClock } from '../clock.ts';

export class ActorHooks<H> {
  private readonly byActor = new WeakMap<AnyActorRef, H>();
  /**
   * The hooks of the actor being created. XState resolves the initial state's delays (`after`)
   * inside createActor, before it returns the actor to be registered: the kubelet's first lease
   * renewal and an etcd member's first election timeout were read then, found no hooks and fell
   * back to their defaults (every kubelet renewed at 0 ms, every member's first timeout was 1 s).
   */
  private creating: H | undefined;

  of(self: AnyActorRef): H | undefined {
    return this.byActor.get(self) ?? this.creating;
  }

  /**
   * Creates the actor on the simulated clock, registers its hooks, then starts it. `from`: a
   * snapshot to start in instead of the machine's initial state (restored: no entry action runs).
   */
  start(logic: AnyStateMachine, clock: SimClock, hooks: H, from?: Snapshot<unknown>): AnyActorRef {
    this.creating = hooks;
    let actor: AnyActorRef;
    try {
      actor = from === undefined ? createActor(logic, { clock }) : createActor(logic, { clock, snapshot: from });
    } finally {
      this.creating = undefined;
    }
    this.byActor.set(actor, hooks);
    actor.start();
    return actor;
  }
}
