/**
 * `kubedeck schedule --nodes FILE --pod FILE [--pods FILE] [--workloads FILE] [--config FILE] [--json] [--seed N] [--k8s VERSION]`:
 * how kube-scheduler would place a pod, plugin by plugin.
 *
 * - --nodes: Nodes (JSON or YAML; a single object, a List such as `kubectl get nodes -o json`, or a stream).
 * - --pods: pods already in the cluster; each counts on the node its spec.nodeName names (pods on
 *   unknown nodes, and Succeeded / Failed pods, are ignored, as kube-scheduler ignores them).
 * - --config: a KubeSchedulerConfiguration; the profile whose schedulerName is the pod's
 *   spec.schedulerName (default "default-scheduler") applies: score weights, NodeResourcesFit scoring strategy...
 * - --seed N (default 1): the seeded RNG that breaks ties between nodes with the same total.
 * - --k8s VERSION (default: the simulation's default): message wording that changed between versions,
 *   and that version's default score weights.
 * - Nodes' status.images feed ImageLocality (an image already on a node favours it); their labels
 *   (topology.kubernetes.io/zone, kubernetes.io/hostname...) the pod's topologySpreadConstraints,
 *   counted over the --pods on each node; pod (anti-)affinity terms are checked against the --pods
 *   too, both ways (a running pod's required anti-affinity can exclude the node).
 * - --workloads FILE: Services, ReplicaSets, StatefulSets, ReplicationControllers (other kinds are
 *   skipped); their selectors give PodTopologySpread's system default spreading (hostname maxSkew 3,
 *   zone maxSkew 5) for a pod without constraints of its own, as kube-scheduler's DefaultSelector.
 * - --json: {"selected": name|null, "nodes": [{"name", "feasible", "reasons", "scores", "total"}]}.
 *
 * Bad input throws CliError with one line naming the file and the field or position; the dispatcher
 * (main.ts) prints it as "kubedeck: <message>" and exits 2.
 */
import { ManifestError, parseNodes, parsePod, parsePods, parseWorkloads, readObjects, type Workload } from '../model/manifest/index.ts';
import type { LabelSelector, Node, Pod, Service } from '../model/objects.ts';
import { QuantityError } from '../model/quantity.ts';
import {
  buildNodeInfos,
  DEFAULT_PROFILE,
  defaultProfileForVersion,
  defaultSpreadSelector,
  profileForSchedulerName,
  SchedulerConfigError,
  scheduleOptionsForVersion,
  schedulePod,
  type SchedulerProfile,
} from '../model/scheduler/index.ts';
import { createRng } from '../sim/rng.ts';
import { DEFAULT_K8S_VERSION, unsupportedVersionMessage } from '../model/k8s/versions.ts';
import { cut, escapeControls, shownValue } from '../model/shown-value.ts';
import { parseFlags } from './args.ts';
import { parseInteger } from './flag-values.ts';
import type { CliIo } from './io.ts';
import { CliError, EXIT_OK } from './io.ts';
import { decisionJson, decisionText } from './schedule-format.ts';

const DEFAULT_TIE_SEED = 1;

function read(io: CliIo, file: string): string {
  try {
    return io.readFile(file);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`schedule: ${e.message}`);
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : '';
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : e instanceof Error ? e.message : String(e);
    throw new CliError(`schedule: cannot read ${escapeControls(cut(file, 200))}: ${why}`);
  }
}

/** Runs `parse`, turning the model's input errors into one-line CliErrors that name the file. */
function userInput<T>(file: string, parse: () => T): T {
  try {
    return parse();
  } catch (e) {
    if (e instanceof ManifestError) throw new CliError(e.message);
    if (e instanceof QuantityError || e instanceof SchedulerConfigError) throw new CliError(`${file}: ${e.message}`);
    // A stack overflow in validation or scheduling: the input's nesting, not a bug to report.
    if (e instanceof RangeError && /call stack/i.test(e.message)) throw new CliError(`${escapeControls(cut(file, 200))}: nested too deeply`);
    throw e;
  }
}

/** The profile named by the pod's spec.schedulerName, as kube-scheduler chooses it. */
function loadProfile(io: CliIo, file: string | undefined, schedulerName: string, base: SchedulerProfile): SchedulerProfile {
  if (file === undefined) {
    if (schedulerName !== DEFAULT_PROFILE.schedulerName) throw new CliError(`schedule: the pod asks for scheduler "${schedulerName}"; give its KubeSchedulerConfiguration with --config`);
    return base;
  }
  const text = read(io, file);
  const profile = userInput(file, () => {
    const objects = readObjects(text, file);
    const first = objects[0];
    if (objects.length !== 1 || first === undefined) throw new ManifestError(file, '', `expected one KubeSchedulerConfiguration, found ${objects.length} objects`);
    return profileForSchedulerName(first.value, schedulerName, base);
  });
  if (profile === undefined) throw new CliError(`${file}: no profile has schedulerName "${schedulerName}" (the pod's spec.schedulerName)`);
  return profile;
}

