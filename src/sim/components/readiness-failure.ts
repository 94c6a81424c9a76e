/**
 * A readiness probe that starts failing (a backend returns 503 on /healthz): the kubelet's prober
 * tries every periodSeconds; after failureThreshold failures in a row (3 by default) it marks the
 * container not ready, so the pod turns Ready=False and leaves the Service's ready endpoints.
 * The container keeps running: readiness failures never restart it (liveness does).
 */
import { text } from '../../model/localized.ts';
import type { K8sObject, Pod } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import { timestamp } from '../../model/time.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import { callApi, recordEvent } from './client.ts';
import { getThenPatch } from './status-sync.ts';

const FAILURE_THRESHOLD = 3;

function notReady(at: string) {
  return (o: K8sObject): K8sObject => {
    if (o.kind !== 'Pod') return o;
    const conditions = (o.status?.conditions ?? []).map((c) => (c.type === 'Ready' || c.type === 'ContainersReady' ? { ...c, status: 'False' as const, reason: 'ContainersNotReady', message: `containers with unready status: [${o.spec.containers.map((k) => k.name).join(' ')}]`, lastTransitionTime: at } : c));
    const containerStatuses = (o.status?.containerStatuses ?? []).map((s) => ({ ...s, ready: false }));
    return { ...o, status: { ...(o.status ?? { phase: 'Running' }), conditions, containerStatuses } };
  };
}

/** Starts failing now; `onNotReady` after the kubelet reported Ready=False. */
export function failReadiness(rt: Runtime, pod: Pod, onNotReady?: () => void): void {
  const node = pod.spec.nodeName ?? '';
  const id: ComponentId = `kubelet/${node}`;
  const user = `system:node:${node}`;
  const period = (pod.spec.containers[0]?.readinessProbe?.periodSeconds ?? 10) * 1000;
  const probe = (n: number): void => {
    rt.tracer.activity(id, 'probe:readiness', 10, text(`readiness probe of ${pod.metadata.name} failed (${n}/${FAILURE_THRESHOLD}): HTTP probe failed with statuscode: 503`, `${pod.metadata.name} 레디니스 프로브 실패 (${n}/${FAILURE_THRESHOLD}): HTTP probe failed with statuscode: 503`), refOf(pod));
    if (n === 1) recordEvent(rt, id, user, pod, 'Unhealthy', 'Readiness probe failed: HTTP probe failed with statuscode: 503', 'Warning');
    if (n < FAILURE_THRESHOLD) {
      rt.clock.after(() => probe(n + 1), period);
      return;
    }
    // The status manager GETs before it PATCHes, as for every status update (status-sync.ts).
    const at = timestamp(rt.clock.now());
    getThenPatch(rt, id, user, pod, () =>
      callApi(rt, id, user, 'PATCH pod/status', { verb: 'update', method: 'PATCH', ref: refOf(pod), subresource: 'status', summary: 'Ready=False', mutate: notReady(at) }, () => onNotReady?.()),
    );
  };
  probe(1);
}
