/**
 * runScenarioWith: scenario + seed + Kubernetes version -> Trace. Same inputs, byte-identical trace.
 * The learner's commands go in through `insert` (src/sim/sandbox/insert-commands.ts), passed by the
 * caller: a plain run needs none of the sandbox (kubectl, manifests, yaml, zod), so the app's first
 * load leaves it out (src/main.ts). runScenario (run.ts) is this with the sandbox.
 */
import { createActor } from 'xstate';
import { Cluster } from './cluster.ts';
import { checkK8sVersion } from '../model/k8s/versions.ts';
import { forgetParsedRefs } from '../model/objects.ts';
import { forgetIdentities } from '../model/access.ts';
import { forgetEtcdKeys } from '../model/registry.ts';
import { ScenarioInputError, resolveParams } from './params.ts';
import type { RunOptions, ScenarioDefinition, StepCue } from './scenario.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED } from './scenario.ts';
import type { StoryLeftWaiting, Trace, TraceEvent } from './trace.ts';
import { isLocalized, type Localized } from '../model/localized.ts';
import type { insertCommands } from './sandbox/insert-commands.ts';
import type { TimedCommand } from './sandbox/timed-command.ts';
import { MAX_COMMAND_CHARS, MAX_COMMANDS } from './sandbox/timed-command.ts';

/** The learner's commands, checked: a bounded list of commands at whole, ascending, non-negative times. */
function checkCommands(actions: readonly TimedCommand[]): readonly TimedCommand[] {
  if (actions.length > MAX_COMMANDS) throw new ScenarioInputError(`at most ${MAX_COMMANDS} commands, got ${actions.length}`);
  let last = 0;
  for (const a of actions) {
    if (!Number.isSafeInteger(a.at) || a.at < 0 || a.at > WHAT_IF_MAX_MS) throw new ScenarioInputError(`command time: expected whole milliseconds from 0 to ${WHAT_IF_MAX_MS}, got ${String(a.at)}`);
    if (a.at < last) throw new ScenarioInputError('commands must be in time order');
    if (a.command.length > MAX_COMMAND_CHARS) throw new ScenarioInputError(`a command is longer than ${MAX_COMMAND_CHARS} characters`);
    last = a.at;
  }
  return actions;
}

/** A scenario that does not finish within this many simulated callbacks is broken. */
const MAX_CALLBACKS = 20_000_000;
const DEFAULT_MAX_SIM_MS = 60 * 60_000;

export class ScenarioRunError extends Error {
  override readonly name = 'ScenarioRunError';
}

/** With the learner's commands, a story that cannot reach its end (its guards wait for what they undid) stops this long after the later of its own end and theirs. */
const WHAT_IF_GRACE_MS = 60_000;
/** A what-if never runs past this, whatever it asks (`wait 1000h`). */
const WHAT_IF_MAX_MS = 2 * 60 * 60_000;

/** The plain run's end, per scenario and inputs: a what-if's stopping point is measured from it. */
const plainEnds = new WeakMap<ScenarioDefinition, Map<string, number>>();

const plainKey = (opts: RunOptions): string => JSON.stringify([opts.seed, opts.k8sVersion, opts.params]);

/** Every plain run leaves its end here, so the first what-if after it needs no second run. */
function notePlainEnd(def: ScenarioDefinition, opts: RunOptions, end: number): void {
  let ends = plainEnds.get(def);
  if (!ends) plainEnds.set(def, (ends = new Map()));
  ends.set(plainKey(opts), end);
}

function plainEnd(def: ScenarioDefinition, opts: RunOptions): number {
  const key = plainKey(opts);
  let ends = plainEnds.get(def);
  if (!ends) plainEnds.set(def, (ends = new Map()));
  let end = ends.get(key);
  if (end === undefined) {
    const { actions: _none, ...plain } = opts;
    end = runWith(def, plain, [], undefined).endTime;
    ends.set(key, end);
  }
  return end;
}

