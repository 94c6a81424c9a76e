import { describe, expect, it } from 'vitest';
import type { Verb } from '../../../src/model/access.ts';
import { authenticate, authorize } from '../../../src/model/access.ts';
import { makePod } from '../../../src/sim/builders.ts';
import type { ApiRequest } from '../../../src/sim/core/messages.ts';
import { AccessLabels } from '../../../src/sim/components/access-labels.ts';
import { forbiddenTarget, requestNamespace } from '../../../src/sim/components/request-target.ts';

describe("kube-apiserver's authorization, worked out once per caller", () => {
  it('decides as authorize does, for every kind of caller, verb and namespace', () => {
    const labels = new AccessLabels();
    const users = ['kubernetes-admin', 'system:kube-scheduler', 'system:node:n1', 'system:serviceaccount:kube-system:replicaset-controller', 'system:serviceaccount:kube-system:nobody', 'developer'];
    const verbs: readonly Verb[] = ['get', 'list', 'create', 'update', 'patch', 'delete'];
    for (const user of users) {
      const caller = labels.caller(user);
      expect(labels.caller(user)).toBe(caller);
      const identity = caller.identity;
      if (identity === undefined) throw new Error(user);
      expect(identity).toEqual(authenticate(user));
      for (const verb of verbs) {
        for (const resource of ['pods', 'pods/status', 'nodes', 'deployments']) {
          for (const ns of [undefined, 'default', 'dev']) {
            const first = caller.authorized(identity, verb, resource, ns);
            expect(first.decision).toEqual(authorize(identity, verb, resource, ns));
            expect(caller.authorized(identity, verb, resource, ns).decision).toEqual(first.decision);
          }
        }
      }
      expect(caller.label.en).toBe(`authenticate: ${identity.method} (${identity.user})`);
    }
    const stranger = labels.caller('mallory');
    expect(stranger.identity).toBeUndefined();
    expect(stranger.label.en).toBe('authentication failed: "mallory" has no valid credentials');
  });

  it("reads a request's namespace as its 403 target names it", () => {
    const pod = makePod('web-1');
    const requests: ApiRequest[] = [
      { verb: 'create', object: pod },
      { verb: 'create', object: { ...pod, metadata: { ...pod.metadata, namespace: 'dev' } } },
      { verb: 'create', object: { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' }, spec: {} } },
      { verb: 'list', kind: 'Pod' },
      { verb: 'list', kind: 'Pod', namespace: 'dev' },
      { verb: 'get', ref: 'Pod/default/web-1' },
      { verb: 'delete', ref: 'Node/n1' },
      { verb: 'bind', ref: 'Pod/dev/web-1', node: 'n1' },
      { verb: 'evict', ref: 'Pod/default/web-1' },
    ];
    for (const r of requests) expect(requestNamespace(r)).toBe(forbiddenTarget(r).namespace);
  });
});
