import { describe, expect, it } from 'vitest';
import { forgetParsedRefs } from '../../src/model/objects.ts';
import { etcdKey, forgetEtcdKeys } from '../../src/model/registry.ts';

describe('etcdKey', () => {
  it('stores each kind under its registry prefix, answering a ref asked again (or after a forget) the same', () => {
    const refs = ['Pod/default/web-1', 'Node/worker-1', 'Service/default/web', 'Lease/kube-node-lease/worker-1', 'Pod/default/'];
    const want = ['/registry/pods/default/web-1', '/registry/minions/worker-1', '/registry/services/specs/default/web', '/registry/leases/kube-node-lease/worker-1', '/registry/pods/default/'];
    expect(refs.map(etcdKey)).toEqual(want);
    expect(refs.map(etcdKey)).toEqual(want);
    forgetEtcdKeys();
    forgetParsedRefs();
    expect(refs.map(etcdKey)).toEqual(want);
  });
});
