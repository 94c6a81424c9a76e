/**
 * Cluster objects, shaped like Kubernetes' own (metadata / spec / status), reduced to the fields
 * kubedeck simulates and draws. A discriminated union on `kind`.
 *
 * Quantities stay strings as in the API ("100m", "512Mi"); parse them with ./quantity.ts.
 * Timestamps are RFC 3339 strings computed from simulated time (see ./time.ts).
 */

export type ResourceName = 'cpu' | 'memory' | 'pods' | 'ephemeral-storage' | (string & {});
export type ResourceList = Readonly<Partial<Record<ResourceName, string>>>;

export interface OwnerReference {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  readonly controller?: boolean;
}

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly generateName?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly annotations?: Readonly<Record<string, string>>;
  readonly ownerReferences?: readonly OwnerReference[];
  readonly creationTimestamp?: string;
  readonly deletionTimestamp?: string;
  readonly resourceVersion?: string;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface Condition<T extends string> {
  readonly type: T;
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
  readonly lastHeartbeatTime?: string;
}

export type TaintEffect = 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: TaintEffect;
  readonly timeAdded?: string;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: 'Exists' | 'Equal';
  readonly value?: string;
  readonly effect?: TaintEffect;
  readonly tolerationSeconds?: number;
}

export type NodeSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist' | 'Gt' | 'Lt';

export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: NodeSelectorOperator;
  readonly values?: readonly string[];
}

export interface NodeSelectorTerm {
  readonly matchExpressions?: readonly NodeSelectorRequirement[];
  readonly matchFields?: readonly NodeSelectorRequirement[];
}

export interface PreferredSchedulingTerm {
  readonly weight: number;
  readonly preference: NodeSelectorTerm;
}

export interface NodeAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: {
    readonly nodeSelectorTerms: readonly NodeSelectorTerm[];
  };
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly PreferredSchedulingTerm[];
}

/** A pod (anti-)affinity term: pods matching labelSelector in the namespaces, within topologyKey. */
export interface PodAffinityTerm {
  readonly labelSelector?: LabelSelector;
  readonly namespaces?: readonly string[];
  readonly namespaceSelector?: LabelSelector;
  readonly topologyKey: string;
  /** Keys whose values (from the incoming pod) are ANDed into labelSelector with In / NotIn. */
  readonly matchLabelKeys?: readonly string[];
  readonly mismatchLabelKeys?: readonly string[];
}

export interface WeightedPodAffinityTerm {
  readonly weight: number;
  readonly podAffinityTerm: PodAffinityTerm;
}

export interface PodAffinity {
  readonly requiredDuringSchedulingIgnoredDuringExecution?: readonly PodAffinityTerm[];
  readonly preferredDuringSchedulingIgnoredDuringExecution?: readonly WeightedPodAffinityTerm[];
}

export interface Affinity {
  readonly nodeAffinity?: NodeAffinity;
  readonly podAffinity?: PodAffinity;
  readonly podAntiAffinity?: PodAffinity;
}

export interface Container {
  readonly name: string;
  readonly image: string;
  readonly resources?: {
    readonly requests?: ResourceList;
    readonly limits?: ResourceList;
  };
  /** hostPort / hostIP reserve the port on the node (the scheduler's NodePorts filter). */
  readonly ports?: readonly ContainerPort[];
  /** Only on init containers: "Always" makes it a sidecar (its requests add to the pod's). */
  readonly restartPolicy?: 'Always';
  /** The kubelet marks the container ready after its first successful probe (kubedeck: it always succeeds). */
  readonly readinessProbe?: { readonly initialDelaySeconds?: number; readonly periodSeconds?: number };
}

export interface ContainerPort {
  readonly containerPort: number;
  readonly protocol?: string;
  readonly hostPort?: number;
  readonly hostIP?: string;
}

/** pod.spec.topologySpreadConstraints[] (the scheduler's PodTopologySpread). */
export interface TopologySpreadConstraint {
  readonly maxSkew: number;
  readonly topologyKey: string;
  readonly whenUnsatisfiable: 'DoNotSchedule' | 'ScheduleAnyway';
  readonly labelSelector?: LabelSelector;
  readonly minDomains?: number;
  /** Default Honor: only nodes matching the pod's nodeSelector / required node affinity count. */
  readonly nodeAffinityPolicy?: 'Honor' | 'Ignore';
  /** Default Ignore: tainted nodes count too. */
  readonly nodeTaintsPolicy?: 'Honor' | 'Ignore';
  /** Label keys whose values (from the incoming pod) are ANDed into labelSelector. */
  readonly matchLabelKeys?: readonly string[];
}

