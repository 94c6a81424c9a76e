/** The pod status changes a kubelet reports as a pod starts (pure; conditions in upstream order). */
import type { Condition, Container, ContainerStatus, K8sObject, Pod, PodConditionType, PodStatus } from '../../model/objects.ts';
import { withFields } from '../../model/with-fields.ts';

type PodCondition = Condition<PodConditionType>;

function setConditions(status: PodStatus, updates: readonly PodCondition[]): readonly PodCondition[] {
  const out = [...(status.conditions ?? [])];
  let grown = false;
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    if (i >= 0) out[i] = u;
    else {
      out.push(u);
      grown = true;
    }
  }
  // A copy of its own size when it grew: an array grown by push keeps room for 17, and a pod
  // version keeps its conditions as long as it lives.
  return grown ? out.slice() : out;
}

function patchPod(obj: K8sObject, fn: (pod: Pod, status: PodStatus) => PodStatus): K8sObject {
  if (obj.kind !== 'Pod') return obj;
  const status = obj.status ?? { phase: 'Pending' };
  return { ...obj, status: fn(obj, status) };
}

// Two literals, no conditional spread (the same fields in the same order): every pod's status patches build these.
const makeCond = (type: PodConditionType, ok: boolean, at: string, reason?: string): PodCondition =>
  reason ? { type, status: ok ? 'True' : 'False', lastTransitionTime: at, reason } : { type, status: ok ? 'True' : 'False', lastTransitionTime: at };

/**
 * The conditions made in the current second, shared: every pod reaching a stage in that second
 * gets the same objects (versions are never changed in place), where each had its own copies,
 * kept as long as its version (a big run's pod versions were most of what the garbage collector
 * copies). Few per second (a type, True or False, a reason): a short list, scanned.
 */
let condsAt = '';
const condsMade: PodCondition[] = [];
const cond = (type: PodConditionType, ok: boolean, at: string, reason?: string): PodCondition => {
  if (at !== condsAt) {
    condsAt = at;
    condsMade.length = 0;
  }
  const status = ok ? 'True' : 'False';
  for (const c of condsMade) if (c.type === type && c.status === status && c.reason === reason) return c;
  const made = makeCond(type, ok, at, reason);
  if (condsMade.length < 32) condsMade.push(made);
  return made;
};

/**
 * Container statuses for a pod's containers, shared by the pods whose spec shares its containers
 * (a ReplicaSet's pods: their specs are copies of the template's, the containers list one array):
 * ContainerCreating per list, running per list and second.
 */
const waitingStatuses = new WeakMap<readonly Container[], readonly ContainerStatus[]>();
const runningStatuses = new WeakMap<readonly Container[], { readonly at: string; readonly statuses: readonly ContainerStatus[] }>();
function waitingFor(containers: readonly Container[]): readonly ContainerStatus[] {
  let statuses = waitingStatuses.get(containers);
  if (statuses === undefined) waitingStatuses.set(containers, (statuses = containers.map((c) => ({ name: c.name, image: c.image, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } }))));
  return statuses;
}
function runningFor(containers: readonly Container[], at: string): readonly ContainerStatus[] {
  const made = runningStatuses.get(containers);
  if (made !== undefined && made.at === at) return made.statuses;
  const statuses = containers.map((c) => ({ name: c.name, image: c.image, ready: true, started: true, state: { running: { startedAt: at } } }));
  runningStatuses.set(containers, { at, statuses });
  return statuses;
}

/**
 * Initialized in the kubelet's first status: True when the pod has no init containers
 * (pkg/kubelet/status/generate.go GeneratePodInitializedCondition: with none to wait for, nothing
 * is unknown or incomplete), False with ContainersNotInitialized while init containers remain.
 */
const initialized = (pod: Pod, at: string): PodCondition => ((pod.spec.initContainers ?? []).length === 0 ? cond('Initialized', true, at) : cond('Initialized', false, at, 'ContainersNotInitialized'));

/** Accepted by the kubelet: containers are waiting in ContainerCreating. */
export const statusAccepted = (hostIP: string, at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (pod, s) =>
    // Fields the status lacks so far: added by withFields, not a spread (with-fields.ts says why).
    withFields(s, {
      hostIP,
      startTime: at,
      conditions: setConditions(s, [cond('PodReadyToStartContainers', false, at), initialized(pod, at), cond('ContainersReady', false, at, 'ContainersNotReady'), cond('Ready', false, at, 'ContainersNotReady')]),
      containerStatuses: waitingFor(pod.spec.containers),
    }),
  );

/** The sandbox is up and has an IP; no init containers left to run. */
export const statusSandboxReady = (podIP: string, at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (_pod, s) => withFields(s, { podIP, conditions: setConditions(s, [cond('PodReadyToStartContainers', true, at), cond('Initialized', true, at)]) }));

/** Every container started; with no readiness probe the pod is Ready at once. */
export const statusRunning = (at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (pod, s) => ({
    ...s,
    phase: 'Running',
    conditions: setConditions(s, [cond('ContainersReady', true, at), cond('Ready', true, at)]),
    containerStatuses: runningFor(pod.spec.containers, at),
  }));

/** The node lifecycle controller's MarkPodsNotReady: Ready=False, so the pod leaves Service endpoints. */
export const statusNotReady = (at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (_pod, s) => ({ ...s, conditions: setConditions(s, [{ type: 'Ready', status: 'False', lastTransitionTime: at, reason: 'NodeNotReady' }]) }));

/** The taint-eviction controller marks why the pod is about to go (DisruptionTarget, v1.26+). */
export const statusDisruptionTarget = (at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (_pod, s) => ({ ...s, conditions: setConditions(s, [{ type: 'DisruptionTarget', status: 'True', lastTransitionTime: at, reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }]) }));

/** kube-scheduler found no node: PodScheduled=False, reason Unschedulable. */
export const statusUnschedulable = (message: string, at: string) => (obj: K8sObject): K8sObject =>
  patchPod(obj, (_pod, s) => ({ ...s, conditions: setConditions(s, [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message, lastTransitionTime: at }]) }));

export function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}
