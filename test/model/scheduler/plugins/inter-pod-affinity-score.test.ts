/**
 * InterPodAffinity Score, translated from upstream's table: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/interpodaffinity/scoring_test.go (TestPreferredAffinity, its first
 * cases: preferred affinity, symmetry of preferred and required terms, preferred anti-affinity).
 */
import { describe, expect, it } from 'vitest';
import type { Node, Pod, PodAffinity, PodAffinityTerm } from '../../../../src/model/objects.ts';
import { affinityScores } from '../../../../src/model/scheduler/plugins/inter-pod-affinity/score.ts';
import { infos, node, pod } from './spread-helpers.ts';

const S1 = { security: 'S1' };
const S2 = { security: 'S2' };
const China = { region: 'China' };
const India = { region: 'India' };
const Az1 = { az: 'az1' };

const inSec = (...values: string[]): PodAffinityTerm['labelSelector'] => ({ matchExpressions: [{ key: 'security', operator: 'In', values }] });
const preferred = (weight: number, labelSelector: PodAffinityTerm['labelSelector'], topologyKey: string): PodAffinity => ({
  preferredDuringSchedulingIgnoredDuringExecution: [{ weight, podAffinityTerm: { ...(labelSelector ? { labelSelector } : {}), topologyKey } }],
});
const stayWithS1InRegion = { podAffinity: preferred(5, inSec('S1'), 'region') };
const stayWithS2InRegion = { podAffinity: preferred(6, inSec('S2'), 'region') };
const affinity3 = {
  podAffinity: {
    preferredDuringSchedulingIgnoredDuringExecution: [
      { weight: 8, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'security', operator: 'NotIn' as const, values: ['S1'] }, { key: 'security', operator: 'In' as const, values: ['S2'] }] }, topologyKey: 'region' } },
      { weight: 2, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'security', operator: 'Exists' as const }, { key: 'wrongkey', operator: 'DoesNotExist' as const }] }, topologyKey: 'region' } },
    ],
  },
};
const hardAffinity = {
  podAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: inSec('S1', 'value2'), topologyKey: 'region' },
      { labelSelector: { matchExpressions: [{ key: 'security', operator: 'Exists' as const }, { key: 'wrongkey', operator: 'DoesNotExist' as const }] }, topologyKey: 'region' },
    ],
  },
};
const awayFromS1InAz = { podAntiAffinity: preferred(5, inSec('S1'), 'az') };

let n = 0;
const on = (nodeName: string, labels: Record<string, string>, affinity?: NonNullable<Pod['spec']['affinity']>) => pod(`e${++n}`, { node: nodeName, labels, ...(affinity ? { spec: { affinity } } : {}) });
const incoming = (labels: Record<string, string>, affinity?: NonNullable<Pod['spec']['affinity']>) => pod('p', { labels, ...(affinity ? { spec: { affinity } } : {}) });
const machines = (...labels: Record<string, string>[]): Node[] => labels.map((l, i) => node(`machine${i + 1}`, l));

function scores(p: Pod, nodes: readonly Node[], existing: readonly Pod[]): number[] | undefined {
  const all = infos(nodes, existing);
  const out: number[] = [];
  return affinityScores(p, all, all, out) ? out : undefined;
}

describe('InterPodAffinity Score (upstream TestPreferredAffinity)', () => {
  const cases: readonly { name: string; pod: Pod; nodes: readonly Node[]; pods: readonly Pod[]; want: number[] | undefined }[] = [
    { name: 'all nodes are same priority as Affinity is nil (PreScore Skip)', pod: incoming(S1), nodes: machines(China, India, Az1), pods: [], want: undefined },
    {
      name: 'Affinity: pod that matches topology key & pods in nodes will get high score comparing to others which doesn\'t match either pods in nodes or in topology key',
      pod: incoming(S1, stayWithS1InRegion),
      nodes: machines(China, India, Az1),
      pods: [on('machine1', S1), on('machine2', S2), on('machine3', S1)],
      want: [100, 0, 0],
    },
    {
      name: 'All the nodes that have the same topology key & label value with one of them has an existing pod that match the affinity rules, have the same score',
      pod: incoming({}, stayWithS1InRegion),
      nodes: machines(China, { ...China, ...Az1 }, India),
      pods: [on('machine1', S1)],
      want: [100, 100, 0],
    },
    {
      name: 'Affinity: nodes in one region has more matching pods comparing to other region, so the region which has more matches will get high score',
      pod: incoming(S1, stayWithS2InRegion),
      nodes: machines(China, India, China, China, India),
      pods: [on('machine1', S2), on('machine1', S2), on('machine2', S2), on('machine3', S2), on('machine4', S2), on('machine5', S2)],
      want: [100, 0, 100, 100, 0],
    },
    {
      name: 'Affinity: different Label operators and values for pod affinity scheduling preference, including some match failures',
      pod: incoming(S1, affinity3),
      nodes: machines(China, India, Az1),
      pods: [on('machine1', S1), on('machine2', S2), on('machine3', S1)],
      want: [20, 100, 0],
    },
    {
      name: 'Affinity symmetry: considered only the preferredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      pod: incoming(S2),
      nodes: machines(China, India, Az1),
      pods: [on('machine1', S1, stayWithS1InRegion), on('machine2', S2, stayWithS2InRegion)],
      want: [0, 100, 0],
    },
    {
      name: 'Affinity symmetry: considered RequiredDuringSchedulingIgnoredDuringExecution in pod affinity symmetry',
      pod: incoming(S1),
      nodes: machines(China, India, Az1),
      pods: [on('machine1', S1, hardAffinity), on('machine2', S2, hardAffinity)],
      want: [100, 100, 0],
    },
    {
      name: "Anti Affinity: pod that doesnot match existing pods in node will get high score",
      pod: incoming(S1, awayFromS1InAz),
      nodes: machines(Az1, China),
      pods: [on('machine1', S1), on('machine2', S2)],
      want: [0, 100],
    },
  ];
  it.each(cases)('$name', ({ pod: p, nodes, pods, want }) => {
    expect(scores(p, nodes, pods)).toEqual(want);
  });
});
