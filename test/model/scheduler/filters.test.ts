/**
 * Filter plugins: cases of upstream fit_test.go (TestEnoughRequests), taint_toleration_test.go
 * (TestTaintTolerationFilter), node_affinity_test.go (TestNodeAffinity), node_unschedulable_test.go
 * and node_name_test.go, re-expressed.
 */
import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../../src/model/objects.ts';
import { createPodContext } from '../../../src/model/scheduler/pod-context.ts';
import { nodeAffinityFilter } from '../../../src/model/scheduler/plugins/node-affinity.ts';
import { nodeNameFilter } from '../../../src/model/scheduler/plugins/node-name.ts';
import { NO_IGNORED_RESOURCES, nodeResourcesFitFilter } from '../../../src/model/scheduler/plugins/node-resources-fit-filter.ts';
import { nodeUnschedulableFilter } from '../../../src/model/scheduler/plugins/node-unschedulable.ts';
import { taintTolerationFilter } from '../../../src/model/scheduler/plugins/taint-toleration.ts';
import { infosFor, makeNode, makePod, type PodOpts } from './helpers.ts';
import type { Pod, ResourceList } from '../../../src/model/objects.ts';

const EXT = 'example.com/aaa';
/** upstream makeAllocatableResources(10, 20, 32, 5, 20, 5): 10m cpu, 20 bytes, 32 pods, 5 of an extended resource. */
const smallNode = (pods = '32') => makeNode('node', { cpu: '10m', memory: '20', [EXT]: '5', 'ephemeral-storage': '20' }, { pods });

function fitReasons(pod: Pod, existing: ResourceList[] = [], pods?: string) {
  const info = infosFor([smallNode(pods)], existing.map((r) => makePod([r], { nodeName: 'node' })))[0];
  if (info === undefined) throw new Error('no node');
  const r = nodeResourcesFitFilter(createPodContext(pod), info, NO_IGNORED_RESOURCES);
  return r === null ? null : { code: r.code, reasons: r.reasons };
}

