import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../../src/sim/builders.ts';
import { Cluster } from '../../src/sim/cluster.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';

/** A small run with every kind of event a sink must pass on: messages, states, activities, a step an observer marks mid-event, and skips. */
function run(keep: boolean): { readonly cluster: Cluster; readonly streamed: TraceEvent[] } {
  const streamed: TraceEvent[] = [];
  const cluster = new Cluster({ seed: 3, k8sVersion: '1.33', trace: { keep, sink: (e) => streamed.push(e) } });
  cluster.addNode('worker-1', { cpu: '4', memory: '8Gi', pods: '110' });
  cluster.addNode('worker-2', { cpu: '4', memory: '8Gi', pods: '110' });
  cluster.start();
  let marked = false;
  cluster.rt.tracer.observe((e) => {
    if (!marked && e.kind === 'message' && e.action === 'bind') {
      marked = true;
      cluster.step('bind', { en: 'bind', ko: 'bind' }, ['kube-scheduler']);
    }
  });
  cluster.create(makeDeployment('web', 3, { requests: { cpu: '100m', memory: '128Mi' } }));
  // Long enough for lease renewals after quiet gaps (skips).
  while (cluster.rt.clock.now() < 45_000 && cluster.rt.clock.step());
  return { cluster, streamed };
}

describe('the trace sink', () => {
  it('receives exactly the events the kept trace holds, in order, as they are recorded', () => {
    const { cluster, streamed } = run(true);
    const kept = cluster.rt.tracer.events;
    expect(streamed.length).toBe(kept.length);
    streamed.forEach((e, i) => expect(e).toBe(kept[i]));
    expect(streamed.map((e) => e.seq)).toEqual(streamed.map((_, i) => i));
    const kinds = new Set(streamed.map((e) => e.kind));
    for (const k of ['message', 'state', 'activity', 'step', 'skip'] as const) expect(kinds).toContain(k);
    // The observer's step comes before the bind that prompted it.
    const step = streamed.findIndex((e) => e.kind === 'step');
    expect(streamed[step + 1]).toMatchObject({ kind: 'message', action: 'bind' });
    expect(cluster.rt.tracer.snapshots.at(-1)?.eventIndex).toBe(step);
  });

  it('streams the same events without keeping them', () => {
    const kept = run(true);
    const streamed = run(false);
    expect(streamed.cluster.rt.tracer.events).toHaveLength(0);
    expect(streamed.cluster.rt.tracer.count).toBe(kept.streamed.length);
    expect(streamed.cluster.rt.tracer.last).toBe(streamed.streamed.at(-1));
    expect(JSON.stringify(streamed.streamed)).toBe(JSON.stringify(kept.cluster.rt.tracer.events));
    expect(JSON.stringify(streamed.cluster.rt.tracer.snapshots)).toBe(JSON.stringify(kept.cluster.rt.tracer.snapshots));
  });
});
