/**
 * The node lifecycle controller. Every --node-monitor-period (5 s) it checks when it last saw each
 * node's heartbeat (Lease renewal or status post). Past --node-monitor-grace-period (50 s from
 * v1.32, 40 s before) it sets the node's conditions to Unknown, marks its pods Ready=False (so they
 * leave Service endpoints) and taints it node.kubernetes.io/unreachable (NoSchedule and NoExecute).
 * When the kubelet posts Ready=True again, the taints come off (reference/kubernetes.md section 3).
 * The NoExecute taint (the one that leads to evictions) is rate-limited per zone and held back
 * entirely when every zone is down (zone-disruption.ts); then only NoSchedule goes on at once.
 */
import { text } from '../../../model/localized.ts';
import type { Condition, K8sObject, Node, NodeConditionType, Taint } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { formatDuration, formatDurationKo, timestamp } from '../../../model/time.ts';
import { statusNotReady } from '../pod-status.ts';
import { ZoneDisruption, zoneKeyOf } from './zone-disruption.ts';
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

/** The unreachable taints: NoSchedule, and NoExecute too when the zone's rate limiter allows it now. */
function withTaints(node: Node, at: string, noExecute: boolean): Node {
  const kept = (node.spec.taints ?? []).filter((t) => t.key !== UNREACHABLE);
  const added: Taint[] = [{ key: UNREACHABLE, effect: 'NoSchedule', timeAdded: at }, ...(noExecute ? [{ key: UNREACHABLE, effect: 'NoExecute' as const, timeAdded: at }] : [])];
  return { ...node, spec: { ...node.spec, taints: [...kept, ...added] } };
}

const hasNoExecute = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.key === UNREACHABLE && t.effect === 'NoExecute');

function withNoExecute(node: Node, at: string): Node {
  if (hasNoExecute(node)) return node;
  return { ...node, spec: { ...node.spec, taints: [...(node.spec.taints ?? []), { key: UNREACHABLE, effect: 'NoExecute', timeAdded: at }] } };
}

