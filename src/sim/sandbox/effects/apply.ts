/**
 * `kubectl apply -f -`: for each object of the manifest, GET it; POST it when it is new, PATCH its
 * labels and spec when it exists and differs (kubectl prints created / configured / unchanged).
 * Nodes are not applied: a Node object joins no machine (a node joins with its kubelet).
 */
import type { ApplyAction } from '../../../model/kubectl/actions.ts';
import { parseObjects } from '../../../model/manifest/objects.ts';
import type { K8sObject, ObjectRef, Pod } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { canonical } from '../../components/controllers/deployment-util.ts';
import type { EffectContext } from './context.ts';
import { inTurn, NAMESPACE, succeeded } from './context.ts';

/** kubectl's resource.group for what it prints: deployment.apps/web configured. */
const SHOWN: Partial<Record<K8sObject['kind'], string>> = {
  Pod: 'pod',
  Deployment: 'deployment.apps',
  ReplicaSet: 'replicaset.apps',
  DaemonSet: 'daemonset.apps',
  Service: 'service',
  PodDisruptionBudget: 'poddisruptionbudget.policy',
};

/** Pod updates may change little (ValidatePodUpdate); the rest is refused. */
const POD_UPDATE_FORBIDDEN =
  'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

/** The pod's containers with the images `wanted` names: the one change a running pod allows. */
const podImagesFrom = (live: Pod, wanted: Pod): Pod['spec']['containers'] =>
  live.spec.containers.map((c) => ({ ...c, image: wanted.spec.containers.find((w) => w.name === c.name)?.image ?? c.image }));

/** Containers equal apart from their images (the Pod update kubectl apply may make). */
const sameButImages = (live: Pod, wanted: Pod): boolean =>
  canonical(live.spec.containers.map((c) => ({ ...c, image: '' }))) === canonical(wanted.spec.containers.map((c) => ({ ...c, image: '' })));

/**
 * The live object with the manifest's labels and spec fields. A shallow merge keeps what the
 * server filled in and the manifest left out (a Service's clusterIP, a pod's nodeName).
 */
function withDeclared(live: K8sObject, wanted: K8sObject): K8sObject {
  const metadata = { ...live.metadata, labels: { ...(wanted.metadata.labels ?? {}) } };
  if (live.kind === 'Pod' && wanted.kind === 'Pod') return { ...live, metadata, spec: { ...live.spec, containers: podImagesFrom(live, wanted) } };
  return ('spec' in wanted && 'spec' in live ? { ...live, metadata, spec: { ...live.spec, ...wanted.spec } } : { ...live, metadata }) as K8sObject;
}

/** Compares what apply would change: the result of applying `wanted` to `live`, against `live`. */
const changes = (live: K8sObject, wanted: K8sObject): boolean => canonical(withDeclared(live, wanted)) !== canonical(live);

export function apply(ctx: EffectContext, a: ApplyAction): void {
  let objects: K8sObject[];
  try {
    objects = parseObjects(a.manifest, 'STDIN');
  } catch (error) {
    ctx.print(`error: ${error instanceof Error ? error.message : String(error)}`);
    return ctx.done(false);
  }
  if (objects.length === 0) {
    ctx.print('error: no objects passed to apply');
    return ctx.done(false);
  }
  inTurn(objects, (obj, next) => applyOne(ctx, obj, next), ctx.done);
}

function applyOne(ctx: EffectContext, given: K8sObject, next: (ok: boolean) => void): void {
  const shown = SHOWN[given.kind];
  if (shown === undefined) {
    ctx.print(`error: kubedeck's sandbox cannot apply ${given.kind} objects (a node joins with its kubelet)`);
    return next(false);
  }
  const namespace = given.metadata.namespace ?? NAMESPACE;
  if (namespace !== NAMESPACE) {
    ctx.print(`Error from server (NotFound): namespaces "${namespace}" not found`);
    return next(false);
  }
  const obj = { ...given, metadata: { ...given.metadata, namespace } } as K8sObject;
  const ref: ObjectRef = refOf(obj);
  const name = obj.metadata.name;
  const lower = obj.kind.toLowerCase();
  ctx.cluster.kubectl(`GET ${lower}`, { verb: 'get', ref }, (got) => {
    const live = got.object;
    if (!live) {
      ctx.cluster.kubectl(`POST ${lower}`, { verb: 'create', object: obj }, (answer) => {
        ctx.print(succeeded(answer) ? `${shown}/${name} created` : `Error from server: ${answer.message}`);
        next(succeeded(answer));
      });
      return;
    }
    if (live.kind === 'Pod' && obj.kind === 'Pod' && !sameButImages(live, obj)) {
      ctx.print(`The Pod "${name}" is invalid: ${POD_UPDATE_FORBIDDEN}`);
      return next(false);
    }
    if (!changes(live, obj)) {
      ctx.print(`${shown}/${name} unchanged`);
      return next(true);
    }
    ctx.cluster.kubectl(`PATCH ${lower}`, { verb: 'update', method: 'PATCH', ref, summary: 'apply', mutate: (o) => withDeclared(o, obj) }, (answer) => {
      ctx.print(succeeded(answer) ? `${shown}/${name} configured` : `Error from server: ${answer.message}`);
      next(succeeded(answer));
    });
  });
}
