/**
 * The node's kernel on stage (service-routing): every ship whose `node/<node>` the trace lists gets
 * an engine-room strip in place of its capacity strip; packets end there; a step in which a client
 * pod talks keeps that pod on its deck (it is where its tokens start).
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { computeLayout } from '../../src/render/layout.ts';
import { kernelNodes, shipNodes } from '../../src/render/ids.ts';
import { stepPods } from '../../src/render/step-pods.ts';

const def = findScenario('service-routing');
if (def === undefined) throw new Error('service-routing');
const trace = runScenario(def);
const nodes = shipNodes(trace.topology);

describe('the node kernel', () => {
  it('is drawn on every worker ship of service-routing and on none of pod-creation', () => {
    expect(kernelNodes(trace.topology)).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const other = findScenario('pod-creation');
    if (other === undefined) throw new Error('pod-creation');
    expect(kernelNodes(runScenario(other).topology)).toEqual([]);
  });

  it.each([
    [1280, 720, false],
    [1920, 1080, false],
    [680, 250, true],
  ] as const)('at %ix%i the strip sits under the deck with a row of pods above it, and is a token end', (w, h, simple) => {
    const l = computeLayout(w, h, nodes, [], { simple, shelf: true, kernels: kernelNodes(trace.topology) });
    for (const sl of l.ships) {
      expect(sl.kernel.h).toBeGreaterThanOrEqual(18 * l.fs);
      expect(sl.capacity.h).toBe(0);
      expect(sl.kernel.y).toBeGreaterThanOrEqual(sl.deck.y + sl.deck.h);
      expect(sl.kernel.y + sl.kernel.h).toBeLessThanOrEqual(sl.ship.y + sl.ship.h);
      expect(sl.deck.h).toBeGreaterThanOrEqual(30 * l.fs);
      expect(l.stations.get(`node/${sl.node}`)).toEqual(sl.kernel);
    }
    const without = computeLayout(w, h, nodes, [], { simple, shelf: true });
    for (const sl of without.ships) expect(sl.kernel.h).toBe(0);
    expect(without.stations.has('node/worker-1')).toBe(false);
  });

  it('keeps the client pod on deck in the steps where it talks (DNS, DNAT, the reply)', () => {
    const pods = stepPods(trace);
    const stepOf = (id: string): number => {
      const e = trace.events.find((x) => x.kind === 'step' && x.id === id);
      return e?.kind === 'step' ? e.index : -1;
    };
    for (const id of ['dns', 'dnat', 'pod-network']) expect([...(pods[stepOf(id)] ?? [])]).toContain('Pod/default/curl');
    // A step in which the client says nothing does not pull its pod forward.
    expect([...(pods[stepOf('cluster-ip')] ?? [])]).not.toContain('Pod/default/curl');
  });
});
