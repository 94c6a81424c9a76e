import { describe, expect, it } from 'vitest';
import { zoneOutage } from '../../../scenes/zone-outage.ts';
import { nodesReached, stepNodeMoments, stepNodes } from '../../../src/render/scale/step-nodes.ts';
import { runScenario } from '../../../src/sim/run.ts';

describe('the nodes a zone-outage step is about (the scale view rings them)', () => {
  const trace = runScenario(zoneOutage, { seed: 1, params: { nodes: 30, perNode: 5, outage: 'zone' } });
  const nodes = new Set<string>();
  for (const e of trace.events) if (e.kind === 'state' && e.value?.kind === 'Node') nodes.add(e.value.metadata.name);
  for (const snap of trace.snapshots) for (const o of Object.values(snap.objects)) if (o.kind === 'Node') nodes.add(o.metadata.name);
  const ids = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
  const sets = stepNodes(trace, nodes);
  const of = (id: string): string[] => [...(sets[ids.indexOf(id)] ?? [])].sort();
  const zoneC = Array.from({ length: 10 }, (_, i) => `c-${String(i + 1).padStart(2, '0')}`);

  it('power-off: every node of the dark zone (its kubelets stop), not only those named in the focus', () => {
    expect(of('power-off')).toEqual(zoneC);
  });
  it('rate: only the dark zone, whose nodes get their NoExecute taint; a status report that changes no field is no news', () => {
    expect(of('rate').length).toBeGreaterThan(0);
    expect(of('rate').every((n) => n.startsWith('c-'))).toBe(true);
  });

  it('the ring grows through a step: a node is ringed from the step\'s first event about it, not from the step\'s start', () => {
    const moments = stepNodeMoments(trace, nodes);
    const k = ids.indexOf('rate');
    const stepAt = trace.events.findIndex((e) => e.kind === 'step' && e.id === 'rate');
    const nextAt = trace.events.findIndex((e, i) => i > stepAt && e.kind === 'step');
    const rate = moments[k];
    expect(rate).toBeDefined();
    // The same nodes as stepNodes, each first met inside the step.
    expect([...(rate?.keys() ?? [])].sort()).toEqual(of('rate'));
    for (const at of rate?.values() ?? []) {
      expect(at).toBeGreaterThanOrEqual(stepAt);
      expect(at).toBeLessThan(nextAt);
    }
    // At the step's start none is ringed yet; by its end every one is, and in between some.
    expect(nodesReached(rate, stepAt + 1)).toEqual([]);
    expect(nodesReached(rate, nextAt).sort()).toEqual(of('rate'));
    const counts = [...(rate?.values() ?? [])].sort((a, b) => a - b);
    const mid = counts[Math.floor(counts.length / 2)] ?? 0;
    const part = nodesReached(rate, mid);
    expect(part.length).toBeGreaterThan(0);
    expect(part.length).toBeLessThan(of('rate').length);
  });

  it('a step\'s named nodes (its focus) are ringed from its first event', () => {
    const moments = stepNodeMoments(trace, nodes);
    const k = ids.indexOf('power-off');
    const stepAt = trace.events.findIndex((e) => e.kind === 'step' && e.id === 'power-off');
    const named = trace.events[stepAt];
    const focusNodes = named?.kind === 'step' ? named.focus.flatMap((id) => (id.startsWith('kubelet/') ? [id.slice('kubelet/'.length)] : [])) : [];
    expect(focusNodes.length).toBeGreaterThan(0);
    for (const n of focusNodes) expect(moments[k]?.get(n)).toBe(stepAt);
  });
});
