/**
 * kubectl's client-side workflows for Deployments, as the REST calls kubectl makes:
 * `kubectl set image` (one PATCH of the pod template) and `kubectl rollout undo`
 * (k8s.io/kubectl polymorphichelpers DeploymentRollbacker: GET the Deployment, LIST its
 * ReplicaSets, pick the previous revision, PATCH its template back into the Deployment).
 */
import type { Deployment, K8sObject, ReplicaSet } from '../../model/objects.ts';
import type { Cluster } from '../cluster.ts';
import { equalIgnoreHash, REVISION, revisionOf, withoutHash } from '../components/controllers/deployment-util.ts';

const ref = (name: string): string => `Deployment/default/${name}`;

/** `kubectl set image deployment/NAME CONTAINER=IMAGE`: a new pod template, so a new rollout. */
export function setImage(cluster: Cluster, deployment: string, container: string, image: string, onDone?: (message: string) => void): void {
  const mutate = (o: K8sObject): K8sObject => {
    if (o.kind !== 'Deployment') return o;
    const containers = o.spec.template.spec.containers.map((c) => (c.name === container ? { ...c, image } : c));
    return { ...o, spec: { ...o.spec, template: { ...o.spec.template, spec: { ...o.spec.template.spec, containers } } } };
  };
  cluster.kubectl('PATCH deployment', { verb: 'update', method: 'PATCH', ref: ref(deployment), summary: `image ${container}=${image}`, mutate }, (a) =>
    onDone?.(a.status < 300 ? `deployment.apps/${deployment} image updated` : a.message),
  );
}

/** The ReplicaSet of the revision before the newest (kubectl's deploymentRevision with toRevision 0). */
export function previousRevision(sets: readonly ReplicaSet[]): ReplicaSet | undefined {
  let latest: ReplicaSet | undefined;
  let previous: ReplicaSet | undefined;
  for (const rs of sets) {
    if (rs.metadata.annotations?.[REVISION] === undefined) continue;
    const v = revisionOf(rs);
    if (!latest || revisionOf(latest) < v) {
      previous = latest;
      latest = rs;
    } else if (!previous || revisionOf(previous) < v) previous = rs;
  }
  return previous;
}

/** `kubectl rollout undo deployment/NAME`; `onDone` gets what kubectl prints. */
export function rolloutUndo(cluster: Cluster, deployment: string, onDone?: (message: string) => void): void {
  cluster.kubectl('GET deployment', { verb: 'get', ref: ref(deployment) }, (got) => {
    const d = got.object;
    if (d?.kind !== 'Deployment') return onDone?.(`Error from server (NotFound): deployments.apps "${deployment}" not found`);
    cluster.kubectl('LIST replicasets', { verb: 'list', kind: 'ReplicaSet', namespace: d.metadata.namespace ?? 'default' }, (list) => {
      const owned = (list.items ?? []).filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
      const target = previousRevision(owned);
      if (!target) return onDone?.(`error: no rollout history found for deployment "${deployment}"`);
      if (equalIgnoreHash(target.spec.template, d.spec.template)) return onDone?.(`deployment.apps/${deployment} skipped rollback (current template already matches revision ${revisionOf(target)})`);
      const template = withoutHash(target.spec.template);
      const mutate = (o: K8sObject): K8sObject => (o.kind === 'Deployment' ? ({ ...o, spec: { ...o.spec, template } } satisfies Deployment) : o);
      cluster.kubectl('PATCH deployment', { verb: 'update', method: 'PATCH', ref: ref(deployment), summary: `rollback to revision ${revisionOf(target)}`, mutate }, (a) =>
        onDone?.(a.status < 300 ? `deployment.apps/${deployment} rolled back` : a.message),
      );
    });
  });
}
