/**
 * What the UI needs from the layers below it. main.ts passes the real stage, simulation and
 * scenarios in; the UI depends on these shapes only, so it never builds a trace or a stage itself.
 */
import type { ExportOptions, ExportRequest, ExportResult } from '../export/options.ts';
import type { Lang } from '../model/localized.ts';
import type { ParamValue, ScenarioDefinition } from '../sim/scenario.ts';
import type { Trace } from '../sim/trace.ts';
import type { SimulationRun } from '../sim/run-core.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import type { PlayerApi } from '../timeline/player-api.ts';
import type { ThemeName } from './theme.ts';
import type { BackgroundMode } from '../render/background-mode.ts';

export interface StageOptions {
  readonly theme: ThemeName;
  readonly reducedMotion: boolean;
  readonly lang: Lang;
}

export interface StagePort {
  /** Plays a trace, replacing (and destroying) the previous player. */
  load(trace: Trace): PlayerApi;
  /** Loads the font subsets of the trace's own texts, for load() to draw them (a stage without fonts to load has none). */
  glyphsFor?(trace: Trace): Promise<void>;
  /** Lays a trace out ahead of load(), a piece per `advance()` (true once done): see the stage's layOut. */
  layOut(trace: Trace): { advance(): boolean };
  setTheme(theme: ThemeName): unknown;
  setLang(lang: Lang): unknown;
  onComponentClick(listener: (id: string) => void): unknown;
  /** A Kubernetes object drawn on stage was clicked (a pod, a node's name, a shelf card): its ObjectRef. */
  onObjectClick(listener: (ref: string) => void): unknown;
  /** Trace events applied in the frame at presentation time `time` (the state drawn: stateAt(trace, { eventCount })). */
  eventCountAt(time: number): number;
  setReducedMotion(on: boolean): void;
  /** Background traffic: quiet (faint), hide or show. */
  setBackground(mode: BackgroundMode): void;
  resize(): void;
  destroy(): void;
  /** Seek to presentation time t and render synchronously (deterministic frames). */
  renderFrameAt(time: number): void;
  /** The WebGL context was lost (true: the stage paused and draws nothing) or is back (false). */
  onContextLoss(listener: (lost: boolean) => void): unknown;
  /** Resolves when pending font/icon work is done: the next frame is final. */
  ready(): Promise<void>;
  /** The big-cluster view's controls while the stage draws one (tiles instead of ships), else undefined. */
  scale?(): unknown;
}

export interface RunRequest {
  readonly seed: number;
  readonly k8sVersion: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  /** The learner's commands inserted into the run (the sandbox); none by default. */
  readonly actions?: readonly TimedCommand[];
}

/** Export (src/export): the file(s) for a trace, made frame by frame off screen. */
export interface ExportPort {
  run(trace: Trace, scenarioId: string, request: ExportRequest, options?: ExportOptions): Promise<ExportResult>;
}

export interface SaveRequest {
  readonly scenarioId: string;
  readonly params: Readonly<Record<string, ParamValue>>;
  readonly k8sVersion: string;
  readonly commands: readonly TimedCommand[];
}

/** What the UI shows of a scenario before its code loads: the picker, links and titles need only this. */
export type ScenarioAbout = Pick<ScenarioDefinition, 'id' | 'title' | 'summary' | 'params' | 'actions' | 'runsLong'>;

/**
 * A scenario the UI can offer: its about, and its code on demand (scenes/registry.ts for the
 * built-ins; a file's scenario is loaded already: loadedEntry in scenario-entry.ts).
 */
export interface ScenarioEntry extends ScenarioAbout {
  /** Loads the scenario's code (once). */
  load(): Promise<ScenarioDefinition>;
  /** The definition once load() has resolved, else undefined. */
  loaded(): ScenarioDefinition | undefined;
}

export interface AppDeps {
  /** In learning-path order. */
  readonly scenarios: readonly ScenarioEntry[];
  readonly defaultScenario: string;
  readonly defaultK8s: string;
  readonly seed: number;
  /** Loads the simulation (once): run() throws until it has. */
  loadSimulation(): Promise<void>;
  /** Whether loadSimulation() has resolved. */
  simulationLoaded(): boolean;
  run(def: ScenarioDefinition, request: RunRequest): Trace;
  /** The same run, to be advanced in slices (a big cluster's, with the page kept live). */
  startRun(def: ScenarioDefinition, request: RunRequest): SimulationRun;
  /**
   * The trace made at build time for this run (the default view's), fetched; undefined for any
   * other run, and for a scenario that is not the built-in one (a file's may reuse its id). The
   * first frame then needs no simulation.
   */
  readonly prebuiltTrace?: (scenario: ScenarioEntry, request: RunRequest) => Promise<Trace> | undefined;
  createStage(host: HTMLElement, options: StageOptions): Promise<StagePort>;
  /** Absent: no Export button. */
  readonly exporter?: ExportPort;
  /**
   * A scenario file's text to a scenario; rejects with StoryFileError (where and what is wrong).
   * main.ts loads the validator only when a file is opened. Absent: no opening files.
   */
  readonly loadScenarioFile?: (text: string, name: string) => Promise<ScenarioDefinition>;
  /**
   * Save as scenario: a session of the scenario `scenarioId` as a scenario file's text, or
   * undefined when that scenario cannot be written as a file (only the sandbox can). Loaded lazily.
   */
  saveSession?(session: SaveRequest): Promise<string | undefined>;
}
