// The node lifecycle controller's brake on evictions: NoExecute taints per zone at
// --node-eviction-rate, none in a small partially disrupted zone, none at all when every zone is down.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../../scenes/sandbox.ts';
import type { Node } from '../../src/model/objects.ts';
import { zoneState } from '../../src/sim/components/controllers/zone-disruption.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { Trace } from '../../src/sim/trace.ts';
import { stateAt } from '../../src/timeline/state.ts';

describe('ComputeZoneState', () => {
  // pkg/controller/nodelifecycle ComputeZoneState: full when none is Ready; partial when more than
  // 2 are not Ready and they are at least the threshold; normal otherwise.
  it.each([
    [0, 1, 'full'],
    [0, 5, 'full'],
    [1, 2, 'normal'],
    [1, 3, 'partial'],
    [2, 3, 'partial'],
    [3, 3, 'normal'],
    [5, 0, 'normal'],
    [0, 0, 'normal'],
  ] as const)('%i Ready, %i not: %s', (ready, notReady, state) => {
    expect(zoneState(ready, notReady, 0.55)).toBe(state);
  });
});

const noExecuteAt = (trace: Trace, node: string): number | undefined =>
  trace.events.find((e) => e.kind === 'state' && e.object === `Node/${node}` && e.value?.kind === 'Node' && (e.value.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unreachable' && t.effect === 'NoExecute'))?.t;
const node = (trace: Trace, name: string, simTime: number): Node | undefined => {
  const o = stateAt(trace, { simTime }).objects.get(`Node/${name}`);
  return o?.kind === 'Node' ? o : undefined;
};

describe('NoExecute taints and the zones', () => {
  it('a one-node cluster that loses power evicts nothing: master disruption mode', () => {
    const trace = runScenario(sandbox, { params: { nodes: 1 }, actions: [{ at: 6000, command: 'node power-off worker-1' }, { at: 6000, command: 'wait 8m' }] });
    expect(node(trace, 'worker-1', 120_000)?.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('Unknown');
    expect(node(trace, 'worker-1', 120_000)?.spec.taints).toEqual([expect.objectContaining({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' })]);
    expect(noExecuteAt(trace, 'worker-1')).toBeUndefined();
    // Its kube-proxy pod is still there, never evicted.
    expect([...stateAt(trace, { simTime: trace.endTime }).objects.values()].some((o) => o.kind === 'Pod' && o.spec.nodeName === 'worker-1' && !o.metadata.deletionTimestamp)).toBe(true);
  });

  it('two nodes of one zone lose power together: their NoExecute taints go on 10 s apart (--node-eviction-rate 0.1)', () => {
    // worker-1 and worker-3 are zone-a; worker-2 (zone-b) stays Ready, so this is no master disruption.
    const trace = runScenario(sandbox, { params: { nodes: 3 }, actions: [{ at: 6000, command: 'node power-off worker-1' }, { at: 6000, command: 'node power-off worker-3' }] });
    const first = noExecuteAt(trace, 'worker-1');
    const second = noExecuteAt(trace, 'worker-3');
    expect(first).toBeDefined();
    expect(second).toBeDefined();
    // Tokens 10 s apart; the writes land within the API round trips of that.
    expect(Math.abs((second ?? 0) - (first ?? 0))).toBeGreaterThan(9_900);
    expect(Math.abs((second ?? 0) - (first ?? 0))).toBeLessThan(10_200);
  });

  it('every node down: NoExecute taints come off, and go on again once a node is back', () => {
    const trace = runScenario(sandbox, {
      params: { nodes: 2 },
      actions: [
        { at: 6000, command: 'node power-off worker-1' },
        // worker-1 is tainted NoExecute (worker-2 still Ready), then worker-2 goes too.
        { at: 70_000, command: 'node power-off worker-2' },
        { at: 200_000, command: 'node power-on worker-2' },
      ],
    });
    expect(noExecuteAt(trace, 'worker-1')).toBeLessThan(70_000);
    const lifted = trace.events.find((e) => e.kind === 'activity' && e.label.en.includes('master disruption mode'));
    expect(lifted).toBeDefined();
    const during = node(trace, 'worker-1', 190_000);
    expect((during?.spec.taints ?? []).some((t) => t.effect === 'NoExecute')).toBe(false);
    expect(noExecuteAt(trace, 'worker-2')).toBeUndefined();
    // worker-2 is back: worker-1 gets a fresh grace period, then its NoExecute taint again.
    const again = trace.events.find((e) => e.kind === 'state' && e.object === 'Node/worker-1' && e.t > 200_000 && e.value?.kind === 'Node' && (e.value.spec.taints ?? []).some((t) => t.effect === 'NoExecute'));
    expect(again).toBeDefined();
  });
});
