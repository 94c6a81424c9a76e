/** Property tests: whatever the cluster, the decision respects the filters, the score range, the maximum and determinism. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Node, Pod, Taint } from '../../../src/model/objects.ts';
import { createPodContext } from '../../../src/model/scheduler/pod-context.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';
import { runFilters } from '../../../src/model/scheduler/run-filters.ts';
import { schedulePod } from '../../../src/model/scheduler/schedule.ts';
import { infosFor, makeNode, makePod } from './helpers.ts';

const taint = fc.record({
  key: fc.constantFrom('a', 'b', 'node.kubernetes.io/unreachable'),
  value: fc.constantFrom('', 'x'),
  effect: fc.constantFrom('NoSchedule', 'PreferNoSchedule', 'NoExecute'),
}) as fc.Arbitrary<Taint>;

const nodeArb = (i: number): fc.Arbitrary<Node> =>
  fc
    .record({
      cpu: fc.integer({ min: 0, max: 8000 }),
      mem: fc.integer({ min: 0, max: 16 }),
      pods: fc.integer({ min: 0, max: 6 }),
      zone: fc.constantFrom('a', 'b'),
      taints: fc.array(taint, { maxLength: 2 }),
      unschedulable: fc.boolean(),
    })
    .map((n) => makeNode(`n${i}`, { cpu: `${n.cpu}m`, memory: `${n.mem}Gi` }, { labels: { zone: n.zone }, taints: n.taints, unschedulable: n.unschedulable, pods: String(n.pods) }));

const podArb = fc
  .record({
    cpu: fc.option(fc.integer({ min: 0, max: 4000 })),
    mem: fc.option(fc.integer({ min: 0, max: 8 })),
    tolerate: fc.boolean(),
    zone: fc.option(fc.constantFrom('a', 'b')),
    prefer: fc.option(fc.integer({ min: 1, max: 100 })),
  })
  .map((p): Pod => {
    const requests = { ...(p.cpu === null ? {} : { cpu: `${p.cpu}m` }), ...(p.mem === null ? {} : { memory: `${p.mem}Gi` }) };
    return makePod([requests], {
      ...(p.tolerate ? { tolerations: [{ key: 'a', operator: 'Exists' }] } : {}),
      ...(p.zone === null ? {} : { nodeSelector: { zone: p.zone } }),
      ...(p.prefer === null ? {} : { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: p.prefer, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } }] } } }),
    });
  });

const clusterArb = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    nodes: fc.tuple(...Array.from({ length: n }, (_, i) => nodeArb(i))),
    placed: fc.array(fc.record({ node: fc.integer({ min: 0, max: n - 1 }), cpu: fc.integer({ min: 0, max: 3000 }) }), { maxLength: 6 }),
    pod: podArb,
    draws: fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
  }),
);

const tieBreaker = (draws: readonly number[]) => {
  let i = 0;
  return { intBelow: (n: number) => (draws[i++ % draws.length] ?? 0) % n };
};

describe('scheduler properties', () => {
  it('never selects a node that fails a filter; scores stay in 0..100; the winner has the maximal total; deterministic', () => {
    fc.assert(
      fc.property(clusterArb, ({ nodes, placed, pod, draws }) => {
        const existing = placed.map((p) => makePod([{ cpu: `${p.cpu}m` }], { nodeName: `n${p.node}` }));
        const infos = infosFor(nodes, existing);
        const d = schedulePod(pod, infos, DEFAULT_PROFILE, tieBreaker(draws));
        const ctx = createPodContext(pod);
        for (const [i, v] of d.nodes.entries()) {
          const info = infos[i];
          if (info === undefined) throw new Error('missing node');
          expect(v.feasible).toBe(runFilters(DEFAULT_PROFILE, ctx, info, 'detailed') === null);
          for (const s of Object.values(v.scores)) {
            expect(s).toBeGreaterThanOrEqual(0);
            expect(s).toBeLessThanOrEqual(100);
          }
        }
        if (d.selected !== null) {
          const info = infos.find((n) => n.name === d.selected);
          if (info === undefined) throw new Error('selected an unknown node');
          expect(runFilters(DEFAULT_PROFILE, ctx, info, 'detailed')).toBeNull();
          if (d.scored) {
            const max = Math.max(...d.nodes.filter((n) => n.feasible).map((n) => n.total));
            expect(d.nodes.find((n) => n.name === d.selected)?.total).toBe(max);
            expect(d.tied).toContain(d.selected);
          }
        } else {
          expect(d.nodes.every((n) => !n.feasible)).toBe(true);
          expect(d.failureMessage).toMatch(new RegExp(`^0/${nodes.length} nodes are available`));
        }
        expect(schedulePod(pod, infos, DEFAULT_PROFILE, tieBreaker(draws))).toEqual(d);
      }),
      { numRuns: 400 },
    );
  });
});
