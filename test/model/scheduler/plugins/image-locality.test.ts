/**
 * ImageLocality, translated from upstream's table: kubernetes/kubernetes
 * pkg/scheduler/framework/plugins/imagelocality/image_locality_test.go (TestImageLocalityPriority,
 * TestNormalizedImageName).
 */
import { describe, expect, it } from 'vitest';
import type { Container, ContainerImage, Node, Pod } from '../../../../src/model/objects.ts';
import { normalizedImageName } from '../../../../src/model/scheduler/plugins/image-locality.ts';
import { pluginScores } from '../helpers.ts';

const MB = 1024 * 1024;

const image = (sizeMB: number, ...names: string[]): ContainerImage => ({ names, sizeBytes: sizeMB * MB });

function imageNode(name: string, images: readonly ContainerImage[]): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: {}, status: { allocatable: { cpu: '1', memory: '1Gi', pods: '110' }, images } };
}

const containers = (...images: string[]): Container[] => images.map((img, i) => ({ name: `c${i}`, image: img }));

function pod(images: readonly string[], init: readonly string[] = []): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', uid: 'p' },
    spec: { containers: containers(...images), ...(init.length > 0 ? { initContainers: containers(...init) } : {}) },
  };
}

const node403002000 = [image(40, 'gcr.io/40:latest', 'gcr.io/40:v1', 'gcr.io/40:v1'), image(300, 'gcr.io/300:latest', 'gcr.io/300:v1'), image(2000, 'gcr.io/2000:latest')];
const node25010 = [image(250, 'gcr.io/250:latest'), image(10, 'gcr.io/10:latest', 'gcr.io/10:v1')];
const node60040900 = [image(600, 'gcr.io/600:latest'), image(40, 'gcr.io/40:latest'), image(900, 'gcr.io/900:latest')];
const node300600900 = [image(300, 'gcr.io/300:latest'), image(600, 'gcr.io/600:latest'), image(900, 'gcr.io/900:latest')];
const node400030 = [image(4000, 'gcr.io/4000:latest'), image(30, 'gcr.io/30:latest')];
const node203040 = [image(20, 'gcr.io/20:latest'), image(30, 'gcr.io/30:latest'), image(40, 'gcr.io/40:latest')];
const noImages: ContainerImage[] = [];

const cases: readonly { name: string; pod: Pod; nodes: readonly (readonly ContainerImage[])[]; want: readonly number[] }[] = [
  { name: 'two images spread on two nodes, prefer the larger image one', pod: pod(['gcr.io/40', 'gcr.io/250']), nodes: [node403002000, node25010], want: [0, 5] },
  { name: 'two images on one node, prefer this node', pod: pod(['gcr.io/40', 'gcr.io/300']), nodes: [node403002000, node25010], want: [7, 0] },
  { name: 'if exceed limit, use limit', pod: pod(['gcr.io/10', 'gcr.io/4000']), nodes: [node400030, node25010], want: [100, 0] },
  { name: 'if exceed limit, use limit (with node which has no images present)', pod: pod(['gcr.io/10', 'gcr.io/4000']), nodes: [node400030, node25010, noImages], want: [66, 0, 0] },
  { name: 'pod with multiple large images, node2 is preferred', pod: pod(['gcr.io/300', 'gcr.io/600', 'gcr.io/900']), nodes: [node60040900, node300600900, noImages], want: [32, 36, 0] },
  { name: 'pod with multiple small images', pod: pod(['gcr.io/30', 'gcr.io/40']), nodes: [node203040, node400030], want: [1, 0] },
  { name: 'include InitContainers: two images spread on two nodes, prefer the larger image one', pod: pod(['gcr.io/30'], ['gcr.io/300']), nodes: [node403002000, node203040], want: [6, 0] },
];

describe('ImageLocality (upstream TestImageLocalityPriority)', () => {
  it.each(cases)('$name', ({ pod: p, nodes, want }) => {
    const ns = nodes.map((imgs, i) => imageNode(`node${i + 1}`, imgs));
    expect(pluginScores('ImageLocality', p, ns)).toEqual(want);
  });
});

describe('normalizedImageName (upstream TestNormalizedImageName)', () => {
  it.each([
    ['root', 'root:latest'],
    ['gcr.io:5000/root', 'gcr.io:5000/root:latest'],
    ['root:tag', 'root:tag'],
    ['root@sha256:0123abcd', 'root@sha256:0123abcd'],
  ])('%s -> %s', (input, output) => {
    expect(normalizedImageName(input)).toBe(output);
  });
});