/** The definition's own commands, then the run's, in time order (the definition's first at a tie). */
function commandsOf(def: ScenarioDefinition, opts: RunOptions): readonly TimedCommand[] {
  const own = def.actions ?? [];
  const given = opts.actions ?? [];
  if (own.length === 0) return given;
  return [...own, ...given].map((c, i) => ({ c, i })).sort((a, b) => a.c.at - b.c.at || a.i - b.i).map(({ c }) => c);
}

/** What puts the learner's commands into a run: insertCommands, or undefined when the caller has not loaded it. */
export type InsertCommands = typeof insertCommands;

/** A run; one with commands (the run's or the definition's) needs `insert`. */
export function runScenarioWith(def: ScenarioDefinition, opts: RunOptions, insert: InsertCommands | undefined): Trace {
  return runWith(def, opts, commandsOf(def, opts), insert);
}

/**
 * A run that goes in slices, so a caller can keep a page live through a big cluster's seconds of
 * simulation (and give up on it). Slices change nothing: the trace is byte-identical to
 * runScenarioWith's. The run's own inputs are checked when it starts (it throws as
 * runScenarioWith does).
 */
export interface SimulationRun {
  /** Simulated time reached so far (ms). */
  readonly now: number;
  /**
   * Runs at most `callbacks` more of the simulated clock's callbacks: the trace once the run has
   * ended, else undefined. Throws ScenarioRunError as runScenarioWith does; after the end, or
   * after cancel(), it throws.
   */
  advance(callbacks: number): Trace | undefined;
  /** Stops the run where it is (nothing more is recorded). */
  cancel(): void;
}

/** runScenarioWith, one slice at a time. */
export function startScenarioWith(def: ScenarioDefinition, opts: RunOptions, insert: InsertCommands | undefined): SimulationRun {
  return startRun(def, opts, commandsOf(def, opts), insert);
}

function runWith(def: ScenarioDefinition, opts: RunOptions, actions: readonly TimedCommand[], insert: InsertCommands | undefined): Trace {
  const run = startRun(def, opts, actions, insert);
  for (;;) {
    const trace = run.advance(Number.POSITIVE_INFINITY);
    if (trace) return trace;
  }
}

/** What the story's active states say they wait for (the deepest that says; XState lists them root first). */
function leftWaiting(metas: Readonly<Record<string, unknown>>): StoryLeftWaiting {
  let waitsFor: Localized | undefined;
  for (const meta of Object.values(metas)) {
    const said = typeof meta === 'object' && meta !== null && 'waitsFor' in meta ? meta.waitsFor : undefined;
    if (isLocalized(said)) waitsFor = said;
  }
  return waitsFor === undefined ? {} : { waitsFor };
}

