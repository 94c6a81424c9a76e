/**
 * The fields of a stored object a learner reads in `kubectl get <kind> <name> -o yaml`, in the
 * order kubectl prints them, trimmed of what only machines read (uids, resourceVersion, the
 * service-account volume). Values are the trace's own, never made up. Pure.
 */
import { stringify } from 'yaml';
import type { Container, K8sObject, ObjectMeta, Pod } from '../model/objects.ts';

/** A YAML-ready tree: plain records, arrays and scalars. */
export type Doc = { readonly [key: string]: unknown };

const isEmpty = (v: unknown): boolean =>
  v === undefined || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length === 0);

/** Drops undefined and empty arrays/records, keeping key order. */
export function compact(fields: Doc): Doc {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) if (!isEmpty(value)) out[key] = value;
  return out;
}

function metadata(m: ObjectMeta): Doc {
  return compact({
    name: m.name,
    generateName: m.generateName,
    namespace: m.namespace,
    labels: m.labels,
    annotations: m.annotations,
    ownerReferences: m.ownerReferences?.map((r) => compact({ apiVersion: r.apiVersion, kind: r.kind, name: r.name, controller: r.controller })),
    creationTimestamp: m.creationTimestamp,
    deletionTimestamp: m.deletionTimestamp,
  });
}

const container = (c: Container): Doc =>
  compact({ name: c.name, image: c.image, resources: c.resources === undefined ? undefined : compact({ requests: c.resources.requests, limits: c.resources.limits }), ports: c.ports, restartPolicy: c.restartPolicy });

function podSpec(spec: Pod['spec']): Doc {
  return compact({
    nodeName: spec.nodeName,
    initContainers: spec.initContainers?.map(container),
    containers: spec.containers.map(container),
    nodeSelector: spec.nodeSelector,
    affinity: spec.affinity,
    tolerations: spec.tolerations,
    priorityClassName: spec.priorityClassName,
    hostNetwork: spec.hostNetwork,
  });
}

function body(o: K8sObject): Doc {
  switch (o.kind) {
    case 'Pod':
      return {
        spec: podSpec(o.spec),
        status: o.status === undefined ? undefined : compact({
          phase: o.status.phase,
          reason: o.status.reason,
          message: o.status.message,
          conditions: o.status.conditions?.map((c) => compact({ type: c.type, status: c.status, reason: c.reason, lastTransitionTime: c.lastTransitionTime })),
          hostIP: o.status.hostIP,
          podIP: o.status.podIP,
          startTime: o.status.startTime,
          containerStatuses: o.status.containerStatuses,
        }),
      };
    case 'Node':
      return {
        spec: compact({ podCIDR: o.spec.podCIDR, unschedulable: o.spec.unschedulable, taints: o.spec.taints }),
        status: o.status === undefined ? undefined : compact({
          capacity: o.status.capacity,
          allocatable: o.status.allocatable,
          conditions: o.status.conditions?.map((c) => compact({ type: c.type, status: c.status, reason: c.reason, lastHeartbeatTime: c.lastHeartbeatTime, lastTransitionTime: c.lastTransitionTime })),
          addresses: o.status.addresses,
          nodeInfo: o.status.nodeInfo,
        }),
      };
    case 'ReplicaSet':
      return {
        spec: compact({ replicas: o.spec.replicas, selector: o.spec.selector, template: compact({ metadata: o.spec.template.metadata, spec: podSpec(o.spec.template.spec) }) }),
        status: o.status,
      };
    case 'Deployment':
      return {
        spec: compact({ replicas: o.spec.replicas, selector: o.spec.selector, strategy: o.spec.strategy, template: compact({ metadata: o.spec.template.metadata, spec: podSpec(o.spec.template.spec) }) }),
        status: o.status,
      };
    case 'Service':
      return { spec: compact({ type: o.spec.type, clusterIP: o.spec.clusterIP, ports: o.spec.ports, selector: o.spec.selector }) };
    case 'EndpointSlice':
      return { addressType: o.addressType, endpoints: o.endpoints, ports: o.ports };
    case 'Event':
      return { involvedObject: o.involvedObject, reason: o.reason, message: o.message, type: o.type, source: o.source, count: o.count };
    case 'DaemonSet':
    case 'PodDisruptionBudget':
    case 'Lease':
      return { spec: o.spec, ...('status' in o ? { status: o.status } : {}) };
  }
}

/** The object as `kubectl get -o yaml` would show its interesting part. */
export function objectDoc(o: K8sObject): Doc {
  return compact({ apiVersion: o.apiVersion, kind: o.kind, metadata: metadata(o.metadata), ...body(o) });
}

/** objectDoc as YAML text. No anchors/aliases: kubectl prints a shared labels map twice, and so does this. */
export function objectYaml(o: K8sObject): string {
  return stringify(objectDoc(o), { lineWidth: 0, aliasDuplicateObjects: false });
}
