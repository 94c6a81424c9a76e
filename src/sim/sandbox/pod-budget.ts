/**
 * How many pods the sandbox's workloads may ask for in all. Past it a run takes minutes and
 * gigabytes in a browser: a link of 200 commands of 3,000 replicas each never finished, and one
 * of 100,000 replicas took half a minute. 10,000 is the size `npm run bench:sim` measures.
 */
import type { SandboxAction } from '../../model/kubectl/actions.ts';
import { formatCount } from '../../model/count.ts';
import { refOf, type K8sObject } from '../../model/objects.ts';
import { parseObjects } from '../../model/manifest/objects.ts';

export const SANDBOX_MAX_PODS = 10_000;

const NAMESPACE = 'default';

const ownedBy = (o: K8sObject, kind: string): boolean => (o.metadata.ownerReferences ?? []).some((r) => r.kind === kind && r.controller === true);

/**
 * The pods the cluster's workloads ask for now: each Deployment's replicas, each ReplicaSet's that
 * no Deployment owns, and each pod no ReplicaSet owns (a DaemonSet's, a `kubectl run`'s).
 */
export function podsAskedFor(objects: Readonly<Record<string, K8sObject>>): number {
  let asked = 0;
  for (const o of Object.values(objects)) {
    if (o.kind === 'Deployment') asked += o.spec.replicas ?? 1;
    else if (o.kind === 'ReplicaSet' && !ownedBy(o, 'Deployment')) asked += o.spec.replicas ?? 1;
    else if (o.kind === 'Pod' && !ownedBy(o, 'ReplicaSet')) asked += 1;
  }
  return asked;
}

/** The pods asked for once `action` is done, or undefined when it changes no count (or kube-apiserver will refuse it anyway). */
function askedAfter(action: SandboxAction, objects: Readonly<Record<string, K8sObject>>, asked: number): number | undefined {
  switch (action.kind) {
    case 'create-deployment':
      return objects[`Deployment/${NAMESPACE}/${action.name}`] === undefined ? asked + action.replicas : undefined;
    case 'run':
      return objects[`Pod/${NAMESPACE}/${action.name}`] === undefined ? asked + 1 : undefined;
    case 'scale': {
      const { resource, name } = action.target;
      const current = objects[`${resource === 'deployment' ? 'Deployment' : 'ReplicaSet'}/${NAMESPACE}/${name}`];
      // A ReplicaSet a Deployment owns is set back by the deployment controller: its count stays.
      if (current === undefined || (current.kind !== 'Deployment' && current.kind !== 'ReplicaSet') || (current.kind === 'ReplicaSet' && ownedBy(current, 'Deployment'))) return undefined;
      return asked - (current.spec.replicas ?? 1) + action.replicas;
    }
    case 'apply':
      return podsAskedFor(applied(action.manifest, objects));
    default:
      return undefined;
  }
}

/**
 * The objects once a manifest is applied, as effects/apply.ts merges them (new objects added, a
 * live one's spec overlaid with the manifest's); unchanged when the manifest does not parse
 * (apply then prints its own error).
 */
function applied(manifest: string, objects: Readonly<Record<string, K8sObject>>): Readonly<Record<string, K8sObject>> {
  let given: K8sObject[];
  try {
    given = parseObjects(manifest, 'STDIN');
  } catch {
    return objects;
  }
  const next: Record<string, K8sObject> = { ...objects };
  for (const o of given) {
    const obj = { ...o, metadata: { ...o.metadata, namespace: o.metadata.namespace ?? NAMESPACE } } as K8sObject;
    const ref = refOf(obj);
    const live = next[ref];
    next[ref] = live !== undefined && 'spec' in live && 'spec' in obj ? ({ ...live, spec: { ...live.spec, ...obj.spec } } as K8sObject) : obj;
  }
  return next;
}

/** The pods `action` would take the workloads to when that is past SANDBOX_MAX_PODS (and more than now); undefined when it fits. */
export function overPodBudget(action: SandboxAction, objects: Readonly<Record<string, K8sObject>>): number | undefined {
  const asked = podsAskedFor(objects);
  const after = askedAfter(action, objects, asked);
  return after === undefined || after <= SANDBOX_MAX_PODS || after <= asked ? undefined : after;
}

/** What the command list prints for a command over the budget: kubedeck's limit, not kubectl's. */
export function podBudgetError(asked: number): string {
  // In all, the pods already asked for included (kube-proxy's too): 20,003 for a scale to 20,000 on three nodes.
  return `kubedeck: the sandbox simulates at most ${formatCount(SANDBOX_MAX_PODS)} pods (in your browser); with this the cluster would ask for ${formatCount(asked)} in all`;
}
