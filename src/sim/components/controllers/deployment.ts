/**
 * The Deployment controller: keeps one ReplicaSet per pod template (named <deployment>-<hash>,
 * labelled pod-template-hash) scaled to the Deployment's replicas, and reports status.
 */
import { text } from '../../../model/localized.ts';
import type { Deployment, K8sObject, ReplicaSet } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { templateHash } from '../../../model/template-hash.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';

const NAME = 'deployment-controller';

export function createDeploymentController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const creating = new Set<string>();

  const ownedSets = (d: Deployment): ReplicaSet[] => {
    const out: ReplicaSet[] = [];
    for (const o of ctx.objects.values()) {
      if (o.kind === 'ReplicaSet' && o.metadata.ownerReferences?.some((r) => r.controller && r.uid === d.metadata.uid)) out.push(o);
    }
    return out;
  };

  const sync = (d: Deployment): void => {
    const hash = templateHash(d.spec.template);
    const name = `${d.metadata.name}-${hash}`;
    const current = ownedSets(d).find((rs) => rs.metadata.name === name);
    if (!current) {
      if (creating.has(name)) return;
      creating.add(name);
      ctx.act(NAME, 'reconcile', text(`${d.metadata.name}: no ReplicaSet for this template, create ${name}`, `${d.metadata.name}: 이 템플릿의 레플리카셋 없음, ${name} 생성`), refOf(d));
      const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
      const rs: ReplicaSet = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name,
          namespace: d.metadata.namespace ?? 'default',
          labels,
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid ?? '', controller: true }],
        },
        spec: {
          replicas: d.spec.replicas,
          selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
          template: { metadata: { labels }, spec: d.spec.template.spec },
        },
      };
      ctx.call(NAME, 'POST replicaset', { verb: 'create', object: rs }, () => creating.delete(name));
      return;
    }
    if (current.spec.replicas !== d.spec.replicas) {
      ctx.act(NAME, 'reconcile', text(`${d.metadata.name}: scale ${name} to ${d.spec.replicas}`, `${d.metadata.name}: ${name}을(를) ${d.spec.replicas}개로 조정`), refOf(d));
      const replicas = d.spec.replicas;
      ctx.call(NAME, 'PATCH replicaset (scale)', { verb: 'update', ref: refOf(current), summary: `replicas ${replicas}`, mutate: (o) => (o.kind === 'ReplicaSet' ? { ...o, spec: { ...o.spec, replicas } } : o) });
    }
  };

  const syncStatus = (d: Deployment): void => {
    const sets = ownedSets(d);
    const replicas = sets.reduce((n, rs) => n + (rs.status?.replicas ?? 0), 0);
    const ready = sets.reduce((n, rs) => n + (rs.status?.readyReplicas ?? 0), 0);
    const s = d.status;
    if (s && s.replicas === replicas && s.readyReplicas === ready) return;
    ctx.call(NAME, 'PUT deployment/status', {
      verb: 'update',
      ref: refOf(d),
      subresource: 'status',
      summary: 'status',
      mutate: (o) => (o.kind === 'Deployment' ? { ...o, status: { replicas, updatedReplicas: replicas, readyReplicas: ready, availableReplicas: ready } } : o),
    });
  };

  const ownerOf = (rs: ReplicaSet): Deployment | undefined => {
    const owner = rs.metadata.ownerReferences?.find((r) => r.controller && r.kind === 'Deployment');
    if (!owner) return undefined;
    const d = ctx.objects.get(`Deployment/${rs.metadata.namespace ?? 'default'}/${owner.name}`);
    return d?.kind === 'Deployment' ? d : undefined;
  };

  return {
    onWatch(type: WatchType, obj: K8sObject): void {
      if (type === 'DELETED') return;
      if (obj.kind === 'Deployment') rt.clock.setTimeout(() => sync(obj), 5);
      else if (obj.kind === 'ReplicaSet') {
        const d = ownerOf(obj);
        if (d) rt.clock.setTimeout(() => syncStatus(d), 5);
      }
    },
  };
}
