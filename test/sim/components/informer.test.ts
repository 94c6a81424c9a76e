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
