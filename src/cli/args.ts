/** A small, strict argument parser: known flags only, one clear error otherwise. */
import { parseArgs } from 'node:util';
import { cut } from '../model/shown-value.ts';
import { CliError } from './io.ts';

export type FlagSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly multiple?: boolean }>>;

export interface Parsed {
  readonly values: Readonly<Record<string, string | boolean | readonly string[] | undefined>>;
  readonly positionals: readonly string[];
}

export function parseFlags(command: string, args: readonly string[], flags: FlagSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({ args: [...args], options: flags, allowPositionals: true, strict: true });
    return { values: values as Record<string, string | boolean | string[] | undefined>, positionals };
  } catch (e) {
    const message = e instanceof Error ? e.message.split('\n')[0] ?? '' : String(e);
    throw new CliError(`${command}: ${cut(message.replace(/^Unknown option '(.*)'.*$/, 'unknown option $1'), 200)}`);
  }
}
