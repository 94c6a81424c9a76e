/**
 * The arithmetic of a Deployment rollout, as pure functions (pkg/controller/deployment/util/
 * deployment_util.go and k8s.io/apimachinery intstr): maxSurge rounds up, maxUnavailable rounds
 * down, and both 0 would deadlock so maxUnavailable becomes 1.
 */
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../../model/objects.ts';

export const REVISION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS = 'deployment.kubernetes.io/max-replicas';

/** intstr.GetScaledValueFromIntOrPercent: "25%" of total, rounded up or down; a number as is. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) return Number.parseInt(value, 10) || 0;
  const exact = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

const isRolling = (d: Deployment): boolean => (d.spec.strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';

/** ResolveFenceposts: [maxSurge, maxUnavailable] as pod counts for the Deployment's replicas. */
export function resolveFenceposts(d: Deployment): readonly [number, number] {
  const ru = d.spec.strategy?.rollingUpdate;
  const surge = scaledValue(ru?.maxSurge ?? '25%', d.spec.replicas, true);
  let unavailable = scaledValue(ru?.maxUnavailable ?? '25%', d.spec.replicas, false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable];
}

export function maxSurge(d: Deployment): number {
  return isRolling(d) ? resolveFenceposts(d)[0] : 0;
}

export function maxUnavailable(d: Deployment): number {
  if (!isRolling(d) || d.spec.replicas === 0) return 0;
  return Math.min(resolveFenceposts(d)[1], d.spec.replicas);
}

export const specReplicas = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + rs.spec.replicas, 0);
export const availableReplicas = (sets: readonly ReplicaSet[]): number => sets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);

/** NewRSNewReplicas: how big the new ReplicaSet may be now without passing replicas + maxSurge. */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  if (!isRolling(d)) return d.spec.replicas;
  const surge = scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', d.spec.replicas, true);
  const maxTotal = d.spec.replicas + surge;
  const current = specReplicas(all);
  if (current >= maxTotal) return newRS.spec.replicas;
  const up = Math.min(maxTotal - current, d.spec.replicas - newRS.spec.replicas);
  return newRS.spec.replicas + up;
}

/** The pod template without the pod-template-hash label (EqualIgnoreHash). */
export function withoutHash(t: PodTemplateSpec): PodTemplateSpec {
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  return { ...t, metadata: { ...t.metadata, labels } };
}

/** JSON with sorted keys, so two templates compare by content, not key order. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonical(x)}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/**
 * canonical(withoutHash(t)) per template object: a ReplicaSet's or Deployment's status update
 * keeps its spec, so the same template is compared again on every sync of a big rollout (a fifth
 * of the controllers' allocations). Objects are never changed in place, so the text stays right.
 */
const templateTexts = new WeakMap<PodTemplateSpec, string>();
function templateText(t: PodTemplateSpec): string {
  let text = templateTexts.get(t);
  if (text === undefined) templateTexts.set(t, (text = canonical(withoutHash(t))));
  return text;
}

export const equalIgnoreHash = (a: PodTemplateSpec, b: PodTemplateSpec): boolean => a === b || templateText(a) === templateText(b);

export const revisionOf = (rs: ReplicaSet): number => Number(rs.metadata.annotations?.[REVISION] ?? '0') || 0;

/** Oldest first, then by name (controller.ReplicaSetsByCreationTimestamp). */
export function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** The annotations a Deployment at revision 1 and its ReplicaSet carry (for set-up seeding). */
export function firstRevisionAnnotations(d: Deployment): { readonly deployment: Record<string, string>; readonly replicaSet: Record<string, string> } {
  return {
    deployment: { ...(d.metadata.annotations ?? {}), [REVISION]: '1' },
    replicaSet: { [DESIRED_REPLICAS]: String(d.spec.replicas), [MAX_REPLICAS]: String(d.spec.replicas + maxSurge(d)), [REVISION]: '1' },
  };
}
