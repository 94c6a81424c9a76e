/**
 * NodeInfo: what the scheduler knows about one node (upstream framework.NodeInfo): its allocatable
 * resources, the sum of the requests of the pods bound to it (actual and "non-zero"), and its pods.
 * Mutable on purpose and updated incrementally (addPodToNodeInfo / removePodFromNodeInfo), so the
 * simulation keeps one per node instead of re-summing every pod for every scheduling attempt.
 */
import { labelSelectorMatches } from '../labels.ts';
import type { LabelSelector, Node, Pod } from '../objects.ts';
import type { Quantity } from '../quantity.ts';
import { milliValue, parseQuantity, value } from '../quantity.ts';
import { computePodRequest } from './pod-requests.ts';
import { isScalarResourceName, type PodRequest } from './resources.ts';

export interface Allocatable {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  allowedPodNumber: number;
  readonly scalar: Map<string, number>;
}

export interface Requested {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  readonly scalar: Map<string, number>;
}

export interface PodOnNode {
  readonly pod: Pod;
  readonly request: PodRequest;
  /** spec.priority, 0 when unset (upstream corev1helpers.PodPriority). */
  readonly priority: number;
}

export interface NodeInfo {
  node: Node;
  readonly name: string;
  /**
   * The node's kubernetes.io/hostname and topology.kubernetes.io/zone labels, kept with `node`:
   * PodTopologySpread's system defaults read both for every feasible node of every cycle, and
   * each read through node, metadata and labels was three loads from scattered objects.
   */
  hostnameLabel: string | undefined;
  zoneLabel: string | undefined;
  /** node.spec, kept with `node` for the filters every node passes for every pod (NodeUnschedulable, TaintToleration). */
  spec: Node['spec'];
  allocatable: Allocatable;
  readonly requested: Requested;
  readonly nonZeroRequested: { milliCPU: number; memory: number };
  /** Keyed by podKey(pod). */
  readonly pods: Map<string, PodOnNode>;
  /**
   * pods.size, kept beside the other numbers NodeResourcesFit reads for every node of every cycle:
   * reaching a Map's size means two more loads from wherever its table was last reallocated.
   */
  podCount: number;
  /**
   * Pods with any pod (anti-)affinity / with required anti-affinity (upstream NodeInfo.PodsWithAffinity,
   * PodsWithRequiredAntiAffinity, kept as counts): InterPodAffinity's PreFilter and PreScore skip the
   * nodes without any instead of looking at every pod of the cluster for every pod scheduled.
   * An upper bound on a preemption trial (cloneNodeInfo, then pods removed): that only costs a visit.
   */
  podsWithAffinity: number;
  podsWithRequiredAntiAffinity: number;
  /**
   * Memo of PodTopologySpread's countPodsMatchSelector on this node (countOnNode): the key
   * (namespace and selector) it was counted for, '' when none, the selector and namespace behind
   * the key, and the count. One slot: a cycle asks every node about one selector. Kept up to date
   * as pods come and go (addPodToNodeInfo / removePodFromNodeInfo match just that pod), so a
   * node's count is never recounted from its pods while the selector stays the same. Without it
   * the system default spreading re-matches every pod of the cluster for every pod scheduled.
   */
  matchKey: string;
  matchSelector: LabelSelector | undefined;
  matchNamespace: string;
  matchCount: number;
  /**
   * Bumped whenever the pods change (as the memo above is cleared): PodTopologySpread's domain
   * totals (topology-spread/domain-totals.ts) recount only the nodes whose version moved.
   */
  podsVersion: number;
  /** The log of the cache this info belongs to (the scheduler's); undefined for a standalone info or a preemption trial. */
  readonly changes: NodeInfoChanges | undefined;
}

/**
 * Every change of the pods or Node of the NodeInfos of one cache, in order (`next` counts them;
 * `log[0]` is change number `first`): PodTopologySpread's domain totals catch up from here instead
 * of visiting every node of a big cluster for every pod scheduled. Bounded: a reader that fell
 * further behind than the log reaches recounts every node.
 */
export interface NodeInfoChanges {
  readonly log: NodeInfo[];
  first: number;
  next: number;
}

export function createNodeInfoChanges(): NodeInfoChanges {
  return { log: [], first: 0, next: 0 };
}

const MAX_LOGGED_CHANGES = 8192;

function logChange(info: NodeInfo): void {
  const c = info.changes;
  if (c === undefined) return;
  c.log.push(info);
  c.next++;
  if (c.log.length > MAX_LOGGED_CHANGES) {
    const drop = c.log.length >> 1;
    c.log.splice(0, drop);
    c.first += drop;
  }
}

/** The info's pods changed behind its back (a preemption trial): its pod count is read again, its count memo is stale, and readers of the log hear of it. */
export function markNodeInfoChanged(info: NodeInfo): void {
  info.podCount = info.pods.size;
  info.matchKey = '';
  info.podsVersion++;
  logChange(info);
}

