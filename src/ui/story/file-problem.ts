/**
 * Why a scenario file did not open, and the notice's lines for it in either language. The file's
 * own mistakes come as `file:line:col: path: message` (formatStoryError), at most a few of them:
 * a notice is not an editor. Pure: values from the file are plain text, never markup.
 */
import type { Lang } from '../../model/localized.ts';
import { formatStoryError, StoryFileError, type StoryError } from '../../model/story/story-error.ts';
import { t } from '../i18n.ts';
import { FileTooLarge, NotUtf8 } from './read-bounded.ts';
import type { FileLink } from './file-link.ts';

export type FileProblem =
  | { readonly kind: 'story'; readonly errors: readonly StoryError[] }
  | { readonly kind: 'too-large'; readonly name: string; readonly bytes: number }
  | { readonly kind: 'not-text'; readonly name: string }
  | { readonly kind: 'unreadable'; readonly name: string; readonly detail: string }
  | { readonly kind: 'refused'; readonly reason: Extract<FileLink, { ok: false }>['reason']; readonly shown: string }
  | { readonly kind: 'http'; readonly name: string; readonly status: number }
  | { readonly kind: 'network'; readonly name: string; readonly detail: string }
  | { readonly kind: 'invalid'; readonly name: string; readonly detail: string };

/** How many of the file's mistakes the notice lists before "and N more". */
export const SHOWN_ERRORS = 5;

const detailOf = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 160);

/** What went wrong reading or compiling `name` (a thrown StoryFileError, FileTooLarge, NotUtf8...). */
export function problemFromError(error: unknown, name: string, stage: 'read' | 'compile'): FileProblem {
  if (error instanceof StoryFileError) return { kind: 'story', errors: error.errors };
  if (error instanceof FileTooLarge) return { kind: 'too-large', name, bytes: error.bytes };
  if (error instanceof NotUtf8) return { kind: 'not-text', name };
  return stage === 'read' ? { kind: 'unreadable', name, detail: detailOf(error) } : { kind: 'invalid', name, detail: detailOf(error) };
}

/** The notice's lines for `problem` in `lang`. */
export function problemLines(problem: FileProblem, lang: Lang, max = SHOWN_ERRORS): string[] {
  switch (problem.kind) {
    case 'story': {
      const lines = problem.errors.slice(0, max).map((error) => formatStoryError(error, lang));
      const more = problem.errors.length - max;
      return more > 0 ? [...lines, t(lang, 'fileMoreErrors', { count: more })] : lines;
    }
    case 'too-large':
      return [t(lang, 'fileTooLarge', { name: problem.name, size: problem.bytes })];
    case 'not-text':
      return [t(lang, 'fileNotText', { name: problem.name })];
    case 'unreadable':
      return [t(lang, 'fileUnreadable', { name: problem.name, value: problem.detail })];
    case 'refused':
      return [t(lang, problem.reason === 'origin' ? 'fileRefusedOrigin' : problem.reason === 'scheme' ? 'fileRefusedScheme' : 'fileRefusedUrl', { value: problem.shown })];
    case 'http':
      return [t(lang, 'fileHttp', { name: problem.name, status: problem.status })];
    case 'network':
      return [t(lang, 'fileNetwork', { name: problem.name, value: problem.detail })];
    case 'invalid':
      return [t(lang, 'fileInvalid', { name: problem.name, value: problem.detail })];
  }
}
