/**
 * The order kube-scheduler's Filter walks nodes in (upstream node_tree.go): round robin across
 * zones, zones in the order they first appeared, each zone's nodes in the order they were added.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NodeTree, zoneKey } from '../../../src/model/scheduler/node-tree.ts';
import { makeNode } from './helpers.ts';

const tree = (nodes: readonly (readonly [string, string])[]): NodeTree => {
  const t = new NodeTree();
  for (const [name, zone] of nodes) t.add(name, zone);
  return t;
};

describe("kube-scheduler's node tree", () => {
  it('lists one node of each zone in turn; a zone that runs out is skipped', () => {
    const t = tree([['a-1', 'a'], ['a-2', 'a'], ['b-1', 'b'], ['a-3', 'a'], ['c-1', 'c'], ['c-2', 'c']]);
    expect(t.list()).toEqual(['a-1', 'b-1', 'c-1', 'a-2', 'c-2', 'a-3']);
  });

  it('keeps the order nodes were added in, not their names, without zones', () => {
    const t = tree([['worker-2', ''], ['worker-10', ''], ['worker-1', '']]);
    expect(t.list()).toEqual(['worker-2', 'worker-10', 'worker-1']);
  });

  it('drops a zone that empties; it comes back last', () => {
    const t = tree([['a-1', 'a'], ['b-1', 'b'], ['c-1', 'c'], ['a-2', 'a']]);
    t.remove('a-1');
    t.remove('a-2');
    t.add('a-3', 'a');
    expect(t.list()).toEqual(['b-1', 'c-1', 'a-3']);
    expect(t.size).toBe(3);
  });

  it('moves a node whose zone changed to the end of its new zone, and nothing else', () => {
    const t = tree([['a-1', 'a'], ['a-2', 'a'], ['b-1', 'b']]);
    expect(t.update('a-2', 'a')).toBe(false);
    expect(t.update('a-1', 'b')).toBe(true);
    expect(t.list()).toEqual(['a-2', 'b-1', 'a-1']);
    expect(t.add('a-1', 'b')).toBe(false);
    expect(t.remove('nope')).toBe(false);
  });

  it('lists every node once, each zone in the order added, whatever is added and removed', () => {
    const op = fc.oneof(
      fc.record({ add: fc.integer({ min: 0, max: 30 }), zone: fc.constantFrom('', 'a', 'b', 'c') }),
      fc.record({ remove: fc.integer({ min: 0, max: 30 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
        const t = new NodeTree();
        const zones = new Map<string, string[]>();
        for (const o of ops) {
          if ('add' in o) {
            const name = `n${String(o.add)}`;
            if ([...zones.values()].some((names) => names.includes(name))) continue;
            t.add(name, o.zone);
            zones.set(o.zone, [...(zones.get(o.zone) ?? []), name]);
          } else {
            const name = `n${String(o.remove)}`;
            t.remove(name);
            for (const [z, names] of zones) {
              const rest = names.filter((n) => n !== name);
              if (rest.length === 0) zones.delete(z);
              else zones.set(z, rest);
            }
          }
        }
        const listed = t.list();
        expect(new Set(listed).size).toBe(listed.length);
        expect(listed.length).toBe([...zones.values()].reduce((n, names) => n + names.length, 0));
        // Each zone's nodes come out in the order they were added, one per round.
        for (const names of zones.values()) expect(listed.filter((n) => names.includes(n))).toEqual(names);
      }),
    );
  });

  it("keys zones as upstream's GetZoneKey: the beta labels first, region and zone together, '' without either", () => {
    const node = (labels: Record<string, string>) => makeNode('n', { cpu: '1' }, { labels });
    expect(zoneKey(node({}))).toBe('');
    expect(zoneKey(node({ 'topology.kubernetes.io/zone': 'zone-a' }))).toBe(':\u0000:zone-a');
    expect(zoneKey(node({ 'topology.kubernetes.io/zone': 'zone-a', 'failure-domain.beta.kubernetes.io/zone': 'old' }))).toBe(':\u0000:old');
    expect(zoneKey(node({ 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'zone-a' }))).toBe('eu:\u0000:zone-a');
    expect(zoneKey(node({ 'topology.kubernetes.io/region': 'eu' }))).toBe('eu:\u0000:');
  });
});