/** Upstream countPodsMatchSelector's test for one pod: same namespace, not terminating, labels match. */
export function podMatches(pod: Pod, selector: LabelSelector, namespace: string): boolean {
  return pod.metadata.deletionTimestamp === undefined && (pod.metadata.namespace ?? 'default') === namespace && labelSelectorMatches(selector, pod.metadata.labels ?? {});
}

/** One pod joined (sign 1) or left (-1) the info: its count memo follows, readers of the log hear of it. */
function podsChanged(info: NodeInfo, pod: Pod, sign: 1 | -1): void {
  if (info.matchKey !== '' && info.matchSelector !== undefined && podMatches(pod, info.matchSelector, info.matchNamespace)) info.matchCount += sign;
  info.podsVersion++;
  logChange(info);
}

/** uid when present, else namespace/name (the simulation always sets uids). */
export function podKey(pod: Pod): string {
  const uid = pod.metadata.uid;
  if (uid !== undefined && uid !== '') return uid;
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/**
 * Allocatable amounts by their text, parsed once: a cluster's nodes share a few (set-up parses
 * every node's four, 500 nodes' worth, each through BigInt). Kept small: cleared when full.
 */
const milliByText = new Map<string, number>();
const valueByText = new Map<string, number>();
const PARSED_KEPT = 64;

function amountOf(cache: Map<string, number>, convert: (q: Quantity) => number, raw: string, name: string): number {
  let amount = cache.get(raw);
  if (amount === undefined) {
    // A text that does not parse throws here every time (nothing is kept for it).
    amount = convert(parseQuantity(raw, `status.allocatable.${name}`));
    if (cache.size >= PARSED_KEPT) cache.clear();
    cache.set(raw, amount);
  }
  return amount;
}

/** node.status.allocatable parsed (upstream NewResource). Missing allocatable means zero, as upstream. */
export function parseAllocatable(node: Node): Allocatable {
  const out: Allocatable = { milliCPU: 0, memory: 0, ephemeralStorage: 0, allowedPodNumber: 0, scalar: new Map() };
  const list = node.status?.allocatable ?? {};
  for (const [name, raw] of Object.entries(list)) {
    if (raw === undefined) continue;
    switch (name) {
      case 'cpu':
        out.milliCPU = amountOf(milliByText, milliValue, raw, name);
        break;
      case 'memory':
        out.memory = amountOf(valueByText, value, raw, name);
        break;
      case 'pods':
        out.allowedPodNumber = amountOf(valueByText, value, raw, name);
        break;
      case 'ephemeral-storage':
        out.ephemeralStorage = amountOf(valueByText, value, raw, name);
        break;
      default:
        if (isScalarResourceName(name)) out.scalar.set(name, amountOf(valueByText, value, raw, name));
        // Any other resource is only checked, as upstream parses every quantity it is given.
        else parseQuantity(raw, `status.allocatable.${name}`);
    }
  }
  return out;
}

const hostnameLabel = (node: Node): string | undefined => node.metadata.labels?.['kubernetes.io/hostname'];
const zoneLabel = (node: Node): string | undefined => node.metadata.labels?.['topology.kubernetes.io/zone'];

export function createNodeInfo(node: Node, changes?: NodeInfoChanges): NodeInfo {
  return {
    node,
    name: node.metadata.name,
    hostnameLabel: hostnameLabel(node),
    zoneLabel: zoneLabel(node),
    spec: node.spec,
    allocatable: parseAllocatable(node),
    requested: { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() },
    nonZeroRequested: { milliCPU: 0, memory: 0 },
    pods: new Map(),
    podCount: 0,
    podsWithAffinity: 0,
    podsWithRequiredAntiAffinity: 0,
    matchKey: '',
    matchSelector: undefined,
    matchNamespace: '',
    matchCount: 0,
    podsVersion: 0,
    changes,
  };
}

function sameResourceList(a: Node['status'], b: Node['status']): boolean {
  const x = a?.allocatable;
  const y = b?.allocatable;
  if (x === y) return true;
  if (x === undefined || y === undefined) return false;
  const keys = Object.keys(x);
  if (keys.length !== Object.keys(y).length) return false;
  for (const k of keys) if (x[k] !== y[k]) return false;
  return true;
}

/** The node changed (taints, labels, cordon, allocatable): keep the pods, refresh the rest. */
export function setNodeInfoNode(info: NodeInfo, node: Node): void {
  // Status updates (heartbeats, conditions) rarely change allocatable: skip re-parsing then.
  if (!sameResourceList(info.node.status, node.status)) info.allocatable = parseAllocatable(node);
  if (info.node === node) return;
  info.node = node;
  info.hostnameLabel = hostnameLabel(node);
  info.zoneLabel = zoneLabel(node);
  info.spec = node.spec;
  // Logged only: the pods (and so the count memo and podsVersion) are unchanged.
  logChange(info);
}

function apply(info: NodeInfo, pod: Pod, req: PodRequest, sign: 1 | -1): void {
  const affinity = pod.spec.affinity;
  if (affinity?.podAffinity !== undefined || affinity?.podAntiAffinity !== undefined) info.podsWithAffinity += sign;
  if ((affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).length > 0) info.podsWithRequiredAntiAffinity += sign;
  podsChanged(info, pod, sign);
  info.requested.milliCPU += sign * req.milliCPU;
  info.requested.memory += sign * req.memory;
  info.requested.ephemeralStorage += sign * req.ephemeralStorage;
  for (const [name, v] of req.scalar) info.requested.scalar.set(name, (info.requested.scalar.get(name) ?? 0) + sign * v);
  info.nonZeroRequested.milliCPU += sign * req.nonZeroMilliCPU;
  info.nonZeroRequested.memory += sign * req.nonZeroMemory;
}

/** Accounts a pod bound to this node. Adding the same pod twice is a no-op. */
export function addPodToNodeInfo(info: NodeInfo, pod: Pod): void {
  const key = podKey(pod);
  if (info.pods.has(key)) return;
  const request = computePodRequest(pod);
  info.pods.set(key, { pod, request, priority: pod.spec.priority ?? 0 });
  info.podCount = info.pods.size;
  apply(info, pod, request, 1);
}

/** Forgets a pod (deleted, or moved); uses the requests it was added with. Returns false if unknown. */
export function removePodFromNodeInfo(info: NodeInfo, pod: Pod): boolean {
  const key = podKey(pod);
  const entry = info.pods.get(key);
  if (entry === undefined) return false;
  info.pods.delete(key);
  info.podCount = info.pods.size;
  apply(info, entry.pod, entry.request, -1);
  return true;
}

/**
 * A newer version of a pod already on this node (a status update, the binding of an assumed pod)
 * that changes nothing the info accounts for: the same requests (computePodRequest reads only
 * these parts of the spec), priority, labels, namespace, affinity and deletion state (compared by reference: the apiserver keeps untouched parts). The
 * entry takes the new object, moved to the end of the pods as a remove and add would; counts,
 * memo and podsVersion stay, so PodTopologySpread recounts nothing. Returns false, changing
 * nothing, when the pod is unknown or something it accounts for differs: then remove and add.
 */
export function updatePodInNodeInfo(info: NodeInfo, pod: Pod): boolean {
  const key = podKey(pod);
  const entry = info.pods.get(key);
  if (entry === undefined) return false;
  const was = entry.pod;
  if (was === pod) return true;
  const a = was.spec;
  const b = pod.spec;
  const sameAccounting =
    a.containers === b.containers &&
    a.initContainers === b.initContainers &&
    a.overhead === b.overhead &&
    a.affinity === b.affinity &&
    a.priority === b.priority &&
    was.metadata.labels === pod.metadata.labels &&
    was.metadata.namespace === pod.metadata.namespace &&
    was.metadata.deletionTimestamp === pod.metadata.deletionTimestamp;
  if (!sameAccounting) return false;
  info.pods.delete(key);
  info.pods.set(key, { pod, request: entry.request, priority: entry.priority });
  return true;
}

/** A copy that can be changed without touching the original (preemption's dry run). */
export function cloneNodeInfo(info: NodeInfo): NodeInfo {
  return {
    node: info.node,
    name: info.name,
    hostnameLabel: info.hostnameLabel,
    zoneLabel: info.zoneLabel,
    spec: info.spec,
    allocatable: info.allocatable,
    requested: { ...info.requested, scalar: new Map(info.requested.scalar) },
    nonZeroRequested: { ...info.nonZeroRequested },
    pods: new Map(info.pods),
    podCount: info.podCount,
    podsWithAffinity: info.podsWithAffinity,
    podsWithRequiredAntiAffinity: info.podsWithRequiredAntiAffinity,
    // Its own memo: the trial's pods are about to change.
    matchKey: '',
    matchSelector: undefined,
    matchNamespace: '',
    matchCount: 0,
    podsVersion: info.podsVersion,
    // Not in the cache's node list: its changes are nobody's news.
    changes: undefined,
  };
}

/** Pods that occupy a node for the scheduler: bound and not terminated (Succeeded / Failed). */
export function occupiesNode(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return pod.spec.nodeName !== undefined && pod.spec.nodeName !== '' && phase !== 'Succeeded' && phase !== 'Failed';
}

/** NodeInfos for `nodes`, with every pod of `pods` that occupies one of them. Pods on unknown nodes are ignored. */
export function buildNodeInfos(nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] {
  const infos = nodes.map((n) => createNodeInfo(n));
  const byName = new Map(infos.map((i) => [i.name, i]));
  for (const pod of pods) {
    if (!occupiesNode(pod)) continue;
    const info = byName.get(pod.spec.nodeName ?? '');
    if (info !== undefined) addPodToNodeInfo(info, pod);
  }
  return infos;
}
