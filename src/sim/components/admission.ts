/**
 * What kube-apiserver does to an object before it is stored: defaulting and mutating admission
 * (visible changes a learner can see in `kubectl get pod -o yaml`), then validation.
 * Pure functions of the object and a few injected values.
 */
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import type { K8sObject, Node, Pod, Toleration } from '../../model/objects.ts';
import { withFields } from '../../model/with-fields.ts';

export interface Mutated {
  readonly object: K8sObject;
  /** What mutating admission changed, for the activity label. Empty when nothing changed. */
  readonly notes: readonly Localized[];
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function tolerates(tolerations: readonly Toleration[], key: string): boolean {
  return tolerations.some((t) => (t.operator === 'Exists' && t.key === undefined) || (t.key === key && (t.effect === undefined || t.effect === 'NoExecute')));
}

/**
 * What every admitted pod gets alike, made once and shared (versions are never changed in place):
 * the default tolerations per tolerationSeconds, the token volume's projection, and the notes
 * the mutating-admission label is built from (every pod of a big run was ~3 KB of them).
 */
const defaultTolerations = new Map<string, Toleration>();
function defaultToleration(key: string, tolerationSeconds: number): Toleration {
  const memo = `${key}:${tolerationSeconds}`;
  let toleration = defaultTolerations.get(memo);
  if (toleration === undefined) defaultTolerations.set(memo, (toleration = { key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds }));
  return toleration;
}
const TOKEN_PROJECTION = { sources: ['serviceAccountToken', 'kube-root-ca.crt', 'namespace'] } as const;
const notesMade = new Map<string, Localized>();
function note(memo: string, make: () => Localized): Localized {
  let made = notesMade.get(memo);
  if (made === undefined) notesMade.set(memo, (made = make()));
  return made;
}

/** DefaultTolerationSeconds + ServiceAccount admission, plus the defaults the API applies to a new pod. */
export function mutatePod(pod: Pod, tokenSuffix: string, tolerationSeconds: number): Mutated {
  const notes: Localized[] = [];
  const given = pod.spec.tolerations ?? [];
  const missing = [NOT_READY, UNREACHABLE].filter((key) => !tolerates(given, key));
  // Built whole (the spec keeps them as long as the pod lives): an array grown by push keeps room for 17.
  const tolerations = [...given, ...missing.map((key) => defaultToleration(key, tolerationSeconds))];
  if (missing.length > 0) {
    const which = missing.map((key) => key.replace('node.kubernetes.io/', '')).join(', ');
    notes.push(note(`tolerations ${which} ${tolerationSeconds}`, () => text(`DefaultTolerationSeconds: +tolerations ${which} (${tolerationSeconds} s)`, `DefaultTolerationSeconds: 톨러레이션 추가 ${which} (${tolerationSeconds}초)`)));
  }
  const givenVolumes = pod.spec.volumes ?? [];
  // ServiceAccount admission leaves a static pod's mirror alone (it may not use a service account).
  const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
  const serviceAccountName = mirror ? undefined : (pod.spec.serviceAccountName ?? 'default');
  const token = !mirror && !givenVolumes.some((v) => v.name.startsWith('kube-api-access-'));
  const volumes = token ? [...givenVolumes, { name: `kube-api-access-${tokenSuffix}`, projected: TOKEN_PROJECTION }] : [...givenVolumes];
  if (token) {
    notes.push(note(`service account ${serviceAccountName ?? ''}`, () => text(`ServiceAccount: "${serviceAccountName}" + token volume`, `ServiceAccount: "${serviceAccountName}" + 토큰 볼륨`)));
  }
  const schedulerName = pod.spec.schedulerName ?? 'default-scheduler';
  const priority = pod.spec.priority ?? 0;
  // Two literals, no conditional spread (the same fields in the same order): every pod is admitted here.
  // Fields a template's spec lacks, and a status: added by withFields, not a spread (with-fields.ts says why).
  const spec: Pod['spec'] = serviceAccountName === undefined ? withFields(pod.spec, { schedulerName, priority, tolerations, volumes }) : withFields(pod.spec, { schedulerName, priority, serviceAccountName, tolerations, volumes });
  const object: Pod = withFields(pod, { spec, status: { phase: 'Pending' } });
  return { object, notes };
}

/**
 * The TaintNodesAtCreation admission plugin (plugin/pkg/admission/nodetaint): a Node is created
 * with node.kubernetes.io/not-ready:NoSchedule, so nothing is scheduled onto it before the node
 * lifecycle controller has seen it Ready (and removed the taint). The kubelet does not add it.
 */
export function taintNodeAtCreation(node: Node): Mutated {
  if ((node.spec.taints ?? []).some((t) => t.key === NOT_READY && t.effect === 'NoSchedule')) return { object: node, notes: [] };
  const object: Node = { ...node, spec: { ...node.spec, taints: [...(node.spec.taints ?? []), { key: NOT_READY, effect: 'NoSchedule' }] } };
  return { object, notes: [text(`TaintNodesAtCreation: +taint ${NOT_READY}:NoSchedule`, `TaintNodesAtCreation: 테인트 추가 ${NOT_READY}:NoSchedule`)] };
}

/** Object schema validation: the first problem, as the API would report it (422 Invalid). */
export function validate(obj: K8sObject): string | undefined {
  const name = obj.metadata.name;
  if (!/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name) || name.length > 253) {
    return `metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.'`;
  }
  if (obj.kind === 'Pod') {
    if (obj.spec.containers.length === 0) return 'spec.containers: Required value';
    for (const [i, c] of obj.spec.containers.entries()) {
      if (c.image === '') return `spec.containers[${i}].image: Required value`;
    }
  }
  if ((obj.kind === 'ReplicaSet' || obj.kind === 'Deployment') && obj.spec.replicas < 0) {
    return 'spec.replicas: Invalid value: must be greater than or equal to 0';
  }
  return undefined;
}
