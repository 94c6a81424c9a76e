/** What a pod or node looks like on stage, derived from its API object. Pure. */
import type { Node, Pod } from '../model/objects.ts';

export type PodLook = 'Pending' | 'ContainerCreating' | 'Running' | 'Ready' | 'Terminating' | 'Unknown' | 'Succeeded' | 'Failed';

export function podLook(pod: Pod): PodLook {
  if (pod.metadata.deletionTimestamp !== undefined) return 'Terminating';
  const st = pod.status;
  const phase = st?.phase ?? 'Pending';
  if (phase === 'Unknown') return 'Unknown';
  if (phase === 'Succeeded' || phase === 'Failed') return phase;
  if (phase === 'Running') {
    const ready = st?.conditions?.find((c) => c.type === 'Ready');
    return ready?.status === 'True' ? 'Ready' : 'Running';
  }
  // Pending: once the kubelet reports it is creating the sandbox/containers, say so.
  const waiting = st?.containerStatuses?.some((c) => 'waiting' in c.state && c.state.waiting.reason === 'ContainerCreating');
  const sandbox = st?.conditions?.some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'True');
  if (pod.spec.nodeName !== undefined && (waiting === true || sandbox === true)) return 'ContainerCreating';
  return 'Pending';
}

/** The phase word kubectl would print in STATUS for this look. */
export function podLookLabel(look: PodLook): string {
  return look === 'Ready' ? 'Running' : look;
}

/** 'Unregistered': no Node object yet (a kubelet that has not registered its node). */
export type NodeReadiness = 'Ready' | 'NotReady' | 'Unknown' | 'Unregistered';

export interface NodeLook {
  readonly readiness: NodeReadiness;
  readonly cordoned: boolean;
  /**
   * The cordon's own taint (node.kubernetes.io/unschedulable:NoSchedule) is on the cordoned node:
   * the node lifecycle controller adds it after the cordon's PATCH and removes it after the
   * uncordon's, so the picture shows when it comes and goes ("cordoned · unschedulable:NoSchedule").
   */
  readonly cordonTainted?: boolean;
  /** "key:Effect" per taint, without the cordon's own taint while cordoned (shown with "cordoned"). */
  readonly taints: readonly string[];
  /** The node's topology.kubernetes.io/zone label, where it has one (what zone spreading counts by). */
  readonly zone?: string;
}

/** The well-known zone label (kubernetes.io/docs/reference/labels-annotations-taints). */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

export function nodeLook(node: Node | undefined): NodeLook {
  if (node === undefined) return { readiness: 'Unregistered', cordoned: false, taints: [] };
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  const readiness: NodeReadiness = ready === 'True' ? 'Ready' : ready === 'False' ? 'NotReady' : 'Unknown';
  const cordoned = node.spec.unschedulable === true;
  // One chip per taint key (and value), as kubectl describe writes it: "unreachable:NoSchedule,NoExecute",
  // "dedicated=gpu:NoSchedule" (the value is what a toleration with operator Equal must match).
  const byKey = new Map<string, string[]>();
  let cordonTainted = false;
  for (const t of node.spec.taints ?? []) {
    if (cordoned && t.key === 'node.kubernetes.io/unschedulable') {
      cordonTainted = true;
      continue;
    }
    const name = t.key.replace(/^node\.kubernetes\.io\//, '');
    const key = t.value === undefined || t.value === '' ? name : `${name}=${t.value}`;
    const effects = byKey.get(key) ?? [];
    if (!effects.includes(t.effect)) effects.push(t.effect);
    byKey.set(key, effects);
  }
  const taints = [...byKey].map(([key, effects]) => `${key}:${effects.join(',')}`);
  const zone = node.metadata.labels?.[ZONE_LABEL];
  return { readiness, cordoned, ...(cordonTainted ? { cordonTainted } : {}), taints, ...(zone === undefined || zone === '' ? {} : { zone }) };
}
