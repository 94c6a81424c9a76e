/**
 * The kubelet, each node's captain. It renews its Lease every 10 s (the heartbeat), reports node
 * status, watches the pods bound to its node (field selector spec.nodeName) and runs them through
 * the container runtime's CRI: RunPodSandbox, PullImage, CreateContainer, StartContainer
 * (pkg/kubelet/kuberuntime SyncPod), reporting status as it goes.
 */
import type { AnyActorRef } from 'xstate';
import { setup } from 'xstate';
import { ActorHooks } from '../core/actor-hooks.ts';
import { text } from '../../model/localized.ts';
import type { K8sObject, Lease, Node, ObjectRef, Pod } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import { formatDuration, timestamp } from '../../model/time.ts';
import { withFields } from '../../model/with-fields.ts';
import type { CriCall, Envelope, Payload } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { TimerHandle } from '../clock.ts';
import type { ComponentId } from '../trace.ts';
import type { Watcher } from './apiserver.ts';
import { getThenPatch } from './status-sync.ts';
import { nodeImages } from '../node-images.ts';
import { callApi, recordEvent } from './client.ts';
import { statusAccepted, statusRunning, statusSandboxReady } from './pod-status.ts';
import { readinessDelayMs, statusProbeReady, statusStartedNotReady } from './readiness.ts';
import { inState } from '../core/in-state.ts';

type KubeletEvent = { readonly type: 'stop' } | { readonly type: 'start' };

/** nodeStatusReportFrequency: status is posted on change, and at least this often. */
const NODE_STATUS_REPORT_MS = 5 * 60_000;

interface KubeletHooks {
  /** The Lease heartbeat and the periodic status report start (the kubelet starts) / stop. */
  readonly startTimers: () => void;
  readonly stopTimers: () => void;
  readonly stopped: () => void;
  readonly started: () => void;
}

/**
 * The kubelet's lifecycle: running (two loops on plain clock timers: the Lease heartbeat and the
 * periodic node status report) or stopped until started again. Defined once for every node.
 */
/** Hooks by actor, not in context: kubelets are also created inside another actor's action. */
const kubeletHooks = new ActorHooks<KubeletHooks>();
const hooksOf = (self: AnyActorRef): KubeletHooks | undefined => kubeletHooks.of(self);

// The loops were parallel regions (a heartbeat state and an `after` on a status state); each
// timer is now set where those regions' entry set theirs, in the same order (stopping: the timers
// before `stopped`; starting: after `started`): a flat machine with no entry action cost a sixth
// as much to create, restored from RUNNING, and set-up creates one per node.
const kubeletMachine = setup({
  types: { events: {} as KubeletEvent },
  actions: {
    startTimers: ({ self }) => hooksOf(self)?.startTimers(),
    stopTimers: ({ self }) => hooksOf(self)?.stopTimers(),
    stopped: ({ self }) => hooksOf(self)?.stopped(),
    started: ({ self }) => hooksOf(self)?.started(),
  },
}).createMachine({
  id: 'kubelet',
  initial: 'running',
  states: {
    running: { on: { stop: { target: 'stopped', actions: ['stopTimers', 'stopped'] } } },
    stopped: { on: { start: { target: 'running', actions: ['started', 'startTimers'] } } },
  },
});

/** The initial state, resolved once: every kubelet's actor is restored from it (no entry runs). */
const RUNNING = kubeletMachine.resolveState({ value: 'running' });

export interface Kubelet {
  readonly id: ComponentId;
  readonly watcher: Watcher;
  /** A pod already running here when the scenario starts. */
  seedRunning(pod: Pod): void;
  /** The images on the node now, taken as reported (set-up writes them into the seeded Node). */
  reportImages(): readonly string[];
  /** The machine stops (power): the kubelet and every container with it. */
  stop(): void;
  /** Only the kubelet process stops (systemctl stop kubelet); containers keep running. */
  stopProcess(): void;
  start(): void;
  /** The network to the control plane is back: report, renew and re-list the node's pods. */
  reconnect(): void;
}

export interface KubeletOptions {
  readonly node: string;
  readonly hostIP: string;
  /** Images already on the node (pulled before the scenario starts). */
  readonly images: readonly string[];
  /** Delay of the first lease renewal, so nodes do not beat in step. */
  readonly firstRenewMs: number;
}

