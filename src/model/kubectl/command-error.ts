/**
 * Thrown inside the parser with the exact text the learner sees; `parseCommand` catches it and
 * returns it as `{ ok: false, error }`, so nothing escapes the parser.
 */
export class CommandError extends Error {
  constructor(readonly text: string) {
    super(text);
    this.name = 'CommandError';
  }
}

export function fail(text: string): never {
  throw new CommandError(text);
}