const stringFlag = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

const CONTROLLER_KINDS: readonly string[] = ['ReplicaSet', 'StatefulSet', 'ReplicationController'];

/** helper.DefaultSelector over the --workloads: the Services selecting the pod and its controller's selector. */
function spreadSelectorFrom(pod: Pod, workloads: readonly Workload[]): LabelSelector | undefined {
  const ns = pod.metadata.namespace ?? 'default';
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller === true);
  const controller = owner !== undefined && CONTROLLER_KINDS.includes(owner.kind) ? workloads.find((w) => w.kind === owner.kind && w.name === owner.name && w.namespace === ns) : undefined;
  const services = workloads
    .filter((w) => w.kind === 'Service')
    .map((w): Service => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: w.name, namespace: w.namespace }, spec: { ...(w.selector?.matchLabels === undefined ? {} : { selector: w.selector.matchLabels }), ports: [] } }));
  return defaultSpreadSelector(pod, services, controller?.selector);
}

export async function scheduleCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('schedule', args, {
    nodes: { type: 'string' },
    pod: { type: 'string' },
    pods: { type: 'string' },
    workloads: { type: 'string' },
    config: { type: 'string' },
    seed: { type: 'string' },
    k8s: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (positionals.length > 0) throw new CliError(`schedule: unexpected argument ${shownValue(positionals[0] ?? '')}`);
  const nodesFile = stringFlag(values.nodes);
  const podFile = stringFlag(values.pod);
  if (nodesFile === undefined) throw new CliError('schedule: --nodes FILE is required');
  if (podFile === undefined) throw new CliError('schedule: --pod FILE is required');
  const seedText = stringFlag(values.seed);
  const seed = seedText === undefined ? DEFAULT_TIE_SEED : parseInteger('schedule', 'seed', seedText);
  const version = stringFlag(values.k8s) ?? DEFAULT_K8S_VERSION;
  const versionOpts = scheduleOptionsForVersion(version);
  if (versionOpts === undefined) throw new CliError(`schedule: ${unsupportedVersionMessage(version)}`);

  const nodesText = read(io, nodesFile);
  const nodes: Node[] = userInput(nodesFile, () => parseNodes(nodesText, nodesFile));
  if (nodes.length === 0) throw new CliError(`${nodesFile}: no Node objects found`);
  const podText = read(io, podFile);
  const pod: Pod = userInput(podFile, () => parsePod(podText, podFile));
  const podsFile = stringFlag(values.pods);
  let running: Pod[] = [];
  if (podsFile !== undefined) {
    const podsText = read(io, podsFile);
    running = userInput(podsFile, () => parsePods(podsText, podsFile));
  }
  const workloadsFile = stringFlag(values.workloads);
  let workloads: Workload[] = [];
  if (workloadsFile !== undefined) {
    const text = read(io, workloadsFile);
    workloads = userInput(workloadsFile, () => parseWorkloads(text, workloadsFile));
  }
  const spreadSelector = spreadSelectorFrom(pod, workloads);
  const profile = loadProfile(io, stringFlag(values.config), pod.spec.schedulerName ?? DEFAULT_PROFILE.schedulerName, defaultProfileForVersion(version));

  // Quantities of nodes and running pods are parsed while building the NodeInfos; the pod's when scheduling.
  const infos = userInput(podsFile ?? nodesFile, () => buildNodeInfos(nodes, running));
  const decision = userInput(podFile, () => schedulePod(pod, infos, profile, createRng(seed), { ...versionOpts, sampleNodes: true, ...(spreadSelector === undefined ? {} : { defaultSpreadSelector: spreadSelector }) }));

  if (values.json === true) {
    io.out(JSON.stringify(decisionJson(decision), null, 2));
    return EXIT_OK;
  }
  for (const l of decisionText(decision, profile, seed)) io.out(l);
  const owner = pod.metadata.ownerReferences?.find((o) => o.controller === true);
  if ((pod.spec.topologySpreadConstraints ?? []).length === 0 && owner !== undefined && workloadsFile === undefined && profile.scores.some((s) => s.name === 'PodTopologySpread')) {
    io.out(
      `Note: kube-scheduler spreads this ${owner.kind}'s pods by default (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) by the selectors of the ${owner.kind} and the Services that select the pod; give them with --workloads to see that spreading.`,
    );
  }
  // kube-scheduler reads only status.allocatable: a node without it offers nothing.
  const bare = nodes.filter((n) => n.status?.allocatable === undefined).map((n) => n.metadata.name);
  if (bare.length > 0) io.out(`Note: ${bare.join(', ')} ${bare.length === 1 ? 'has' : 'have'} no status.allocatable, so kube-scheduler sees no cpu, memory or pod room there.`);
  return EXIT_OK;
}