export function createKubelet(rt: Runtime, opts: KubeletOptions): Kubelet {
  const { node } = opts;
  const id: ComponentId = `kubelet/${node}`;
  const runtimeId: ComponentId = `containerd/${node}`;
  /** The way to this node's containerd, resolved once: the CRI calls of every pod go on it. */
  const toRuntime = rt.net.route(id, runtimeId);
  const user = `system:node:${node}`;
  const images = new Set(opts.images);
  /** An image arrived since status.images was last written: reported at the next status tick. */
  let imagesChanged = false;
  const addImage = (image: string): void => {
    if (images.has(image)) return;
    images.add(image);
    imagesChanged = true;
  };
  /** What the kubelet is doing with each pod it knows. */
  const pods = new Map<ObjectRef, 'starting' | 'running' | 'stopping'>();
  let up = true;

  // A pod's ref is worked out once (onPod) and passed along its steps: refOf per step missed its
  // memo of the last object asked, as many pods' steps interleave.
  const cri = (call: CriCall, pod: Pod, ref: ObjectRef, onDone: () => void, extra: { container?: string; image?: string } = {}, onIP?: (ip: string) => void): void => {
    // Positional, on the kept route, the payload one literal (containerd reads an unset container or image as absent).
    const payload: Payload = { kind: 'cri-request', call, pod, container: extra.container, image: extra.image };
    rt.net.post(id, runtimeId, 'request', call, ref, payload, (answer) => {
      if (!up || answer.payload.kind !== 'cri-response') return;
      if (answer.payload.podIP && onIP) onIP(answer.payload.podIP);
      onDone();
    }, toRuntime);
  };

  /** The status manager: GET the pod, then PATCH its status (status-sync.ts). */
  const patchStatus = (pod: Pod, ref: ObjectRef, summary: string, mutate: (o: K8sObject) => K8sObject): void =>
    getThenPatch(rt, id, user, pod, () => callApi(rt, id, user, 'PATCH pod/status', { verb: 'update', method: 'PATCH', ref, subresource: 'status', mutate, summary }), ref);

  const syncPod = (pod: Pod, ref: ObjectRef): void => {
    pods.set(ref, 'starting');
    rt.tracer.activity(id, 'syncPod', 20, text(`SyncPod ${pod.metadata.name}: admit and start`, `SyncPod ${pod.metadata.name}: 수락 후 시작`), ref);
    patchStatus(pod, ref, 'ContainerCreating', statusAccepted(opts.hostIP, timestamp(rt.clock.now())));
    cri('RunPodSandbox', pod, ref, () => startContainers(pod, ref, 0), {}, (ip) => patchStatus(pod, ref, `podIP ${ip}`, statusSandboxReady(ip, timestamp(rt.clock.now()))));
  };

  const startContainers = (pod: Pod, ref: ObjectRef, index: number): void => {
    if (pods.get(ref) !== 'starting') return;
    const container = pod.spec.containers[index];
    if (!container) {
      pods.set(ref, 'running');
      const probeDelay = readinessDelayMs(pod);
      // A probe due at once passes on the first try: one status update, Ready with Running.
      if (probeDelay === undefined || probeDelay === 0) patchStatus(pod, ref, 'Running', statusRunning(timestamp(rt.clock.now())));
      else reportNotReadyYet(pod, ref, probeDelay);
      return;
    }
    const create = (): void =>
      cri('CreateContainer', pod, ref, () => {
        recordEvent(rt, id, user, pod, 'Created', `Created container ${container.name}`);
        cri('StartContainer', pod, ref, () => {
          recordEvent(rt, id, user, pod, 'Started', `Started container ${container.name}`);
          startContainers(pod, ref, index + 1);
        }, { container: container.name });
      }, { container: container.name, image: container.image });
    if (images.has(container.image)) {
      recordEvent(rt, id, user, pod, 'Pulled', `Container image "${container.image}" already present on machine`);
      create();
      return;
    }
    recordEvent(rt, id, user, pod, 'Pulling', `Pulling image "${container.image}"`);
    const started = rt.clock.now();
    cri('PullImage', pod, ref, () => {
      addImage(container.image);
      recordEvent(rt, id, user, pod, 'Pulled', `Successfully pulled image "${container.image}" in ${formatDuration(rt.clock.now() - started)}`);
      create();
    }, { image: container.image });
  };

  /** Running but not Ready until the first successful readiness probe (readiness.ts). */
  const reportNotReadyYet = (pod: Pod, ref: ObjectRef, delay: number): void => {
    patchStatus(pod, ref, 'Running, not ready', statusStartedNotReady(timestamp(rt.clock.now())));
    rt.clock.after(() => {
      if (!up || pods.get(ref) !== 'running') return;
      rt.tracer.activity(id, 'probe:readiness', 10, text(`readiness probe of ${pod.metadata.name} succeeded: Ready`, `${pod.metadata.name} 레디니스 프로브 성공: Ready`), ref);
      patchStatus(pod, ref, 'Ready', statusProbeReady(timestamp(rt.clock.now())));
    }, delay);
  };

  const killPod = (pod: Pod, ref: ObjectRef): void => {
    pods.set(ref, 'stopping');
    for (const c of pod.spec.containers) recordEvent(rt, id, user, pod, 'Killing', `Stopping container ${c.name}`);
    cri('StopContainer', pod, ref, () =>
      cri('StopPodSandbox', pod, ref, () =>
        // The status manager's final delete: grace 0 removes the object from etcd.
        callApi(rt, id, user, 'DELETE pod (grace 0)', { verb: 'delete', ref, gracePeriodSeconds: 0 }, () => pods.delete(ref)),
      ),
    );
  };

  const onPod = (type: 'ADDED' | 'MODIFIED' | 'DELETED', pod: Pod): void => {
    const ref = refOf(pod);
    const known = pods.get(ref);
    if (type === 'DELETED') {
      pods.delete(ref);
      return;
    }
    if (pod.metadata.deletionTimestamp) {
      if (known !== 'stopping') killPod(pod, ref);
      return;
    }
    if (known === undefined) syncPod(pod, ref);
  };

  const handle = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind === 'watch' && p.object.kind === 'Pod') onPod(p.eventType, p.object);
  };

  const renewLease = (): void => {
    const renewTime = timestamp(rt.clock.now());
    callApi(rt, id, user, 'PUT lease', {
      verb: 'update',
      method: 'PUT',
      ref: `Lease/kube-node-lease/${node}`,
      summary: 'lease renewed',
      // The spec by withFields, not a spread (src/model/with-fields.ts): every renewal went through a slow path.
      mutate: (o) => (o.kind === 'Lease' ? ({ ...o, spec: withFields(o.spec, { holderIdentity: node, renewTime }) } satisfies Lease) : o),
    });
  };

  const reportStatus = (): void => {
    const at = timestamp(rt.clock.now());
    imagesChanged = false;
    const list = nodeImages(images);
    callApi(rt, id, user, 'PATCH node/status', {
      verb: 'update',
      method: 'PATCH',
      ref: `Node/${node}`,
      subresource: 'status',
      summary: 'node status',
      mutate: (o) => {
        if (o.kind !== 'Node') return o;
        const ready = readyNode(o, at);
        return { ...ready, status: { ...ready.status, images: list } };
      },
    });
  };

  /** stopProcess: the next stop keeps the pod map (the containers keep running). */
  let keepPodsOnStop = false;

  /** Back after an outage: list the pods bound here and finish what was decided meanwhile. */
  const rejoin = (): void => {
    reportStatus();
    renewLease();
    callApi(rt, id, user, `LIST pods (spec.nodeName=${node})`, { verb: 'list', kind: 'Pod', nodeName: node }, (answer) => {
      for (const item of answer.items ?? []) if (item.kind === 'Pod') onPod('ADDED', item);
    });
  };

  /** The Lease heartbeat: first after firstRenewMs, then every leaseRenewMs, while running. */
  let heartbeat: TimerHandle | undefined;
  const renewIntervalMs = rt.config.leaseRenewMs;
  const beat = (): void => {
    // The node status loop runs every nodeStatusUpdateFrequency (10 s, as the lease) and PATCHes
    // when something changed: here, a pulled image (status.images).
    renewLease();
    if (imagesChanged) reportStatus();
    heartbeat = rt.clock.setTimeout(beat, renewIntervalMs);
  };

  /** nodeStatusReportFrequency's loop: first a period after entering running, then every period. */
  let statusReport: TimerHandle | undefined;
  const reportPeriodically = (): void => {
    reportStatus();
    statusReport = rt.clock.setTimeout(reportPeriodically, NODE_STATUS_REPORT_MS);
  };

  const hooks: KubeletHooks = {
    startTimers: () => {
      heartbeat = rt.clock.setTimeout(beat, opts.firstRenewMs);
      statusReport = rt.clock.setTimeout(reportPeriodically, NODE_STATUS_REPORT_MS);
    },
    stopTimers: () => {
      if (statusReport !== undefined) rt.clock.clearTimeout(statusReport);
      statusReport = undefined;
      if (heartbeat !== undefined) rt.clock.clearTimeout(heartbeat);
      heartbeat = undefined;
    },
    stopped: () => {
      up = false;
      // Only the kubelet process stopped: its containers run on, and it finds them again on start.
      if (!keepPodsOnStop) pods.clear();
      keepPodsOnStop = false;
      rt.board.set(id, 'down');
    },
    started: () => {
      up = true;
      rt.board.set(id, 'up');
      rejoin();
    },
  };
  const actor = kubeletHooks.start(kubeletMachine, rt.clock, hooks, RUNNING);
  // The kubelet starts running: its loops start, as a start after a stop starts them.
  hooks.startTimers();
  rt.board.set(id, 'up', true);
  // Messages go straight to the handler while the actor is running (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(id, node, (envelope) => {
    if (inState(actor, 'running')) handle(envelope);
  });

  return {
    id,
    watcher: { id, kinds: new Set(['Pod']), podsOnNode: node },
    seedRunning: (pod) => {
      pods.set(refOf(pod), 'running');
      for (const c of pod.spec.containers) addImage(c.image);
    },
    reportImages: () => {
      imagesChanged = false;
      return [...images];
    },
    stop: () => actor.send({ type: 'stop' }),
    stopProcess: () => {
      keepPodsOnStop = true;
      actor.send({ type: 'stop' });
    },
    start: () => actor.send({ type: 'start' }),
    reconnect: () => {
      if (up) rejoin();
    },
  };
}

function readyNode(node: Node, at: string): Node {
  const others = (node.status?.conditions ?? []).filter((c) => c.type !== 'Ready');
  return {
    ...node,
    status: {
      ...node.status,
      conditions: [...others.map((c) => ({ ...c, status: 'False' as const, lastHeartbeatTime: at })), { type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status', lastHeartbeatTime: at, lastTransitionTime: at }],
    },
  };
}
