/** Strict readings of flag values: what the command line gives is text, and only plain text passes. */
import { shownValue } from '../model/shown-value.ts';
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
