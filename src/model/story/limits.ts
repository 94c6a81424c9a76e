/**
 * Bounds on what one scenario file may ask for. A file is untrusted input: these keep a run, an
 * editor's preview and the CLI from being asked for more than any lesson needs.
 */
export const STORY_LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 1024 * 1024,
  nodes: 50,
  objects: 500,
  steps: 200,
  cues: 200,
  /** Commands over all steps (the sandbox's MAX_COMMANDS). */
  commands: 200,
  /** Characters of one caption, title or summary, per language. */
  captionChars: 600,
  /** Characters of one `/regex/` pattern. */
  patternChars: 200,
  /** Simulated time, in ms: a run that has not finished by then fails. */
  simTimeMs: 60 * 60_000,
} as const;
