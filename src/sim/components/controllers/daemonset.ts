/**
 * The DaemonSet controller (pkg/controller/daemon, service account daemon-set-controller): for
 * every DaemonSet and every node it decides whether the node should run a daemon pod
 * (NodeShouldRunDaemonPod: the template's node selector / affinity, and the node's NoSchedule and
 * NoExecute taints against the pod's tolerations) and creates the missing pods in slow-start
 * batches. Since v1.12 it does not pick the node itself: each pod gets a required node affinity
 * `matchFields metadata.name In [<node>]` and kube-scheduler binds it (ScheduleDaemonSetPods, GA
 * v1.17). Every daemon pod also gets the node.kubernetes.io/* tolerations of
 * AddOrUpdateDaemonPodTolerations, so node problems do not evict it.
 * Not modelled: rolling updates of the template, ControllerRevisions, failed-pod backoff.
 */
import { podRequiredAffinityMatches } from '../../../model/labels.ts';
import { text } from '../../../model/localized.ts';
import type { Affinity, DaemonSet, K8sObject, Node, ObjectRef, Pod, PodSpec, Taint, Toleration } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { findUntoleratedTaint } from '../../../model/scheduler/taints.ts';
import { templateHash } from '../../../model/template-hash.ts';
import { isReady } from '../pod-status.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';

const NAME = 'daemon-set-controller';
const SYNC_DELAY_MS = 5;

/** pkg/controller/daemon/util AddOrUpdateDaemonPodTolerations. */
export function daemonPodTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])];
  const add = (key: string, effect: 'NoExecute' | 'NoSchedule'): void => {
    const i = out.findIndex((t) => t.key === key && t.effect === effect);
    const t: Toleration = { key, operator: 'Exists', effect };
    if (i >= 0) out[i] = t;
    else out.push(t);
  };
  // No tolerationSeconds: a daemon pod is never evicted for these.
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (spec.hostNetwork) add('node.kubernetes.io/network-unavailable', 'NoSchedule');
  return out;
}

/** util.ReplaceDaemonSetPodNodeNameNodeAffinity: the pod may only go to `node`. */
export function nodeNameAffinity(affinity: Affinity | undefined, node: string): Affinity {
  const field = { key: 'metadata.name', operator: 'In' as const, values: [node] };
  const terms = affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const replaced = terms.length === 0 ? [{ matchFields: [field] }] : terms.map((t) => ({ ...t, matchFields: [field] }));
  return { ...affinity, nodeAffinity: { ...affinity?.nodeAffinity, requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: replaced } } };
}

/** The node a daemon pod is for: its nodeName once bound, else its matchFields target. */
export function targetNodeOf(pod: Pod): string | undefined {
  if (pod.spec.nodeName) return pod.spec.nodeName;
  for (const term of pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? []) {
    const f = term.matchFields?.find((m) => m.key === 'metadata.name' && m.operator === 'In');
    if (f?.values?.[0]) return f.values[0];
  }
  return undefined;
}

export interface ShouldRun {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
  /** The taint that keeps the pod off the node, if that is why. */
  readonly taint?: Taint;
}

/** NodeShouldRunDaemonPod: node affinity / selector, then untolerated NoSchedule and NoExecute taints. */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): ShouldRun {
  const spec = { ...ds.spec.template.spec, tolerations: daemonPodTolerations(ds.spec.template.spec) };
  const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: ds.metadata.name }, spec };
  if (!podRequiredAffinityMatches(pod, node)) return { shouldRun: false, shouldContinueRunning: false };
  const taints = node.spec.taints ?? [];
  const blocking = findUntoleratedTaint(taints, spec.tolerations, ['NoSchedule', 'NoExecute']);
  if (!blocking) return { shouldRun: true, shouldContinueRunning: true };
  const evicting = findUntoleratedTaint(taints, spec.tolerations, ['NoExecute']);
  return { shouldRun: false, shouldContinueRunning: evicting === undefined, taint: blocking };
}

const ownerUid = (o: K8sObject): string | undefined => o.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet')?.uid;

