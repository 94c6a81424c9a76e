// Kubelets renew their node Lease every 10 s, each at its own moment (a real cluster's kubelets
// started at different times; upstream adds up to 4 % jitter to each wait). The picture of a big
// cluster must show a steady stream of heartbeats, and dark nodes found silent at different times.
import { describe, expect, it } from 'vitest';
import { zoneOutage } from '../../scenes/zone-outage.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { MessageEvent } from '../../src/sim/trace.ts';

describe('node lease renewals', () => {
  const trace = runScenario(zoneOutage, { params: { nodes: 60, perNode: 2, outage: 'zone' } });
  const renewals = trace.events.filter((e): e is MessageEvent => e.kind === 'message' && e.action === 'PUT lease' && e.from.startsWith('kubelet/'));

  it('each kubelet first renews at its own moment of the first 10 s, not all at once', () => {
    const first = new Map<string, number>();
    // zone-a's and zone-b's 40 nodes (zone-c's lose power at 6.5 s, some before their first renewal).
    for (const m of renewals) if (!first.has(m.from) && !m.from.startsWith('kubelet/c-')) first.set(m.from, m.t);
    expect(first.size).toBe(40);
    const times = [...first.values()];
    expect(Math.min(...times)).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...times)).toBeLessThan(10_000);
    // 40 kubelets over 9 s: no single second holds a quarter of them.
    const perSecond = new Map<number, number>();
    for (const t of times) perSecond.set(Math.floor(t / 1000), (perSecond.get(Math.floor(t / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThan(10);
  });

  it('the dark zone goes silent at staggered moments: the controller finds it over more than one pass', () => {
    const silences = trace.events.flatMap((e) => (e.kind === 'activity' && e.action === 'node-lifecycle-controller/monitor' && e.label.en.includes('no heartbeat for') ? [e] : []));
    expect(silences).toHaveLength(20);
    expect(new Set(silences.map((e) => e.t)).size).toBeGreaterThan(1);
    expect(new Set(silences.map((e) => /no heartbeat for (\d+)s/.exec(e.label.en)?.[1])).size).toBeGreaterThan(1);
  });
});
