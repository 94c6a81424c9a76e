/**
 * kube-scheduler. It learns of pods through its watch (it never polls), queues those with no
 * nodeName in priority order, and runs one scheduling cycle at a time: Filter, Score, select
 * (the maths is src/model/scheduler), then binds asynchronously with POST pods/binding. A pod no
 * node fits stays Pending with PodScheduled=False and a FailedScheduling event, and is retried
 * when a node is added or changes.
 */
import { reasonsKo } from '../../model/scheduler/reasons-ko.ts';
import { createActor, setup } from 'xstate';
import { text, type Localized } from '../../model/localized.ts';
import type { K8sObject, LabelSelector, Node, ObjectRef, Pod, ReplicaSet, Service } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import { defaultSpreadSelector } from '../../model/scheduler/plugins/topology-spread/default-selector.ts';
import type { ScheduleDecision } from '../../model/scheduler/types.ts';
import { timestamp } from '../../model/time.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Rng } from '../rng.ts';
import type { Watcher } from './apiserver.ts';
import { callApi, recordEvent } from './client.ts';
import { statusUnschedulable } from './pod-status.ts';
import { inState } from '../core/in-state.ts';

const ID = 'kube-scheduler' as const;
const USER = 'system:kube-scheduler';
/** Events name the scheduler profile's schedulerName as their reporting component (kubectl describe: "default-scheduler"). */
const EVENT_SOURCE = 'default-scheduler';

/** The scheduler's cache and algorithm: node infos kept up to date from watch events. */
export interface SchedulingAlgorithm {
  upsertNode(node: Node): void;
  removeNode(name: string): void;
  /** Counts the pod's requests on its node (bound, or assumed while its binding is in flight). */
  addPod(pod: Pod, node: string): void;
  /** A newer version of a pod counted on the node that changes none of its counts: true when taken as is (else remove and add). */
  updatePod(pod: Pod, node: string): boolean;
  removePod(pod: Pod, node: string): void;
  /** `spreadSelector`: PodTopologySpread's system-default selector for the pod (helper.DefaultSelector). */
  schedule(pod: Pod, tieBreaker: Rng, spreadSelector?: LabelSelector): ScheduleDecision;
  readonly nodeCount: number;
}

/** `kick`: the queue has pods again (sent only while idle); `drained`: a cycle ended with none queued. */
type SchedulerEvent = { readonly type: 'kick' } | { readonly type: 'drained' };

/** A scheduling cycle's length on the simulated clock. */
const CYCLE_MS = 6;

/** Updated in place as newer versions of the pod arrive (a status patch is no new entry). */
interface Placed {
  pod: Pod;
  node: string;
}

function needsScheduling(pod: Pod): boolean {
  return !pod.spec.nodeName && !pod.metadata.deletionTimestamp && (pod.spec.schedulerName ?? 'default-scheduler') === 'default-scheduler';
}

/** PrioritySort: higher priority first, then older first. */
function before(a: Pod, b: Pod): boolean {
  const pa = a.spec.priority ?? 0;
  const pb = b.spec.priority ?? 0;
  if (pa !== pb) return pa > pb;
  return (a.metadata.creationTimestamp ?? '') < (b.metadata.creationTimestamp ?? '');
}

/** What kube-scheduler's informers watch (the sim has no StatefulSets or ReplicationControllers). */
const SCHEDULER_WATCH: readonly K8sObject['kind'][] = ['Pod', 'Node', 'Service', 'ReplicaSet'];

export interface Scheduler {
  readonly watcher: Watcher;
  /** The informers' initial LIST. */
  seed(all: Iterable<K8sObject>): void;
}

/** The Filter activity's words: how many nodes fit, and how far Filter looked when it stopped early (percentageOfNodesToScore). */
/**
 * What ruled the nodes out, from a failure message ("0/3 nodes are available: 3 Insufficient cpu.
 * preemption: ..." -> "3 Insufficient cpu"): kube-scheduler's own words, so a queue of Pending pods
 * says why on the card (a sandbox scaled past the cluster's room showed only "0/3 nodes fit").
 */
