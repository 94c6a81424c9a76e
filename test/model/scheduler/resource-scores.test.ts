/**
 * NodeResourcesFit (LeastAllocated, MostAllocated, RequestedToCapacityRatio) and
 * NodeResourcesBalancedAllocation scores: the cases of upstream least_allocated_test.go,
 * most_allocated_test.go and balanced_allocation_test.go, re-expressed. Quantities are the upstream
 * ones ("4000" cpu means 4000 cores: only the ratios matter).
 */
import { describe, expect, it } from 'vitest';
import type { ResourceSpec } from '../../../src/model/scheduler/resources.ts';
import type { ScoringStrategy } from '../../../src/model/scheduler/plugins/resource-scorers.ts';
import { brokenLinear } from '../../../src/model/scheduler/plugins/resource-scorers.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';
import { makeNode, makePod, pluginScores } from './helpers.ts';

const EXT = 'example.com/gpu';
const twoContainers = () => makePod([{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }]);
const cpuOnly = (nodeName: string) => makePod([{ cpu: '1000', memory: '0' }, { cpu: '2000', memory: '0' }], { nodeName });
const cpuAndMemory = (nodeName: string) => makePod([{ cpu: '1000', memory: '2000' }, { cpu: '2000', memory: '3000' }], { nodeName });

const fit = (strategy: ScoringStrategy) => ({ fit: { ...DEFAULT_PROFILE.fit, scoringStrategy: strategy } });
const least = (resources: readonly ResourceSpec[] = DEFAULT_PROFILE.fit.scoringStrategy.resources) => fit({ type: 'LeastAllocated', resources });
const most = (resources: readonly ResourceSpec[] = DEFAULT_PROFILE.fit.scoringStrategy.resources) => fit({ type: 'MostAllocated', resources });

describe('NodeResourcesFit LeastAllocated (upstream TestLeastAllocatedScoringStrategy)', () => {
  const n4 = () => [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '4000', memory: '10000' })];
  const n10 = () => [makeNode('node1', { cpu: '10000', memory: '20000' }), makeNode('node2', { cpu: '10000', memory: '20000' })];

  it('nothing scheduled, nothing requested', () => {
    expect(pluginScores('NodeResourcesFit', makePod([]), n4(), [], least())).toEqual([100, 100]);
  });
  it('nothing scheduled, resources requested, differently sized nodes: (25+50)/2=37, 50', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000' })];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [], least())).toEqual([37, 50]);
  });
  it('no resources requested, pods scheduled', () => {
    const existing = [makePod([], { nodeName: 'node1' }), makePod([], { nodeName: 'node1' }), makePod([], { nodeName: 'node2' }), makePod([], { nodeName: 'node2' })];
    expect(pluginScores('NodeResourcesFit', makePod([]), n4(), existing, least())).toEqual([100, 100]);
  });
  it('no resources requested, pods scheduled with resources: (40+100)/2=70, (40+75)/2=57', () => {
    const existing = [
      makePod([{ cpu: '3000', memory: '0' }], { nodeName: 'node1' }),
      makePod([{ cpu: '3000', memory: '0' }], { nodeName: 'node1' }),
      makePod([{ cpu: '3000', memory: '0' }], { nodeName: 'node2' }),
      makePod([{ cpu: '3000', memory: '5000' }], { nodeName: 'node2' }),
    ];
    expect(pluginScores('NodeResourcesFit', makePod([]), n10(), existing, least())).toEqual([70, 57]);
  });
  const oneEach = () => [makePod([{ cpu: '3000', memory: '0' }], { nodeName: 'node1' }), makePod([{ cpu: '3000', memory: '5000' }], { nodeName: 'node2' })];
  it('resources requested, pods scheduled with resources: 57, 45', () => {
    expect(pluginScores('NodeResourcesFit', twoContainers(), n10(), oneEach(), least())).toEqual([57, 45]);
  });
  it('differently sized nodes: 57, (40+80)/2=60', () => {
    const nodes = [makeNode('node1', { cpu: '10000', memory: '20000' }), makeNode('node2', { cpu: '10000', memory: '50000' })];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, oneEach(), least())).toEqual([57, 60]);
  });
  it('requested resources exceed node capacity: cpu scores 0', () => {
    expect(pluginScores('NodeResourcesFit', makePod([{ cpu: '3000', memory: '0' }]), n4(), oneEach(), least())).toEqual([50, 25]);
  });
  it('zero node resources', () => {
    const nodes = [makeNode('node1', {}), makeNode('node2', {})];
    expect(pluginScores('NodeResourcesFit', makePod([]), nodes, oneEach(), least())).toEqual([0, 0]);
  });
  it('memory weight 2, cpu weight 1: (25*1+50*2)/3=41, 50', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000' })];
    const resources = [
      { name: 'memory', weight: 2 },
      { name: 'cpu', weight: 1 },
    ];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [], least(resources))).toEqual([41, 50]);
  });
  const extSet = [...DEFAULT_PROFILE.fit.scoringStrategy.resources, { name: EXT, weight: 1 }];
  it('bypasses an extended resource the pod does not request', () => {
    const nodes = [makeNode('node1', { cpu: '6000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000', [EXT]: '4' })];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [], least(extSet))).toEqual([50, 50]);
  });
  it('honors an extended resource the pod requests: (50+50+50)/3, (50+50+80)/3', () => {
    const pod = makePod([{ cpu: '1000', memory: '2000', [EXT]: '2' }, { cpu: '2000', memory: '3000' }]);
    const nodes = [makeNode('node1', { cpu: '6000', memory: '10000', [EXT]: '4' }), makeNode('node2', { cpu: '6000', memory: '10000', [EXT]: '10' })];
    expect(pluginScores('NodeResourcesFit', pod, nodes, [], least(extSet))).toEqual([50, 60]);
  });
});

