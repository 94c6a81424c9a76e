/** Reading a Deployment's pods from the cluster, for scenario guards. */
import type { Pod } from '../../src/model/objects.ts';
import type { Cluster } from '../../src/sim/cluster.ts';

export const isPodReady = (p: Pod): boolean => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** Pods whose name starts with `<app>-`, in name order. */
export function appPods(cluster: Cluster, app: string): Pod[] {
  return cluster
    .pods()
    .filter((p) => p.metadata.name.startsWith(`${app}-`))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
}

/** The app's pods a ReplicaSet controller counts: not being deleted (a deletionTimestamp does not count). */
export const activeCount = (cluster: Cluster, app: string): number => appPods(cluster, app).filter((p) => !p.metadata.deletionTimestamp).length;

/** Exactly `replicas` pods, all Ready and not being deleted, and none left Terminating. */
export function settledAt(cluster: Cluster, app: string, replicas: number): boolean {
  const pods = appPods(cluster, app);
  return pods.length === replicas && pods.every((p) => !p.metadata.deletionTimestamp && isPodReady(p));
}

/**
 * The replicas the Deployment `app` asks for now, or `fallback` without one. A story waits for
 * this, not for its own parameter: a learner's `kubectl scale` in a what-if changes what
 * "settled" means, and a story waiting for the old count would stall and lose its later steps.
 */
export function desiredReplicas(cluster: Cluster, app: string, fallback: number): number {
  const d = cluster.get(`Deployment/default/${app}`);
  return d?.kind === 'Deployment' ? (d.spec.replicas ?? 1) : fallback;
}

/** settledAt the count the Deployment asks for now (desiredReplicas). */
export function settledAtDesired(cluster: Cluster, app: string, fallback: number): boolean {
  return settledAt(cluster, app, desiredReplicas(cluster, app, fallback));
}
