/**
 * PodTopologySpread Filter, translated from upstream's tables: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/podtopologyspread/filtering_test.go (TestSingleConstraint,
 * TestMultipleConstraints). S = Success, U = Unschedulable, X = UnschedulableAndUnresolvable.
 */
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../../src/model/objects.ts';
import { spreadFilter, spreadFilterState } from '../../../../src/model/scheduler/plugins/topology-spread/filter.ts';
import { constraint, exists, FOUR_NODES, fooPods, infos, node, pod } from './spread-helpers.ts';

type Code = 'S' | 'U' | 'X';

function codes(incoming: Pod, nodes: readonly Node[], existing: readonly Pod[]): Code[] {
  const all = infos(nodes, existing);
  const state = spreadFilterState(incoming, all);
  return all.map((info) => {
    const r = spreadFilter(state, info);
    if (r === null) return 'S';
    return r.code === 'Unschedulable' ? 'U' : 'X';
  });
}

const zone1 = (sel = exists('foo'), labels: Record<string, string> = { foo: '' }) => pod('p', { labels, spread: [constraint(1, 'zone', 'DoNotSchedule', sel)] });
const byNode = (maxSkew: number, labels: Record<string, string> = { foo: '' }) => pod('p', { labels, spread: [constraint(maxSkew, 'node', 'DoNotSchedule', exists('foo'))] });
const twoFoo = (labels: Record<string, string> = { foo: '' }) => pod('p', { labels, spread: [constraint(1, 'zone', 'DoNotSchedule', exists('foo')), constraint(1, 'node', 'DoNotSchedule', exists('foo'))] });
const fooBar = (labels: Record<string, string>) => pod('p', { labels, spread: [constraint(1, 'zone', 'DoNotSchedule', exists('foo')), constraint(1, 'node', 'DoNotSchedule', exists('bar'))] });
const SPREAD_2103 = fooPods('p-a1', 'p-a2', 'p-b1', 'p-y1', 'p-y2', 'p-y3');

describe('PodTopologySpread Filter (upstream TestSingleConstraint)', () => {
  const cases: readonly { name: string; pod: Pod; nodes?: readonly Node[]; existing?: readonly Pod[]; want: Code[] }[] = [
    { name: 'no existing pods', pod: zone1(), want: ['S', 'S', 'S', 'S'] },
    { name: "no existing pods, incoming pod doesn't match itself", pod: zone1(exists('bar')), want: ['S', 'S', 'S', 'S'] },
    {
      name: 'existing pods in a different namespace do not count',
      pod: zone1(),
      existing: [pod('p-a1', { namespace: 'ns1', node: 'node-a', labels: { foo: '' } }), pod('p-b1', { namespace: 'ns2', node: 'node-a', labels: { foo: '' } }), ...fooPods('p-x1', 'p-y1')],
      want: ['S', 'S', 'U', 'U'],
    },
    { name: 'pods spread across zones as 3/3, all nodes fit', pod: zone1(), existing: SPREAD_2103, want: ['S', 'S', 'S', 'S'] },
    {
      name: "pods spread across zones as 1/2 due to absence of label 'zone' on node-b",
      pod: zone1(),
      nodes: [FOUR_NODES[0] as Node, node('node-b', { zon: 'zone1', node: 'node-b' }), FOUR_NODES[2] as Node, FOUR_NODES[3] as Node],
      existing: fooPods('p-a1', 'p-b1', 'p-x1', 'p-y1'),
      want: ['S', 'X', 'U', 'U'],
    },
    {
      name: "pod cannot be scheduled as all nodes don't have label 'rack'",
      pod: pod('p', { labels: { foo: '' }, spread: [constraint(1, 'rack', 'DoNotSchedule', exists('foo'))] }),
      nodes: [FOUR_NODES[0] as Node, FOUR_NODES[2] as Node],
      want: ['X', 'X'],
    },
    { name: 'pods spread across nodes as 2/1/0/3, only node-x fits', pod: byNode(1), existing: SPREAD_2103, want: ['U', 'U', 'S', 'U'] },
    { name: 'pods spread across nodes as 2/1/0/3, maxSkew is 2, node-b and node-x fit', pod: byNode(2), existing: SPREAD_2103, want: ['U', 'S', 'S', 'U'] },
    { name: "pods spread across nodes as 2/1/0/3, but pod doesn't match itself", pod: byNode(1, { bar: '' }), existing: SPREAD_2103, want: ['U', 'S', 'S', 'U'] },
    {
      name: 'incoming pod has nodeAffinity, pods spread as 2/~1~/~0~/3, hence node-a fits',
      pod: pod('p', {
        labels: { foo: '' },
        spread: [constraint(1, 'node', 'DoNotSchedule', exists('foo'))],
        spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'node', operator: 'In', values: ['node-a', 'node-y'] }] }] } } } },
      }),
      existing: SPREAD_2103,
      // node-b and node-x: "in real case, it's false" (NodeAffinity rejects them; not run here).
      want: ['S', 'S', 'S', 'U'],
    },
    {
      name: 'terminating Pods should be excluded',
      pod: byNode(1),
      nodes: [node('node-a', { node: 'node-a' }), node('node-b', { node: 'node-b' })],
      existing: [pod('p-a', { node: 'node-a', labels: { foo: '' }, terminating: true }), pod('p-b', { node: 'node-b', labels: { foo: '' } })],
      want: ['S', 'U'],
    },
  ];
  it.each(cases)('$name', ({ pod: p, nodes, existing, want }) => {
    expect(codes(p, nodes ?? FOUR_NODES, existing ?? [])).toEqual(want);
  });
});