describe('NodeResourcesFit MostAllocated (upstream TestMostAllocatedScoringStrategy)', () => {
  it('nothing scheduled, nothing requested', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '4000', memory: '10000' })];
    expect(pluginScores('NodeResourcesFit', makePod([]), nodes, [], most())).toEqual([0, 0]);
  });
  it('nothing scheduled, resources requested, differently sized nodes: (75+50)/2=62, 50', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000' })];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [], most())).toEqual([62, 50]);
  });
  it('no resources requested, pods scheduled with resources: (60+0)/2=30, (60+25)/2=42', () => {
    const nodes = [makeNode('node1', { cpu: '10000', memory: '20000' }), makeNode('node2', { cpu: '10000', memory: '20000' })];
    const existing = [cpuOnly('node1'), cpuOnly('node1'), cpuOnly('node2'), cpuAndMemory('node2')];
    expect(pluginScores('NodeResourcesFit', makePod([]), nodes, existing, most())).toEqual([30, 42]);
  });
  it('resources requested, pods scheduled with resources: (60+25)/2=42, (60+50)/2=55', () => {
    const nodes = [makeNode('node1', { cpu: '10000', memory: '20000' }), makeNode('node2', { cpu: '10000', memory: '20000' })];
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [cpuOnly('node1'), cpuAndMemory('node2')], most())).toEqual([42, 55]);
  });
  it('requested above capacity is capped: (100+0)/2=50', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' })];
    expect(pluginScores('NodeResourcesFit', makePod([{ cpu: '3000', memory: '0' }]), nodes, [cpuOnly('node1')], most())).toEqual([50]);
  });
  it('containers without requests count as 100m / 200Mi', () => {
    const nodes = [makeNode('node1', { cpu: '1', memory: '1000Mi' })];
    // cpu 100m/1000m = 10, memory 200Mi/1000Mi = 20 -> 15
    expect(pluginScores('NodeResourcesFit', makePod([{}]), nodes, [], most())).toEqual([15]);
  });
});

describe('NodeResourcesFit RequestedToCapacityRatio', () => {
  const shape = [
    { utilization: 0, score: 10 },
    { utilization: 100, score: 0 },
  ];
  it('the broken linear function interpolates with integer division, scores scaled by 10', () => {
    expect(brokenLinear(shape, 0)).toBe(100);
    expect(brokenLinear(shape, 50)).toBe(50);
    expect(brokenLinear(shape, 33)).toBe(67);
    expect(brokenLinear(shape, 100)).toBe(0);
    expect(brokenLinear([{ utilization: 30, score: 5 }], 10)).toBe(50);
  });
  it('spreading shape (upstream "nothing scheduled, resources requested, differently sized nodes")', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000' })];
    const strategy: ScoringStrategy = { type: 'RequestedToCapacityRatio', resources: DEFAULT_PROFILE.fit.scoringStrategy.resources, shape };
    // node1: cpu 75% -> 25, mem 50% -> 50: round(75/2)=38; node2: 50, 50 -> 50
    expect(pluginScores('NodeResourcesFit', twoContainers(), nodes, [], fit(strategy))).toEqual([38, 50]);
  });
});

