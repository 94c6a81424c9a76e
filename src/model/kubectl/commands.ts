// The commands the sandbox understands: their words, flags and what their arguments name.
// parse.ts reads these to parse, complete.ts to offer candidates, so the two cannot drift apart.
import { NAMESPACE_FLAG, type FlagSpec } from './flags.ts';
import type { ResourceType } from './resources.ts';

/** What a command's positional arguments are, for completion. */
export type Operands =
  | { readonly kind: 'typed'; readonly types: readonly ResourceType[] } // TYPE NAME... or TYPE/NAME...
  | { readonly kind: 'names'; readonly type: ResourceType } // NAME of one fixed type
  | { readonly kind: 'etcd-member' }
  | { readonly kind: 'free' }; // a new name, a duration, a manifest path

export interface CommandSpec {
  /** Words after `kubectl`: ['scale'] or ['rollout', 'undo']. */
  readonly path: readonly string[];
  /** cobra's Use line, as usage errors quote it. */
  readonly use: string;
  readonly flags: readonly FlagSpec[];
  readonly operands: Operands;
  /** Whether it is a kubectl command (namespace flag, `kubectl ` in formatted lines). */
  readonly kubectl: boolean;
}

const GRACE_PERIOD: FlagSpec = { name: 'grace-period', type: 'int' };
const FORCE: FlagSpec = { name: 'force', type: 'bool' };
const OVERWRITE: FlagSpec = { name: 'overwrite', type: 'bool' };
const NODE: Operands = { kind: 'names', type: 'node' };

const kubectl = (path: readonly string[], use: string, flags: readonly FlagSpec[], operands: Operands): CommandSpec => ({
  path,
  use,
  flags: [...flags, NAMESPACE_FLAG],
  operands,
  kubectl: true,
});
const fault = (path: readonly string[], use: string, operands: Operands): CommandSpec => ({ path, use, flags: [], operands, kubectl: false });

export const COMMANDS: readonly CommandSpec[] = [
  kubectl(['run'], 'run NAME --image=image', [
    { name: 'image', type: 'string' },
    { name: 'labels', short: 'l', type: 'string' },
    { name: 'port', type: 'string' },
  ], { kind: 'free' }),
  kubectl(['create', 'deployment'], 'deployment NAME --image=image', [
    { name: 'image', type: 'stringSlice' },
    { name: 'replicas', short: 'r', type: 'int32' },
    { name: 'port', type: 'int32' },
  ], { kind: 'free' }),
  kubectl(['apply'], 'apply (-f FILENAME | -k DIRECTORY)', [{ name: 'filename', short: 'f', type: 'stringSlice' }], { kind: 'free' }),
  kubectl(['scale'], 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)', [
    { name: 'replicas', type: 'int' },
  ], { kind: 'typed', types: ['deployment', 'replicaset'] }),
  kubectl(['set', 'image'], 'image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N', [], {
    kind: 'typed',
    types: ['deployment'],
  }),
  kubectl(['rollout', 'undo'], 'undo (TYPE NAME | TYPE/NAME) [flags]', [{ name: 'to-revision', type: 'int64' }], { kind: 'typed', types: ['deployment'] }),
  kubectl(['rollout', 'status'], 'status (TYPE NAME | TYPE/NAME) [flags]', [], { kind: 'typed', types: ['deployment'] }),
  kubectl(['delete'], 'delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])', [GRACE_PERIOD, FORCE], {
    kind: 'typed',
    types: ['pod', 'deployment', 'replicaset', 'service'],
  }),
  kubectl(['expose'], 'expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]', [
    { name: 'port', type: 'string' },
    { name: 'target-port', type: 'string' },
    { name: 'name', type: 'string' },
    { name: 'type', type: 'string', values: ['ClusterIP', 'NodePort'] },
  ], { kind: 'typed', types: ['deployment', 'replicaset', 'pod', 'service'] }),
  kubectl(['cordon'], 'cordon NODE', [], NODE),
  kubectl(['uncordon'], 'uncordon NODE', [], NODE),
  kubectl(['drain'], 'drain NODE', [
    { name: 'ignore-daemonsets', type: 'bool' },
    { name: 'delete-emptydir-data', type: 'bool' },
    FORCE,
    GRACE_PERIOD,
  ], NODE),
  kubectl(['taint'], 'taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N', [OVERWRITE], { kind: 'typed', types: ['node'] }),
  kubectl(['label'], 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]', [OVERWRITE], {
    kind: 'typed',
    types: ['node', 'pod', 'deployment'],
  }),
  fault(['node', 'power-off'], 'node power-off NODE', NODE),
  fault(['node', 'power-on'], 'node power-on NODE', NODE),
  fault(['node', 'disconnect'], 'node disconnect NODE', NODE),
  fault(['node', 'reconnect'], 'node reconnect NODE', NODE),
  fault(['kubelet', 'stop'], 'kubelet stop NODE', NODE),
  fault(['kubelet', 'start'], 'kubelet start NODE', NODE),
  fault(['etcd', 'stop'], 'etcd stop MEMBER', { kind: 'etcd-member' }),
  fault(['etcd', 'start'], 'etcd start MEMBER', { kind: 'etcd-member' }),
  fault(['wait'], 'wait DURATION (30, 30s, 2m, 1m30s)', { kind: 'free' }),
];

/** Subcommand aliases kubectl declares (create deployment has Aliases: ["deploy"]). */
export const SUBCOMMAND_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  create: { deploy: 'deployment' },
};

/** kubectl commands the sandbox does not run: the stage already shows what they would print, or they are out of scope. */
export const KUBECTL_ONLY_COMMANDS: readonly string[] = [
  'annotate', 'api-resources', 'api-versions', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion',
  'config', 'cp', 'debug', 'describe', 'diff', 'edit', 'events', 'exec', 'explain', 'get', 'help', 'kustomize', 'logs',
  'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'top', 'version',
]; // kubectl's own `wait` is left out: `wait` is kubedeck's time command

/** `kubectl create` subcommands other than deployment, which the sandbox does not run. */
export const CREATE_ONLY_IN_KUBECTL: readonly string[] = [
  'clusterrole', 'clusterrolebinding', 'configmap', 'cm', 'cronjob', 'cj', 'ingress', 'ing', 'job', 'namespace', 'ns',
  'poddisruptionbudget', 'pdb', 'priorityclass', 'pc', 'quota', 'resourcequota', 'role', 'rolebinding', 'secret',
  'service', 'svc', 'serviceaccount', 'sa', 'token',
];

/** First words of every command, sorted as cobra sorts subcommands. */
export const VERBS: readonly string[] = [...new Set(COMMANDS.map((c) => c.path[0] ?? ''))].sort();

export function subcommandsOf(verb: string): readonly string[] {
  return COMMANDS.filter((c) => c.path[0] === verb && c.path.length > 1).map((c) => c.path[1] ?? '').sort();
}

export function findCommand(path: readonly string[]): CommandSpec | undefined {
  return COMMANDS.find((c) => c.path.length === path.length && c.path.every((word, i) => word === path[i]));
}
