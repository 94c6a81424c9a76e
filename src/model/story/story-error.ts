/**
 * A mistake in a scenario file, where it is and what is wrong, in both languages:
 * `story.yaml:12:5: steps[2].commands[0]: ...`. Nothing in it is HTML; values from the file are
 * shown through shownValue (cut, control characters escaped).
 */
import type { Lang } from '../localized.ts';
import type { Words } from './bilingual.ts';

export interface StoryError {
  readonly file: string;
  /** 1-based; absent when the whole file is at fault (too big, empty). */
  readonly line?: number;
  readonly col?: number;
  /** The field path, `steps[2].commands[0]`; empty for the file as a whole or a YAML syntax error. */
  readonly path: string;
  readonly message: Words;
}

/** One line: `file:line:col: path: message`. */
export function formatStoryError(error: StoryError, lang: Lang): string {
  const where = error.line === undefined ? error.file : `${error.file}:${error.line}:${error.col ?? 1}`;
  return error.path === '' ? `${where}: ${error.message[lang]}` : `${where}: ${error.path}: ${error.message[lang]}`;
}

/** Thrown by loadStoryOrThrow: the first error, formatted in English; `errors` has them all. */
export class StoryFileError extends Error {
  override readonly name = 'StoryFileError';
  constructor(readonly errors: readonly StoryError[]) {
    super(errors[0] === undefined ? 'invalid scenario file' : formatStoryError(errors[0], 'en'));
  }
  format(lang: Lang): string {
    const first = this.errors[0];
    return first === undefined ? this.message : formatStoryError(first, lang);
  }
}
