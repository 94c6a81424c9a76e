/**
 * The nodes with pods that have affinity, kept across cycles (nodes-with-affinity.ts): after pods
 * come and go, the counts equal those of the nodes' own counters, read afresh.
 */
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/model/objects.ts';
import { addPodToNodeInfo, createNodeInfo, createNodeInfoChanges, removePodFromNodeInfo, type NodeInfo } from '../../../../src/model/scheduler/node-info.ts';
import { nodesWithAffinity } from '../../../../src/model/scheduler/plugins/inter-pod-affinity/nodes-with-affinity.ts';
import { makeNode, makePod } from '../helpers.ts';

const term = { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' };
const preferring = (): Pod => makePod([{ cpu: '100m' }], { affinity: { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }] } } });
const repelling = (): Pod => makePod([{ cpu: '100m' }], { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } } });
const plain = (): Pod => makePod([{ cpu: '100m' }]);

function check(live: readonly NodeInfo[]): void {
  expect(nodesWithAffinity(live)).toMatchObject({
    withAffinity: live.filter((i) => i.podsWithAffinity > 0).length,
    withRequiredAntiAffinity: live.filter((i) => i.podsWithRequiredAntiAffinity > 0).length,
  });
}

describe('nodes with pods that have affinity, kept across cycles', () => {
  it.each([
    ['standalone infos (every node visited)', false],
    ["a cache's infos (changes read from its log)", true],
  ])('count as the nodes do after every change: %s', (_name, shared) => {
    const changes = shared ? createNodeInfoChanges() : undefined;
    const live = ['n1', 'n2', 'n3'].map((n) => createNodeInfo(makeNode(n, { cpu: '4', memory: '8Gi' }), changes));
    const [n1, n2, n3] = live as [NodeInfo, NodeInfo, NodeInfo];
    check(live);
    const a = preferring();
    const b = repelling();
    const c = repelling();
    for (const [info, pod] of [[n1, plain()], [n1, a], [n2, b], [n3, plain()], [n2, c]] as const) {
      addPodToNodeInfo(info, pod);
      check(live);
    }
    for (const [info, pod] of [[n2, b], [n1, a], [n2, c]] as const) {
      removePodFromNodeInfo(info, pod);
      check(live);
    }
    expect(nodesWithAffinity(live)).toMatchObject({ withAffinity: 0, withRequiredAntiAffinity: 0 });
  });
});
