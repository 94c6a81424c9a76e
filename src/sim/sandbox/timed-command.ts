/**
 * A learner's command at a moment of a run: the what-if a sandbox, a link, a scenario file or the
 * CLI inserts into a scenario. The command is kept as text (the vocabulary of
 * src/model/kubectl): it is parsed when the simulation reaches `at`, against the names that exist
 * in the cluster then, exactly as the command bar parses it against the frame on screen.
 */
export interface TimedCommand {
  /** Simulated ms since the scenario started. */
  readonly at: number;
  /** One command line, e.g. `kubectl scale deployment web --replicas=5` or `node power-off worker-2`. */
  readonly command: string;
}

/** What a command did, in the order the commands were given: for the list beside the stage and the CLI. */
export interface CommandOutcome {
  readonly at: number;
  readonly command: string;
  /** False: the command was refused (kubectl's error is the output) and changed nothing. */
  readonly ok: boolean;
  /** What kubectl printed, line by line ("deployment.apps/web scaled", "node/worker-2 cordoned"). */
  readonly output: readonly string[];
  /**
   * Simulated ms when kubectl had its answer (a refusal: at once); absent while it still waits
   * when the run ends. A shell runs the next line only then: so does the command bar.
   */
  readonly doneAt?: number;
}

/** Limits on what a link or a file may ask of one run. */
export const MAX_COMMANDS = 200;
export const MAX_COMMAND_CHARS = 20_000;
