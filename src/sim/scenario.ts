/**
 * A scenario: an XState machine that sets up the cluster, performs the user's actions and
 * faults, and marks narration steps. It runs on the simulation (src/sim/cluster.ts).
 */
import type { AnyStateMachine } from 'xstate';
import type { K8sVersion } from '../model/k8s/versions.ts';
import type { Localized } from '../model/localized.ts';
import type { Cluster } from './cluster.ts';
import type { SimConfig } from './core/config.ts';
import type { ComponentId, TraceEvent } from './trace.ts';
import type { TimedCommand } from './sandbox/timed-command.ts';

export type ParamValue = string | number | boolean;

export type ScenarioParam =
  | { readonly id: string; readonly label: Localized; readonly kind: 'int'; readonly default: number; readonly min: number; readonly max: number }
  | { readonly id: string; readonly label: Localized; readonly kind: 'boolean'; readonly default: boolean }
  | {
      readonly id: string;
      readonly label: Localized;
      readonly kind: 'choice';
      readonly default: string;
      readonly options: readonly { readonly value: string; readonly label: Localized }[];
    };

export type ScenarioParams = Readonly<Record<string, ParamValue>>;

export interface ScenarioDefinition {
  readonly id: string;
  readonly title: Localized;
  /** One line for the picker and `kubedeck list`. */
  readonly summary: Localized;
  /** Inputs a learner may change (replicas, a variant...). The k8s version is always an input. */
  readonly params: readonly ScenarioParam[];
  /**
   * The scenario's XState machine. Input: ScenarioInput. It receives every trace event as
   * `{ type: 'trace', event }` (after it is recorded) and the run ends when it reaches a final state.
   * A state that waits on the cluster (a `trace` transition with a guard) says what for in its
   * `meta` (StoryMeta): a learner's what-if may leave the story there, and the app tells them why.
   */
  readonly machine: AnyStateMachine;
  /**
   * Narration cues: a step starts just before the first event that matches its cue (in order).
   * Steps can also be marked by the machine itself (cluster.step) right before an action.
   */
  readonly cues?: (params: ScenarioParams, k8sVersion: K8sVersion) => readonly StepCue[];
  /** Simulation settings the scenario needs (e.g. fewer events for a large cluster). */
  readonly config?: Partial<SimConfig>;
  /** A run longer than this (simulated ms) is a broken scenario. */
  readonly maxSimTimeMs?: number;
  /**
   * These params make a run that holds the page for a second or more (thousands of pods): the app
   * says it is preparing the cluster, and lets that reach the screen, before it starts the run.
   */
  readonly runsLong?: (params: ScenarioParams) => boolean;
  /**
   * Commands that show the scenario off when its own story is empty (the sandbox): what tests,
   * baselines and the bench play, and what the app suggests trying.
   */
  readonly example?: readonly TimedCommand[];
  /**
   * Commands every run of this scenario inserts, as if a learner had given them (a scenario file's
   * `actions`, written by Save as scenario); a run's own RunOptions.actions join them.
   */
  readonly actions?: readonly TimedCommand[];
}

export interface StepCue {
  readonly id: string;
  /**
   * The step's words; or made from the cluster as the step starts, when they count what a
   * learner's what-if may have changed (a Deployment scaled before the story's own scale).
   */
  readonly caption: Localized | ((cluster: Cluster) => Localized);
  /** The step's components; or picked from the cluster as the step starts (the node a pod was bound to). */
  readonly focus: readonly ComponentId[] | ((cluster: Cluster) => readonly ComponentId[]);
  readonly when: (event: TraceEvent) => boolean;
}

export interface ScenarioInput {
  readonly cluster: Cluster;
  readonly params: ScenarioParams;
}

export type ScenarioEvent = { readonly type: 'trace'; readonly event: TraceEvent };

/** A story machine's state meta (XState `meta`). */
export interface StoryMeta {
  /** What this state waits for in the cluster, as a clause: "every web pod runs nginx:1.28, none left Terminating". */
  readonly waitsFor?: Localized;
}

/** `meta: waitingFor(text(...))` on a story state that waits on the cluster. */
export const waitingFor = (waitsFor: Localized): StoryMeta => ({ waitsFor });

export interface RunOptions {
  readonly seed?: number;
  /** One of K8S_VERSIONS ("v1.35" and "1.35.2" name 1.35); the newest by default. */
  readonly k8sVersion?: string;
  readonly params?: ScenarioParams;
  /**
   * The learner's commands, each applied when simulated time reaches its `at`: the run is the
   * scenario with these inserted (a what-if). Its trace equals the plain run's up to the first one.
   */
  readonly actions?: readonly TimedCommand[];
}

export { DEFAULT_K8S_VERSION } from '../model/k8s/versions.ts';
export const DEFAULT_SEED = 1;
