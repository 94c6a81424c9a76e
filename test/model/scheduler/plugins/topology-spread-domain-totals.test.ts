/**
 * System default spreading keeps its per-zone totals across scheduling cycles (domain-totals.ts):
 * on the same node list, scores after pods are added, removed or a node relabelled must equal the
 * scores computed from scratch on a fresh list.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/model/objects.ts';
import { addPodToNodeInfo, createNodeInfo, createNodeInfoChanges, removePodFromNodeInfo, setNodeInfoNode, type NodeInfo } from '../../../../src/model/scheduler/node-info.ts';
import { spreadScores } from '../../../../src/model/scheduler/plugins/topology-spread/score.ts';
import { infos, node, pod } from './spread-helpers.ts';

const HOST = 'kubernetes.io/hostname';
const ZONE = 'topology.kubernetes.io/zone';
const selector = { matchLabels: { app: 'web' } };
const names = ['n1', 'n2', 'n3', 'n4', 'n5'];
const zoneOf = (i: number): Record<string, string> => (i === 4 ? {} : { [ZONE]: i % 2 === 0 ? 'zone-a' : 'zone-b' });
const nodes = names.map((n, i) => node(n, { [HOST]: n, ...zoneOf(i) }));
const incoming = pod('incoming', { labels: { app: 'web' } });

function scoresOn(list: readonly NodeInfo[], feasible: readonly NodeInfo[]): number[] {
  const out: number[] = [];
  expect(spreadScores(incoming, feasible, list, selector, out)).toBe(true);
  return out.slice(0, feasible.length);
}

/** The same cluster built afresh: no memo carried over. */
function fresh(live: readonly NodeInfo[]): NodeInfo[] {
  const pods: Pod[] = live.flatMap((i) => [...i.pods.values()].map((p) => p.pod));
  return infos(
    live.map((i) => i.node),
    pods,
  );
}

/** Nodes of one cache: they share its change log, which the totals catch up from. */
const cached = (): NodeInfo[] => {
  const changes = createNodeInfoChanges();
  return nodes.map((n) => createNodeInfo(n, changes));
};

describe('PodTopologySpread system default totals kept across cycles', () => {
  it.each([
    ['standalone infos (every node visited)', () => infos(nodes, [])],
    ["a cache's infos (changes read from its log)", cached],
  ])('scores the same as a fresh count after every change: %s', (_name, build) => {
    const live = build();
    const check = (): void => {
      const again = fresh(live);
      // Some nodes feasible, the others not: totals count every node of the list.
      expect(scoresOn(live, live.slice(1, 4))).toEqual(scoresOn(again, again.slice(1, 4)));
      expect(scoresOn(live, live)).toEqual(scoresOn(again, again));
    };
    check();
    const placed: Pod[] = [];
    for (let k = 0; k < 12; k++) {
      const p = pod(`web-${k}`, { node: names[(k * 3) % 5] ?? 'n1', labels: { app: k % 4 === 3 ? 'other' : 'web' } });
      placed.push(p);
      addPodToNodeInfo(live.find((i) => i.name === p.spec.nodeName) as NodeInfo, p);
      check();
    }
    const gone = placed[2] as Pod;
    removePodFromNodeInfo(live.find((i) => i.name === gone.spec.nodeName) as NodeInfo, gone);
    check();
    // n5 joins zone-b: its pods move domain.
    const n5 = live[4] as NodeInfo;
    setNodeInfoNode(n5, node('n5', { [HOST]: 'n5', [ZONE]: 'zone-b' }));
    check();
  });
});

describe('PodTopologySpread totals from a change log', () => {
  it('recount every node when more changed since the last cycle than the log keeps', () => {
    const live = cached();
    const check = (): void => {
      const again = fresh(live);
      expect(scoresOn(live, live)).toEqual(scoresOn(again, again));
    };
    check();
    const n1 = live[0] as NodeInfo;
    const n2 = live[1] as NodeInfo;
    // 20,000 changes on n1, then one pod that stays on n2: the log has dropped its oldest entries.
    const churn = pod('churn', { node: 'n1', labels: { app: 'web' } });
    for (let k = 0; k < 10_000; k++) {
      addPodToNodeInfo(n1, churn);
      removePodFromNodeInfo(n1, churn);
    }
    addPodToNodeInfo(n2, pod('stays', { node: 'n2', labels: { app: 'web' } }));
    check();
    expect(live[0]?.changes?.first).toBeGreaterThan(0);
  });
});
