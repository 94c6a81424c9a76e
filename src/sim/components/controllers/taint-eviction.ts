/**
 * The taint-eviction controller: a pod on a node with a NoExecute taint it does not tolerate is
 * deleted at once; one that tolerates it for tolerationSeconds (300 s by default, added by the
 * DefaultTolerationSeconds admission plugin) is deleted when that time has passed since the taint
 * was added. Removing the taint in time cancels the eviction.
 */
import { text } from '../../../model/localized.ts';
import type { K8sObject, Node, ObjectRef, Pod, Taint, Toleration } from '../../../model/objects.ts';
import { refOf, refOfParts } from '../../../model/objects.ts';
import { formatDuration, formatDurationKo, simTimeOf, timestamp } from '../../../model/time.ts';
import { statusDisruptionTarget } from '../pod-status.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { hasNoExecute, NoExecuteNodes } from './no-execute-nodes.ts';
import type { TimerHandle } from '../../clock.ts';

const NAME = 'taint-eviction-controller';

function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect !== undefined && t.effect !== taint.effect) return false;
  if (t.operator === 'Exists') return t.key === undefined || t.key === '' || t.key === taint.key;
  return t.key === taint.key && (t.value ?? '') === (taint.value ?? '');
}

/** Milliseconds after the taint was added that the pod may stay; undefined = forever; 0 = now. */
export function toleratedFor(pod: Pod, taint: Taint): number | undefined {
  const matching = (pod.spec.tolerations ?? []).filter((t) => tolerates(t, taint));
  if (matching.length === 0) return 0;
  let min: number | undefined;
  for (const t of matching) {
    if (t.tolerationSeconds === undefined) continue;
    const ms = Math.max(0, t.tolerationSeconds) * 1000;
    min = min === undefined ? ms : Math.min(min, ms);
  }
  return min;
}

export function createTaintEvictionController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const timers = new Map<ObjectRef, { readonly due: number; readonly id: TimerHandle }>();
  /** Pods whose eviction has been sent: later updates to them must not schedule it again. */
  const evicting = new Set<ObjectRef>();

  const cancel = (ref: ObjectRef): void => {
    const t = timers.get(ref);
    if (t) rt.clock.clearTimeout(t.id);
    timers.delete(ref);
  };

  const evict = (pod: Pod, taint: Taint): void => {
    const ref = refOf(pod);
    timers.delete(ref);
    const current = ctx.pods.get(ref);
    if (!current || current.metadata.deletionTimestamp) return;
    evicting.add(ref);
    ctx.act(NAME, 'evict', text(`evict ${pod.metadata.name}: its toleration of ${taint.key} ran out`, `${pod.metadata.name} 축출: ${taint.key} 톨러레이션 만료`), ref, 20);
    ctx.event(NAME, pod, 'TaintManagerEviction', `Marking for deletion Pod ${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`);
    ctx.call(NAME, 'PATCH pod/status', { verb: 'update', method: 'PATCH', ref, subresource: 'status', summary: 'DisruptionTarget', mutate: statusDisruptionTarget(timestamp(rt.clock.now())) }, () =>
      ctx.call(NAME, 'DELETE pod', { verb: 'delete', ref }),
    );
  };

  /** A node's ref: refOf's own string (every pod event of the cluster asks). */
  const nodeRef = (name: string): ObjectRef => refOfParts('Node', '', name);

  const consider = (pod: Pod, node: Node | undefined): void => {
    const ref = refOf(pod);
    if (evicting.has(ref)) return;
    // Every pod event of the cluster comes here: the usual answer (no NoExecute taint) allocates nothing.
    const nodeTaints = node?.spec.taints;
    if (nodeTaints === undefined || !nodeTaints.some((t) => t.effect === 'NoExecute') || pod.metadata.deletionTimestamp) {
      cancel(ref);
      return;
    }
    const taints = nodeTaints.filter((t) => t.effect === 'NoExecute');
    let due: number | undefined;
    let which: Taint | undefined;
    for (const taint of taints) {
      const stay = toleratedFor(pod, taint);
      if (stay === undefined) continue;
      const at = (taint.timeAdded ? simTimeOf(taint.timeAdded) : rt.clock.now()) + stay;
      if (due === undefined || at < due) {
        due = at;
        which = taint;
      }
    }
    if (due === undefined || !which) {
      cancel(ref);
      return;
    }
    if (timers.get(ref)?.due === due) return;
    cancel(ref);
    const taint = which;
    const wait = Math.max(0, due - rt.clock.now());
    if (wait > 0) {
      // Where the card is narrow the aside goes first: "web-…: eviction in 5m00s" (short-label.ts).
      ctx.act(NAME, 'schedule', text(`${pod.metadata.name}: eviction in ${formatDuration(wait)} (tolerates ${taint.key} until then)`, `${pod.metadata.name}: ${formatDurationKo(wait)} 뒤 축출 예약(그때까지 ${taint.key} 허용)`), ref, 10);
    }
    const id = rt.clock.setTimeout(() => evict(pod, taint), wait);
    timers.set(ref, { due, id });
  };

  const tainted = new NoExecuteNodes();

  return {
    kinds: ['Node', 'Pod'],
    onWatch(type: WatchType, obj: K8sObject): void {
      if (obj.kind === 'Node') {
        tainted.seen(obj, type === 'DELETED');
        if (type === 'DELETED') return;
        // Without NoExecute taints, consider() only cancels pending evictions: with none pending
        // there is nothing to do, and a heartbeat need not walk every pod of the cluster.
        if (timers.size === 0 && !hasNoExecute(obj)) return;
        for (const pod of ctx.pods.podsOn(obj.metadata.name)) consider(pod, obj);
      } else if (obj.kind === 'Pod') {
        if (type === 'DELETED') {
          evicting.delete(refOf(obj));
          return cancel(refOf(obj));
        }
        // No node tainted NoExecute and no eviction pending: consider() would only cancel nothing.
        if (timers.size === 0 && tainted.size === 0) return;
        if (obj.spec.nodeName) consider(obj, ctx.nodes.get(nodeRef(obj.spec.nodeName)));
      }
    },
  };
}
