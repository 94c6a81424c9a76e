import { describe, expect, it } from 'vitest';
import { CACHE_REPLICAS, NEW_NODE, podSpreading, ZONES } from '../../scenes/pod-spreading.ts';
import type { KubeEvent, Pod } from '../../src/model/objects.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { DecisionEvent, TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects } from './helpers.ts';

const decisionsOf = (events: readonly TraceEvent[], app: string): DecisionEvent[] => events.filter((e): e is DecisionEvent => e.kind === 'decision' && e.pod.startsWith(`Pod/default/${app}-`));
const stepIds = (events: readonly TraceEvent[]): string[] => events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
const podsOf = (objects: ReadonlyMap<string, unknown>, app: string): Pod[] =>
  [...objects.values()].filter((o): o is Pod => (o as Pod).kind === 'Pod' && (o as Pod).metadata.name.startsWith(`${app}-`));
const perNode = (pods: readonly Pod[]): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const p of pods) out[p.spec.nodeName ?? ''] = (out[p.spec.nodeName ?? ''] ?? 0) + 1;
  return out;
};

describe('pod-spreading', () => {
  const trace = runScenario(podSpreading);
  const objects = finalObjects(trace);

  it('spreads web evenly over the zones, not the nodes: zone-b’s one node holds as many as zone-a’s two', () => {
    const web = podsOf(objects, 'web');
    expect(web).toHaveLength(4);
    const zones: Record<string, number> = {};
    for (const p of web) zones[ZONES[p.spec.nodeName ?? ''] ?? '?'] = (zones[ZONES[p.spec.nodeName ?? ''] ?? '?'] ?? 0) + 1;
    expect(zones).toEqual({ 'zone-a': 2, 'zone-b': 2 });
    expect(perNode(web)['worker-3']).toBe(2);
  });

  it('rejects the fuller zone’s nodes with PodTopologySpread’s upstream reason when placing there would exceed maxSkew 1', () => {
    const web = decisionsOf(trace.events, 'web');
    expect(web).toHaveLength(4);
    // After the first pod lands in a zone, the second must go to the other one.
    const first = web[0]?.decision.selected ?? '';
    const second = web[1]?.decision;
    for (const v of second?.nodes ?? []) {
      if (ZONES[v.name] === ZONES[first]) expect(v.reasons).toEqual(["node(s) didn't match pod topology spread constraints"]);
      else expect(v.feasible).toBe(true);
    }
    // web has its own constraint (DoNotSchedule only): the system defaults do not apply and nothing is scored by PodTopologySpread.
    for (const { decision } of web) for (const v of decision.nodes) expect(v.scores.PodTopologySpread).toBeUndefined();
  });

  it('places cache one per node by required anti-affinity; the fourth is Pending with the upstream FailedScheduling message until a node joins', () => {
    const cache = decisionsOf(trace.events, 'cache');
    expect(cache.map((d) => d.decision.selected)).toEqual([expect.any(String), expect.any(String), expect.any(String), null, null, NEW_NODE]);
    expect(new Set(cache.slice(0, CACHE_REPLICAS).map((d) => d.decision.selected)).size).toBe(CACHE_REPLICAS);
    expect(cache[3]?.decision.failureMessage).toBe(
      "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.",
    );
    // The attempt right after the join still fails: the new node has the not-ready taint.
    expect(cache[4]?.decision.nodes.find((v) => v.name === NEW_NODE)?.reasons).toEqual(['node(s) had untolerated taint(s)']);
    expect(perNode(podsOf(objects, 'cache'))).toEqual({ 'worker-1': 1, 'worker-2': 1, 'worker-3': 1, [NEW_NODE]: 1 });
  });

  it('scores cache with the system default spreading (its ReplicaSet’s selector), as kube-scheduler does for a pod without constraints', () => {
    const second = decisionsOf(trace.events, 'cache')[1]?.decision;
    const scored = second?.nodes.filter((v) => v.feasible) ?? [];
    expect(scored.length).toBeGreaterThan(1);
    for (const v of scored) expect(v.scores.PodTopologySpread).toBeGreaterThanOrEqual(0);
    // The node in the zone that already has a cache pod scores lower than the empty zone's node.
    const spread = Object.fromEntries(scored.map((v) => [v.name, v.scores.PodTopologySpread ?? -1]));
    const emptiest = Math.max(...Object.values(spread));
    expect(Object.values(spread).some((s) => s < emptiest)).toBe(true);
  });

  it('narrates each decision, the Pending pod and the join, in order', () => {
    expect(stepIds(trace.events)).toEqual([
      'apply-web', 'web-rs', 'web-1', 'web-2', 'web-3', 'web-4', 'web-spread',
      'apply-cache', 'cache-1', 'cache-2', 'cache-3', 'scale-cache', 'cache-4', 'pending', 'join', 'cache-5', 'cache-6', 'done',
    ]);
    const pending = trace.events.find((e) => e.kind === 'step' && e.id === 'cache-4');
    expect(pending?.kind === 'step' && pending.caption.en).toContain('FailedScheduling: "0/3 nodes are available');
    expect(pending?.kind === 'step' && pending.caption.ko).toContain('필터를 통과한 노드가 없고');
  });

  it('records Scheduled and FailedScheduling events from default-scheduler, and the ReplicaSet’s from replicaset-controller', () => {
    const events = [...objects.values()].filter((o): o is KubeEvent => (o as KubeEvent).kind === 'Event');
    const from = (reason: string): string[] => [...new Set(events.filter((e) => e.reason === reason).map((e) => e.source?.component ?? ''))];
    expect(from('Scheduled')).toEqual(['default-scheduler']);
    expect(from('FailedScheduling')).toEqual(['default-scheduler']);
    expect(from('SuccessfulCreate')).toEqual(['replicaset-controller']);
    expect(from('ScalingReplicaSet')).toEqual(['deployment-controller']);
    expect(from('Pulled')).toEqual(['kubelet']);
  });
});