export interface PodSpec {
  readonly nodeName?: string;
  readonly schedulerName?: string;
  readonly containers: readonly Container[];
  readonly initContainers?: readonly Container[];
  readonly tolerations?: readonly Toleration[];
  readonly nodeSelector?: Readonly<Record<string, string>>;
  readonly affinity?: Affinity;
  readonly priority?: number;
  readonly preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  /** RuntimeClass overhead, added to the pod's requests by the scheduler. */
  readonly overhead?: ResourceList;
  readonly hostNetwork?: boolean;
  readonly serviceAccountName?: string;
  readonly volumes?: readonly { readonly name: string; readonly projected?: unknown; readonly hostPath?: { readonly path: string; readonly type?: string } }[];
  readonly priorityClassName?: string;
  readonly topologySpreadConstraints?: readonly TopologySpreadConstraint[];
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed' | 'Unknown';

/** In the order they become True for a starting pod (kubernetes.io "Pod Lifecycle"). */
export const POD_CONDITION_ORDER = [
  'PodScheduled',
  'PodReadyToStartContainers',
  'Initialized',
  'ContainersReady',
  'Ready',
] as const;
export type PodConditionType = (typeof POD_CONDITION_ORDER)[number] | 'DisruptionTarget';

export interface ContainerStatus {
  readonly name: string;
  readonly ready: boolean;
  readonly started?: boolean;
  readonly image: string;
  readonly state:
    | { readonly waiting: { readonly reason: string } }
    | { readonly running: { readonly startedAt: string } }
    | { readonly terminated: { readonly reason: string; readonly exitCode: number } };
}

export interface PodStatus {
  readonly phase: PodPhase;
  readonly conditions?: readonly Condition<PodConditionType>[];
  readonly hostIP?: string;
  readonly podIP?: string;
  readonly startTime?: string;
  readonly containerStatuses?: readonly ContainerStatus[];
  readonly reason?: string;
  readonly message?: string;
}

export interface Pod {
  readonly apiVersion: 'v1';
  readonly kind: 'Pod';
  readonly metadata: ObjectMeta;
  readonly spec: PodSpec;
  readonly status?: PodStatus;
}

export type NodeConditionType = 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable';

export interface NodeSpec {
  readonly unschedulable?: boolean;
  readonly taints?: readonly Taint[];
  readonly podCIDR?: string;
}

export interface NodeStatus {
  readonly capacity?: ResourceList;
  readonly allocatable?: ResourceList;
  readonly conditions?: readonly Condition<NodeConditionType>[];
  readonly addresses?: readonly { readonly type: string; readonly address: string }[];
  readonly nodeInfo?: { readonly kubeletVersion?: string; readonly containerRuntimeVersion?: string };
  /** Images the kubelet reports as present (the scheduler's ImageLocality score). */
  readonly images?: readonly ContainerImage[];
}

export interface ContainerImage {
  readonly names?: readonly string[];
  readonly sizeBytes?: number;
}

export interface Node {
  readonly apiVersion: 'v1';
  readonly kind: 'Node';
  readonly metadata: ObjectMeta;
  readonly spec: NodeSpec;
  readonly status?: NodeStatus;
}

export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly {
    readonly key: string;
    readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    readonly values?: readonly string[];
  }[];
}

export interface PodTemplateSpec {
  readonly metadata?: { readonly labels?: Readonly<Record<string, string>> };
  readonly spec: PodSpec;
}

export interface ReplicaSet {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'ReplicaSet';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas: number;
    readonly selector: LabelSelector;
    readonly template: PodTemplateSpec;
  };
  readonly status?: {
    readonly replicas: number;
    readonly readyReplicas?: number;
    readonly availableReplicas?: number;
    readonly observedGeneration?: number;
  };
}

