/** Strict readings of flag values: what the command line gives is text, and only plain text passes. */
import { shownValue } from '../model/shown-value.ts';
import { durationMs } from '../model/story/duration.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import type { ParamValue } from '../sim/scenario.ts';
import { CliError } from './io.ts';

/** A whole number written in decimal ("12", "-3"): not "", "0x1f", "1e3", " 7" or "3.0". */
export function parseInteger(command: string, flag: string, text: string): number {
  const n = /^-?\d{1,16}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new CliError(`${command}: --${flag} must be a whole number, got ${shownValue(text)}`);
  return n;
}

/**
 * `--param name=value` flags into the params object a scenario reads. Names are own data
 * properties (`__proto__` stays a name, refused by the scenario like any unknown one); a name
 * given twice is an error.
 */
export function parseParamFlags(command: string, raw: readonly string[]): Record<string, ParamValue> {
  const entries = new Map<string, string>();
  for (const p of raw) {
    const eq = p.indexOf('=');
    if (eq <= 0) throw new CliError(`${command}: --param takes name=value, got ${shownValue(p)}`);
    const name = p.slice(0, eq);
    if (entries.has(name)) throw new CliError(`${command}: --param ${shownValue(name)} is given twice`);
    entries.set(name, p.slice(eq + 1));
  }
  return Object.fromEntries(entries);
}

/**
 * `--do TIME~COMMAND` flags: a learner's commands at simulated times (`5s~kubectl scale deploy web
 * --replicas=5`, `12500~node power-off worker-2`), as the app's `do=` link parameter. TIME is a
 * duration (500ms, 5s, 1m30s) or whole milliseconds. Given in time order.
 */
export function parseDoFlags(command: string, raw: readonly string[]): TimedCommand[] {
  let last = 0;
  return raw.map((entry) => {
    const sep = entry.indexOf('~');
    const time = entry.slice(0, Math.max(sep, 0));
    const at = sep > 0 ? durationMs(/^\d{1,15}$/.test(time) ? Number(time) : time) : undefined;
    const line = sep > 0 ? entry.slice(sep + 1).trim() : '';
    if (at === undefined || line === '') throw new CliError(`${command}: --do takes TIME~COMMAND (e.g. 5s~kubectl scale deployment web --replicas=5), got ${shownValue(entry)}`);
    if (at < last) throw new CliError(`${command}: --do commands must be given in time order (${shownValue(entry)} comes before an earlier one)`);
    last = at;
    return { at, command: line };
  });
}
