/** TaintToleration and NodeAffinity scores: upstream TestTaintTolerationScore and TestNodeAffinityPriority, re-expressed. */
import { describe, expect, it } from 'vitest';
import type { PreferredSchedulingTerm, Taint, Toleration } from '../../../src/model/objects.ts';
import { makeNode, makePod, pluginScores } from './helpers.ts';

const prefer = (key: string, value: string): Taint => ({ key, value, effect: 'PreferNoSchedule' });
const tolerate = (key: string, value: string, effect: Toleration['effect'] = 'PreferNoSchedule'): Toleration => ({ key, operator: 'Equal', value, effect });

describe('TaintToleration score (upstream TestTaintTolerationScore)', () => {
  const scores = (tolerations: Toleration[], taintsPerNode: Taint[][]) =>
    pluginScores('TaintToleration', makePod([], { tolerations }), taintsPerNode.map((taints, i) => makeNode(`node${i}`, {}, { taints })));
  it('a node whose taints are tolerated scores higher than one with intolerable taints', () => {
    expect(scores([tolerate('foo', 'bar')], [[prefer('foo', 'bar')], [prefer('foo', 'blah')]])).toEqual([100, 0]);
  });
  it('all tolerated: same score, however many tolerated taints', () => {
    expect(scores([tolerate('cpu-type', 'arm64'), tolerate('disk-type', 'ssd')], [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]])).toEqual([
      100, 100, 100,
    ]);
  });
  it('the more intolerable taints, the lower the score', () => {
    expect(scores([tolerate('foo', 'bar')], [[], [prefer('cpu-type', 'arm64')], [prefer('cpu-type', 'arm64'), prefer('disk-type', 'ssd')]])).toEqual([100, 50, 0]);
  });
  it('only PreferNoSchedule taints and tolerations count', () => {
    const tolerations = [tolerate('cpu-type', 'arm64', 'NoSchedule'), tolerate('disk-type', 'ssd', 'NoSchedule')];
    expect(scores(tolerations, [[], [{ key: 'cpu-type', value: 'arm64', effect: 'NoSchedule' }], [prefer('cpu-type', 'arm64')]])).toEqual([100, 100, 0]);
  });
  it('no taints and no tolerations: the node without taints wins', () => {
    expect(scores([], [[], [prefer('cpu-type', 'arm64')]])).toEqual([100, 0]);
  });
  it('reverse normalization truncates: counts 0,1,3 -> 100, 67, 0', () => {
    expect(scores([], [[], [prefer('a', '1')], [prefer('a', '1'), prefer('b', '1'), prefer('c', '1')]])).toEqual([100, 67, 0]);
  });
});

describe('NodeAffinity score (upstream TestNodeAffinityPriority)', () => {
  const label1 = { foo: 'bar' };
  const label2 = { key: 'value' };
  const label3 = { az: 'az1' };
  const label4 = { abc: 'az11', def: 'az22' };
  const label5 = { foo: 'bar', key: 'value', az: 'az1' };
  const affinity1: PreferredSchedulingTerm[] = [{ weight: 2, preference: { matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }] } }];
  const affinity2: PreferredSchedulingTerm[] = [
    ...affinity1,
    { weight: 4, preference: { matchExpressions: [{ key: 'key', operator: 'In', values: ['value'] }] } },
    {
      weight: 5,
      preference: {
        matchExpressions: [
          { key: 'foo', operator: 'In', values: ['bar'] },
          { key: 'key', operator: 'In', values: ['value'] },
          { key: 'az', operator: 'In', values: ['az1'] },
        ],
      },
    },
  ];
  const scores = (terms: PreferredSchedulingTerm[] | undefined, labels: Record<string, string>[]) =>
    pluginScores(
      'NodeAffinity',
      makePod([], terms === undefined ? {} : { affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: terms } } }),
      labels.map((l, i) => makeNode(`machine${i + 1}`, {}, { labels: l })),
    );
  it('no preferred affinity: the plugin is skipped (all nodes equal)', () => {
    expect(scores(undefined, [label1, label2, label3])).toBeUndefined();
  });
  it('no node matches the preferred terms: all zero', () => {
    expect(scores(affinity1, [label4, label2, label3])).toEqual([0, 0, 0]);
  });
  it('only machine1 matches', () => {
    expect(scores(affinity1, [label1, label2, label3])).toEqual([100, 0, 0]);
  });
  it('all match with different sums: 2, 11, 4 normalized by 11', () => {
    expect(scores(affinity2, [label1, label5, label2])).toEqual([18, 100, 36]);
  });
  it('terms with weight 0 are ignored', () => {
    expect(scores([{ weight: 0, preference: { matchExpressions: [{ key: 'foo', operator: 'Exists' }] } }], [label1, label2])).toEqual([0, 0]);
  });
});