describe('PodTopologySpread Filter (upstream TestMultipleConstraints)', () => {
  const cases: readonly { name: string; pod: Pod; nodes?: readonly Node[]; existing: readonly Pod[]; want: Code[] }[] = [
    { name: 'two Constraints on zone and node, spreads = [3/3, 2/1/0/3]', pod: twoFoo(), existing: SPREAD_2103, want: ['U', 'U', 'S', 'U'] },
    { name: 'two Constraints on zone and node, spreads = [3/4, 2/1/0/4]', pod: twoFoo(), existing: [...SPREAD_2103, ...fooPods('p-y4')], want: ['U', 'U', 'U', 'U'] },
    {
      name: 'Constraints hold different labelSelectors, spreads = [1/0, 1/0/0/1]',
      pod: fooBar({ foo: '', bar: '' }),
      existing: [pod('p-a1', { node: 'node-a', labels: { foo: '' } }), pod('p-y1', { node: 'node-y', labels: { bar: '' } })],
      want: ['U', 'U', 'S', 'U'],
    },
    {
      name: 'Constraints hold different labelSelectors, spreads = [1/0, 0/0/1/1]',
      pod: fooBar({ foo: '', bar: '' }),
      existing: [pod('p-a1', { node: 'node-a', labels: { foo: '' } }), pod('p-x1', { node: 'node-x', labels: { bar: '' } }), pod('p-y1', { node: 'node-y', labels: { bar: '' } })],
      want: ['U', 'U', 'U', 'U'],
    },
    {
      name: 'Constraints hold different labelSelectors, spreads = [2/3, 1/0/0/1]',
      pod: fooBar({ foo: '', bar: '' }),
      existing: [
        pod('p-a1', { node: 'node-a', labels: { foo: '' } }),
        pod('p-a2', { node: 'node-a', labels: { foo: '', bar: '' } }),
        pod('p-y1', { node: 'node-y', labels: { foo: '' } }),
        pod('p-y2', { node: 'node-y', labels: { foo: '', bar: '' } }),
        pod('p-y3', { node: 'node-y', labels: { foo: '' } }),
      ],
      want: ['U', 'S', 'U', 'U'],
    },
    {
      name: "Constraints hold different labelSelectors but pod doesn't match itself on 'zone' constraint",
      pod: fooBar({ bar: '' }),
      existing: [pod('p-a1', { node: 'node-a', labels: { foo: '' } }), pod('p-x1', { node: 'node-x', labels: { bar: '' } }), pod('p-y1', { node: 'node-y', labels: { bar: '' } })],
      want: ['S', 'S', 'U', 'U'],
    },
    {
      name: "two Constraints on zone and node, absence of label 'node' on node-x, spreads = [1/1, 1/0/0/1]",
      pod: twoFoo(),
      nodes: [FOUR_NODES[0] as Node, FOUR_NODES[1] as Node, node('node-x', { zone: 'zone2' }), FOUR_NODES[3] as Node],
      existing: fooPods('p-a1', 'p-y3'),
      want: ['U', 'S', 'X', 'U'],
    },
  ];
  it.each(cases)('$name', ({ pod: p, nodes, existing, want }) => {
    expect(codes(p, nodes ?? FOUR_NODES, existing)).toEqual(want);
  });
});