export interface Deployment {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'Deployment';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly replicas: number;
    readonly selector: LabelSelector;
    readonly template: PodTemplateSpec;
    readonly strategy?: {
      readonly type: 'RollingUpdate' | 'Recreate';
      readonly rollingUpdate?: { readonly maxSurge?: number | string; readonly maxUnavailable?: number | string };
    };
  };
  readonly status?: {
    readonly replicas?: number;
    readonly updatedReplicas?: number;
    readonly readyReplicas?: number;
    readonly availableReplicas?: number;
    readonly unavailableReplicas?: number;
  };
}

/** apps/v1 DaemonSet: one pod per eligible node (pkg/controller/daemon). */
export interface DaemonSet {
  readonly apiVersion: 'apps/v1';
  readonly kind: 'DaemonSet';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly selector: LabelSelector;
    readonly template: PodTemplateSpec;
    readonly updateStrategy?: { readonly type: 'RollingUpdate' | 'OnDelete'; readonly rollingUpdate?: { readonly maxUnavailable?: number | string; readonly maxSurge?: number | string } };
  };
  readonly status?: {
    /** Nodes that should run the pod. */
    readonly desiredNumberScheduled: number;
    /** Nodes running (or assigned) at least one daemon pod that should. */
    readonly currentNumberScheduled: number;
    /** Nodes running a daemon pod that should not. */
    readonly numberMisscheduled: number;
    readonly numberReady: number;
    readonly numberAvailable?: number;
    readonly updatedNumberScheduled?: number;
  };
}

/** policy/v1 PodDisruptionBudget: how many of the selected pods voluntary disruptions (evictions) must leave. */
export interface PodDisruptionBudget {
  readonly apiVersion: 'policy/v1';
  readonly kind: 'PodDisruptionBudget';
  readonly metadata: ObjectMeta;
  readonly spec: { readonly selector: LabelSelector; readonly minAvailable?: number | string; readonly maxUnavailable?: number | string };
  readonly status?: {
    readonly currentHealthy: number;
    readonly desiredHealthy: number;
    readonly disruptionsAllowed: number;
    readonly expectedPods: number;
    /** Pods evicted but not yet seen deleted, with the eviction time (the controller leaves them out). */
    readonly disruptedPods?: Readonly<Record<string, string>>;
  };
}

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly targetPort?: number;
  /** Only on NodePort / LoadBalancer Services: the port every node listens on. */
  readonly nodePort?: number;
  readonly protocol?: 'TCP' | 'UDP' | 'SCTP';
}

export interface Service {
  readonly apiVersion: 'v1';
  readonly kind: 'Service';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly type?: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
    readonly selector?: Readonly<Record<string, string>>;
    readonly clusterIP?: string;
    readonly ports: readonly ServicePort[];
  };
}

export interface Endpoint {
  readonly addresses: readonly string[];
  readonly conditions: { readonly ready: boolean; readonly serving?: boolean; readonly terminating?: boolean };
  readonly nodeName?: string;
  readonly targetRef?: { readonly kind: 'Pod'; readonly name: string; readonly namespace: string };
}

export interface EndpointSlice {
  readonly apiVersion: 'discovery.k8s.io/v1';
  readonly kind: 'EndpointSlice';
  readonly metadata: ObjectMeta;
  readonly addressType: 'IPv4' | 'IPv6';
  readonly endpoints: readonly Endpoint[];
  readonly ports?: readonly { readonly name?: string; readonly port: number; readonly protocol?: string }[];
}

export interface Lease {
  readonly apiVersion: 'coordination.k8s.io/v1';
  readonly kind: 'Lease';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly holderIdentity?: string;
    readonly leaseDurationSeconds?: number;
    readonly renewTime?: string;
  };
}

/** core/v1 Event (named KubeEvent so it does not shadow the DOM's Event). */
export interface KubeEvent {
  readonly apiVersion: 'v1';
  readonly kind: 'Event';
  readonly metadata: ObjectMeta;
  readonly involvedObject: { readonly kind: string; readonly name: string; readonly namespace?: string };
  readonly reason: string;
  readonly message: string;
  readonly type: 'Normal' | 'Warning';
  readonly source?: { readonly component: string; readonly host?: string };
  readonly count?: number;
}

export type K8sObject = Pod | Node | ReplicaSet | Deployment | DaemonSet | PodDisruptionBudget | Service | EndpointSlice | Lease | KubeEvent;
export type K8sKind = K8sObject['kind'];

