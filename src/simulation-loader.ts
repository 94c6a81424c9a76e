/**
 * The simulation (src/sim's run, with xstate) stays out of the default view's first load: its first
 * frame comes from the prebuilt trace (src/prebuilt-trace.ts). main.ts loads it before the first
 * run of any other view, and right after the first frame of the default one.
 */
import { lazy } from './lazy.ts';

const simulation = lazy(() => import('./sim/run-core.ts').then((m) => m.runScenarioWith));

/** Loads the simulation (once); a failed load is tried again next time. */
export const loadSimulation = simulation.load;

/** The simulation if it has loaded, else undefined. */
export const loadedSimulation = simulation.now;
