/**
 * The sandbox (the learner's commands in a run: src/sim/sandbox, with kubectl's effects, manifests,
 * yaml and zod) stays out of the app's first load: a plain run does without it (run-core.ts).
 * main.ts loads it before the first run when that run has commands (a do= link, an embed), else
 * right after the first frame, well before anyone can type a command.
 */
import { lazy } from './lazy.ts';

const sandbox = lazy(() => import('./sim/sandbox/insert-commands.ts').then((m) => m.insertCommands));

/** Loads the sandbox (once); resolves with what inserts commands into a run. */
export const loadSandbox = sandbox.load;

/** The sandbox if it has loaded, else undefined (a run with commands then refuses). */
export const loadedSandbox = sandbox.now;
