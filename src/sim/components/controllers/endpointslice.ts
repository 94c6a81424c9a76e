/**
 * The EndpointSlice controller (pkg/controller/endpointslice, service account
 * endpointslice-controller): for every Service with a selector it keeps EndpointSlices labelled
 * kubernetes.io/service-name=<service> listing the pods the selector picks that have an IP. A pod
 * that is not Ready stays listed with conditions.ready=false (kube-proxy routes only to ready
 * endpoints); a terminating pod is listed with terminating=true. One slice per Service here
 * (upstream splits at 100 endpoints).
 */
import { labelSelectorMatches } from '../../../model/labels.ts';
import { text } from '../../../model/localized.ts';
import type { Endpoint, EndpointSlice, K8sObject, ObjectRef, Pod, Service } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { isReady } from '../pod-status.ts';
import type { Controller, ControllerContext, WatchType } from './context.ts';
import { formatCount } from '../../../model/count.ts';

const NAME = 'endpointslice-controller';
const SYNC_DELAY_MS = 5;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';

/** The endpoint a pod contributes, or undefined (no IP yet, or finished). */
export function podEndpoint(pod: Pod): Endpoint | undefined {
  const ip = pod.status?.podIP;
  if (!ip || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return undefined;
  const terminating = Boolean(pod.metadata.deletionTimestamp);
  const ready = isReady(pod);
  return {
    addresses: [ip],
    conditions: { ready: ready && !terminating, serving: ready, terminating },
    ...(pod.spec.nodeName ? { nodeName: pod.spec.nodeName } : {}),
    targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace ?? 'default' },
  };
}

export function desiredEndpoints(svc: Service, pods: Iterable<Pod>): Endpoint[] {
  const selector = svc.spec.selector;
  if (!selector) return [];
  const out: Endpoint[] = [];
  for (const pod of pods) {
    if ((pod.metadata.namespace ?? 'default') !== (svc.metadata.namespace ?? 'default')) continue;
    if (!labelSelectorMatches({ matchLabels: selector }, pod.metadata.labels ?? {})) continue;
    const ep = podEndpoint(pod);
    if (ep) out.push(ep);
  }
  return out.sort((a, b) => ((a.targetRef?.name ?? '') < (b.targetRef?.name ?? '') ? -1 : 1));
}

export function createEndpointSliceController(ctx: ControllerContext): Controller {
  const { rt } = ctx;
  const pending = new Set<ObjectRef>();
  /** Slices created but not yet seen through the watch, by Service. */
  const creating = new Set<ObjectRef>();

  const sliceOf = (svc: Service): EndpointSlice | undefined => {
    for (const o of ctx.objects.ofKind('EndpointSlice')) {
      if (o.metadata.namespace === svc.metadata.namespace && o.metadata.labels?.[SERVICE_NAME_LABEL] === svc.metadata.name) return o;
    }
    return undefined;
  };

  const sync = (ref: ObjectRef): void => {
    pending.delete(ref);
    const svc = ctx.objects.get(ref);
    if (svc?.kind !== 'Service' || !svc.spec.selector || creating.has(ref)) return;
    const endpoints = desiredEndpoints(svc, ctx.pods.values());
    const ports = svc.spec.ports.map((p) => ({ ...(p.name ? { name: p.name } : {}), port: p.targetPort ?? p.port, protocol: p.protocol ?? 'TCP' }));
    const ready = endpoints.filter((e) => e.conditions.ready).length;
    const existing = sliceOf(svc);
    const summary = text(`${svc.metadata.name}: ${formatCount(endpoints.length)} endpoints, ${formatCount(ready)} ready`, `${svc.metadata.name}: 엔드포인트 ${formatCount(endpoints.length)}개, 준비됨 ${formatCount(ready)}개`);
    if (!existing) {
      ctx.act(NAME, 'sync', summary, ref);
      creating.add(ref);
      const slice: EndpointSlice = {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: {
          name: '',
          generateName: `${svc.metadata.name}-`,
          namespace: svc.metadata.namespace ?? 'default',
          labels: { [SERVICE_NAME_LABEL]: svc.metadata.name, [MANAGED_BY]: 'endpointslice-controller.k8s.io' },
          ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name, uid: svc.metadata.uid ?? '', controller: true }],
        },
        addressType: 'IPv4',
        endpoints,
        ports,
      };
      ctx.call(NAME, 'POST endpointslice', { verb: 'create', object: slice }, (answer) => {
        if (answer.status >= 300) creating.delete(ref);
      });
      return;
    }
    if (JSON.stringify(existing.endpoints) === JSON.stringify(endpoints)) return;
    ctx.act(NAME, 'sync', summary, ref);
    ctx.call(NAME, 'PUT endpointslice', { verb: 'update', method: 'PUT', ref: refOf(existing), summary: `${ready}/${endpoints.length} ready`, mutate: (o) => (o.kind === 'EndpointSlice' ? { ...o, endpoints, ports } : o) });
  };

  const enqueue = (ref: ObjectRef): void => {
    if (pending.has(ref)) return;
    pending.add(ref);
    rt.clock.after(() => sync(ref), SYNC_DELAY_MS);
  };

  const servicesFor = (pod: Pod): void => {
    for (const o of ctx.objects.ofKind('Service')) {
      if (!o.spec.selector || (o.metadata.namespace ?? 'default') !== (pod.metadata.namespace ?? 'default')) continue;
      if (labelSelectorMatches({ matchLabels: o.spec.selector }, pod.metadata.labels ?? {})) enqueue(refOf(o));
    }
  };

  return {
    kinds: ['Service', 'EndpointSlice', 'Pod'],
    onWatch(type: WatchType, obj: K8sObject, before: K8sObject | undefined): void {
      if (obj.kind === 'Service') {
        if (type !== 'DELETED') enqueue(refOf(obj));
        return;
      }
      if (obj.kind === 'EndpointSlice') {
        const svc = obj.metadata.labels?.[SERVICE_NAME_LABEL];
        if (svc && type === 'ADDED') creating.delete(`Service/${obj.metadata.namespace ?? 'default'}/${svc}`);
        return;
      }
      if (obj.kind !== 'Pod') return;
      const prev = before?.kind === 'Pod' ? before : undefined;
      const changed = type !== 'MODIFIED' || !prev || prev.status?.podIP !== obj.status?.podIP || isReady(prev) !== isReady(obj) || Boolean(prev.metadata.deletionTimestamp) !== Boolean(obj.metadata.deletionTimestamp);
      if (changed) servicesFor(obj);
    },
  };
}
