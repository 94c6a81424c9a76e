/** Predicates over trace events, for narration cues and scenario guards. */
import type { ComponentId, TraceEvent } from '../../src/sim/trace.ts';

type Pattern = string | RegExp;

const fits = (p: Pattern | undefined, s: string | undefined): boolean => p === undefined || (s !== undefined && (typeof p === 'string' ? s === p : p.test(s)));

export interface MessagePattern {
  readonly from?: Pattern;
  readonly to?: Pattern;
  readonly action?: Pattern;
  readonly object?: Pattern;
  readonly type?: 'request' | 'response' | 'watch' | 'signal';
  readonly write?: boolean;
}

export const message = (m: MessagePattern) => (e: TraceEvent): boolean =>
  e.kind === 'message' && fits(m.from, e.from) && fits(m.to, e.to) && fits(m.action, e.action) && fits(m.object, e.object) && (m.type === undefined || e.type === m.type) && (m.write === undefined || (e.write ?? false) === m.write);

/** `label`: the activity's English words too (one action can mean several things: a reconcile that scales, or one that makes a new ReplicaSet). */
export const activity = (component: Pattern, action: Pattern, object?: Pattern, label?: Pattern) => (e: TraceEvent): boolean =>
  e.kind === 'activity' && fits(component, e.component) && fits(action, e.action) && fits(object, e.object) && fits(label, e.label.en);

/** A stored object's field changed to a value (e.g. status.phase -> Running). */
export const change = (object: Pattern, path: string, to?: unknown) => (e: TraceEvent): boolean =>
  e.kind === 'state' && fits(object, e.object) && e.changes.some((c) => c.path === path && (to === undefined || c.to === to));

export const added = (object: Pattern) => (e: TraceEvent): boolean => e.kind === 'state' && e.op === 'added' && fits(object, e.object);
export const deleted = (object: Pattern) => (e: TraceEvent): boolean => e.kind === 'state' && e.op === 'deleted' && fits(object, e.object);

export const decision = (pod?: Pattern) => (e: TraceEvent): boolean => e.kind === 'decision' && fits(pod, e.pod);

export const component = (id: ComponentId, status: string) => (e: TraceEvent): boolean => e.kind === 'component' && e.component === id && e.status === status;

/**
 * The first event matching `then` after `times` events matching `first` (a cue that must wait for
 * earlier events: "the status PATCH sent once the container started"; "the first taint once every
 * dark node is marked"). Holds state: make one per run.
 */
export const after = (first: (e: TraceEvent) => boolean, then: (e: TraceEvent) => boolean, times = 1) => {
  let seen = 0;
  return (e: TraceEvent): boolean => {
    if (seen >= times) return then(e);
    if (first(e)) seen++;
    return false;
  };
};

/**
 * The event at which the `count`-th distinct key is first seen (`keyOf` gives an event's key, or
 * undefined: not counted): "the moment the last of 50 nodes has its taint stored". Holds state:
 * make one per run.
 */
export const nthDistinct = (count: number, keyOf: (e: TraceEvent) => string | undefined) => {
  const seen = new Set<string>();
  return (e: TraceEvent): boolean => {
    if (seen.size >= count) return false;
    const key = keyOf(e);
    if (key === undefined || seen.has(key)) return false;
    seen.add(key);
    return seen.size === count;
  };
};