export function filterReasons(message: string | undefined): string | undefined {
  const m = /^0\/\d+ nodes are available: (.+?)\.(?: |$)/.exec(message ?? '');
  return m?.[1];
}

function filterLabel(pod: string, feasible: number, decision: ScheduleDecision): Localized {
  const f = decision.filtered;
  const of = f?.of ?? decision.nodes.length;
  // With every node's verdict (a story's decision in a big run), the examined ones are those evaluated.
  const examined = f?.examined ?? decision.nodes.reduce((n, v) => (v.evaluated === false ? n : n + 1), 0);
  if (examined === of) {
    const why = feasible === 0 ? filterReasons(decision.failureMessage) : undefined;
    // The reasons first, the pod last as an aside: a narrow card drops the aside and keeps why.
    // "0/2 nodes fit" first, so "2 Too many pods" reads as two nodes (not "two too many pods");
    // short enough for the card, where kube-scheduler's "0/2 nodes are available: …" was cut to its head.
    if (why !== undefined) return text(`0/${of} nodes fit: ${why} (${pod})`, `배치 불가: ${reasonsKo(why, of)} (${pod})`);
    // The count first and the pod as an aside here too: the card kept "Filter web-5d9f…" and lost how many fit.
    return text(`Filter: ${feasible}/${of} nodes fit (${pod})`, `필터: 노드 ${of}대 중 ${feasible}대 적합 (${pod})`);
  }
  // Stopped early (above 100 nodes): the count, then how far it looked; a card keeps the clause before " · ".
  return text(`Filter: ${feasible} nodes fit · ${examined} of ${of} checked, enough to stop (${pod})`, `필터: ${feasible}대 적합 · 노드 ${of}대 중 ${examined}대 확인, 충분하므로 중단 (${pod})`);
}

