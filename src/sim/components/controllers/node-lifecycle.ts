/**
 * The node lifecycle controller. Every --node-monitor-period (5 s) it checks when it last saw each
 * node's heartbeat (Lease renewal or status post). Past --node-monitor-grace-period (50 s from
 * v1.32, 40 s before) it sets the node's conditions to Unknown, marks its pods Ready=False (so they
 * leave Service endpoints) and taints it node.kubernetes.io/unreachable (NoSchedule and NoExecute).
 * When the kubelet posts Ready=True again, the taints come off (reference/kubernetes.md section 3).
 */
import { text } from '../../../model/localized.ts';
import type { Condition, K8sObject, Node, NodeConditionType, Taint } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { formatDuration, formatDurationKo, timestamp } from '../../../model/time.ts';
import { statusNotReady } from '../pod-status.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';

const NAME = 'node-lifecycle-controller';
export const UNREACHABLE = 'node.kubernetes.io/unreachable';

export function readyStatus(node: Node): Condition<NodeConditionType>['status'] | undefined {
  return node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
}

function withUnknownConditions(node: Node, at: string): Node {
  const conditions = (node.status?.conditions ?? []).map((c) => ({ ...c, status: 'Unknown' as const, reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: at }));
  return { ...node, status: { ...node.status, conditions } };
}

function withTaints(node: Node, at: string): Node {
  const kept = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
  const added: Taint[] = [
    { key: UNREACHABLE, effect: 'NoSchedule', timeAdded: at },
    { key: UNREACHABLE, effect: 'NoExecute', timeAdded: at },
  ];
  return { ...node, spec: { ...node.spec, taints: [...kept, ...added] } };
}

function withoutTaints(node: Node): Node {
  const taints = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
  return { ...node, spec: { ...node.spec, taints } };
}

export function createNodeLifecycleController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  /** When this controller last observed a heartbeat from each node (its own clock, as upstream). */
  const lastHeartbeat = new Map<string, number>();

  const asNode = (o: K8sObject): Node | undefined => (o.kind === 'Node' ? o : undefined);

  const markUnknown = (node: Node, silentFor: number): void => {
    const name = node.metadata.name;
    const at = timestamp(rt.clock.now());
    ctx.act(
      NAME,
      'monitor',
      text(`${name}: no heartbeat for ${formatDuration(silentFor)} (grace ${formatDuration(rt.config.nodeMonitorGraceMs)}) -> Ready=Unknown`, `${name}: ${formatDurationKo(silentFor)} 동안 하트비트 없음 (유예 ${formatDurationKo(rt.config.nodeMonitorGraceMs)}) -> Ready=Unknown`),
      refOf(node),
      20,
    );
    // Both are UpdateStatus calls upstream (node_lifecycle_controller.go tryUpdateNodeHealth;
    // pkg/controller/util/node MarkPodsNotReady): PUT, authorized as "update".
    ctx.call(NAME, 'PUT node/status', { verb: 'update', method: 'PUT', ref: refOf(node), subresource: 'status', summary: 'Ready=Unknown', mutate: (o) => (asNode(o) ? withUnknownConditions(o as Node, at) : o) }, () => {
      for (const pod of ctx.pods.values()) {
        if (pod.spec.nodeName !== name || pod.metadata.deletionTimestamp) continue;
        ctx.call(NAME, 'PUT pod/status', { verb: 'update', method: 'PUT', ref: refOf(pod), subresource: 'status', summary: 'Ready=False', mutate: statusNotReady(at) });
      }
      ctx.event(NAME, node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      ctx.call(NAME, 'PATCH node (taint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `taint ${UNREACHABLE}`, mutate: (o) => (asNode(o) ? withTaints(o as Node, at) : o) });
    });
  };

  const markReachable = (node: Node): void => {
    ctx.act(NAME, 'monitor', text(`${node.metadata.name} is Ready again: remove the unreachable taints`, `${node.metadata.name} 다시 Ready: unreachable 테인트 제거`), refOf(node), 20);
    ctx.call(NAME, 'PATCH node (untaint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `untaint ${UNREACHABLE}`, mutate: (o) => (asNode(o) ? withoutTaints(o as Node) : o) });
  };

  const pendingUntaint = new Set<string>();

  return {
    onWatch(type: WatchType, obj: K8sObject, before: K8sObject | undefined): void {
      if (type === 'DELETED') return;
      if (obj.kind === 'Lease' && obj.metadata.namespace === 'kube-node-lease') {
        if (before?.kind !== 'Lease' || before.spec.renewTime !== obj.spec.renewTime) lastHeartbeat.set(obj.metadata.name, rt.clock.now());
        return;
      }
      if (obj.kind !== 'Node') return;
      const name = obj.metadata.name;
      if (!lastHeartbeat.has(name)) lastHeartbeat.set(name, rt.clock.now());
      const prev = before?.kind === 'Node' ? readyStatus(before) : undefined;
      if (readyStatus(obj) === 'True' && prev !== 'True') lastHeartbeat.set(name, rt.clock.now());
      const tainted = (obj.spec.taints ?? []).some((t) => t.key === UNREACHABLE);
      if (readyStatus(obj) === 'True' && tainted && !pendingUntaint.has(name)) {
        pendingUntaint.add(name);
        markReachable(obj);
      } else if (!tainted) pendingUntaint.delete(name);
    },
    onTick(): void {
      const now = rt.clock.now();
      for (const node of ctx.nodes.values()) {
        const name = node.metadata.name;
        const last = lastHeartbeat.get(name) ?? now;
        if (!lastHeartbeat.has(name)) lastHeartbeat.set(name, now);
        const silentFor = now - last;
        if (silentFor > rt.config.nodeMonitorGraceMs && readyStatus(node) !== 'Unknown') markUnknown(node, silentFor);
      }
    },
  };
}
