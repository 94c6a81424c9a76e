// One builder per command: from parsed arguments to a typed action, or kubectl's error.
import type { ContainerImage, LabelPair, SandboxAction, TaintToAdd, TaintToRemove } from './actions.ts';
import { DEFAULT_NAMESPACE, type ClusterNames } from './cluster-names.ts';
import { fail, failNotFound } from './command-error.ts';
import * as errors from './errors.ts';
import type { CommandSpec } from './commands.ts';
import { allValues, boolFlag, intFlag, lastValue, shownFlag, type FlagSpec, type ParsedArgs } from './flags.ts';
import { namesOf, resourceInfo, type ResourceType } from './resources.ts';
import { resolveTargets, type TargetRules } from './targets.ts';
import {
  checkedLabelKey,
  isDns1035Label,
  isDns1123Subdomain,
  isLabelValue,
  isPort,
  parseDuration,
  parseTaintSpec,
  withLabel,
} from './validation.ts';

export interface BuildContext {
  readonly spec: CommandSpec;
  readonly args: ParsedArgs;
  readonly cluster: ClusterNames;
  /** `apply`'s manifest text, when the line carried one. */
  readonly manifest: string | undefined;
}

/** Names present per type, seen from the namespace the command names (`-n`). */
function present(ctx: BuildContext): (type: ResourceType) => readonly string[] {
  const namespace = lastValue(ctx.args, 'namespace');
  const elsewhere = namespace !== undefined && namespace !== (ctx.cluster.namespace ?? DEFAULT_NAMESPACE);
  return (type) => (elsewhere && type !== 'node' ? [] : namesOf(type, ctx.cluster));
}

/** Creating in a namespace other than the cluster's: the API answers that it does not exist. */
function checkNamespaceExists(ctx: BuildContext): void {
  const namespace = lastValue(ctx.args, 'namespace');
  if (namespace !== undefined && namespace !== (ctx.cluster.namespace ?? DEFAULT_NAMESPACE)) fail(errors.notFound('namespaces', namespace));
}

function rules<Allowed extends ResourceType>(ctx: BuildContext, verb: string, allowed: readonly Allowed[], none: () => string): TargetRules<Allowed> {
  return {
    allowed,
    disallowed: (type) => errors.notInSandbox(verb, resourceInfo(type).plural),
    none,
    noName: errors.noNameSpecified,
    present: present(ctx),
  };
}

function single<T>(items: readonly T[], verb: string): T {
  const [first] = items;
  if (first === undefined || items.length > 1) return fail(errors.oneTargetOnly(verb));
  return first;
}

/** A port given to a string-typed flag (run --port, expose --port): a decimal number. */
function portFlag(ctx: BuildContext, spec: FlagSpec): number | undefined {
  const raw = lastValue(ctx.args, spec.name);
  if (raw === undefined) return undefined;
  if (!/^[0-9]+$/.test(raw)) fail(errors.invalidFlagArgument(raw, shownFlag(spec), errors.parseIntSyntax(raw)));
  return Number(raw);
}

function checkPort(port: number | undefined, kind: 'Pod' | 'Deployment' | 'Service', name: string, field: string): void {
  if (port !== undefined && !isPort(port)) fail(errors.invalidObject(kind, name, field, String(port), 'must be between 1 and 65535, inclusive'));
}

function checkNewName(kind: 'Pod' | 'Deployment' | 'Service', name: string): void {
  const valid = kind === 'Service' ? isDns1035Label(name) : isDns1123Subdomain(name);
  if (!valid) fail(errors.invalidName(kind, name));
}

function noExtraArguments(verb: string, args: readonly string[]): void {
  if (args.length > 0) fail(errors.unexpectedArguments(verb, args));
}

