/**
 * The node lifecycle controller's NoSchedule tainting pass (TaintNodesByCondition,
 * pkg/controller/nodelifecycle doNoScheduleTaintingPass): a node whose Ready condition is False
 * carries node.kubernetes.io/not-ready:NoSchedule; when it reports Ready=True the taint comes off.
 * (Ready=Unknown — a silent node — is the unreachable taints' business: node-lifecycle.ts.)
 */
import { text } from '../../../model/localized.ts';
import { withParticle } from '../../../model/josa.ts';
import type { K8sObject, Node } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { readyStatus } from './node-lifecycle.ts';

const NAME = 'node-lifecycle-controller';
export const NOT_READY = 'node.kubernetes.io/not-ready';

const hasTaint = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.key === NOT_READY && t.effect === 'NoSchedule');

export function createNodeReadyTaintController(ctx: ControllerContext): Controller {
  const pending = new Set<string>();

  const patch = (node: Node, add: boolean): void => {
    const name = node.metadata.name;
    if (pending.has(name)) return;
    pending.add(name);
    ctx.act(NAME, 'taint', add ? text(`${name} is NotReady: add taint ${NOT_READY}:NoSchedule`, `${withParticle(name, '이/가')} NotReady: ${NOT_READY}:NoSchedule 테인트 추가`) : text(`${name} is Ready: remove taint ${NOT_READY}:NoSchedule`, `${withParticle(name, '이/가')} Ready: ${NOT_READY}:NoSchedule 테인트 제거`), refOf(node));
    const mutate = (o: K8sObject): K8sObject => {
      if (o.kind !== 'Node') return o;
      const kept = (o.spec.taints ?? []).filter((t) => !(t.key === NOT_READY && t.effect === 'NoSchedule'));
      return { ...o, spec: { ...o.spec, taints: add ? [...kept, { key: NOT_READY, effect: 'NoSchedule' }] : kept } };
    };
    ctx.call(NAME, add ? 'PATCH node (taint)' : 'PATCH node (untaint)', { verb: 'update', method: 'PATCH', ref: refOf(node), summary: `${add ? 'taint' : 'untaint'} ${NOT_READY}:NoSchedule`, mutate }, () => pending.delete(name));
  };

  return {
    kinds: ['Node'],
    onWatch(type: WatchType, obj: K8sObject): void {
      if (type === 'DELETED' || obj.kind !== 'Node') return;
      const ready = readyStatus(obj);
      if (ready === 'True' && hasTaint(obj)) patch(obj, false);
      else if (ready === 'False' && !hasTaint(obj)) patch(obj, true);
    },
  };
}
