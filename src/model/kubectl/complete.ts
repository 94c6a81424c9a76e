// complete: candidates for the word at the cursor, from the same command table the parser uses:
// verbs, subcommands, resource types (all spellings), a command's flags, a flag's values, and the
// names present in the cluster for the type typed. Sorted, without duplicates.
import type { ClusterNames } from './cluster-names.ts';
import { findCommand, subcommandsOf, SUBCOMMAND_ALIASES, VERBS, type CommandSpec } from './commands.ts';
import { splitLeadingFlags, withoutKubectl } from './parse.ts';
import { namesOf, resolveResourceType, spellings } from './resources.ts';
import { tokenize } from './tokenize.ts';

const sorted = (candidates: Iterable<string>, prefix: string): string[] =>
  [...new Set(candidates)].filter((c) => c.startsWith(prefix)).sort();

/** The words before the cursor's word, and the (partial) word the cursor is in. */
function wordsAtCursor(line: string, cursor: number): { readonly before: readonly string[]; readonly current: string } {
  const head = line.slice(0, Math.max(0, Math.min(cursor, line.length)));
  const words = tokenize(head).words;
  const last = words.at(-1);
  // The cursor is in a word only when nothing blank separates it from that word's end.
  if (last !== undefined && last.end === head.length && !/\s$/.test(head)) return { before: words.slice(0, -1).map((w) => w.text), current: last.text };
  return { before: words.map((w) => w.text), current: '' };
}

function flagsOf(spec: CommandSpec): string[] {
  return spec.flags.map((f) => `--${f.name}`);
}

/** The positionals typed so far, skipping flags and the values of valued flags. */
function positionalsOf(spec: CommandSpec, args: readonly string[]): string[] {
  const positionals: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? '';
    if (!word.startsWith('-') || word === '-') {
      positionals.push(word);
      continue;
    }
    const flag = spec.flags.find((f) => word === `--${f.name}` || word === `-${f.short ?? '\u0000'}`);
    if (flag !== undefined && flag.type !== 'bool') i++;
  }
  return positionals;
}

function operandCandidates(spec: CommandSpec, positionals: readonly string[], current: string, cluster: ClusterNames): string[] {
  const operands = spec.operands;
  switch (operands.kind) {
    case 'names':
      return positionals.length === 0 ? sorted(namesOf(operands.type, cluster), current) : [];
    case 'etcd-member':
      return positionals.length === 0 ? sorted(cluster.etcdMembers, current) : [];
    case 'free':
      return [];
    case 'typed': {
      const slash = current.indexOf('/');
      if (slash >= 0) {
        const typed = current.slice(0, slash);
        const type = resolveResourceType(typed);
        if (type === undefined || !operands.types.includes(type)) return [];
        return sorted(namesOf(type, cluster).map((n) => `${typed}/${n}`), current);
      }
      const [first] = positionals;
      const typedType = first === undefined || first.includes('/') ? undefined : resolveResourceType(first);
      if (first === undefined) return sorted(operands.types.flatMap(spellings), current);
      if (typedType === undefined || !operands.types.includes(typedType)) return [];
      const already = new Set(positionals.slice(1));
      return sorted(namesOf(typedType, cluster).filter((n) => !already.has(n)), current);
    }
  }
}

export function complete(line: string, cursor: number, cluster: ClusterNames): string[] {
  const { before, current } = wordsAtCursor(line, cursor);
  const { rest } = splitLeadingFlags(withoutKubectl(before));
  const [verb, ...afterVerb] = rest;
  if (verb === undefined) return sorted(VERBS, current);
  let spec = findCommand([verb]);
  let args = afterVerb;
  if (spec === undefined) {
    const subcommands = subcommandsOf(verb);
    if (subcommands.length === 0) return [];
    const [typed, ...afterSub] = afterVerb;
    if (typed === undefined) return sorted(subcommands, current);
    spec = findCommand([verb, SUBCOMMAND_ALIASES[verb]?.[typed] ?? typed]);
    if (spec === undefined) return [];
    args = afterSub;
  }
  const previous = args.at(-1);
  const valued = spec.flags.find((f) => f.type !== 'bool' && (previous === `--${f.name}` || previous === `-${f.short ?? '\u0000'}`));
  if (valued !== undefined) {
    if (valued.name === 'namespace') return sorted([cluster.namespace ?? 'default'], current);
    return sorted(valued.values ?? [], current);
  }
  const withValue = /^--([a-z-]+)=/.exec(current);
  if (withValue !== null) {
    const flag = spec.flags.find((f) => f.name === withValue[1]);
    const values = flag?.name === 'namespace' ? [cluster.namespace ?? 'default'] : (flag?.values ?? []);
    return sorted(values.map((v) => `${withValue[0]}${v}`), current);
  }
  if (current.startsWith('-')) return sorted(flagsOf(spec), current);
  return operandCandidates(spec, positionalsOf(spec, args), current, cluster);
}
