/**
 * PodTopologySpread with system default constraints has a fast path (systemDefaultScores: counts
 * kept across cycles, one pass over the feasible nodes). It must score exactly as the general path,
 * which a nodeSelector every node matches forces (it may exclude nodes, so counts are summed per call).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/model/objects.ts';
import type { NodeInfo } from '../../../../src/model/scheduler/node-info.ts';
import { spreadScores } from '../../../../src/model/scheduler/plugins/topology-spread/score.ts';
import { infos, node, pod } from './spread-helpers.ts';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const selector = { matchLabels: { app: 'web' } };

function scores(incoming: Pod, list: readonly NodeInfo[], feasible: readonly NodeInfo[]): number[] {
  const out: number[] = [];
  expect(spreadScores(incoming, feasible, list, selector, out)).toBe(true);
  return out.slice(0, feasible.length);
}

describe('PodTopologySpread system defaults: fast path equals the general path', () => {
  it('same scores for any nodes, zones, pods and feasible subset', () => {
    const cluster = fc.record({
      // Per node: its zone (-1: no zone label), and whether it has a hostname label.
      nodes: fc.array(fc.record({ zone: fc.integer({ min: -1, max: 3 }), host: fc.boolean() }), { minLength: 1, maxLength: 12 }),
      // Per pod: its node (an index, wrapped) and whether it matches the selector.
      pods: fc.array(fc.record({ on: fc.nat(), web: fc.boolean(), ns: fc.boolean() }), { maxLength: 60 }),
      feasible: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    });
    fc.assert(
      fc.property(cluster, ({ nodes: shape, pods: podShape, feasible: pick }) => {
        const nodes = shape.map((s, i) => node(`n${i}`, { all: 'yes', ...(s.host ? { [HOST]: `n${i}` } : {}), ...(s.zone < 0 ? {} : { [ZONE]: `z${s.zone}` }) }));
        const pods = podShape.map((p, k) => pod(`p${k}`, { node: `n${p.on % shape.length}`, labels: { app: p.web ? 'web' : 'db' }, namespace: p.ns ? 'default' : 'other' }));
        const list = infos(nodes, pods);
        const chosen = list.filter((_info, i) => pick[i] === true);
        const feasible = chosen.length > 0 ? chosen : list;
        const plain = pod('incoming', { labels: { app: 'web' } });
        const pinned = pod('incoming', { labels: { app: 'web' }, spec: { nodeSelector: { all: 'yes' } } });
        expect(scores(plain, list, feasible)).toEqual(scores(pinned, list, feasible));
      }),
      { numRuns: 300 },
    );
  });
});