function withoutNoExecute(node: Node): Node {
  return { ...node, spec: { ...node.spec, taints: (node.spec.taints ?? []).filter((t) => !(t.key === UNREACHABLE && t.effect === 'NoExecute')) } };
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

  const zones = new ZoneDisruption(rt.config);
  /** Unreachable nodes waiting for their zone's rate limiter to allow the NoExecute taint. */
  const waiting = new Set<string>();
  let retryTimer = false;

  /**
   * The activity of a NoExecute taint going on, with the rate its zone allowed it at: in the pass
   * that finds a node silent (its zone's token was there) or later, as tokens come.
   */
  const actNoExecute = (node: Node): void => {
    const name = node.metadata.name;
    const zone = zoneKeyOf(node);
    const { flag, qps } = zones.rateFlagOf(zone);
    const state = zones.stateOf(zone);
    const stateWords = { normal: text('zone normal', '영역 정상'), partial: text('zone partially disrupted', '영역 부분 장애'), full: text('zone fully disrupted', '영역 전체 장애') }[state];
    ctx.act(
      NAME,
      'noexecute-taint',
      text(`${name}: the zone's eviction rate allows its NoExecute taint now (${stateWords.en}: ${flag} ${qps}/s)`, `${name}: 영역 축출 속도 제한 통과, NoExecute 테인트 추가 (${stateWords.ko}: ${flag} ${qps}/s)`),
      refOf(node),
      20,
    );
  };

  const markUnknown = (node: Node, silentFor: number, noExecute: boolean): void => {
    const name = node.metadata.name;
    const at = timestamp(rt.clock.now());
    ctx.act(
      NAME,
      'monitor',
      text(`${name}: no heartbeat for ${formatDuration(silentFor)} (grace ${formatDuration(rt.config.nodeMonitorGraceMs)}) → Ready=Unknown`, `${name}: ${formatDurationKo(silentFor)} 동안 하트비트 없음 (유예 ${formatDurationKo(rt.config.nodeMonitorGraceMs)}) → Ready=Unknown`),
      refOf(node),
      20,
    );
    if (noExecute) actNoExecute(node);
    // Both are UpdateStatus calls upstream (node_lifecycle_controller.go tryUpdateNodeHealth;
    // pkg/controller/util/node MarkPodsNotReady): PUT, authorized as "update".
    ctx.call(NAME, 'PUT node/status', { verb: 'update', method: 'PUT', ref: refOf(node), subresource: 'status', summary: 'Ready=Unknown', mutate: (o) => (asNode(o) ? withUnknownConditions(o as Node, at) : o) }, () => {
      for (const pod of ctx.pods.podsOn(name)) {
        if (pod.metadata.deletionTimestamp) continue;
        ctx.call(NAME, 'PUT pod/status', { verb: 'update', method: 'PUT', ref: refOf(pod), subresource: 'status', summary: 'Ready=False', mutate: statusNotReady(at) });
      }
      ctx.event(NAME, node, 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
      ctx.call(NAME, 'PATCH node (taint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: noExecute ? `taint ${UNREACHABLE}` : `taint ${UNREACHABLE}:NoSchedule`, mutate: (o) => (asNode(o) ? withTaints(o as Node, at, noExecute) : o) });
    });
  };

  const markReachable = (node: Node): void => {
    ctx.act(NAME, 'monitor', text(`${node.metadata.name} is Ready again: remove the unreachable taints`, `${node.metadata.name} 다시 Ready: unreachable 테인트 제거`), refOf(node), 20);
    ctx.call(NAME, 'PATCH node (untaint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `untaint ${UNREACHABLE}`, mutate: (o) => (asNode(o) ? withoutTaints(o as Node) : o) });
  };

  const pendingUntaint = new Set<string>();
  /** NoExecute taints being taken off for master disruption mode (one PATCH per node). */
  const lifting = new Set<string>();

  const taintLater = (node: Node): void => {
    const at = timestamp(rt.clock.now());
    actNoExecute(node);
    ctx.call(NAME, 'PATCH node (taint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `taint ${UNREACHABLE}:NoExecute`, mutate: (o) => (asNode(o) ? withNoExecute(o as Node, at) : o) });
  };

  /** doNoExecuteTaintingPass: waiting nodes get their taint as their zone's tokens allow. */
  const taintWaiting = (): void => {
    const now = rt.clock.now();
    let next: number | undefined;
    for (const name of [...waiting]) {
      const node = ctx.nodes.get(`Node/${name}`);
      if (!node || readyStatus(node) !== 'Unknown' || hasNoExecute(node)) {
        waiting.delete(name);
        continue;
      }
      const zone = zoneKeyOf(node);
      if (zones.tryTaint(zone, now)) {
        waiting.delete(name);
        taintLater(node);
        continue;
      }
      const at = zones.nextTaintAt(zone, now);
      if (at !== undefined) next = next === undefined ? at : Math.min(next, at);
    }
    if (next !== undefined && !retryTimer) {
      retryTimer = true;
      rt.clock.after(() => {
        retryTimer = false;
        taintWaiting();
      }, Math.max(1, next - now));
    }
  };

  return {
    kinds: ['Lease', 'Node'],
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
      const silent: { readonly node: Node; readonly silentFor: number }[] = [];
      for (const node of ctx.nodes.values()) {
        const name = node.metadata.name;
        const last = lastHeartbeat.get(name) ?? now;
        if (!lastHeartbeat.has(name)) lastHeartbeat.set(name, now);
        const silentFor = now - last;
        if (silentFor > rt.config.nodeMonitorGraceMs && readyStatus(node) !== 'Unknown') silent.push({ node, silentFor });
      }
      // handleDisruption sees this pass's verdicts before any NoExecute taint goes on.
      const marking = new Set(silent.map((s) => s.node.metadata.name));
      const pass = zones.update(ctx.nodes.values(), (n) => !marking.has(n.metadata.name) && readyStatus(n) === 'True', now);
      // Leaving master disruption mode, every node gets a fresh grace period (probeTimestamp = now).
      if (pass.leftMasterDisruption) for (const n of ctx.nodes.values()) lastHeartbeat.set(n.metadata.name, now);
      for (const { node, silentFor } of silent) {
        const noExecute = zones.tryTaint(zoneKeyOf(node), now);
        if (!noExecute) waiting.add(node.metadata.name);
        markUnknown(node, silentFor, noExecute);
      }
      for (const node of ctx.nodes.values()) {
        if (!marking.has(node.metadata.name) && readyStatus(node) === 'Unknown' && !hasNoExecute(node)) waiting.add(node.metadata.name);
      }
      if (pass.masterDisruption) {
        waiting.clear();
        for (const node of ctx.nodes.values()) {
          const name = node.metadata.name;
          if (!hasNoExecute(node) || lifting.has(name)) continue;
          lifting.add(name);
          ctx.act(NAME, 'monitor', text(`Every node is NotReady: master disruption mode. ${name}'s NoExecute taint comes off; no evictions`, `모든 노드가 NotReady: 마스터 디스럽션 모드. ${name}의 NoExecute 테인트를 떼고 축출하지 않음`), refOf(node), 20);
          ctx.call(NAME, 'PATCH node (untaint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `untaint ${UNREACHABLE}:NoExecute`, mutate: (o) => (asNode(o) ? withoutNoExecute(o as Node) : o) }, () => lifting.delete(name));
        }
        return;
      }
      if (waiting.size > 0) taintWaiting();
    },
  };
}
