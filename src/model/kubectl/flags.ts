// Flag parsing as spf13/pflag does it for kubectl: `--name=value`, `--name value`, `-s value`,
// `-s=value`, `-svalue`, booleans as `--force` or `--force=false`, flags anywhere among the
// arguments, `--` ending flags, and a repeated flag keeping its last value (or every value, for
// flags kubectl declares as arrays).
import { fail } from './command-error.ts';
import {
  flagNeedsArgument,
  invalidFlagArgument,
  parseBoolSyntax,
  parseIntRange,
  parseIntSyntax,
  unknownFlag,
  unknownShorthand,
} from './errors.ts';

/** pflag's value types used here; `int` is Go's 64-bit int. `stringSlice` also splits on commas. */
export type FlagType = 'bool' | 'int' | 'int32' | 'int64' | 'string' | 'stringArray' | 'stringSlice';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly type: FlagType;
  /** Values completion offers after this flag. */
  readonly values?: readonly string[];
}

export const NAMESPACE_FLAG: FlagSpec = { name: 'namespace', short: 'n', type: 'string' };

export interface ParsedArgs {
  readonly positionals: readonly string[];
  /** Words after a bare `--`. */
  readonly afterDashDash: readonly string[];
  /** Every value given per flag name, in order; booleans as "true"/"false". */
  readonly values: ReadonlyMap<string, readonly string[]>;
}

// strconv.ParseBool's accepted spellings.
const TRUE_WORDS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE_WORDS = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
// Strictly decimal: pflag's ParseInt(s, 0, 64) would also take 0x10 or 1_000, which a learner
// typing replicas never means.
const DECIMAL = /^[+-]?[0-9]+$/;

const RANGES: Partial<Record<FlagType, readonly [bigint, bigint]>> = {
  int32: [-(2n ** 31n), 2n ** 31n - 1n],
  // int and int64 are 64-bit in Go; past 2^53 a JavaScript number would lose digits, so the
  // sandbox stops there, with the same message.
  int: [BigInt(Number.MIN_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER)],
  int64: [BigInt(Number.MIN_SAFE_INTEGER), BigInt(Number.MAX_SAFE_INTEGER)],
};

/** The flag as pflag names it in errors: "-r, --replicas" when it has a shorthand. */
export function shownFlag(spec: FlagSpec): string {
  return spec.short === undefined ? `--${spec.name}` : `-${spec.short}, --${spec.name}`;
}

function checkedValue(spec: FlagSpec, value: string): string {
  if (spec.type === 'bool') {
    if (TRUE_WORDS.has(value)) return 'true';
    if (FALSE_WORDS.has(value)) return 'false';
    return fail(invalidFlagArgument(value, shownFlag(spec), parseBoolSyntax(value)));
  }
  const range = RANGES[spec.type];
  if (range !== undefined) {
    if (!DECIMAL.test(value)) fail(invalidFlagArgument(value, shownFlag(spec), parseIntSyntax(value)));
    const n = BigInt(value);
    if (n < range[0] || n > range[1]) fail(invalidFlagArgument(value, shownFlag(spec), parseIntRange(value)));
    return String(n);
  }
  return value;
}

export function parseArgs(words: readonly string[], specs: readonly FlagSpec[]): ParsedArgs {
  const positionals: string[] = [];
  const values = new Map<string, string[]>();
  const set = (spec: FlagSpec, raw: string): void => {
    const value = checkedValue(spec, raw);
    const pieces = spec.type === 'stringSlice' ? value.split(',') : [value];
    const kept = spec.type === 'stringArray' || spec.type === 'stringSlice' ? (values.get(spec.name) ?? []) : [];
    values.set(spec.name, [...kept, ...pieces]);
  };
  let i = 0;
  while (i < words.length) {
    const word = words[i] ?? '';
    i++;
    if (word === '--') return { positionals, afterDashDash: words.slice(i), values };
    if (word.startsWith('--')) {
      const eq = word.indexOf('=');
      const name = eq < 0 ? word.slice(2) : word.slice(2, eq);
      const spec = specs.find((s) => s.name === name);
      if (spec === undefined) fail(unknownFlag(name));
      if (eq >= 0) set(spec, word.slice(eq + 1));
      else if (spec.type === 'bool') set(spec, 'true');
      else if (i < words.length) set(spec, words[i++] ?? '');
      else fail(flagNeedsArgument(`--${name}`));
    } else if (word.startsWith('-') && word.length > 1) {
      // A group of shorthands: booleans may be stacked (-fq); a valued one takes the rest.
      let rest = word.slice(1);
      while (rest.length > 0) {
        const letter = rest[0] ?? '';
        const spec = specs.find((s) => s.short === letter);
        if (spec === undefined) fail(unknownShorthand(letter, word));
        rest = rest.slice(1);
        if (rest.startsWith('=')) {
          set(spec, rest.slice(1));
          rest = '';
        } else if (spec.type === 'bool') {
          set(spec, 'true');
        } else if (rest.length > 0) {
          set(spec, rest);
          rest = '';
        } else if (i < words.length) {
          set(spec, words[i++] ?? '');
        } else {
          fail(flagNeedsArgument(`'${letter}' in ${word}`));
        }
      }
    } else {
      positionals.push(word);
    }
  }
  return { positionals, afterDashDash: [], values };
}

export function lastValue(args: ParsedArgs, name: string): string | undefined {
  return args.values.get(name)?.at(-1);
}

export function boolFlag(args: ParsedArgs, name: string): boolean {
  return lastValue(args, name) === 'true';
}

/** An integer flag's value; parseArgs has already checked it is a decimal in range. */
export function intFlag(args: ParsedArgs, name: string): number | undefined {
  const value = lastValue(args, name);
  return value === undefined ? undefined : Number(value);
}

export function allValues(args: ParsedArgs, name: string): readonly string[] {
  return args.values.get(name) ?? [];
}
