/**
 * kube-controller-manager: one process running many control loops, each watching through
 * kube-apiserver and acting through it with its own service account
 * (system:serviceaccount:kube-system:<controller>).
 */
import { createActor, setup } from 'xstate';
import type { Localized } from '../../model/localized.ts';
import type { K8sKind, K8sObject, Node, Pod } from '../../model/objects.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { Watcher } from './apiserver.ts';
import { callApi, Informer, recordEvent } from './client.ts';
import type { Controller, ControllerContext } from './controllers/context.ts';
import { createDaemonSetController } from './controllers/daemonset.ts';
import { createDeploymentController } from './controllers/deployment.ts';
import { createDisruptionController } from './controllers/disruption.ts';
import { createGarbageCollector } from './controllers/garbage-collector.ts';
import { createEndpointSliceController } from './controllers/endpointslice.ts';
import { createNodeLifecycleController } from './controllers/node-lifecycle.ts';
import { createNodeUnschedulableTaintController } from './controllers/node-unschedulable-taint.ts';
import { createReplicaSetController } from './controllers/replicaset.ts';
import { createNodeReadyTaintController } from './controllers/node-ready-taint.ts';
import { createTaintEvictionController } from './controllers/taint-eviction.ts';

const ID = 'kube-controller-manager' as const;

/**
 * Service accounts: the node lifecycle and the taint eviction controllers both run as
 * node-controller, under ClusterRole system:controller:node-controller; there is no
 * taint-eviction-controller account or role (cmd/kube-controller-manager/app/core.go,
 * startTaintEvictionController: "taint-manager uses existing cluster role from node-controller").
 */
const ACCOUNT: Readonly<Record<string, string>> = { 'node-lifecycle-controller': 'node-controller', 'taint-eviction-controller': 'node-controller' };

/**
 * The component each controller's event recorder names (EventSource.Component, the FROM column of
 * `kubectl describe`), where it differs from the controller's name: the node lifecycle controller
 * records as "node-controller" (pkg/controller/nodelifecycle), the DaemonSet controller as
 * "daemonset-controller" (pkg/controller/daemon), the disruption controller as "controllermanager".
 */
const EVENT_SOURCE: Readonly<Record<string, string>> = {
  'node-lifecycle-controller': 'node-controller',
  'daemon-set-controller': 'daemonset-controller',
  'disruption-controller': 'controllermanager',
  'endpointslice-controller': 'endpoint-slice-controller',
};

export const KCM_WATCH: ReadonlySet<K8sKind> = new Set<K8sKind>(['Pod', 'Node', 'Lease', 'ReplicaSet', 'Deployment', 'DaemonSet', 'PodDisruptionBudget', 'Service', 'EndpointSlice']);

export interface ControllerManager {
  readonly watcher: Watcher;
  /** Informers start from a LIST of what exists; controllers see it as ADDED, as upstream. */
  seed(all: Iterable<K8sObject>): void;
}

export function createControllerManager(rt: Runtime): ControllerManager {
  const pods = new Informer<Pod>();
  const nodes = new Informer<Node>();
  const objects = new Informer();

  /** Each controller's user, built once (a new string per call was hashed again by authentication). */
  const users = new Map<string, string>();
  const userOf = (controller: string): string => {
    let user = users.get(controller);
    if (user === undefined) users.set(controller, (user = `system:serviceaccount:kube-system:${ACCOUNT[controller] ?? controller}`));
    return user;
  };

  const ctx: ControllerContext = {
    rt,
    pods,
    nodes,
    objects,
    call: (controller, action, request, onAnswer) => callApi(rt, ID, userOf(controller), action, request, onAnswer, controller),
    act: (controller: string, action: string, label: Localized, object, ms = 10) => rt.tracer.activity(ID, `${controller}/${action}`, ms, label, object),
    event: (controller, involved, reason, message, type = 'Normal') => recordEvent(rt, ID, userOf(controller), involved, reason, message, type, EVENT_SOURCE[controller] ?? controller, controller),
  };

  const controllers: Controller[] = [
    createDeploymentController(ctx),
    createReplicaSetController(ctx),
    createNodeLifecycleController(ctx),
    createTaintEvictionController(ctx),
    createGarbageCollector(ctx),
    createNodeReadyTaintController(ctx),
    createNodeUnschedulableTaintController(ctx),
    createDisruptionController(ctx),
    createDaemonSetController(ctx),
    createEndpointSliceController(ctx),
  ];

  /** Per kind, the controllers that read its watch events, in the controllers' order (that order is the trace's). */
  const byKind = new Map<K8sKind, Controller[]>();
  const controllersOf = (kind: K8sKind): Controller[] => {
    let list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, (list = controllers.filter((c) => c.onWatch !== undefined && (c.kinds === undefined || c.kinds.includes(kind)))));
    return list;
  };

  const handle = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch') return;
    const obj: K8sObject = p.object;
    const before = obj.kind === 'Pod' ? pods.apply(p.eventType, obj) : obj.kind === 'Node' ? nodes.apply(p.eventType, obj) : objects.apply(p.eventType, obj);
    for (const c of controllersOf(obj.kind)) c.onWatch?.(p.eventType, obj, before);
  };

  const machine = setup({
    actions: {
      tick: () => {
        for (const c of controllers) c.onTick?.();
      },
    },
    delays: { monitorPeriod: () => rt.config.nodeMonitorPeriodMs },
  }).createMachine({
    id: 'kube-controller-manager',
    initial: 'running',
    states: {
      running: {
        after: { monitorPeriod: { target: 'running', reenter: true, actions: 'tick' } },
      },
    },
  });
  const actor = createActor(machine, { clock: rt.clock });
  actor.start();
  rt.board.set(ID, 'up', true);
  // Watch events go straight to the informers; the actor runs the periodic monitor loop.
  rt.net.register(ID, 'control-plane', handle);

  return {
    watcher: { id: ID, kinds: KCM_WATCH },
    seed: (all) => {
      for (const object of all) handle({ id: 0, from: 'kube-apiserver', to: ID, type: 'watch', action: 'list', payload: { kind: 'watch', eventType: 'ADDED', object } });
    },
  };
}
