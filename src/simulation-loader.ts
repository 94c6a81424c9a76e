/**
 * The simulation (src/sim's run, with xstate) stays out of the default view's first load: its first
 * frame comes from the prebuilt trace (src/prebuilt-trace.ts). main.ts loads it before the first
 * run of any other view, and right after the first frame of the default one.
 */
import type { runScenarioWith } from './sim/run-core.ts';

type Run = typeof runScenarioWith;

let run: Run | undefined;
let loading: Promise<Run> | undefined;

/** Loads the simulation (once); a failed load is tried again next time. */
export function loadSimulation(): Promise<Run> {
  loading ??= import('./sim/run-core.ts').then(
    (m) => (run = m.runScenarioWith),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The simulation if it has loaded, else undefined. */
export function loadedSimulation(): Run | undefined {
  return run;
}
