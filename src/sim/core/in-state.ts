/**
 * Whether an actor is in a top-level state: what snapshot.matches(name) answers, without its
 * cost. XState parses the name into a state value (a split and an array) on every call, and
 * components ask on every message they receive (a tenth of a big run's allocations).
 */
import type { AnyActorRef } from 'xstate';

export function inState(actor: AnyActorRef, name: string): boolean {
  const value: unknown = actor.getSnapshot().value;
  return value === name || (typeof value === 'object' && value !== null && name in value);
}
