// parseCommand: one command line -> a typed action, or kubectl's error text. Pure: a bad command
// changes nothing, it only returns the error.
//
// `kubectl apply -f -` may carry its manifest on the following lines, optionally as a heredoc:
//   kubectl apply -f - <<'EOF'
//   apiVersion: v1
//   ...
//   EOF
import type { SandboxAction } from './actions.ts';
import { BUILDERS } from './build-actions.ts';
import type { ClusterNames } from './cluster-names.ts';
import { CommandError, fail, type MissingObject } from './command-error.ts';
import { CREATE_ONLY_IN_KUBECTL, findCommand, KUBECTL_ONLY_COMMANDS, SUBCOMMAND_ALIASES, subcommandsOf, VERBS, type CommandSpec } from './commands.ts';
import * as errors from './errors.ts';
import { NAMESPACE_FLAG, parseArgs } from './flags.ts';
import { suggestionsFor } from './suggest.ts';
import { quoteWord, tokenize } from './tokenize.ts';

export type { ClusterNames } from './cluster-names.ts';

export type ParseResult =
  | { readonly ok: true; readonly action: SandboxAction }
  /** `missing`: the error is kube-apiserver's NotFound for this object. */
  | { readonly ok: false; readonly error: string; readonly missing?: MissingObject };

export function parseCommand(line: string, cluster: ClusterNames): ParseResult {
  try {
    return { ok: true, action: parseOrFail(line, cluster) };
  } catch (error) {
    if (error instanceof CommandError) return error.missing ? { ok: false, error: error.text, missing: error.missing } : { ok: false, error: error.text };
    throw error;
  }
}

function words(text: string): string[] {
  const result = tokenize(text);
  if (!result.ok) fail(errors.unterminatedQuote(result.unterminated === "'" ? 'single' : 'double'));
  return result.words.map((w) => w.text);
}

/** Drops an optional leading `kubectl` or `k`. */
export function withoutKubectl(list: readonly string[]): readonly string[] {
  return list[0] === 'kubectl' || list[0] === 'k' ? list.slice(1) : list;
}

/** Global flags before the verb (`kubectl -n default scale ...`): only the namespace one is known. */
export function splitLeadingFlags(list: readonly string[]): { readonly leading: readonly string[]; readonly rest: readonly string[] } {
  let i = 0;
  while (i < list.length && (list[i] ?? '').startsWith('-')) {
    const word = list[i] ?? '';
    i += word === '-n' || word === '--namespace' ? 2 : 1;
  }
  return { leading: list.slice(0, i), rest: list.slice(i) };
}

export interface ResolvedCommand {
  readonly spec: CommandSpec;
  /** The words after the command's path, with any leading global flags appended. */
  readonly args: readonly string[];
}

/** Finds the command the words name, or fails with kubectl's (or cobra's) answer. */
export function resolveCommand(all: readonly string[]): ResolvedCommand {
  const resolved = resolveVerb(all);
  // kubedeck's own commands (faults, wait) are not kubectl's: "kubectl node power-off" is a slip.
  if (!resolved.spec.kubectl && withoutKubectl(all).length !== all.length) {
    return fail(resolved.spec.path[0] === 'wait' ? errors.kubectlWait() : errors.notKubectl(resolved.spec.path.join(' ')));
  }
  return resolved;
}

function resolveVerb(all: readonly string[]): ResolvedCommand {
  const { leading, rest } = splitLeadingFlags(withoutKubectl(all));
  parseArgs(leading, [NAMESPACE_FLAG]);
  const [verb, ...afterVerb] = rest;
  if (verb === undefined) return fail(errors.emptyCommand());
  if (!VERBS.includes(verb)) {
    if (KUBECTL_ONLY_COMMANDS.includes(verb)) return fail(errors.notInSandbox('run', `"kubectl ${verb}"`));
    return fail(errors.unknownCommand(verb, 'kubectl', suggestionsFor(verb, VERBS)));
  }
  const subcommands = subcommandsOf(verb);
  if (subcommands.length === 0) return { spec: findSpec([verb]), args: [...afterVerb, ...leading] };
  const [typed, ...afterSub] = afterVerb;
  const sub = typed === undefined ? undefined : (SUBCOMMAND_ALIASES[verb]?.[typed] ?? typed);
  const spec = sub === undefined ? undefined : findCommand([verb, sub]);
  if (spec !== undefined) return { spec, args: [...afterSub, ...leading] };
  const parent = findSpec([verb, subcommands[0] ?? '']);
  const path = parent.kubectl ? `kubectl ${verb}` : verb;
  if (verb === 'create') {
    // kubectl create without a known subcommand falls back to create -f, which needs a file.
    if (typed !== undefined && CREATE_ONLY_IN_KUBECTL.includes(typed)) return fail(errors.notInSandbox('create', typed));
    return fail(errors.createNeedsFile());
  }
  if (typed === undefined || typed.startsWith('-')) return fail(errors.faultUsage(`${path} (${subcommands.join('|')})`));
  return fail(errors.unknownCommand(typed, path, suggestionsFor(typed, subcommands)));
}

function findSpec(path: readonly string[]): CommandSpec {
  const spec = findCommand(path);
  if (spec === undefined) throw new Error(`no command ${path.join(' ')}`);
  return spec;
}

/** Splits `apply -f - <<EOF` and its manifest lines; undefined when the line is not that. */
function manifestOf(line: string): { readonly head: string; readonly manifest: string } | undefined {
  const newline = line.indexOf('\n');
  if (newline < 0) return undefined;
  const head = line.slice(0, newline);
  const headTokens = tokenize(head);
  if (!headTokens.ok) return undefined;
  const headWords = headTokens.words.map((w) => w.text);
  const { rest } = splitLeadingFlags(withoutKubectl(headWords));
  if (rest[0] !== 'apply') return undefined;
  const body = line.slice(newline + 1);
  const heredocAt = headWords.findIndex((w) => w.startsWith('<<'));
  if (heredocAt < 0) return { head, manifest: body };
  const marker = headWords[heredocAt] ?? '';
  const delimiter = marker === '<<' || marker === '<<-' ? (headWords[heredocAt + 1] ?? '') : marker.replace(/^<<-?/, '');
  const kept = headWords.filter((_, i) => i !== heredocAt && !(i === heredocAt + 1 && (marker === '<<' || marker === '<<-')));
  const lines = body.split('\n');
  const end = lines.indexOf(delimiter);
  const manifest = (end < 0 ? lines : lines.slice(0, end)).join('\n');
  return { head: kept.map(quoteWord).join(' '), manifest };
}

function parseOrFail(line: string, cluster: ClusterNames): SandboxAction {
  const withManifest = manifestOf(line);
  const { spec, args } = resolveCommand(words(withManifest?.head ?? line));
  const parsed = parseArgs(args, spec.flags);
  const build = BUILDERS[spec.path.join(' ')];
  if (build === undefined) throw new Error(`no builder for ${spec.path.join(' ')}`);
  return build({ spec, args: parsed, cluster, manifest: withManifest?.manifest });
}
