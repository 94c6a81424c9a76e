/**
 * When a run is long enough to go in slices (src/ui/run-in-slices.ts) rather than in one block:
 * counted in events and replicas, not timed, so every machine decides the same.
 */
import { replicasAsked } from '../model/kubectl/replicas-asked.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';

/** A run on stage with this many events (a sandbox of ~1,000 replicas: about a second to run again) makes the next what-if run in slices. */
export const LONG_TRACE_EVENTS = 80_000;
/** A command asking for this many replicas runs in slices (a sandbox `kubectl scale --replicas=3000` took ~1.5 s in one block). */
export const LONG_COMMAND_REPLICAS = 1000;

/** Whether any of a link's commands asks for thousands of replicas (read from its words: the parser may not have loaded yet). */
export function commandsRunLong(commands: readonly TimedCommand[]): boolean {
  return commands.some((c) => replicasAsked(c.command) >= LONG_COMMAND_REPLICAS);
}
