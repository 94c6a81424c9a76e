import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/sim/cluster.ts';
import type { MessageEvent, TraceEvent } from '../../../src/sim/trace.ts';

describe('kubelet loops (Lease heartbeat, status report)', () => {
  it('run from the start, stop with the node and start again with it', () => {
    const events: TraceEvent[] = [];
    const cluster = new Cluster({ seed: 3, k8sVersion: '1.33', trace: { keep: false, sink: (e) => events.push(e) } });
    cluster.addNode('n1');
    cluster.start();
    const clock = cluster.rt.clock;
    clock.after(() => cluster.stopNode('n1'), 100_000);
    clock.after(() => cluster.startNode('n1'), 200_000);
    while (clock.step() && clock.now() < 700_000) {
      // run
    }
    const sent = (action: string): number[] => events.filter((e): e is MessageEvent => e.kind === 'message' && e.from === 'kubelet/n1' && e.action === action).map((e) => e.t);
    const leases = sent('PUT lease');
    const first = leases[0] ?? -1;
    expect(first).toBeGreaterThanOrEqual(1_000);
    expect(first).toBeLessThan(10_000);
    const expected: number[] = [];
    for (let t = first; t < 100_000; t += 10_000) expected.push(t);
    // Back at 200 s: renewed at once (rejoin), then its loop from the start again.
    expected.push(200_000);
    for (let t = 200_000 + first; t < 700_000; t += 10_000) expected.push(t);
    expect(leases.filter((t) => t < 700_000)).toEqual(expected);
    // The report due at 300 s was cleared with the stop; the restart reports at once, then 5 min on.
    expect(sent('PATCH node/status').filter((t) => t < 700_000)).toEqual([200_000, 500_000]);
  });
});
