/**
 * Evaluating a step's `until:` on the cluster, as a scenario's XState guard would. The pods of a
 * Deployment are those named `<deployment>-…`, as scenes/lib/workload.ts counts them, so a file's
 * guard and a built-in's agree on every event.
 */
import type { Condition } from '../../model/story/conditions.ts';
import type { Pod } from '../../model/objects.ts';
import type { Cluster } from '../cluster.ts';

/** What a run remembers for its conditions: commands given and not yet finished. */
export interface RunState {
  pendingCommands: number;
}

const isReady = (p: Pod): boolean => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
const podsOf = (cluster: Cluster, deployment: string): Pod[] => cluster.pods().filter((p) => p.metadata.name.startsWith(`${deployment}-`));

/** The value at a dotted path, or undefined when any part is missing. */
function fieldAt(value: unknown, path: string): unknown {
  let at: unknown = value;
  for (const key of path.split('.')) {
    if (typeof at !== 'object' || at === null || !Object.hasOwn(at, key)) return undefined;
    at = (at as Record<string, unknown>)[key];
  }
  return at;
}

export function holds(condition: Condition, cluster: Cluster, run: RunState): boolean {
  if ('all' in condition) return condition.all.every((c) => holds(c, cluster, run));
  if ('any' in condition) return condition.any.some((c) => holds(c, cluster, run));
  if ('not' in condition) return !holds(condition.not, cluster, run);
  if ('commandsDone' in condition) return run.pendingCommands === 0;
  if ('settled' in condition) {
    const pods = podsOf(cluster, condition.settled.deployment);
    return pods.length === condition.settled.replicas && pods.every((p) => !p.metadata.deletionTimestamp && isReady(p));
  }
  if ('podsOnNode' in condition) {
    const { node, deployment, count } = condition.podsOnNode;
    return podsOf(cluster, deployment).filter((p) => p.spec.nodeName === node).length === count;
  }
  if ('taint' in condition) {
    const node = cluster.get(`Node/${condition.taint.node}`);
    const { key, effect } = condition.taint;
    return node?.kind === 'Node' && (node.spec.taints ?? []).some((t) => t.key === key && (effect === undefined || t.effect === effect));
  }
  if ('field' in condition) {
    const object = cluster.get(condition.field.object);
    if (object === undefined) return false;
    const value = fieldAt(object, condition.field.path);
    return value !== undefined && value === condition.field.equals;
  }
  if ('exists' in condition) return cluster.get(condition.exists) !== undefined;
  return cluster.get(condition.gone) === undefined;
}
