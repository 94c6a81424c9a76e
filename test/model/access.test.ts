import { describe, expect, it } from 'vitest';
import { authenticate } from '../../src/model/access.ts';

describe('authenticate', () => {
  it('gives the same answer every time a user asks (node, service account, admin, unknown)', () => {
    for (let round = 0; round < 2; round++) {
      expect(authenticate('system:node:worker-1')).toEqual({ user: 'system:node:worker-1', groups: ['system:nodes', 'system:authenticated'], method: 'x509 client certificate' });
      expect(authenticate('system:serviceaccount:kube-system:replicaset-controller')).toEqual({
        user: 'system:serviceaccount:kube-system:replicaset-controller',
        groups: ['system:serviceaccounts', 'system:serviceaccounts:kube-system', 'system:authenticated'],
        method: 'service account token',
      });
      expect(authenticate('kubernetes-admin')?.groups).toContain('kubeadm:cluster-admins');
      expect(authenticate('mallory')).toBeUndefined();
      expect(authenticate('system:node:Bad_Name')).toBeUndefined();
    }
  });
});
