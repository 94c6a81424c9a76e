/**
 * runScenario: scenario + seed + Kubernetes version (+ the learner's commands) -> Trace. Same
 * inputs, byte-identical trace. The run itself is run-core.ts; this adds the sandbox that inserts
 * the commands (the CLI, tests and the app once it has loaded the sandbox use it).
 */
import { runScenarioWith } from './run-core.ts';
import { insertCommands } from './sandbox/insert-commands.ts';
import type { RunOptions, ScenarioDefinition } from './scenario.ts';
import type { Trace } from './trace.ts';

export { ScenarioRunError } from './run-core.ts';

export function runScenario(def: ScenarioDefinition, opts: RunOptions = {}): Trace {
  return runScenarioWith(def, opts, insertCommands);
}
