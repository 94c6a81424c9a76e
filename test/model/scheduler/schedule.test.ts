/** schedulePod end to end: filters, skipping, totals, selection, failure and preemption messages, sampling. */
import { describe, expect, it } from 'vitest';
import { schedulePod } from '../../../src/model/scheduler/schedule.ts';
import { DEFAULT_PROFILE } from '../../../src/model/scheduler/profile.ts';
import { addPodToNodeInfo, setNodeInfoNode } from '../../../src/model/scheduler/node-info.ts';
import { infosFor, makeNode, makePod } from './helpers.ts';

const first = { intBelow: () => 1 }; // never replaces: the first of the tied nodes wins
const node = (name: string, cpu: string, opts: Parameters<typeof makeNode>[2] = {}) => makeNode(name, { cpu, memory: '8Gi' }, opts);

describe('schedulePod', () => {
  it('the FailedScheduling message of the brief, with the preemption suffix', () => {
    const nodes = [node('n1', '2', { unschedulable: true }), node('n2', '1'), node('n3', '1')];
    const existing = [makePod([{ cpu: '600m' }], { nodeName: 'n2' }), makePod([{ cpu: '600m' }], { nodeName: 'n3' })];
    const d = schedulePod(makePod([{ cpu: '500m' }]), infosFor(nodes, existing), DEFAULT_PROFILE, first);
    expect(d.selected).toBeNull();
    expect(d.failureMessage).toBe(
      '0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
    );
    expect(d.nodes.map((n) => [n.name, n.feasible, n.failedPlugin, n.reasons])).toEqual([
      ['n1', false, 'NodeUnschedulable', ['node(s) were unschedulable']],
      ['n2', false, 'NodeResourcesFit', ['Insufficient cpu']],
      ['n3', false, 'NodeResourcesFit', ['Insufficient cpu']],
    ]);
  });

  it('without DefaultPreemption there is no suffix; with DRA the PostFilter message starts with its own', () => {
    const nodes = [node('n1', '1'), node('n2', '1')];
    const pod = makePod([{ cpu: '2' }]);
    expect(schedulePod(pod, infosFor(nodes), { ...DEFAULT_PROFILE, preemption: false }, first).failureMessage).toBe('0/2 nodes are available: 2 Insufficient cpu.');
    expect(schedulePod(pod, infosFor(nodes), DEFAULT_PROFILE, first, { dynamicResources: true }).failureMessage).toBe(
      '0/2 nodes are available: 2 Insufficient cpu. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('preemption: lower-priority pods that would make room make the node a candidate, and no suffix is added', () => {
    const nodes = [node('n1', '1')];
    const low = makePod([{ cpu: '800m' }], { nodeName: 'n1', priority: 0 });
    const d = schedulePod(makePod([{ cpu: '500m' }], { priority: 1000 }), infosFor(nodes, [low]), DEFAULT_PROFILE, first);
    expect(d.failureMessage).toBe('0/1 nodes are available: 1 Insufficient cpu.');
    expect(d.preemptionCandidates).toEqual(['n1']);
    const never = makePod([{ cpu: '500m' }], { priority: 1000 });
    const d2 = schedulePod({ ...never, spec: { ...never.spec, preemptionPolicy: 'Never' } }, infosFor(nodes, [low]), DEFAULT_PROFILE, first);
    expect(d2.failureMessage).toBe('0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.');
  });

  it('only one feasible node: no scoring', () => {
    const nodes = [node('a', '1', { taints: [{ key: 'k', effect: 'NoSchedule' }] }), node('b', '1')];
    const d = schedulePod(makePod([{ cpu: '100m' }]), infosFor(nodes), DEFAULT_PROFILE, first);
    expect(d).toMatchObject({ selected: 'b', scored: false, tied: [] });
    expect(d.nodes[1]).toEqual({ name: 'b', feasible: true, reasons: [], scores: {}, total: 0 });
  });

  it('weighted totals: TaintToleration x3, NodeResourcesFit x1, BalancedAllocation x1, ImageLocality x1; NodeAffinity skipped', () => {
    const nodes = [makeNode('a', { cpu: '4', memory: '8Gi' }), makeNode('b', { cpu: '4', memory: '8Gi' }), makeNode('c', { cpu: '2', memory: '8Gi' })];
    const d = schedulePod(makePod([{ cpu: '500m' }]), infosFor(nodes, [makePod([{ cpu: '1' }], { nodeName: 'a' })]), DEFAULT_PROFILE, first);
    // b: cpu (4000-500)*100/4000=87, memory (8Gi-200Mi)*100/8Gi=97 -> 92; balanced |0.125-0|/2 -> 93
    expect(d.nodes.map((n) => [n.name, n.scores, n.total])).toEqual([
      ['a', { TaintToleration: 100, NodeResourcesFit: 78, NodeResourcesBalancedAllocation: 81, ImageLocality: 0 }, 459],
      ['b', { TaintToleration: 100, NodeResourcesFit: 92, NodeResourcesBalancedAllocation: 93, ImageLocality: 0 }, 485],
      ['c', { TaintToleration: 100, NodeResourcesFit: 86, NodeResourcesBalancedAllocation: 87, ImageLocality: 0 }, 473],
    ]);
    expect(d).toMatchObject({ selected: 'b', scored: true, tied: ['b'], skippedScorePlugins: ['NodeAffinity', 'PodTopologySpread', 'InterPodAffinity'] });
  });

  it('ties are broken by the injected tie-breaker', () => {
    const nodes = ['a', 'b', 'c'].map((n) => node(n, '2'));
    const pod = makePod([{ cpu: '100m' }]);
    expect(schedulePod(pod, infosFor(nodes), DEFAULT_PROFILE, first)).toMatchObject({ selected: 'a', tied: ['a', 'b', 'c'] });
    expect(schedulePod(pod, infosFor(nodes), DEFAULT_PROFILE, { intBelow: () => 0 }).selected).toBe('c');
  });

  it('a DaemonSet-style pod pinned by matchFields: other nodes are not evaluated', () => {
    const nodes = [node('a', '1'), node('b', '1'), node('c', '1')];
    const pinned = makePod([{ cpu: '2' }], {
      affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } },
    });
    const d = schedulePod(pinned, infosFor(nodes), DEFAULT_PROFILE, first);
    expect(d.failureMessage).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('terminated pods do not count; addPodToNodeInfo is how a binding is accounted', () => {
    const infos = infosFor([node('a', '1')], [{ ...makePod([{ cpu: '1' }], { nodeName: 'a' }), status: { phase: 'Succeeded' } }]);
    expect(schedulePod(makePod([{ cpu: '1' }]), infos, DEFAULT_PROFILE, first).selected).toBe('a');
    const [info] = infos;
    if (info === undefined) throw new Error('no node');
    addPodToNodeInfo(info, makePod([{ cpu: '1' }], { nodeName: 'a' }));
    expect(schedulePod(makePod([{ cpu: '1' }]), infos, DEFAULT_PROFILE, first).selected).toBeNull();
  });

  it('above 100 nodes only numFeasibleNodesToFind nodes are examined, from the rotating start index', () => {
    const nodes = Array.from({ length: 500 }, (_, i) => node(`n${i}`, '1'));
    const infos = infosFor(nodes);
    const d = schedulePod(makePod([{ cpu: '100m' }]), infos, DEFAULT_PROFILE, first, { startIndex: 10 });
    const examined = d.nodes.filter((n) => n.evaluated !== false);
    expect(examined).toHaveLength(230);
    expect(examined[0]?.name).toBe('n10');
    expect(d.nextStartIndex).toBe(240);
    expect(d.selected).toBe('n10');
    const all = schedulePod(makePod([{ cpu: '100m' }]), infos, DEFAULT_PROFILE, first, { sampleNodes: false });
    expect(all.nodes.filter((n) => n.feasible)).toHaveLength(500);
  });

  it("verdicts: false keeps only the selected node's verdict and decides the same", () => {
    const nodes = ['a', 'b'].map((n) => node(n, '2'));
    const pod = makePod([{ cpu: '100m' }]);
    const full = schedulePod(pod, infosFor(nodes), DEFAULT_PROFILE, first);
    const lean = schedulePod(pod, infosFor(nodes), DEFAULT_PROFILE, first, { verdicts: false });
    expect(lean.selected).toBe('a');
    expect(lean.nodes).toEqual(full.nodes.filter((n) => n.name === 'a'));
    expect(schedulePod(makePod([{ cpu: '3' }]), infosFor(nodes), DEFAULT_PROFILE, first, { verdicts: false }).nodes).toEqual([]);
  });
});

describe('bulk scheduling with incremental NodeInfos', () => {
  it('places 500 pods on 150 nodes without over-committing any node', () => {
    const nodes = Array.from({ length: 150 }, (_, i) => makeNode(`n${i}`, { cpu: i % 2 === 0 ? '2' : '1', memory: '4Gi' }, { pods: '110' }));
    const infos = infosFor(nodes);
    const byName = new Map(infos.map((i) => [i.name, i]));
    let start = 0;
    let placed = 0;
    let last = '';
    for (let k = 0; k < 500; k++) {
      const pod = makePod([{ cpu: '250m', memory: '64Mi' }]);
      const d = schedulePod(pod, infos, DEFAULT_PROFILE, { intBelow: (n) => k % n }, { startIndex: start, verdicts: false });
      start = d.nextStartIndex ?? 0;
      if (d.selected === null) {
        last = d.failureMessage ?? '';
        break;
      }
      const info = byName.get(d.selected);
      if (info === undefined) throw new Error('unknown node');
      addPodToNodeInfo(info, { ...pod, spec: { ...pod.spec, nodeName: d.selected } });
      placed++;
    }
    // room for 75 x 8 + 75 x 4 = 900 such pods, so all 500 fit
    expect(placed).toBe(500);
    for (const info of infos) expect(info.requested.milliCPU).toBeLessThanOrEqual(info.allocatable.milliCPU);
    expect(last).toBe('');
  });

  it('reports FailedScheduling once the cluster is full', () => {
    const infos = infosFor([makeNode('a', { cpu: '500m', memory: '1Gi' }), makeNode('b', { cpu: '250m', memory: '1Gi' })]);
    const byName = new Map(infos.map((i) => [i.name, i]));
    const results: (string | null)[] = [];
    for (let k = 0; k < 4; k++) {
      const pod = makePod([{ cpu: '250m' }]);
      const d = schedulePod(pod, infos, DEFAULT_PROFILE, first);
      results.push(d.selected);
      const info = d.selected === null ? undefined : byName.get(d.selected);
      if (info !== undefined) addPodToNodeInfo(info, { ...pod, spec: { ...pod.spec, nodeName: info.name } });
      if (d.selected === null) expect(d.failureMessage).toBe('0/2 nodes are available: 2 Insufficient cpu. preemption: 0/2 nodes are available: 2 No preemption victims found for incoming pod.');
    }
    expect(results.filter((r) => r !== null).sort()).toEqual(['a', 'a', 'b']);
    expect(results[3]).toBeNull();
  });
});

describe('NodeAffinity PreFilter conflict', () => {
  it('metadata.name terms that no node can satisfy: the PreFilter message', () => {
    const pod = makePod([], {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }, { key: 'metadata.name', operator: 'In', values: ['b'] }] }],
          },
        },
      },
    });
    const d = schedulePod(pod, infosFor([node('a', '1'), node('b', '1')]), DEFAULT_PROFILE, first);
    expect(d.failureMessage).toBe('0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.');
    expect(d.nodes.map((n) => n.reasons)).toEqual([['pod affinity terms conflict'], ['pod affinity terms conflict']]);
  });
});

describe('setNodeInfoNode', () => {
  it('picks up a new allocatable, cordon and taints', () => {
    const infos = infosFor([node('a', '1')]);
    const [info] = infos;
    if (info === undefined) throw new Error('no node');
    setNodeInfoNode(info, makeNode('a', { cpu: '4', memory: '8Gi' }));
    expect(info.allocatable.milliCPU).toBe(4000);
    setNodeInfoNode(info, makeNode('a', { cpu: '4', memory: '8Gi' }, { unschedulable: true }));
    expect(info.allocatable.milliCPU).toBe(4000);
    expect(schedulePod(makePod([{ cpu: '1' }]), infos, DEFAULT_PROFILE, first).failureMessage).toMatch(/^0\/1 nodes are available: 1 node\(s\) were unschedulable\./);
  });
});

describe('an empty cluster', () => {
  it('fails with upstream ErrNoNodesAvailable', () => {
    expect(schedulePod(makePod([]), [], DEFAULT_PROFILE, first)).toMatchObject({ selected: null, failureMessage: 'no nodes available to schedule pods' });
  });
});
