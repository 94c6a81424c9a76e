/**
 * kubectl's client-side workflows for Deployments, as the REST calls kubectl makes
 * (`rollout status` is in rollout-status.ts):
 * `kubectl set image` (one PATCH of the pod template) and `kubectl rollout undo`
 * (k8s.io/kubectl polymorphichelpers DeploymentRollbacker: GET the Deployment, LIST its
 * ReplicaSets, pick the previous revision, PATCH its template back into the Deployment).
 */
import type { Deployment, K8sObject, ReplicaSet } from '../../model/objects.ts';
import type { ContainerImage } from '../../model/kubectl/actions.ts';
import type { ApiAnswer } from '../components/client.ts';
import type { Cluster } from '../cluster.ts';
import { equalIgnoreHash, REVISION, revisionOf, withoutHash } from '../components/controllers/deployment-util.ts';

const ref = (name: string): string => `Deployment/default/${name}`;

/** `kubectl set image deployment/NAME CONTAINER=IMAGE`: a new pod template, so a new rollout. */
export function setImage(cluster: Cluster, deployment: string, container: string, image: string, onDone?: (message: string) => void): void {
  setImages(cluster, deployment, [{ container, image }], (answer) => onDone?.(answer.status < 300 ? `deployment.apps/${deployment} image updated` : answer.message));
}

/** `kubectl set image deployment/NAME C1=I1 C2=I2` (`*` for every container) in one PATCH. */
export function setImages(cluster: Cluster, deployment: string, images: readonly ContainerImage[], onAnswer?: (answer: ApiAnswer) => void): void {
  const imageFor = (name: string): string | undefined => images.find((i) => i.container === name)?.image ?? images.find((i) => i.container === '*')?.image;
  const mutate = (o: K8sObject): K8sObject => {
    if (o.kind !== 'Deployment') return o;
    const containers = o.spec.template.spec.containers.map((c) => ({ ...c, image: imageFor(c.name) ?? c.image }));
    return { ...o, spec: { ...o.spec, template: { ...o.spec.template, spec: { ...o.spec.template.spec, containers } } } };
  };
  const summary = `image ${images.map((i) => `${i.container}=${i.image}`).join(' ')}`;
  cluster.kubectl('PATCH deployment', { verb: 'update', method: 'PATCH', ref: ref(deployment), summary, mutate }, onAnswer);
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

/** The ReplicaSet of revision `revision`, or undefined. */
function ofRevision(sets: readonly ReplicaSet[], revision: number): ReplicaSet | undefined {
  return sets.find((rs) => rs.metadata.annotations?.[REVISION] !== undefined && revisionOf(rs) === revision);
}

/**
 * `kubectl rollout undo deployment/NAME [--to-revision=N]`; `onDone` gets what kubectl prints
 * (and whether it succeeded).
 */
export function rolloutUndo(cluster: Cluster, deployment: string, onDone?: (message: string, ok: boolean) => void, toRevision = 0): void {
  cluster.kubectl('GET deployment', { verb: 'get', ref: ref(deployment) }, (got) => {
    const d = got.object;
    if (d?.kind !== 'Deployment') return onDone?.(`Error from server (NotFound): deployments.apps "${deployment}" not found`, false);
    cluster.kubectl('LIST replicasets', { verb: 'list', kind: 'ReplicaSet', namespace: d.metadata.namespace ?? 'default' }, (list) => {
      const owned = (list.items ?? []).filter((o): o is ReplicaSet => o.kind === 'ReplicaSet' && (o.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid));
      const target = toRevision > 0 ? ofRevision(owned, toRevision) : previousRevision(owned);
      if (!target) return onDone?.(toRevision > 0 ? `error: unable to find specified revision ${toRevision} in history` : `error: no rollout history found for deployment "${deployment}"`, false);
      if (equalIgnoreHash(target.spec.template, d.spec.template)) return onDone?.(`deployment.apps/${deployment} skipped rollback (current template already matches revision ${revisionOf(target)})`, true);
      const template = withoutHash(target.spec.template);
      const mutate = (o: K8sObject): K8sObject => (o.kind === 'Deployment' ? ({ ...o, spec: { ...o.spec, template } } satisfies Deployment) : o);
      cluster.kubectl('PATCH deployment', { verb: 'update', method: 'PATCH', ref: ref(deployment), summary: `rollback to revision ${revisionOf(target)}`, mutate }, (a) =>
        onDone?.(a.status < 300 ? `deployment.apps/${deployment} rolled back` : a.message, a.status < 300),
      );
    });
  });
}
