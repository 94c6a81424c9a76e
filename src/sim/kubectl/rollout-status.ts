/**
 * `kubectl rollout status deployment/NAME`: kubectl GETs the Deployment, then watches it (a watch
 * with fieldSelector metadata.name=NAME) and prints a line each time the status it reads changes,
 * until the rollout is complete (k8s.io/kubectl polymorphichelpers DeploymentStatusViewer).
 */
import type { Deployment, K8sObject } from '../../model/objects.ts';
import type { Cluster } from '../cluster.ts';

export type RolloutStatus = { readonly done: boolean; readonly message: string };

/**
 * DeploymentStatusViewer.Status, word for word. Not modelled: the progress deadline, and the
 * generation check ("Waiting for deployment spec update to be observed..."): kubedeck's objects
 * carry no metadata.generation, so a status read in the few ms before the deployment controller
 * reacts to a new template counts as the old one.
 */
export function deploymentRolloutStatus(d: Deployment): RolloutStatus {
  const name = d.metadata.name;
  const status = d.status ?? {};
  const replicas = d.spec.replicas;
  const updated = status.updatedReplicas ?? 0;
  const total = status.replicas ?? 0;
  const available = status.availableReplicas ?? 0;
  if (updated < replicas) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...` };
  if (total > updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...` };
  if (available < updated) return { done: false, message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...` };
  return { done: true, message: `deployment "${name}" successfully rolled out` };
}

/** Follows the rollout; `onDone(ok)` when it completes (true) or the Deployment is gone (false). */
export function rolloutStatus(cluster: Cluster, deployment: string, print: (line: string) => void, onDone: (ok: boolean) => void): void {
  const ref = `Deployment/default/${deployment}` as const;
  cluster.kubectl('GET deployment', { verb: 'get', ref }, (got) => {
    if (got.object?.kind !== 'Deployment') {
      print(`Error from server (NotFound): deployments.apps "${deployment}" not found`);
      return onDone(false);
    }
    let last = '';
    let finished = false;
    const read = (obj: K8sObject | undefined): boolean => {
      if (finished) return true;
      if (obj?.kind !== 'Deployment') {
        print(`error: deployment "${deployment}" was deleted`);
        finished = true;
        onDone(false);
        return true;
      }
      const status = deploymentRolloutStatus(obj);
      if (status.message !== last) print(status.message);
      last = status.message;
      if (status.done) {
        finished = true;
        onDone(true);
      }
      return finished;
    };
    if (read(got.object)) return;
    const close = cluster.watchAsKubectl('Deployment', ref, (obj) => {
      if (read(obj)) close();
    });
  });
}
