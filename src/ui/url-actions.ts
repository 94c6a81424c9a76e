/**
 * The learner's commands in a link: repeated `do=<ms>~<command>` (URLSearchParams does the
 * percent-encoding). Parsing never throws: a malformed entry is dropped with an issue, so a
 * hand-edited link still opens the rest of the what-if.
 */
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import type { UrlIssue } from './url-state.ts';

/** More than a learner types in a session; keeps a pasted link from running forever. */
export const MAX_LINK_ACTIONS = 200;
/** Longer than any one-line command (an `apply -f -` manifest included). */
export const MAX_LINK_ACTION_CHARS = 2_000;

const shorten = (value: string, max = 40): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/** `raws`: every `do` value in link order. Issues are appended to `issues`. */
export function parseActions(raws: readonly string[], issues: UrlIssue[]): TimedCommand[] {
  const actions: TimedCommand[] = [];
  if (raws.length > MAX_LINK_ACTIONS) issues.push({ key: 'tooManyActions', vars: { count: raws.length, max: MAX_LINK_ACTIONS } });
  for (const raw of raws.slice(0, MAX_LINK_ACTIONS)) {
    const match = /^(\d{1,15})~([\s\S]*)$/.exec(raw);
    const at = match ? Number(match[1]) : NaN;
    const command = match?.[2] ?? '';
    if (!match || !Number.isSafeInteger(at) || command.trim() === '') {
      issues.push({ key: 'badAction', vars: { value: shorten(raw) } });
      continue;
    }
    if (command.length > MAX_LINK_ACTION_CHARS) {
      issues.push({ key: 'actionTooLong', vars: { value: shorten(command), max: MAX_LINK_ACTION_CHARS } });
      continue;
    }
    // Time only moves forward: an entry earlier than the one before it was edited or reordered.
    const previous = actions.at(-1);
    if (previous !== undefined && at < previous.at) {
      issues.push({ key: 'actionOutOfOrder', vars: { value: shorten(raw) } });
      continue;
    }
    actions.push({ at, command });
  }
  return actions;
}

/** The `do` values for `actions` (already in time order), ready for URLSearchParams.append. */
export function serializeActions(actions: readonly TimedCommand[]): string[] {
  return actions.map((a) => `${Math.max(0, Math.round(a.at))}~${a.command}`);
}