function run(ctx: BuildContext): SandboxAction {
  const [name, ...extra] = ctx.args.positionals;
  if (name === undefined) return fail(errors.runNameRequired());
  noExtraArguments('run', [...extra, ...ctx.args.afterDashDash]);
  const image = lastValue(ctx.args, 'image');
  if (image === undefined) return fail(errors.requiredFlag('image'));
  let labels: LabelPair[] = [];
  const labelText = lastValue(ctx.args, 'labels');
  if (labelText !== undefined) {
    // kubectl's generate.ParseLabels: comma-separated key=value; it prints the split pieces with %v.
    for (const piece of labelText.split(',')) {
      const parts = piece.split('=');
      if (parts.length !== 2) fail(errors.invalidLabelSpec(`[${parts.join(' ')}]`));
      const [key = '', value = ''] = parts;
      checkedLabelKey(key, piece);
      if (!isLabelValue(value)) fail(errors.invalidLabelValue(piece));
      labels = withLabel(labels, { key, value });
    }
  }
  const port = portFlag(ctx, { name: 'port', type: 'string' });
  checkNamespaceExists(ctx);
  checkNewName('Pod', name);
  checkPort(port, 'Pod', name, 'spec.containers[0].ports[0].containerPort');
  if (present(ctx)('pod').includes(name)) fail(errors.alreadyExists('pods', name));
  return { kind: 'run', name, image, labels, ...(port === undefined ? {} : { port }) };
}

function createDeployment(ctx: BuildContext): SandboxAction {
  const { positionals } = ctx.args;
  const [name] = positionals;
  if (name === undefined || positionals.length !== 1) return fail(errors.exactlyOneName(positionals.length));
  const images = allValues(ctx.args, 'image');
  if (images.length === 0) return fail(errors.requiredFlag('image'));
  const replicas = intFlag(ctx.args, 'replicas') ?? 1;
  const port = intFlag(ctx.args, 'port');
  checkNamespaceExists(ctx);
  checkNewName('Deployment', name);
  if (replicas < 0) fail(errors.invalidObject('Deployment', name, 'spec.replicas', String(replicas), 'must be greater than or equal to 0'));
  checkPort(port, 'Deployment', name, 'spec.template.spec.containers[0].ports[0].containerPort');
  if (present(ctx)('deployment').includes(name)) fail(errors.alreadyExists('deployments.apps', name));
  return { kind: 'create-deployment', name, images, replicas, ...(port === undefined ? {} : { port }) };
}

function apply(ctx: BuildContext): SandboxAction {
  const files = allValues(ctx.args, 'filename');
  if (files.length === 0) return fail(errors.applyNeedsFile());
  const path = files.find((f) => f !== '-');
  if (path !== undefined) return fail(errors.pathDoesNotExist(path));
  noExtraArguments('apply', ctx.args.positionals);
  const manifest = ctx.manifest ?? '';
  if (manifest.trim() === '') return fail(errors.applyNoObjects());
  checkNamespaceExists(ctx);
  return { kind: 'apply', manifest };
}

function scale(ctx: BuildContext): SandboxAction {
  const replicas = intFlag(ctx.args, 'replicas');
  const targets = resolveTargets(ctx.args.positionals, rules(ctx, 'scale', ['deployment', 'replicaset'] as const, errors.noResources));
  if (replicas === undefined) return fail(errors.requiredFlag('replicas'));
  if (replicas < 0) return fail(errors.negativeReplicas());
  return { kind: 'scale', target: single(targets, 'scale'), replicas };
}

function setImage(ctx: BuildContext): SandboxAction {
  const resources = ctx.args.positionals.filter((a) => !a.includes('='));
  const updates = ctx.args.positionals.filter((a) => a.includes('='));
  if (resources.length === 0) return fail(errors.setImageNoResource());
  if (updates.length === 0) return fail(errors.setImageNoUpdate());
  const target = single(resolveTargets(resources, rules(ctx, 'set image on', ['deployment'] as const, errors.setImageNoResource)), 'set image');
  const images: ContainerImage[] = [];
  for (const update of updates) {
    const eq = update.indexOf('=');
    const container = update.slice(0, eq);
    const image = update.slice(eq + 1);
    if (container === '' || image === '') fail(errors.setImageNoUpdate());
    const at = images.findIndex((i) => i.container === container);
    if (at >= 0) images[at] = { container, image };
    else images.push({ container, image });
  }
  return { kind: 'set-image', deployment: target.name, images };
}

function rolloutTarget(ctx: BuildContext, verb: string): string {
  return single(resolveTargets(ctx.args.positionals, rules(ctx, verb, ['deployment'] as const, errors.requiredResource)), verb).name;
}

