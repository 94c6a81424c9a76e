/**
 * The garbage collector in kube-controller-manager: when an owner is deleted, its dependents
 * (objects whose ownerReferences name its UID) are deleted too — background cascading deletion,
 * what `kubectl delete deployment` asks for by default: the ReplicaSet goes, then its pods.
 */
import { text } from '../../../model/localized.ts';
import type { K8sObject } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { SINGULAR } from '../../../model/registry.ts';
import type { Controller, ControllerContext } from './context.ts';

const NAME = 'generic-garbage-collector';

export function createGarbageCollector(ctx: ControllerContext): Controller {
  return {
    onWatch(type, obj) {
      const uid = obj.metadata.uid;
      if (type !== 'DELETED' || uid === undefined) return;
      const dependents: K8sObject[] = [];
      for (const source of [ctx.objects.values(), ctx.pods.values()]) {
        for (const o of source) if (!o.metadata.deletionTimestamp && o.metadata.ownerReferences?.some((r) => r.uid === uid)) dependents.push(o);
      }
      if (dependents.length === 0) return;
      const names = dependents.map((d) => `${SINGULAR[d.kind]}/${d.metadata.name}`).join(', ');
      ctx.act(NAME, 'cascade', text(`owner ${SINGULAR[obj.kind]}/${obj.metadata.name} is gone: delete its dependents ${names}`, `소유자 ${SINGULAR[obj.kind]}/${obj.metadata.name} 삭제됨: 종속 객체 ${names} 삭제`), refOf(obj));
      for (const d of dependents) ctx.call(NAME, `DELETE ${SINGULAR[d.kind]} (owner gone)`, { verb: 'delete', ref: refOf(d) });
    },
  };
}
