/**
 * The order kube-scheduler's Filter walks nodes in, through its cache (scheduling-algorithm.ts):
 * upstream's node tree, round robin across zones; a zone relabel moves a node in the tree but the
 * snapshot's list is rebuilt only when a node is added or removed (UpdateSnapshot's updateAllLists).
 */
import { describe, expect, it } from 'vitest';
import { createSchedulingAlgorithm } from '../../../src/sim/components/scheduling-algorithm.ts';
import { createRng } from '../../../src/sim/rng.ts';
import { makeNode, makePod } from '../../model/scheduler/helpers.ts';

const ZONE = 'topology.kubernetes.io/zone';
const node = (name: string, zone: string) => makeNode(name, { cpu: '4', memory: '8Gi' }, { labels: { [ZONE]: zone } });

describe("kube-scheduler's node order", () => {
  it('walks the zones in turn; a relabelled node keeps its place until a node is added', () => {
    const algorithm = createSchedulingAlgorithm();
    for (const [name, zone] of [['a-1', 'a'], ['a-2', 'a'], ['b-1', 'b'], ['c-1', 'c']] as const) algorithm.upsertNode(node(name, zone));
    const order = (): string[] => algorithm.schedule(makePod([{ cpu: '100m' }]), createRng(1)).nodes.map((v) => v.name);
    expect(order()).toEqual(['a-1', 'b-1', 'c-1', 'a-2']);
    // The rotating start moved on by four (every node was looked at): back at a-1.
    // a-1 moves to zone c: the tree has a: a-2; b: b-1; c: c-1, a-1, but the list is the old one.
    algorithm.upsertNode(node('a-1', 'c'));
    expect(order()).toEqual(['a-1', 'b-1', 'c-1', 'a-2']);
    algorithm.upsertNode(node('b-2', 'b'));
    // Rebuilt from the tree: a: a-2; b: b-1, b-2; c: c-1, a-1.
    expect(order()).toEqual(['a-2', 'b-1', 'c-1', 'b-2', 'a-1']);
  });
});