function rolloutUndo(ctx: BuildContext): SandboxAction {
  const deployment = rolloutTarget(ctx, 'rollout undo');
  const toRevision = intFlag(ctx.args, 'to-revision');
  // --to-revision=0, kubectl's default, means the previous revision.
  return { kind: 'rollout-undo', deployment, ...(toRevision === undefined || toRevision === 0 ? {} : { toRevision }) };
}

function rolloutStatus(ctx: BuildContext): SandboxAction {
  return { kind: 'rollout-status', deployment: rolloutTarget(ctx, 'rollout status') };
}

function deleteObjects(ctx: BuildContext): SandboxAction {
  const targets = resolveTargets(ctx.args.positionals, {
    ...rules(ctx, 'delete', ['pod', 'deployment', 'replicaset', 'service'] as const, errors.noResources),
    noName: errors.deleteNoName,
  });
  const gracePeriod = intFlag(ctx.args, 'grace-period');
  // -1, kubectl's default, means each object's own grace period.
  return { kind: 'delete', targets, force: boolFlag(ctx.args, 'force'), ...(gracePeriod === undefined || gracePeriod < 0 ? {} : { gracePeriod }) };
}

function expose(ctx: BuildContext): SandboxAction {
  const targets = resolveTargets(ctx.args.positionals, {
    ...rules(ctx, 'expose', ['deployment', 'replicaset', 'pod', 'service'] as const, errors.noResources),
    disallowed: (type) => errors.cannotExpose(resourceInfo(type).kind),
  });
  const target = single(targets, 'expose');
  const serviceName = lastValue(ctx.args, 'name');
  const name = serviceName ?? target.name;
  const port = portFlag(ctx, { name: 'port', type: 'string' });
  const targetPort = portFlag(ctx, { name: 'target-port', type: 'string' });
  const typed = lastValue(ctx.args, 'type') ?? 'ClusterIP';
  const type = typed === 'ClusterIP' || typed === 'NodePort' ? typed : fail(errors.unsupportedServiceType(name, typed));
  checkNewName('Service', name);
  checkPort(port, 'Service', name, 'spec.ports[0].port');
  checkPort(targetPort, 'Service', name, 'spec.ports[0].targetPort');
  if (present(ctx)('service').includes(name)) fail(errors.alreadyExists('services', name));
  return {
    kind: 'expose',
    target,
    type,
    ...(port === undefined ? {} : { port }),
    ...(targetPort === undefined ? {} : { targetPort }),
    ...(serviceName === undefined ? {} : { serviceName }),
  };
}

/** cordon, uncordon and drain take node names, optionally as node/NAME. */
function nodeOf(ctx: BuildContext, verb: string): string {
  const positionals = ctx.args.positionals.map((a) => (a.includes('/') ? a : `node/${a}`));
  const targets = resolveTargets(positionals, {
    ...rules(ctx, verb, ['node'] as const, () => errors.nodeUsage(ctx.spec.use, verb)),
    disallowed: (_type, typed) => errors.unknownResourceType(typed),
  });
  return single(targets, verb).name;
}

function cordon(kind: 'cordon' | 'uncordon') {
  return (ctx: BuildContext): SandboxAction => ({ kind, node: nodeOf(ctx, kind) });
}

function drain(ctx: BuildContext): SandboxAction {
  const node = nodeOf(ctx, 'drain');
  const gracePeriod = intFlag(ctx.args, 'grace-period');
  return {
    kind: 'drain',
    node,
    ignoreDaemonsets: boolFlag(ctx.args, 'ignore-daemonsets'),
    deleteEmptydirData: boolFlag(ctx.args, 'delete-emptydir-data'),
    force: boolFlag(ctx.args, 'force'),
    ...(gracePeriod === undefined || gracePeriod < 0 ? {} : { gracePeriod }),
  };
}