function startRun(def: ScenarioDefinition, opts: RunOptions, actions: readonly TimedCommand[], insert: InsertCommands | undefined): SimulationRun {
  if (actions.length > 0 && !insert) throw new ScenarioRunError('commands need the sandbox, which is not loaded');
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new ScenarioInputError(`seed: expected a whole number, got "${String(seed)}"`);
  const checked = checkK8sVersion(opts.k8sVersion ?? DEFAULT_K8S_VERSION);
  if (!checked.ok) throw new ScenarioInputError(checked.message);
  const k8sVersion = checked.version;
  const params = resolveParams(def, opts.params);
  forgetParsedRefs();
  forgetEtcdKeys();
  forgetIdentities();
  const cluster = new Cluster({ seed, k8sVersion, ...(def.config ? { config: def.config } : {}) });
  const { clock, tracer } = cluster.rt;

  const actor = createActor(def.machine, { clock, input: { cluster, params } });
  actor.start();
  cluster.start();
  const inserted = actions.length > 0 && insert ? insert(cluster, checkCommands(actions)) : undefined;
  const storyEnd = inserted ? plainEnd(def, opts) : 0;

  const cues: readonly StepCue[] = def.cues?.(params, k8sVersion) ?? [];
  let cue = 0;
  tracer.observe((event: TraceEvent) => {
    const next = cues[cue];
    if (next && event.kind !== 'step' && next.when(event)) {
      cue++;
      cluster.step(next.id, typeof next.caption === 'function' ? next.caption(cluster) : next.caption, typeof next.focus === 'function' ? next.focus(cluster) : next.focus);
    }
  });
  // The machine hears each event after it is recorded (XState queues events sent mid-action).
  const forward: TraceEvent[] = [];
  let forwarded = 0;
  // Whether the machine, in the states it is in, can do anything with a trace event: a `trace` (or
  // wildcard) transition, or an eventless one to re-check. An event it cannot use still costs a full
  // XState macrostep, a third of a big run spent waiting out a timer. Known per snapshot.
  let heard: { readonly snapshot: unknown; readonly hears: boolean } | undefined;
  const hears = (): boolean => {
    const snapshot = actor.getSnapshot();
    if (heard?.snapshot !== snapshot) heard = { snapshot, hears: snapshot._nodes.some((n) => 'trace' in n.on || '*' in n.on || (n.always?.length ?? 0) > 0) };
    return heard.hears;
  };
  const pump = (): void => {
    while (forwarded < tracer.events.length) forward.push(tracer.events[forwarded++] as TraceEvent);
    // A story that has ended hears nothing more (a what-if's run may go on after it).
    while (forward.length > 0 && actor.getSnapshot().status === 'active') {
      const event = forward.shift() as TraceEvent;
      if (hears()) actor.send({ type: 'trace', event });
    }
    forward.length = 0;
  };

  const maxSim = def.maxSimTimeMs ?? DEFAULT_MAX_SIM_MS;
  let callbacks = 0;
  pump();
  const going = (): boolean => {
    const storyGoes = actor.getSnapshot().status === 'active';
    if (!inserted) return storyGoes;
    const now = clock.now();
    if (now >= WHAT_IF_MAX_MS) return false;
    // The story may be stuck on what the learner changed: it gets a grace past both ends.
    const storyMayGo = storyGoes && now < Math.max(storyEnd, inserted.until()) + WHAT_IF_GRACE_MS;
    return storyMayGo || !inserted.settled(now);
  };
  let over = false;
  const end = (): void => {
    over = true;
    actor.stop();
  };
  /** One slice: true when the run has ended. */
  const slice = (budget: number): boolean => {
    for (let done = 0; done < budget; done++) {
      if (!going() || !clock.step()) return true;
      pump();
      if (++callbacks > MAX_CALLBACKS || (!inserted && clock.now() > maxSim)) {
        end();
        throw new ScenarioRunError(`scenario "${def.id}" did not finish within ${Math.round(maxSim / 1000)} s of simulated time`);
      }
    }
    return false;
  };
  /** The ended run's trace (it ends at the last message's arrival or activity's end, if after the clock). */
  const finish = (): Trace => {
    // Read before the actor stops: a story still active here was left waiting by the learner's commands.
    const story = actor.getSnapshot();
    const unfinished = inserted && story.status === 'active' ? leftWaiting(story.getMeta()) : undefined;
    end();
    let endTime = clock.now();
    for (let i = tracer.events.length - 1; i >= 0 && i >= tracer.events.length - 200; i--) {
      const e = tracer.events[i];
      if (e?.kind === 'message' && e.arrive > endTime) endTime = e.arrive;
      if (e?.kind === 'activity' && e.until > endTime) endTime = e.until;
    }
    if (actions.length === 0) notePlainEnd(def, opts, endTime);
    return {
      version: 1,
      scenario: def.id,
      seed,
      k8sVersion,
      topology: cluster.topology(),
      events: tracer.events,
      snapshots: tracer.snapshots,
      steps: tracer.steps,
      endTime,
      ...(inserted ? { commands: inserted.outcomes() } : {}),
      ...(unfinished ? { unfinished } : {}),
    };
  };
  return {
    get now() {
      return clock.now();
    },
    advance(budget) {
      if (over) throw new ScenarioRunError(`scenario "${def.id}": this run has ended`);
      return slice(budget) ? finish() : undefined;
    },
    cancel: end,
  };
}