describe('NodeResourcesFit filter (upstream TestEnoughRequests)', () => {
  const req = (cpu: string, memory: string): ResourceList => ({ cpu, memory });
  it('no resources requested always fits', () => {
    expect(fitReasons(makePod([]), [req('10m', '20')])).toBeNull();
  });
  it('too many resources fails', () => {
    expect(fitReasons(makePod([req('1m', '1')]), [req('10m', '20')])).toEqual({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });
  it('too many resources fails due to init container cpu', () => {
    expect(fitReasons(makePod([req('1m', '1')], { init: [req('3m', '1')] }), [req('8m', '19')])?.reasons).toEqual(['Insufficient cpu']);
  });
  it('too many resources fails due to highest init container cpu', () => {
    expect(fitReasons(makePod([req('1m', '1')], { init: [req('3m', '1'), req('2m', '1')] }), [req('8m', '19')])?.reasons).toEqual(['Insufficient cpu']);
  });
  it('too many resources fails due to init container memory', () => {
    expect(fitReasons(makePod([req('1m', '1')], { init: [req('1m', '3')] }), [req('9m', '19')])?.reasons).toEqual(['Insufficient memory']);
  });
  it("init container fits because it's the max, not sum, of containers and init containers", () => {
    expect(fitReasons(makePod([req('1m', '1')], { init: [req('1m', '1')] }), [req('9m', '19')])).toBeNull();
  });
  it('both resources fit', () => {
    expect(fitReasons(makePod([req('1m', '1')]), [req('5m', '5')])).toBeNull();
  });
  it('one resource memory fits', () => {
    expect(fitReasons(makePod([req('2m', '1')]), [req('9m', '5')])?.reasons).toEqual(['Insufficient cpu']);
  });
  it('one resource cpu fits', () => {
    expect(fitReasons(makePod([req('1m', '2')]), [req('5m', '19')])?.reasons).toEqual(['Insufficient memory']);
  });
  it('equal edge case', () => {
    expect(fitReasons(makePod([req('5m', '1')]), [req('5m', '19')])).toBeNull();
  });
  it('equal edge case for init container', () => {
    expect(fitReasons(makePod([req('4m', '1')], { init: [req('5m', '1')] }), [req('5m', '19')])).toBeNull();
  });
  it('extended resource fits / capacity enforced (unresolvable when above allocatable)', () => {
    expect(fitReasons(makePod([{ [EXT]: '1' }]))).toBeNull();
    expect(fitReasons(makePod([{ [EXT]: '6' }]))).toEqual({ code: 'UnschedulableAndUnresolvable', reasons: [`Insufficient ${EXT}`] });
    expect(fitReasons(makePod([{ [EXT]: '3' }]), [{ [EXT]: '3' }])).toEqual({ code: 'Unschedulable', reasons: [`Insufficient ${EXT}`] });
  });
  it('an extended resource the node does not have', () => {
    expect(fitReasons(makePod([{ 'example.com/bbb': '1' }]))?.reasons).toEqual(['Insufficient example.com/bbb']);
  });
  it('Too many pods, even for a pod that requests nothing', () => {
    expect(fitReasons(makePod([]), [req('1m', '1')], '1')).toEqual({ code: 'Unschedulable', reasons: ['Too many pods'] });
    expect(fitReasons(makePod([req('1m', '1')]), [req('1m', '1')], '1')?.reasons).toEqual(['Too many pods']);
  });
  it('a request larger than the whole node is unresolvable (preemption cannot help)', () => {
    expect(fitReasons(makePod([req('11m', '1')]))?.code).toBe('UnschedulableAndUnresolvable');
    expect(fitReasons(makePod([req('6m', '1')]), [req('5m', '1')])?.code).toBe('Unschedulable');
  });
});

describe('TaintToleration filter (upstream TestTaintTolerationFilter)', () => {
  const check = (tolerations: Toleration[], taints: Taint[]) => {
    const info = infosFor([makeNode('n', { cpu: '1' }, { taints })])[0];
    if (info === undefined) throw new Error('no node');
    const opts: PodOpts = { tolerations };
    return taintTolerationFilter(createPodContext(makePod([], opts)), info, 'detailed')?.reasons ?? null;
  };
  const user1: Taint = { key: 'dedicated', value: 'user1', effect: 'NoSchedule' };
  it("a pod having no tolerations can't be scheduled onto a node with nonempty taints", () => {
    expect(check([], [user1])).toEqual(['node(s) had untolerated taint {dedicated: user1}']);
  });
  it('a pod which can be scheduled on a dedicated node assigned to user1 with effect NoSchedule', () => {
    expect(check([{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], [user1])).toBeNull();
  });
  it("a pod which can't be scheduled on a dedicated node assigned to user2 with effect NoSchedule", () => {
    expect(check([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], [user1])).toEqual(['node(s) had untolerated taint {dedicated: user1}']);
  });
  it('a toleration with operator Exists tolerates the taint', () => {
    expect(check([{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }])).toBeNull();
  });
  it('multiple tolerations, multiple taints, all tolerated', () => {
    const tolerations: Toleration[] = [
      { key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' },
      { key: 'foo', operator: 'Exists', effect: 'NoSchedule' },
    ];
    expect(check(tolerations, [{ key: 'dedicated', value: 'user2', effect: 'NoSchedule' }, { key: 'foo', value: 'bar', effect: 'NoSchedule' }])).toBeNull();
  });
  it('key and value match but a non-empty effect does not', () => {
    expect(check([{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }])).toEqual([
      'node(s) had untolerated taint {foo: bar}',
    ]);
  });
  it('an empty toleration effect matches every effect', () => {
    expect(check([{ key: 'foo', operator: 'Equal', value: 'bar' }], [{ key: 'foo', value: 'bar', effect: 'NoSchedule' }])).toBeNull();
  });
  it('PreferNoSchedule taints never filter', () => {
    expect(check([{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }])).toBeNull();
    expect(check([], [{ key: 'dedicated', value: 'user1', effect: 'PreferNoSchedule' }])).toBeNull();
  });
  it('NoExecute taints filter; the unreachable taint has an empty value', () => {
    expect(check([], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }])).toEqual(['node(s) had untolerated taint {node.kubernetes.io/unreachable: }']);
    expect(check([{ key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }], [{ key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' }])).toBeNull();
  });
  it('an empty key with Exists tolerates everything; the first untolerated taint is reported', () => {
    expect(check([{ operator: 'Exists' }], [user1, { key: 'x', effect: 'NoExecute' }])).toBeNull();
    expect(check([], [{ key: 'a', value: '1', effect: 'PreferNoSchedule' }, { key: 'b', value: '2', effect: 'NoExecute' }, user1])).toEqual(['node(s) had untolerated taint {b: 2}']);
  });
  it('the generic wording of newer kube-scheduler', () => {
    const info = infosFor([makeNode('n', {}, { taints: [user1] })])[0];
    if (info === undefined) throw new Error('no node');
    expect(taintTolerationFilter(createPodContext(makePod([])), info, 'generic')?.reasons).toEqual(['node(s) had untolerated taint(s)']);
  });
});

describe('NodeAffinity filter (upstream TestNodeAffinity)', () => {
  const check = (opts: PodOpts, labels: Record<string, string>, name = 'node1') => {
    const info = infosFor([makeNode(name, {}, { labels })])[0];
    if (info === undefined) throw new Error('no node');
    return nodeAffinityFilter(createPodContext(makePod([], opts)), info)?.reasons ?? null;
  };
  const REJECT = ["node(s) didn't match Pod's node affinity/selector"];
  const required = (...terms: object[]): PodOpts => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
  it('no affinity and no selector: fits', () => expect(check({}, {})).toBeNull());
  it('missing labels', () => expect(check({ nodeSelector: { foo: 'bar' } }, {})).toEqual(REJECT));
  it('same labels / node labels are a superset', () => {
    expect(check({ nodeSelector: { foo: 'bar' } }, { foo: 'bar' })).toBeNull();
    expect(check({ nodeSelector: { foo: 'bar' } }, { foo: 'bar', baz: 'blah' })).toBeNull();
  });
  it('node labels are a subset', () => expect(check({ nodeSelector: { foo: 'bar', baz: 'blah' } }, { foo: 'bar' })).toEqual(REJECT));
  it('matchExpressions In / Gt / NotIn / Exists that match', () => {
    expect(check(required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }), { foo: 'bar' })).toBeNull();
    expect(check(required({ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }), { 'kernel-version': '0206' })).toBeNull();
    expect(check(required({ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }), { 'mem-type': 'DDR3' })).toBeNull();
    expect(check(required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }), { GPU: 'NVIDIA-GRID-K1' })).toBeNull();
  });
  it("affinity that doesn't match the node's labels", () => {
    expect(check(required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['value1', 'value2'] }] }), { foo: 'bar' })).toEqual(REJECT);
  });
  it('empty nodeSelectorTerms, or a term with empty matchExpressions, matches nothing', () => {
    expect(check(required(), { foo: 'bar' })).toEqual(REJECT);
    expect(check(required({ matchExpressions: [] }), { foo: 'bar' })).toEqual(REJECT);
  });
  it('multiple matchExpressions are ANDed, terms ORed', () => {
    const anded = required({ matchExpressions: [{ key: 'GPU', operator: 'Exists' }, { key: 'GPU', operator: 'NotIn', values: ['AMD', 'INTER'] }] });
    expect(check(anded, { GPU: 'NVIDIA-GRID-K1' })).toBeNull();
    expect(check(anded, { GPU: 'AMD' })).toEqual(REJECT);
    const ored = required({ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }, { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] });
    expect(check(ored, { foo: 'bar' })).toBeNull();
  });
  it('affinity and nodeSelector must both be satisfied', () => {
    const both = { ...required({ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }), nodeSelector: { foo: 'bar' } };
    expect(check(both, { foo: 'bar' })).toBeNull();
    expect(check({ ...both, nodeSelector: { foo: 'qux' } }, { foo: 'bar' })).toEqual(REJECT);
  });
  it('matchFields metadata.name', () => {
    const pinned = required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node1'] }] });
    expect(check(pinned, {}, 'node1')).toBeNull();
    expect(check(pinned, {}, 'node2')).toEqual(REJECT);
  });
});

describe('NodeUnschedulable and NodeName filters', () => {
  const cordoned = () => {
    const info = infosFor([makeNode('n', {}, { unschedulable: true })])[0];
    if (info === undefined) throw new Error('no node');
    return info;
  };
  it('a cordoned node rejects pods ...', () => {
    expect(nodeUnschedulableFilter(createPodContext(makePod([])), cordoned())?.reasons).toEqual(['node(s) were unschedulable']);
  });
  it('... unless they tolerate node.kubernetes.io/unschedulable:NoSchedule', () => {
    const pod = makePod([], { tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(nodeUnschedulableFilter(createPodContext(pod), cordoned())).toBeNull();
  });
  it('NodeName', () => {
    const info = cordoned();
    expect(nodeNameFilter(createPodContext(makePod([], { nodeName: 'n' })), info)).toBeNull();
    expect(nodeNameFilter(createPodContext(makePod([], { nodeName: 'other' })), info)?.reasons).toEqual(["node(s) didn't match the requested node name"]);
    expect(nodeNameFilter(createPodContext(makePod([])), info)).toBeNull();
  });
});