function taint(ctx: BuildContext): SandboxAction {
  // kubectl taint.go: an argument with "=" or ":" or a trailing "-" is a taint, the rest name nodes.
  const isSpec = (a: string): boolean => a.includes('=') || a.includes(':') || a.endsWith('-');
  const specs = ctx.args.positionals.filter(isSpec);
  const resources = ctx.args.positionals.filter((a) => !isSpec(a));
  const targets = resolveTargets(resources, {
    ...rules(ctx, 'taint', ['node'] as const, errors.taintNoUpdate),
    disallowed: (_type, typed) => errors.taintNodesOnly(typed),
  });
  if (specs.length === 0) return fail(errors.taintNoUpdate());
  const add: TaintToAdd[] = [];
  const remove: TaintToRemove[] = [];
  for (const spec of specs) {
    const parsed = parseTaintSpec(spec);
    if ('add' in parsed) add.push(parsed.add);
    else remove.push(parsed.remove);
  }
  return { kind: 'taint', nodes: targets.map((t) => t.name), add, remove, overwrite: boolFlag(ctx.args, 'overwrite') };
}

function label(ctx: BuildContext): SandboxAction {
  const isSpec = (a: string): boolean => a.includes('=') || a.endsWith('-');
  const specs = ctx.args.positionals.filter(isSpec);
  const resources = ctx.args.positionals.filter((a) => !isSpec(a));
  const targets = resolveTargets(resources, rules(ctx, 'label', ['node', 'pod', 'deployment'] as const, errors.noResources));
  if (specs.length === 0) return fail(errors.labelNoUpdate());
  const [first] = targets;
  if (first === undefined || targets.some((t) => t.resource !== first.resource)) return fail(errors.labelOneType());
  let set: LabelPair[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      // kubectl label.go, parseLabels
      const parts = spec.split('=');
      if (parts.length !== 2) fail(errors.invalidLabelSpec(spec));
      const [key = '', value = ''] = parts;
      checkedLabelKey(key, spec);
      if (!isLabelValue(value)) fail(errors.invalidLabelValue(spec));
      set = withLabel(set, { key, value });
    } else {
      const key = checkedLabelKey(spec.slice(0, -1), spec);
      if (!remove.includes(key)) remove.push(key);
    }
  }
  return { kind: 'label', resource: first.resource, names: targets.map((t) => t.name), set, remove, overwrite: boolFlag(ctx.args, 'overwrite') };
}

function nodeFault(kind: 'node-power-off' | 'node-power-on' | 'node-disconnect' | 'node-reconnect' | 'kubelet-stop' | 'kubelet-start') {
  return (ctx: BuildContext): SandboxAction => {
    const [node, ...extra] = ctx.args.positionals;
    if (node === undefined) return fail(errors.faultUsage(ctx.spec.use));
    noExtraArguments(ctx.spec.path.join(' '), extra);
    if (!ctx.cluster.nodes.includes(node)) failNotFound('node', node);
    return { kind, node };
  };
}

function etcdFault(kind: 'etcd-stop' | 'etcd-start') {
  return (ctx: BuildContext): SandboxAction => {
    const [member, ...extra] = ctx.args.positionals;
    if (member === undefined) return fail(errors.faultUsage(ctx.spec.use));
    noExtraArguments(ctx.spec.path.join(' '), extra);
    if (!ctx.cluster.etcdMembers.includes(member)) fail(errors.etcdMemberNotFound(member));
    return { kind, member };
  };
}

function wait(ctx: BuildContext): SandboxAction {
  const [duration, ...extra] = ctx.args.positionals;
  if (duration === undefined) return fail(errors.faultUsage(ctx.spec.use));
  noExtraArguments('wait', extra);
  return { kind: 'wait', seconds: parseDuration(duration) };
}

/** Builders by command path (words joined with a space). */
export const BUILDERS: Readonly<Record<string, (ctx: BuildContext) => SandboxAction>> = {
  run,
  'create deployment': createDeployment,
  apply,
  scale,
  'set image': setImage,
  'rollout undo': rolloutUndo,
  'rollout status': rolloutStatus,
  delete: deleteObjects,
  expose,
  cordon: cordon('cordon'),
  uncordon: cordon('uncordon'),
  drain,
  taint,
  label,
  'node power-off': nodeFault('node-power-off'),
  'node power-on': nodeFault('node-power-on'),
  'node disconnect': nodeFault('node-disconnect'),
  'node reconnect': nodeFault('node-reconnect'),
  'kubelet stop': nodeFault('kubelet-stop'),
  'kubelet start': nodeFault('kubelet-start'),
  'etcd stop': etcdFault('etcd-stop'),
  'etcd start': etcdFault('etcd-start'),
  wait,
};
