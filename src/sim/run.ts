/**
 * runScenario: scenario + seed + Kubernetes version -> Trace. Same inputs, byte-identical trace.
 */
import { createActor } from 'xstate';
import { Cluster } from './cluster.ts';
import { checkK8sVersion } from '../model/k8s/versions.ts';
import { ScenarioInputError, resolveParams } from './params.ts';
import type { RunOptions, ScenarioDefinition, StepCue } from './scenario.ts';
import { DEFAULT_K8S_VERSION, DEFAULT_SEED } from './scenario.ts';
import type { Trace, TraceEvent } from './trace.ts';

/** A scenario that does not finish within this many simulated callbacks is broken. */
const MAX_CALLBACKS = 20_000_000;
const DEFAULT_MAX_SIM_MS = 60 * 60_000;

export class ScenarioRunError extends Error {
  override readonly name = 'ScenarioRunError';
}

export function runScenario(def: ScenarioDefinition, opts: RunOptions = {}): Trace {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(seed)) throw new ScenarioInputError(`seed: expected a whole number, got "${String(seed)}"`);
  const checked = checkK8sVersion(opts.k8sVersion ?? DEFAULT_K8S_VERSION);
  if (!checked.ok) throw new ScenarioInputError(checked.message);
  const k8sVersion = checked.version;
  const params = resolveParams(def, opts.params);
  const cluster = new Cluster({ seed, k8sVersion, ...(def.config ? { config: def.config } : {}) });
  const { clock, tracer } = cluster.rt;

  const actor = createActor(def.machine, { clock, input: { cluster, params } });
  actor.start();
  cluster.start();

  const cues: readonly StepCue[] = def.cues?.(params, k8sVersion) ?? [];
  let cue = 0;
  tracer.observe((event: TraceEvent) => {
    const next = cues[cue];
    if (next && event.kind !== 'step' && next.when(event)) {
      cue++;
      cluster.step(next.id, next.caption, next.focus);
    }
  });
  // The machine hears each event after it is recorded (XState queues events sent mid-action).
  const forward: TraceEvent[] = [];
  let forwarded = 0;
  const pump = (): void => {
    while (forwarded < tracer.events.length) forward.push(tracer.events[forwarded++] as TraceEvent);
    while (forward.length > 0) actor.send({ type: 'trace', event: forward.shift() as TraceEvent });
  };

  const maxSim = def.maxSimTimeMs ?? DEFAULT_MAX_SIM_MS;
  let callbacks = 0;
  pump();
  while (actor.getSnapshot().status === 'active') {
    if (!clock.step()) break;
    pump();
    if (++callbacks > MAX_CALLBACKS || clock.now() > maxSim) {
      actor.stop();
      throw new ScenarioRunError(`scenario "${def.id}" did not finish within ${Math.round(maxSim / 1000)} s of simulated time`);
    }
  }
  actor.stop();

  let endTime = clock.now();
  for (let i = tracer.events.length - 1; i >= 0 && i >= tracer.events.length - 200; i--) {
    const e = tracer.events[i];
    if (e?.kind === 'message' && e.arrive > endTime) endTime = e.arrive;
    if (e?.kind === 'activity' && e.until > endTime) endTime = e.until;
  }
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
  };
}
