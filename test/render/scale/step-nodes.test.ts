import { describe, expect, it } from 'vitest';
import { zoneOutage } from '../../../scenes/zone-outage.ts';
import { stepNodes } from '../../../src/render/scale/step-nodes.ts';
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
});
