/**
 * Readiness probes, reduced to their timing: the kubelet's prober probes a container right away
 * and then every periodSeconds, and results are ignored until initialDelaySeconds have passed
 * since it started (pkg/kubelet/prober/worker.go). kubedeck's probes always succeed, so the pod
 * turns Ready at the first probe at or after initialDelaySeconds. Until then it is Running but
 * not Ready: it does not count as available and receives no Service traffic.
 */
import type { Condition, K8sObject, Pod, PodConditionType, PodStatus } from '../../model/objects.ts';

/** Milliseconds from the containers' start to Ready, or undefined when no container has a probe. */
export function readinessDelayMs(pod: Pod): number | undefined {
  let delay: number | undefined;
  for (const c of pod.spec.containers) {
    const probe = c.readinessProbe;
    if (!probe) continue;
    const period = Math.max(1, probe.periodSeconds ?? 10);
    const initial = Math.max(0, probe.initialDelaySeconds ?? 0);
    const ms = Math.ceil(initial / period) * period * 1000;
    delay = Math.max(delay ?? 0, ms);
  }
  return delay;
}

function withConditions(status: PodStatus, ready: boolean, at: string): readonly Condition<PodConditionType>[] {
  const updates: Condition<PodConditionType>[] = (['ContainersReady', 'Ready'] as const).map((type) => ({ type, status: ready ? 'True' : 'False', lastTransitionTime: at, ...(ready ? {} : { reason: 'ContainersNotReady' }) }));
  const out = [...(status.conditions ?? [])];
  for (const u of updates) {
    const i = out.findIndex((c) => c.type === u.type);
    if (i >= 0) out[i] = u;
    else out.push(u);
  }
  return out;
}

function patch(obj: K8sObject, ready: boolean, at: string, phaseRunning: boolean): K8sObject {
  if (obj.kind !== 'Pod') return obj;
  const s = obj.status ?? { phase: 'Pending' };
  return {
    ...obj,
    status: {
      ...s,
      ...(phaseRunning ? { phase: 'Running' as const } : {}),
      conditions: withConditions(s, ready, at),
      containerStatuses: obj.spec.containers.map((c) => ({ name: c.name, image: c.image, ready, started: true, state: { running: { startedAt: at } } })),
    },
  };
}

/** Containers started, readiness probe not yet passed: Running, Ready=False. */
export const statusStartedNotReady = (at: string) => (obj: K8sObject): K8sObject => patch(obj, false, at, true);

/** The first successful readiness probe: ContainersReady and Ready turn True. */
export const statusProbeReady = (at: string) => (obj: K8sObject): K8sObject => {
  if (obj.kind !== 'Pod') return obj;
  const startedAt = obj.status?.containerStatuses?.map((c) => ('running' in c.state ? c.state.running.startedAt : at))[0] ?? at;
  const next = patch(obj, true, at, true);
  if (next.kind !== 'Pod' || !next.status) return next;
  return { ...next, status: { ...next.status, containerStatuses: next.status.containerStatuses?.map((c) => ({ ...c, state: { running: { startedAt } } })) } };
};
