/**
 * ImageLocality's spread kept across scheduling cycles (image-spread.ts): on the same node list,
 * after nodes report new images, the counts and scores must equal those counted afresh.
 */
import { describe, expect, it } from 'vitest';
import type { ContainerImage, Node } from '../../../../src/model/objects.ts';
import { createNodeInfo, createNodeInfoChanges, setNodeInfoNode, type NodeInfo } from '../../../../src/model/scheduler/node-info.ts';
import { imageLocalityScore, imageSpread, podImageNames } from '../../../../src/model/scheduler/plugins/image-locality.ts';
import { makePod } from '../helpers.ts';

const MB = 1024 * 1024;
const image = (sizeMB: number, ...names: string[]): ContainerImage => ({ names, sizeBytes: sizeMB * MB });

function imageNode(name: string, images: readonly ContainerImage[] | undefined): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '110' }, ...(images === undefined ? {} : { images }) } };
}

const a = [image(300, 'gcr.io/300:latest', 'gcr.io/300:v1', 'gcr.io/300:v1')];
const b = [image(600, 'gcr.io/600:latest'), image(300, 'gcr.io/300:latest')];
const c = [image(900, 'gcr.io/900:latest'), image(40, 'gcr.io/900:latest')];

const pod = { ...makePod([{ cpu: '100m' }]), spec: { containers: [{ name: 'x', image: 'gcr.io/300' }, { name: 'y', image: 'gcr.io/900' }] } };

/** Counts and scores of the list, as the memo keeps them and as a fresh list counts them. */
function check(live: readonly NodeInfo[]): void {
  const again = live.map((i) => createNodeInfo(i.node));
  const kept = imageSpread(live);
  const counted = imageSpread(again);
  expect(new Map(kept.numNodes)).toEqual(new Map(counted.numNodes));
  expect(kept.totalNodes).toBe(counted.totalNodes);
  const names = podImageNames(pod);
  expect(live.map((i) => imageLocalityScore(pod, i, kept, names))).toEqual(again.map((i) => imageLocalityScore(pod, i, counted, names)));
}

describe('ImageLocality spread kept across cycles', () => {
  it.each([
    ['standalone infos (every node compared)', false],
    ["a cache's infos (changes read from its log)", true],
  ])('counts the same as a fresh count after every change: %s', (_name, shared) => {
    const changes = shared ? createNodeInfoChanges() : undefined;
    const live = [imageNode('n1', a), imageNode('n2', undefined), imageNode('n3', b)].map((n) => createNodeInfo(n, changes));
    check(live);
    const [n1, n2, n3] = live as [NodeInfo, NodeInfo, NodeInfo];
    setNodeInfoNode(n2, imageNode('n2', c));
    check(live);
    setNodeInfoNode(n1, imageNode('n1', []));
    check(live);
    // A heartbeat: a new Node object with the same images array changes nothing.
    setNodeInfoNode(n3, imageNode('n3', b));
    check(live);
    setNodeInfoNode(n3, imageNode('n3', undefined));
    check(live);
    expect(imageSpread(live).numNodes.get('gcr.io/900:latest')).toBe(1);
    expect(imageSpread(live).numNodes.has('gcr.io/300:latest')).toBe(false);
  });
});
