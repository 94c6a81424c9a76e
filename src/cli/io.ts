/** What a CLI command may touch, so commands can be tested without a process. */
export interface CliIo {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly readFile: (path: string) => string;
}

/** A user error: printed as one line (no stack trace), exit code 2. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

export const EXIT_OK = 0;
export const EXIT_USAGE = 2;
/** A failure of kubedeck itself (a bug), reported in one line like the others. */
export const EXIT_INTERNAL = 1;
