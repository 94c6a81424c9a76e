import { describe, expect, it } from 'vitest';
import { etcdKey } from '../../../src/model/registry.ts';
import { makePod } from '../../../src/sim/builders.ts';
import { EtcdStore, readRange } from '../../../src/sim/components/etcd.ts';

describe('etcd Range: a GET reads one key, a LIST scans a prefix', () => {
  const store = new EtcdStore();
  for (const name of ['web-abc12', 'web', 'api']) store.put(makePod(name));
  const names = (items: readonly { metadata: { name: string } }[]): string[] => items.map((o) => o.metadata.name).sort();

  it('a GET of pod "web" answers that pod only, not every key it is a prefix of', () => {
    expect(names(readRange(store, etcdKey('Pod/default/web'), false, 'Pod/default/web'))).toEqual(['web']);
    // Without the object's ref (a bare key), the same exact match.
    expect(names(readRange(store, etcdKey('Pod/default/web'), false, undefined))).toEqual(['web']);
    expect(readRange(store, etcdKey('Pod/default/gone'), false, 'Pod/default/gone')).toEqual([]);
  });

  it('a LIST answers every key under the prefix', () => {
    expect(names(readRange(store, '/registry/pods/default/', true, undefined))).toEqual(['api', 'web', 'web-abc12']);
  });
});