describe('NodeResourcesBalancedAllocation (upstream TestNodeResourcesBalancedAllocation, std formula)', () => {
  it('is skipped for a best-effort pod', () => {
    const nodes = [makeNode('node1', { cpu: '4000', memory: '10000' })];
    expect(pluginScores('NodeResourcesBalancedAllocation', makePod([]), nodes)).toBeUndefined();
    expect(pluginScores('NodeResourcesBalancedAllocation', makePod([{}]), nodes)).toBeUndefined();
  });
  it('nothing scheduled, resources requested, differently sized machines: |0.75-0.5|/2 -> 87, 100', () => {
    const nodes = [makeNode('machine1', { cpu: '4000', memory: '10000' }), makeNode('machine2', { cpu: '6000', memory: '10000' })];
    expect(pluginScores('NodeResourcesBalancedAllocation', twoContainers(), nodes)).toEqual([87, 100]);
  });
  it('resources requested, pods scheduled with resources: 82, 95', () => {
    const nodes = [makeNode('machine1', { cpu: '10000', memory: '20000' }), makeNode('machine2', { cpu: '10000', memory: '20000' })];
    expect(pluginScores('NodeResourcesBalancedAllocation', twoContainers(), nodes, [cpuOnly('machine1'), cpuAndMemory('machine2')])).toEqual([82, 95]);
  });
  it('differently sized machines: 82, 80', () => {
    const nodes = [makeNode('machine1', { cpu: '10000', memory: '20000' }), makeNode('machine2', { cpu: '10000', memory: '50000' })];
    expect(pluginScores('NodeResourcesBalancedAllocation', twoContainers(), nodes, [cpuOnly('machine1'), cpuAndMemory('machine2')])).toEqual([82, 80]);
  });
  it('requested resources exceed node capacity: fractions capped at 1 -> 50, 75', () => {
    const nodes = [makeNode('machine1', { cpu: '4000', memory: '10000' }), makeNode('machine2', { cpu: '4000', memory: '10000' })];
    const pod = makePod([{ cpu: '1000', memory: '0' }, { cpu: '2000', memory: '0' }]);
    expect(pluginScores('NodeResourcesBalancedAllocation', pod, nodes, [cpuOnly('machine1'), cpuAndMemory('machine2')])).toEqual([50, 75]);
  });
  it('three resources use the population standard deviation', () => {
    const nodes = [makeNode('machine1', { cpu: '10000', memory: '20000', [EXT]: '4' })];
    const pod = makePod([{ cpu: '3000', memory: '5000', [EXT]: '1' }]);
    const balancedResources = [...DEFAULT_PROFILE.balancedResources, { name: EXT, weight: 1 }];
    // fractions 0.3, 0.25, 0.25: std 0.02357 -> 97
    expect(pluginScores('NodeResourcesBalancedAllocation', pod, nodes, [], { balancedResources })).toEqual([97]);
  });
  it('uses actual requests: a container without requests counts as zero', () => {
    const nodes = [makeNode('machine1', { cpu: '1', memory: '1Gi' })];
    const pod = makePod([{ cpu: '500m' }]);
    // cpu 0.5, memory 0 (no default 200Mi here) -> std 0.25 -> 75
    expect(pluginScores('NodeResourcesBalancedAllocation', pod, nodes)).toEqual([75]);
  });
});

describe('NodeResourcesFit Score (upstream TestFitScore)', () => {
  const nodes = () => [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '6000', memory: '10000' })];
  const existing = () => [makePod([{ cpu: '2000', memory: '4000' }], { nodeName: 'node1' }), makePod([{ cpu: '1000', memory: '2000' }], { nodeName: 'node2' })];
  const resources = DEFAULT_PROFILE.fit.scoringStrategy.resources;
  const rtcr = (shape: { utilization: number; score: number }[]) => fit({ type: 'RequestedToCapacityRatio', resources, shape });
  const big = () => makePod([{ cpu: '3000', memory: '5000' }]);
  const small = () => makePod([{ cpu: '1000', memory: '2000' }]);
  it('RequestedToCapacityRatio case1 (shape 0->10, 100->0): 10, 32', () => {
    expect(pluginScores('NodeResourcesFit', big(), nodes(), existing(), rtcr([{ utilization: 0, score: 10 }, { utilization: 100, score: 0 }]))).toEqual([10, 32]);
  });
  it('RequestedToCapacityRatio case2 (shape 0->0, 100->10): 95, 68', () => {
    expect(pluginScores('NodeResourcesFit', big(), nodes(), existing(), rtcr([{ utilization: 0, score: 0 }, { utilization: 100, score: 10 }]))).toEqual([95, 68]);
  });
  it('MostAllocated: 67, 36', () => {
    expect(pluginScores('NodeResourcesFit', small(), nodes(), existing(), most())).toEqual([67, 36]);
  });
  it('LeastAllocated: 32, 63', () => {
    expect(pluginScores('NodeResourcesFit', small(), nodes(), existing(), least())).toEqual([32, 63]);
  });
  it('sidecar containers count: MostAllocated 67, 45 and LeastAllocated 32, 55', () => {
    const same = [makeNode('node1', { cpu: '4000', memory: '10000' }), makeNode('node2', { cpu: '4000', memory: '10000' })];
    const withSidecar = makePod([{ cpu: '1000', memory: '2000' }], { nodeName: 'node1' });
    const sidecarPod = {
      ...withSidecar,
      spec: { ...withSidecar.spec, initContainers: [{ name: 'sidecar', image: 'envoy', restartPolicy: 'Always' as const, resources: { requests: { cpu: '1000', memory: '2000' } } }] },
    };
    const others = [sidecarPod, makePod([{ cpu: '1000', memory: '2000' }], { nodeName: 'node2' })];
    expect(pluginScores('NodeResourcesFit', small(), same, others, most())).toEqual([67, 45]);
    expect(pluginScores('NodeResourcesFit', small(), same, others, least())).toEqual([32, 55]);
  });
});
