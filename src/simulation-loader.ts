/**
 * The simulation (src/sim's run, with xstate) stays out of the default view's first load: its first
 * frame comes from the prebuilt trace (src/prebuilt-trace.ts). main.ts loads it before the first
 * run of any other view, and right after the first frame of the default one.
 */
import { lazy } from './lazy.ts';

/** A run to its end, and a run in slices (a big cluster's, with the page kept live). */
const simulation = lazy(() => import('./sim/run-core.ts').then(({ runScenarioWith, startScenarioWith }) => ({ run: runScenarioWith, start: startScenarioWith })));

/** Loads the simulation (once); a failed load is tried again next time. */
export const loadSimulation = simulation.load;

/** The simulation if it has loaded, else undefined. */
export const loadedSimulation = simulation.now;
