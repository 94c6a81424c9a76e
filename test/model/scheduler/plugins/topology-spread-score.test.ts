/**
 * PodTopologySpread Score, translated from upstream's table: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/podtopologyspread/scoring_test.go (TestPodTopologySpreadScore,
 * the cases up to "two Constraints on zone and node, 2 out of 4 nodes are candidates").
 * `nodes` are the candidates (passed Filter), `failed` the other nodes of the snapshot.
 */
import { describe, expect, it } from 'vitest';
import type { LabelSelector, Node, Pod } from '../../../../src/model/objects.ts';
import { spreadScores } from '../../../../src/model/scheduler/plugins/topology-spread/score.ts';
import { constraint, exists, infos, node, pod } from './spread-helpers.ts';

const HOST = 'kubernetes.io/hostname';
const foo = exists('foo');
const hostNode = (name: string) => node(name, { [HOST]: name });
const zoneNode = (name: string, zone: string) => node(name, { zone, [HOST]: name });
/** "a4 b3 c2 d1": 4 foo pods on node-a, 3 on node-b... */
function spread(counts: string): Pod[] {
  return counts.split(' ').flatMap((c) => Array.from({ length: Number(c.slice(1)) }, (_, i) => pod(`p-${c.charAt(0)}${i + 1}`, { node: `node-${c.charAt(0)}`, labels: { foo: '' } })));
}
/** sel null: a constraint without labelSelector. */
const onHost = (maxSkew: number, sel: LabelSelector | null = foo) => pod('p', { labels: { foo: '' }, spread: [constraint(maxSkew, HOST, 'ScheduleAnyway', sel ?? undefined)] });

function scores(incoming: Pod, nodes: readonly Node[], failed: readonly Node[], existing: readonly Pod[], defaultSelector?: LabelSelector): number[] | undefined {
  const all = infos([...nodes, ...failed], existing);
  const out: number[] = [];
  if (!spreadScores(incoming, all.slice(0, nodes.length), all, defaultSelector, out)) return undefined;
  return out;
}

const ABCD = ['node-a', 'node-b', 'node-c', 'node-d'].map(hostNode);

describe('PodTopologySpread Score (upstream TestPodTopologySpreadScore)', () => {
  const cases: readonly { name: string; pod: Pod; nodes: readonly Node[]; failed?: readonly Node[]; existing?: readonly Pod[]; defaultSelector?: LabelSelector; want: number[] }[] = [
    { name: 'one constraint on node, no existing pods', pod: onHost(1), nodes: [hostNode('node-a'), hostNode('node-b')], want: [100, 100] },
    { name: 'one constraint on node, only one node is candidate', pod: onHost(1), nodes: [hostNode('node-a')], failed: [hostNode('node-b')], existing: spread('a2 b1'), want: [100] },
    { name: 'one constraint on node, all nodes have the same number of matching pods', pod: onHost(1), nodes: [hostNode('node-a'), hostNode('node-b')], existing: spread('a1 b1'), want: [100, 100] },
    { name: 'one constraint on node, all 4 nodes are candidates', pod: onHost(1), nodes: ABCD, existing: spread('a2 b1 d3'), want: [20, 60, 100, 0] },
    { name: 'one constraint on node, null selector', pod: onHost(1, null), nodes: ABCD, existing: spread('a2 b1 d3'), want: [100, 100, 100, 100] },
    { name: 'one constraint on node, all 4 nodes are candidates, maxSkew=2', pod: onHost(2), nodes: ABCD, existing: spread('a2 b1 d3'), want: [33, 66, 100, 16] },
    { name: 'one constraint on node, all 4 nodes are candidates, maxSkew=3', pod: onHost(3), nodes: ABCD, existing: spread('a4 b3 c2 d1'), want: [44, 66, 77, 100] },
    {
      name: "system defaulting, nodes don't have zone, pods match service",
      pod: pod('p', { labels: { foo: '' } }),
      nodes: ABCD,
      existing: spread('a4 b3 c2 d1'),
      defaultSelector: { matchLabels: { foo: '' } },
      want: [44, 66, 77, 100],
    },
    {
      name: 'one constraint on node, 3 out of 4 nodes are candidates',
      pod: onHost(1),
      nodes: ['node-a', 'node-b', 'node-x'].map(hostNode),
      failed: [hostNode('node-y')],
      existing: spread('a4 b2 x1 y3'),
      want: [33, 83, 100],
    },
    {
      name: "one constraint on node, 3 out of 4 nodes are candidates, one node doesn't match topology key",
      pod: onHost(1),
      nodes: [hostNode('node-a'), node('node-b', { n: 'node-b' }), hostNode('node-x')],
      failed: [hostNode('node-y')],
      existing: spread('a4 b2 x1 y3'),
      want: [16, 0, 100],
    },
    {
      name: 'one constraint on zone, 3 out of 4 nodes are candidates',
      pod: pod('p', { labels: { foo: '' }, spread: [constraint(1, 'zone', 'ScheduleAnyway', foo)] }),
      nodes: [zoneNode('node-a', 'zone1'), zoneNode('node-b', 'zone1'), zoneNode('node-x', 'zone2')],
      failed: [zoneNode('node-y', 'zone2')],
      existing: spread('a4 b2 x1 y3'),
      want: [75, 75, 100],
    },
    {
      name: 'two Constraints on zone and node, 2 out of 4 nodes are candidates',
      pod: pod('p', { labels: { foo: '' }, spread: [constraint(1, 'zone', 'ScheduleAnyway', foo), constraint(1, HOST, 'ScheduleAnyway', foo)] }),
      nodes: [zoneNode('node-a', 'zone1'), zoneNode('node-x', 'zone2')],
      failed: [zoneNode('node-b', 'zone1'), zoneNode('node-y', 'zone2')],
      existing: spread('a2 b1 x2 y4'),
      want: [100, 63],
    },
  ];
  it.each(cases)('$name', ({ pod: p, nodes, failed, existing, defaultSelector, want }) => {
    expect(scores(p, nodes, failed ?? [], existing ?? [], defaultSelector)).toEqual(want);
  });

  it('skipped without constraints and without a default selector (PreScore Skip)', () => {
    expect(scores(pod('p', { labels: { foo: '' } }), ABCD, [], spread('a1'))).toBeUndefined();
    expect(scores(pod('p', { labels: { foo: '' } }), ABCD, [], spread('a1'), {})).toBeUndefined();
  });
});