export function createScheduler(rt: Runtime, algorithm: SchedulingAlgorithm): Scheduler {
  const queue: Pod[] = [];
  const queued = new Set<ObjectRef>();
  const unschedulable = new Map<ObjectRef, Pod>();
  /** Pods counted on a node: bound (seen with nodeName) or assumed (binding in flight). */
  const placed = new Map<ObjectRef, Placed>();
  let current: { pod: Pod; decision: ScheduleDecision } | undefined;

  const enqueue = (pod: Pod): void => {
    const ref = refOf(pod);
    if (queued.has(ref) || placed.has(ref) || current?.pod.metadata.uid === pod.metadata.uid) return;
    queued.add(ref);
    let i = queue.length;
    while (i > 0 && before(pod, queue[i - 1] as Pod)) i--;
    queue.splice(i, 0, pod);
  };

  const forget = (ref: ObjectRef): void => {
    if (queued.delete(ref)) queue.splice(queue.findIndex((p) => refOf(p) === ref), 1);
    unschedulable.delete(ref);
  };

  const place = (pod: Pod, node: string): void => {
    const ref = refOf(pod);
    const was = placed.get(ref);
    if (was === undefined) {
      placed.set(ref, { pod, node });
      algorithm.addPod(pod, node);
      return;
    }
    const wasPod = was.pod;
    const wasNode = was.node;
    was.pod = pod;
    was.node = node;
    // Most updates of a placed pod are status patches and its binding: nothing to recount.
    if (wasNode === node && algorithm.updatePod(pod, node)) return;
    algorithm.removePod(wasPod, wasNode);
    algorithm.addPod(pod, node);
  };

  const unplace = (ref: ObjectRef): void => {
    const was = placed.get(ref);
    if (!was) return;
    algorithm.removePod(was.pod, was.node);
    placed.delete(ref);
  };

  /** A change that may make unschedulable pods fit moves them back to the active queue. */
  const retryUnschedulable = (): void => {
    for (const pod of unschedulable.values()) {
      unschedulable.delete(refOf(pod));
      enqueue(pod);
    }
  };

  const onPod = (type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod): void => {
    const ref = refOf(pod);
    if (type === 'DELETED') {
      forget(ref);
      unplace(ref);
      if (unschedulable.size > 0) retryUnschedulable();
      return;
    }
    if (pod.spec.nodeName) {
      forget(ref);
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') unplace(ref);
      else place(pod, pod.spec.nodeName);
      return;
    }
    if (!needsScheduling(pod)) {
      forget(ref);
      return;
    }
    if (unschedulable.has(ref)) unschedulable.set(ref, pod);
    else enqueue(pod);
  };

  const onNode = (type: 'ADDED' | 'MODIFIED' | 'DELETED', node: Node, before: Node | undefined): void => {
    if (type === 'DELETED') {
      algorithm.removeNode(node.metadata.name);
      return;
    }
    algorithm.upsertNode(node);
    // A heartbeat keeps the spec and allocatable objects (the apiserver keeps untouched parts):
    // compared by reference first, serialized only when either is a new object.
    const specChanged =
      !before ||
      (before.spec !== node.spec && JSON.stringify(before.spec) !== JSON.stringify(node.spec)) ||
      (before.status?.allocatable !== node.status?.allocatable && JSON.stringify(before.status?.allocatable) !== JSON.stringify(node.status?.allocatable));
    if (specChanged) retryUnschedulable();
  };

  // The Services and ReplicaSets informers: PodTopologySpread's system default constraints spread
  // a pod among those its Services and its ReplicaSet select (upstream helper.DefaultSelector).
  const services = new Map<ObjectRef, Service>();
  const replicaSets = new Map<ObjectRef, ReplicaSet>();
  /**
   * With no Service in the cluster the selector is the ReplicaSet's alone: one object per
   * ReplicaSet selector, so the thousands of pods of a workload share it (and its count key, and
   * the nodes' count memo) instead of each building its own.
   */
  const byControllerSelector = new WeakMap<LabelSelector, LabelSelector | null>();
  const spreadSelectorOf = (pod: Pod): LabelSelector | undefined => {
    if ((pod.spec.topologySpreadConstraints ?? []).length > 0) return undefined;
    const owner = pod.metadata.ownerReferences?.find((o) => o.controller === true && o.kind === 'ReplicaSet');
    const rs = owner === undefined ? undefined : replicaSets.get(`ReplicaSet/${pod.metadata.namespace ?? 'default'}/${owner.name}`);
    const controllerSelector = rs?.spec.selector;
    if (services.size > 0 || controllerSelector === undefined) return defaultSpreadSelector(pod, [...services.values()], controllerSelector);
    const known = byControllerSelector.get(controllerSelector);
    if (known !== undefined) return known ?? undefined;
    const selector = defaultSpreadSelector(pod, [], controllerSelector);
    byControllerSelector.set(controllerSelector, selector ?? null);
    return selector;
  };
  const keep = <T extends K8sObject>(store: Map<ObjectRef, T>, type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: T): void => {
    if (type === 'DELETED') store.delete(refOf(obj));
    else store.set(refOf(obj), obj);
  };

  const nodes = new Map<string, Node>();
  const handle = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch') return;
    if (p.object.kind === 'Service') keep(services, p.eventType, p.object);
    else if (p.object.kind === 'ReplicaSet') keep(replicaSets, p.eventType, p.object);
    else if (p.object.kind === 'Pod') onPod(p.eventType, p.object);
    else if (p.object.kind === 'Node') {
      const prev = nodes.get(p.object.metadata.name);
      if (p.eventType === 'DELETED') nodes.delete(p.object.metadata.name);
      else nodes.set(p.object.metadata.name, p.object);
      onNode(p.eventType, p.object, prev);
    }
  };

  const beginCycle = (): void => {
    const pod = queue.shift();
    if (!pod) return;
    queued.delete(refOf(pod));
    const ref = refOf(pod);
    const decision = algorithm.schedule(pod, rt.rng, spreadSelectorOf(pod));
    current = { pod, decision };
    // Without full decisions the algorithm made no per-node verdicts but the winner's (its
    // `verdicts` is the same flag): the decision is recorded as it is, with no copy to filter.
    rt.tracer.decision(ref, decision);
    const feasible = decision.filtered?.feasible ?? decision.nodes.filter((n) => n.feasible).length;
    // A pod that fits nowhere is its own kind of work: not a repeat of the filters that placed pods
    // before it, so the story shows the first one in a step, with its reasons (schedule.ts counts
    // a step's repeats by action).
    rt.tracer.activity(ID, feasible === 0 ? 'filter-unschedulable' : 'filter', 3, filterLabel(pod.metadata.name, feasible, decision), ref);
    if (decision.scored) {
      rt.clock.after(() => rt.tracer.activity(ID, 'score', 3, text(`Score ${feasible} nodes: ${decision.selected ?? ''} wins`, `노드 ${feasible}대 점수 계산: ${decision.selected ?? ''} 선택`), ref), 3);
    }
  };

  const finishCycle = (): void => {
    const cycle = current;
    current = undefined;
    if (!cycle) return;
    const { pod, decision } = cycle;
    const ref = refOf(pod);
    const node = decision.selected;
    if (node) {
      // Reserve: assume the pod on the node so the next cycle counts its requests.
      place(pod, node);
      callApi(rt, ID, USER, 'bind', { verb: 'bind', ref, node }, (answer) => {
        if (answer.status >= 300) {
          unplace(ref);
          return;
        }
        recordEvent(rt, ID, USER, pod, 'Scheduled', `Successfully assigned ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name} to ${node}`, 'Normal', EVENT_SOURCE);
      });
      return;
    }
    const message = decision.failureMessage ?? `0/${decision.nodes.length} nodes are available.`;
    unschedulable.set(ref, pod);
    callApi(rt, ID, USER, 'PATCH pod/status', { verb: 'update', method: 'PATCH', ref, subresource: 'status', summary: 'Unschedulable', mutate: statusUnschedulable(message, timestamp(rt.clock.now())) });
    recordEvent(rt, ID, USER, pod, 'FailedScheduling', message, 'Warning', EVENT_SOURCE);
  };

  /**
   * One cycle's end, 6 ms after its start: the next cycle starts at once while pods are queued
   * (on a plain clock timer: a big run's ten thousand cycles each went through an XState delayed
   * event, exit, re-entry and snapshot), else the actor goes back to idle. The timers are set in
   * the order the `after` delay set them (beginCycle's own timer first), so traces are unchanged.
   */
  const endCycle = (): void => {
    finishCycle();
    if (queue.length === 0) {
      actor.send({ type: 'drained' });
      return;
    }
    beginCycle();
    rt.clock.after(endCycle, CYCLE_MS);
  };

  const machine = setup({
    types: { events: {} as SchedulerEvent },
    actions: {
      startCycles: () => {
        beginCycle();
        rt.clock.after(endCycle, CYCLE_MS);
      },
    },
    guards: { hasQueued: () => queue.length > 0 },
  }).createMachine({
    id: 'kube-scheduler',
    initial: 'idle',
    states: {
      idle: {
        always: { guard: 'hasQueued', target: 'scheduling' },
        on: { kick: { guard: 'hasQueued', target: 'scheduling' } },
      },
      // Cycles run back to back while pods are queued (endCycle), then `drained` returns to idle.
      scheduling: {
        entry: 'startCycles',
        on: { drained: { target: 'idle' } },
      },
    },
  });
  const actor = createActor(machine, { clock: rt.clock });
  actor.start();
  rt.board.set(ID, 'up', true);
  // Watch events go straight to the informer handlers; the actor runs the scheduling loop.
  rt.net.register(ID, 'control-plane', (envelope) => {
    handle(envelope);
    if (queue.length > 0 && inState(actor, 'idle')) actor.send({ type: 'kick' });
  });
  return {
    watcher: { id: ID, kinds: new Set(SCHEDULER_WATCH) },
    seed: (all) => {
      for (const object of all) if (SCHEDULER_WATCH.includes(object.kind)) handle({ id: 0, from: 'kube-apiserver', to: ID, type: 'watch', action: 'list', payload: { kind: 'watch', eventType: 'ADDED', object } });
    },
  };
}
