/**
 * The node lifecycle controller's NoSchedule tainting pass for a cordoned node
 * (pkg/controller/nodelifecycle doNoScheduleTaintingPass with UnschedulableTaintTemplate): a node
 * with spec.unschedulable=true carries node.kubernetes.io/unschedulable:NoSchedule; uncordoned,
 * the taint comes off. kube-scheduler's NodeUnschedulable filter looks at spec.unschedulable
 * itself; the taint lets other tools (and tolerations) see the cordon the same way as any taint.
 */
import { text } from '../../../model/localized.ts';
import type { K8sObject, Node } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';

const NAME = 'node-lifecycle-controller';
export const UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';

const hasTaint = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.key === UNSCHEDULABLE && t.effect === 'NoSchedule');

export function createNodeUnschedulableTaintController(ctx: ControllerContext): Controller {
  const pending = new Set<string>();

  const patch = (node: Node, add: boolean): void => {
    const name = node.metadata.name;
    if (pending.has(name)) return;
    pending.add(name);
    ctx.act(NAME, 'taint', add ? text(`${name} is cordoned (spec.unschedulable): add taint ${UNSCHEDULABLE}:NoSchedule`, `${name} 코든됨(spec.unschedulable): ${UNSCHEDULABLE}:NoSchedule 테인트 추가`) : text(`${name} is uncordoned: remove taint ${UNSCHEDULABLE}:NoSchedule`, `${name} 코든 해제됨: ${UNSCHEDULABLE}:NoSchedule 테인트 제거`), refOf(node));
    const mutate = (o: K8sObject): K8sObject => {
      if (o.kind !== 'Node') return o;
      const kept = (o.spec.taints ?? []).filter((t) => !(t.key === UNSCHEDULABLE && t.effect === 'NoSchedule'));
      // Decided on the stored node: a cordon and an uncordon in quick succession end right.
      const taints = o.spec.unschedulable === true ? [...kept, { key: UNSCHEDULABLE, effect: 'NoSchedule' as const }] : kept;
      return { ...o, spec: { ...o.spec, taints } };
    };
    ctx.call(NAME, add ? 'PATCH node (taint)' : 'PATCH node (untaint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `${add ? 'taint' : 'untaint'} ${UNSCHEDULABLE}:NoSchedule`, mutate }, () => pending.delete(name));
  };

  return {
    kinds: ['Node'],
    onWatch(type: WatchType, obj: K8sObject): void {
      if (type === 'DELETED' || obj.kind !== 'Node') return;
      const cordoned = obj.spec.unschedulable === true;
      if (cordoned && !hasTaint(obj)) patch(obj, true);
      else if (!cordoned && hasTaint(obj)) patch(obj, false);
    },
  };
}