export function createDaemonSetController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const pending = new Set<ObjectRef>();
  /** Daemon pods by DaemonSet uid, then by ref. */
  const owned = new Map<string, Map<ObjectRef, Pod>>();
  /** Creations sent and not yet seen through the watch: `<ds uid>/<node>`. */
  const creating = new Set<string>();

  const newPod = (ds: DaemonSet, node: string): Pod => {
    const template = ds.spec.template;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: '',
        generateName: `${ds.metadata.name}-`,
        namespace: ds.metadata.namespace ?? 'default',
        labels: { ...(template.metadata?.labels ?? {}), 'controller-revision-hash': templateHash(template), 'pod-template-generation': '1' },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name, uid: ds.metadata.uid ?? '', controller: true }],
      },
      spec: { ...template.spec, affinity: nodeNameAffinity(template.spec.affinity, node), tolerations: daemonPodTolerations(template.spec) },
    };
  };

  /** slowStartBatch: 1, 2, 4... creations, the next batch once the previous one succeeded. */
  const createPods = (ds: DaemonSet, nodes: readonly string[]): void => {
    let next = 0;
    let batch = 1;
    const sendBatch = (): void => {
      const slice = nodes.slice(next, next + batch);
      next += slice.length;
      batch *= 2;
      let answered = 0;
      for (const node of slice) {
        ctx.call(NAME, 'POST pod', { verb: 'create', object: newPod(ds, node) }, (answer) => {
          if (answer.status >= 300) creating.delete(`${ds.metadata.uid ?? ''}/${node}`);
          else if (answer.object) ctx.event(NAME, ds, 'SuccessfulCreate', `Created pod: ${answer.object.metadata.name}`);
          if (++answered === slice.length && next < nodes.length) sendBatch();
        });
      }
    };
    for (const node of nodes) creating.add(`${ds.metadata.uid ?? ''}/${node}`);
    sendBatch();
  };

  const sync = (ref: ObjectRef): void => {
    pending.delete(ref);
    const ds = ctx.objects.get(ref);
    if (ds?.kind !== 'DaemonSet' || ds.metadata.deletionTimestamp) return;
    const uid = ds.metadata.uid ?? '';
    const byNode = new Map<string, Pod[]>();
    for (const pod of owned.get(uid)?.values() ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      const node = targetNodeOf(pod);
      if (node !== undefined) byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    const missing: string[] = [];
    const skipped: string[] = [];
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    for (const node of ctx.nodes.values()) {
      const name = node.metadata.name;
      const verdict = nodeShouldRunDaemonPod(node, ds);
      const pods = byNode.get(name) ?? [];
      if (verdict.shouldRun) desired++;
      if (pods.length > 0) {
        if (verdict.shouldRun) current++;
        else misscheduled++;
        if (verdict.shouldRun && pods.some(isReady)) ready++;
      }
      if (verdict.shouldRun && pods.length === 0 && !creating.has(`${uid}/${name}`)) missing.push(name);
      if (!verdict.shouldRun && verdict.taint) skipped.push(`${name} (${verdict.taint.key}:${verdict.taint.effect})`);
      if (!verdict.shouldContinueRunning) for (const pod of pods) ctx.call(NAME, 'DELETE pod', { verb: 'delete', ref: refOf(pod) });
    }
    if (missing.length > 0) {
      const skip = skipped.length > 0 ? `; not on ${skipped.join(', ')}` : '';
      const skipKo = skipped.length > 0 ? `; 제외: ${skipped.join(', ')}` : '';
      ctx.act(NAME, 'reconcile', text(`${ds.metadata.name}: ${desired} nodes should run it, ${missing.length} missing -> create for ${missing.join(', ')}${skip}`, `${ds.metadata.name}: 실행 대상 노드 ${desired}개, ${missing.length}개 부족 -> ${missing.join(', ')}용 파드 생성${skipKo}`), ref);
      createPods(ds, missing);
    }
    const s = ds.status;
    if (!s || s.desiredNumberScheduled !== desired || s.currentNumberScheduled !== current || s.numberReady !== ready || s.numberMisscheduled !== misscheduled) {
      const status = { desiredNumberScheduled: desired, currentNumberScheduled: current, numberMisscheduled: misscheduled, numberReady: ready, numberAvailable: ready, updatedNumberScheduled: current };
      ctx.call(NAME, 'PUT daemonset/status', { verb: 'update', method: 'PUT', ref, subresource: 'status', summary: `${ready}/${desired} ready`, mutate: (o) => (o.kind === 'DaemonSet' ? { ...o, status } : o) });
    }
  };

  const enqueue = (ref: ObjectRef): void => {
    if (pending.has(ref)) return;
    pending.add(ref);
    rt.clock.after(() => sync(ref), SYNC_DELAY_MS);
  };

  const enqueueAll = (): void => {
    for (const o of ctx.objects.ofKind('DaemonSet')) enqueue(refOf(o));
  };

  const onPod = (type: WatchType, pod: Pod, before: Pod | undefined): void => {
    const uid = ownerUid(pod);
    if (uid === undefined) return;
    let pods = owned.get(uid);
    if (!pods) owned.set(uid, (pods = new Map()));
    if (type === 'DELETED') pods.delete(refOf(pod));
    else pods.set(refOf(pod), pod);
    const node = targetNodeOf(pod);
    if (type === 'ADDED' && node !== undefined) creating.delete(`${uid}/${node}`);
    const changed = type !== 'MODIFIED' || !before || isReady(before) !== isReady(pod) || before.spec.nodeName !== pod.spec.nodeName || Boolean(before.metadata.deletionTimestamp) !== Boolean(pod.metadata.deletionTimestamp);
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'DaemonSet');
    if (changed && owner) enqueue(`DaemonSet/${pod.metadata.namespace ?? 'default'}/${owner.name}`);
  };

  return {
    kinds: ['DaemonSet', 'Pod', 'Node'],
    onWatch(type: WatchType, obj: K8sObject, before: K8sObject | undefined): void {
      if (obj.kind === 'DaemonSet') {
        if (type !== 'DELETED') enqueue(refOf(obj));
        return;
      }
      if (obj.kind === 'Pod') return onPod(type, obj, before?.kind === 'Pod' ? before : undefined);
      if (obj.kind !== 'Node') return;
      // A new node, or a change to what decides placement (labels, taints), needs every DaemonSet re-checked.
      const prev = before?.kind === 'Node' ? before : undefined;
      if (type !== 'MODIFIED' || !prev || JSON.stringify(prev.metadata.labels) !== JSON.stringify(obj.metadata.labels) || JSON.stringify(prev.spec.taints ?? []) !== JSON.stringify(obj.spec.taints ?? [])) enqueueAll();
    },
  };
}
