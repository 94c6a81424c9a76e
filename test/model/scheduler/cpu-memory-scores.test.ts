/**
 * The cpu-and-memory path of NodeResourcesFit (LeastAllocated) and BalancedAllocation
 * (cpu-memory-scores.ts) scores exactly as the general one (fillResourceVectors, then
 * strategyScore / balancedResourceScore), nodes without cpu or memory and pods without requests
 * included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/model/objects.ts';
import { addPodToNodeInfo, type NodeInfo } from '../../../src/model/scheduler/node-info.ts';
import { balancedCpuMemory, leastAllocatedCpuMemory } from '../../../src/model/scheduler/plugins/cpu-memory-scores.ts';
import { balancedResourceScore, fillResourceVectors, newResourceVectors, strategyScore } from '../../../src/model/scheduler/plugins/resource-scorers.ts';
import { nodeTable } from '../../../src/model/scheduler/node-table.ts';
import { computePodRequest } from '../../../src/model/scheduler/pod-requests.ts';
import { podRequestFor, type ResourceSpec } from '../../../src/model/scheduler/resources.ts';
import { infosFor, makeNode, makePod } from './helpers.ts';

const requests = fc.record({ cpu: fc.option(fc.integer({ min: 0, max: 5000 })), mem: fc.option(fc.integer({ min: 0, max: 9000 })) });
const toPod = (r: { cpu: number | null; mem: number | null }, nodeName?: string): Pod =>
  makePod([{ ...(r.cpu === null ? {} : { cpu: `${r.cpu}m` }), ...(r.mem === null ? {} : { memory: `${r.mem}Mi` }) }], nodeName === undefined ? {} : { nodeName });

const clusterArb = fc.record({
  nodes: fc.array(fc.record({ cpu: fc.integer({ min: 0, max: 8000 }), mem: fc.integer({ min: 0, max: 16_000 }), pods: fc.array(requests, { maxLength: 4 }) }), { minLength: 1, maxLength: 6 }),
  pod: requests,
  weights: fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 5 })),
});

function build(c: { nodes: { cpu: number; mem: number; pods: { cpu: number | null; mem: number | null }[] }[] }): NodeInfo[] {
  const infos = infosFor(c.nodes.map((n, i) => makeNode(`n${i}`, { cpu: `${n.cpu}m`, memory: `${n.mem}Mi` })));
  c.nodes.forEach((n, i) => n.pods.forEach((p) => addPodToNodeInfo(infos[i] as NodeInfo, toPod(p, `n${i}`))));
  return infos;
}

describe('cpu and memory scores', () => {
  it('match the general resource scoring', () => {
    fc.assert(
      fc.property(clusterArb, (c) => {
        const infos = build(c);
        const request = computePodRequest(toPod(c.pod));
        const resources: ResourceSpec[] = [
          { name: 'cpu', weight: c.weights[0] },
          { name: 'memory', weight: c.weights[1] },
        ];
        const fit: number[] = [];
        const balanced: number[] = [];
        // Read from the flat table, the nodes in reverse order (slots need not be in list order).
        const slots = Int32Array.from(infos.map((_info, i) => infos.length - 1 - i));
        leastAllocatedCpuMemory(nodeTable(infos), slots, infos.length, request, c.weights, fit);
        balancedCpuMemory(nodeTable(infos), slots, infos.length, request, balanced);
        fit.reverse();
        balanced.reverse();
        const v = newResourceVectors(resources);
        const fitPod = resources.map((r) => podRequestFor(request, r.name, true));
        const balancedPod = resources.map((r) => podRequestFor(request, r.name, false));
        infos.forEach((info, j) => {
          fillResourceVectors(info, resources, fitPod, false, v);
          expect(fit[j]).toBe(strategyScore({ type: 'LeastAllocated', resources }, v));
          fillResourceVectors(info, resources, balancedPod, true, v);
          expect(balanced[j]).toBe(balancedResourceScore(v, 2));
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
