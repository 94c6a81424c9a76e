import { describe, expect, it } from 'vitest';
import type { K8sObject } from '../../../src/model/objects.ts';
import { Informer } from '../../../src/sim/components/client.ts';

const obj = (kind: 'Service' | 'Lease', name: string, v = 1): K8sObject => ({ apiVersion: 'v1', kind, metadata: { name, namespace: 'default', labels: { v: String(v) } } }) as unknown as K8sObject;

describe('Informer.ofKind', () => {
  it('lists the items of one kind in the order values() has them, through adds, updates and deletes', () => {
    const inf = new Informer();
    const ops: [('ADDED' | 'MODIFIED' | 'DELETED'), K8sObject][] = [
      ['ADDED', obj('Service', 'a')],
      ['ADDED', obj('Lease', 'x')],
      ['ADDED', obj('Service', 'b')],
      ['MODIFIED', obj('Service', 'a', 2)],
      ['ADDED', obj('Service', 'c')],
      ['DELETED', obj('Service', 'b')],
      ['ADDED', obj('Service', 'b', 3)],
      ['DELETED', obj('Lease', 'x')],
    ];
    for (const [type, o] of ops) {
      inf.apply(type, o);
      expect([...inf.ofKind('Service')]).toEqual([...inf.values()].filter((i) => i.kind === 'Service'));
    }
    expect([...inf.ofKind('Service')].map((s) => `${s.metadata.name}${s.metadata.labels?.['v'] ?? ''}`)).toEqual(['a2', 'c1', 'b3']);
    expect([...inf.ofKind('Lease')]).toEqual([]);
    expect([...inf.ofKind('Deployment')]).toEqual([]);
  });
});

const pod = (name: string, nodeName?: string, v = 1): K8sObject =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', labels: { v: String(v) } }, spec: { containers: [], ...(nodeName === undefined ? {} : { nodeName }) } }) as unknown as K8sObject;

describe('Informer.podsOn', () => {
  it("lists a node's pods in values() order, whatever order they were bound in", () => {
    const inf = new Informer();
    const ops: [('ADDED' | 'MODIFIED' | 'DELETED'), K8sObject][] = [
      ['ADDED', pod('a')],
      ['ADDED', pod('b')],
      ['ADDED', pod('c', 'n2')],
      // b is bound before a: a still comes first, as in values().
      ['MODIFIED', pod('b', 'n1')],
      ['MODIFIED', pod('a', 'n1')],
      ['ADDED', pod('d', 'n1')],
      ['MODIFIED', pod('a', 'n1', 2)],
      // Moved (a delete and a re-create elsewhere, as the informer sees a re-bound name).
      ['DELETED', pod('b', 'n1')],
      ['ADDED', pod('b', 'n2')],
      ['MODIFIED', pod('d', 'n2')],
      ['ADDED', obj('Service', 'svc')],
    ];
    for (const [type, o] of ops) {
      inf.apply(type, o);
      for (const node of ['n1', 'n2', 'n3']) {
        expect(inf.podsOn(node)).toEqual([...inf.values()].filter((i) => i.kind === 'Pod' && i.spec.nodeName === node));
      }
    }
    const names = (node: string): string[] => inf.podsOn(node).map((p) => `${p.metadata.name}${p.metadata.labels?.['v'] ?? ''}`);
    expect(names('n1')).toEqual(['a2']);
    expect(names('n2')).toEqual(['c1', 'd1', 'b1']);
    expect(names('n3')).toEqual([]);
  });
});
