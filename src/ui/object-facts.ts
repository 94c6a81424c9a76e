/**
 * The few fields of an object worth seeing first, as `kubectl describe` leads with them: a pod's
 * node, phase, IP and conditions; a ReplicaSet's counts; a Service's ClusterIP... Field names and
 * values are the API's own (never translated). Pure.
 */
import type { Condition, K8sObject, ResourceList } from '../model/objects.ts';
import { REVISION } from '../sim/components/controllers/deployment-util.ts';

export interface Fact {
  /** The API field (or condition type) it shows, e.g. "spec.nodeName", "Ready". */
  readonly field: string;
  /** One line per item of a list or map ("app=web\npod-template-hash=7d9f"). */
  readonly value: string;
}

/** What kubectl prints for a field that is not set. */
export const NONE = '<none>';

const text = (v: string | number | boolean | undefined): string => (v === undefined || v === '' ? NONE : String(v));
const resources = (r: ResourceList | undefined): string =>
  r === undefined || Object.keys(r).length === 0 ? NONE : Object.entries(r).map(([k, v]) => `${k}: ${v ?? ''}`).join('\n');
const condition = <T extends string>(cs: readonly Condition<T>[] | undefined, type: T): Fact => ({ field: type, value: text(cs?.find((c) => c.type === type)?.status) });
const labels = (m: Readonly<Record<string, string>> | undefined): string =>
  m === undefined || Object.keys(m).length === 0 ? NONE : Object.entries(m).map(([k, v]) => `${k}=${v}`).join('\n');

/** Labels and owners (every kind), then the kind's own fields. */
export function objectFacts(o: K8sObject): Fact[] {
  const owners = o.metadata.ownerReferences ?? [];
  return [
    { field: 'metadata.labels', value: labels(o.metadata.labels) },
    { field: 'ownerReferences', value: owners.length === 0 ? NONE : owners.map((r) => `${r.kind}/${r.name}`).join('\n') },
    ...kindFacts(o),
  ];
}

function kindFacts(o: K8sObject): Fact[] {
  switch (o.kind) {
    case 'Pod': {
      const facts: Fact[] = [
        { field: 'spec.nodeName', value: text(o.spec.nodeName) },
        { field: 'status.phase', value: text(o.status?.phase) },
        { field: 'status.podIP', value: text(o.status?.podIP) },
        condition(o.status?.conditions, 'PodScheduled'),
        condition(o.status?.conditions, 'Ready'),
      ];
      if (o.metadata.deletionTimestamp !== undefined) facts.push({ field: 'metadata.deletionTimestamp', value: o.metadata.deletionTimestamp });
      for (const c of o.spec.containers) facts.push({ field: `containers[${c.name}]`, value: `${c.image}\nrequests ${resources(c.resources?.requests).replaceAll('\n', ', ')}` });
      return facts;
    }
    case 'Node':
      return [
        condition(o.status?.conditions, 'Ready'),
        { field: 'spec.unschedulable', value: String(o.spec.unschedulable ?? false) },
        { field: 'spec.taints', value: o.spec.taints === undefined || o.spec.taints.length === 0 ? NONE : o.spec.taints.map((t) => `${t.key}${t.value === undefined ? '' : `=${t.value}`}:${t.effect}`).join('\n') },
        { field: 'status.capacity', value: resources(o.status?.capacity) },
        { field: 'status.allocatable', value: resources(o.status?.allocatable) },
      ];
    case 'ReplicaSet':
      return [
        { field: 'spec.replicas', value: text(o.spec.replicas) },
        { field: 'status.replicas', value: text(o.status?.replicas ?? 0) },
        { field: 'status.readyReplicas', value: text(o.status?.readyReplicas ?? 0) },
        { field: 'status.availableReplicas', value: text(o.status?.availableReplicas ?? 0) },
        { field: 'pod-template-hash', value: text(o.metadata.labels?.['pod-template-hash']) },
        { field: REVISION, value: text(o.metadata.annotations?.[REVISION]) },
      ];
    case 'Deployment': {
      const ru = o.spec.strategy?.rollingUpdate;
      return [
        { field: 'spec.replicas', value: text(o.spec.replicas) },
        { field: 'strategy.type', value: text(o.spec.strategy?.type) },
        { field: 'maxSurge', value: text(ru?.maxSurge) },
        { field: 'maxUnavailable', value: text(ru?.maxUnavailable) },
        { field: 'status.updatedReplicas', value: text(o.status?.updatedReplicas ?? 0) },
        { field: 'status.readyReplicas', value: text(o.status?.readyReplicas ?? 0) },
        { field: 'status.availableReplicas', value: text(o.status?.availableReplicas ?? 0) },
      ];
    }
    case 'Service':
      return [
        { field: 'spec.type', value: text(o.spec.type) },
        { field: 'spec.clusterIP', value: text(o.spec.clusterIP) },
        { field: 'spec.ports', value: o.spec.ports.length === 0 ? NONE : o.spec.ports.map((p) => `${p.port}→${p.targetPort ?? p.port}/${p.protocol ?? 'TCP'}`).join('\n') },
        { field: 'spec.selector', value: labels(o.spec.selector) },
      ];
    case 'EndpointSlice': {
      const facts: Fact[] = [{ field: 'addressType', value: o.addressType }];
      for (const e of o.endpoints) {
        const c = e.conditions;
        facts.push({ field: e.addresses.join(', ') || NONE, value: [`ready=${String(c.ready)} serving=${String(c.serving ?? c.ready)} terminating=${String(c.terminating ?? false)}`, `nodeName: ${text(e.nodeName)}`, ...(e.targetRef === undefined ? [] : [`targetRef: ${e.targetRef.kind}/${e.targetRef.name}`])].join('\n') });
      }
      facts.push({ field: 'ports', value: (o.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join('\n') || NONE });
      return facts;
    }
    case 'DaemonSet':
    case 'PodDisruptionBudget':
    case 'Lease':
    case 'Event':
      return [];
  }
}
