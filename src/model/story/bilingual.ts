/**
 * zod checks whose messages are written in both languages: the English text is the issue's
 * message, the Korean one rides in its params, and messages.ts picks the one the user reads.
 */
import type { z } from 'zod';

export interface Words {
  readonly en: string;
  readonly ko: string;
}

/** Korean for the fixed English messages of the schema's own checks (regex, min...), filled as the schema is built. */
const KOREAN = new Map<string, string>();

/** The English message for a built-in check (`.regex(re, said(words))`), remembering its Korean. */
export function said(words: Words): string {
  KOREAN.set(words.en, words.ko);
  return words.en;
}

/** The Korean of a message given with said(), if there is one. */
export const koreanOf = (en: string): string | undefined => KOREAN.get(en);

/** An issue for ctx.addIssue in a superRefine / transform. */
export const issue = (words: Words, path?: readonly PropertyKey[]): z.core.$ZodRawIssue => ({
  code: 'custom',
  message: words.en,
  params: { ko: words.ko },
  input: undefined,
  ...(path === undefined ? {} : { path: [...path] }),
});