/** "Pod/default/web-1", or "Node/worker-1" for a cluster-scoped object. */
export type ObjectRef = string;

export function refOf(obj: { readonly kind: string; readonly metadata: { readonly name: string; readonly namespace?: string } }): ObjectRef {
  // One string per ref, looked up by its parts: every version of an object shares its name's
  // string, so the lookups hash nothing new, and the maps keyed by refs (etcd, the watch cache,
  // the informers, parseRef's memo) then find their key by identity instead of hashing and
  // comparing a freshly concatenated copy (~100 per pod in a big run).
  // The same object asked again (a watch event's object, read by each informer, the cache and the
  // handler in turn): ~40 % of calls in a big run, answered without the three lookups.
  const meta = obj.metadata;
  if (meta === lastMeta && obj.kind === lastKind) return lastRef;
  const ref = refOfParts(obj.kind, meta.namespace ?? '', meta.name);
  lastMeta = meta;
  lastKind = obj.kind;
  lastRef = ref;
  return ref;
}

/** refOf's string for a kind, namespace ('' for cluster-scoped) and name, without an object (an owner reference, a pod's node). */
export function refOfParts(kind: string, ns: string, name: string): ObjectRef {
  let byNamespace = REFS.get(kind);
  if (byNamespace === undefined) REFS.set(kind, (byNamespace = new Map()));
  let byName = byNamespace.get(ns);
  if (byName === undefined) byNamespace.set(ns, (byName = new Map()));
  let ref = byName.get(name);
  if (ref === undefined) {
    ref = ns === '' ? `${kind}/${name}` : `${kind}/${ns}/${name}`;
    // Bounded as parseRef's memo: forgetting only costs a new copy.
    if (++refCount > 100_000) {
      REFS.clear();
      refCount = 1;
      REFS.set(kind, (byNamespace = new Map()));
      byNamespace.set(ns, (byName = new Map()));
    }
    byName.set(name, ref);
  }
  return ref;
}
/** refOf's last answer, by the metadata object it was read from (versions are never changed in place). */
let lastMeta: object | undefined;
let lastKind = '';
let lastRef: ObjectRef = '';
/** Refs by kind, namespace ('' for cluster-scoped objects) and name. */
const REFS = new Map<string, Map<string, Map<string, ObjectRef>>>();
let refCount = 0;

export interface ParsedRef {
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
}

export function parseRef(ref: ObjectRef): ParsedRef {
  // Every request parses its object's ref several times (authorization, etcd key, resource):
  // one parse per ref, shared (ParsedRef is read-only). Bounded: cleared when it grows large.
  const known = PARSED.get(ref);
  if (known !== undefined) return known;
  const parts = ref.split('/');
  const parsed: ParsedRef = parts.length === 3 ? { kind: parts[0] ?? '', namespace: parts[1] ?? '', name: parts[2] ?? '' } : { kind: parts[0] ?? '', name: parts.slice(1).join('/') };
  if (PARSED.size >= 100_000) PARSED.clear();
  PARSED.set(ref, parsed);
  return parsed;
}
const PARSED = new Map<string, ParsedRef>();

/**
 * parseRef(ref).namespace, read off the ref itself: kube-apiserver asks for every request, and
 * parseRef's memo holds every ref of a big run (a lookup there misses the caches).
 */
export function refNamespace(ref: ObjectRef): string | undefined {
  const i = ref.indexOf('/');
  const j = i < 0 ? -1 : ref.indexOf('/', i + 1);
  // Exactly three parts, as parseRef splits them: kind/namespace/name.
  if (j < 0 || ref.indexOf('/', j + 1) >= 0) return undefined;
  // The namespace answered last, when it is this one: no new string, and a caller comparing it
  // with one it kept (authorization's memo) compares the same string, not two copies.
  if (j - i - 1 === lastNamespace.length && ref.startsWith(lastNamespace, i + 1)) return lastNamespace;
  lastNamespace = ref.slice(i + 1, j);
  return lastNamespace;
}
let lastNamespace = '';

/**
 * Drop the parsed refs (and refOf's strings): a new run (or a trace put on stage) starts with none, so a 500-node
 * trace's tens of thousands of names are not kept once another scenario replaced it.
 */
export function forgetParsedRefs(): void {
  PARSED.clear();
  REFS.clear();
  refCount = 0;
  lastMeta = undefined;
}
