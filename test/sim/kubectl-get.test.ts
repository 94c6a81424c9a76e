import { describe, expect, it } from 'vitest';
import { deniedMessage, kubectlGet, UNKNOWN_USER } from '../../scenes/kubectl-get.ts';
import { authenticate, authorize } from '../../src/model/access.ts';
import { forbiddenMessage } from '../../src/model/forbidden.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';
import { inOrder, messages, msg, states } from './helpers.ts';

const api = (action: string) => (e: TraceEvent): boolean => e.kind === 'activity' && e.component === 'kube-apiserver' && e.action === action;

describe('kubectl-get (pods)', () => {
  const trace = runScenario(kubectlGet);
  const kubectlMessages = messages(trace).filter((m) => m.from === 'kubectl' || m.to === 'kubectl');

  it('reads through authentication and authorization, skips admission, ranges etcd and answers 200', () => {
    const [, , , range, answer] = inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'GET pods'),
      api('authenticate'),
      api('authorize'),
      msg('kube-apiserver', 'etcd', 'range /registry/pods/default/'),
      msg('kube-apiserver', 'kubectl', '200 OK (3 items)'),
    ]);
    const between = trace.events.slice(0, answer);
    expect(between.some((e) => e.kind === 'activity' && e.component === 'kube-apiserver' && e.action.startsWith('admission'))).toBe(false);
    expect(range).toBeGreaterThan(0);
  });

  it('writes nothing for a read: no etcd write and no state change from kubectl requests', () => {
    const writesByKubectl = states(trace).filter((s) => !s.object.startsWith('Lease/') && !s.object.startsWith('Event/'));
    expect(writesByKubectl).toEqual([]);
  });

  it('refuses an unknown client with 401 before authorization runs', () => {
    const [req, res] = inOrder(trace, [msg('kubectl', 'kube-apiserver', 'GET pods'), msg('kube-apiserver', 'kubectl', '401 Unauthorized')].map((p, i) => (i === 0 ? (e: TraceEvent) => p(e) && e.t > 1000 : p)));
    const window = trace.events.slice(req, res);
    expect(window.some(api('authenticate'))).toBe(true);
    expect(window.some(api('authorize'))).toBe(false);
    expect(authenticate(UNKNOWN_USER)).toBeUndefined();
  });

  it('refuses the developer with 403 in the upstream wording, and allows the same list in "dev"', () => {
    expect(deniedMessage('pods')).toBe('pods is forbidden: User "developer" cannot list resource "pods" in API group "" in the namespace "default"');
    const statuses = kubectlMessages.filter((m) => m.type === 'response').map((m) => m.status);
    expect(statuses).toEqual([200, 401, 403, 200]);
    inOrder(trace, [msg('kube-apiserver', 'kubectl', '403 Forbidden'), msg('kube-apiserver', 'etcd', 'range /registry/pods/dev/'), msg('kube-apiserver', 'kubectl', '200 OK (0 items)')]);
  });

  it('narrates the steps in order', () => {
    const ids = trace.events.filter((e) => e.kind === 'step').map((e) => (e.kind === 'step' ? e.id : ''));
    expect(ids).toEqual(['kubectl', 'authn', 'authz', 'etcd-read', 'answer', 'unknown-client', 'unauthorized', 'developer', 'forbidden', 'developer-dev', 'own-namespace']);
  });
});

describe('kubectl-get variants', () => {
  it('nodes: cluster-scoped, read from /registry/minions/, 403 "at the cluster scope"', () => {
    const trace = runScenario(kubectlGet, { params: { resource: 'nodes' } });
    inOrder(trace, [msg('kube-apiserver', 'etcd', 'range /registry/minions/'), msg('kube-apiserver', 'kubectl', '200 OK (2 items)'), msg('kube-apiserver', 'kubectl', '403 Forbidden')]);
    expect(deniedMessage('nodes')).toBe('nodes is forbidden: User "developer" cannot list resource "nodes" in API group "" at the cluster scope');
  });

  it('deployments: group apps qualifies the resource', () => {
    expect(deniedMessage('deployments')).toBe('deployments.apps is forbidden: User "developer" cannot list resource "deployments" in API group "apps" in the namespace "default"');
    const trace = runScenario(kubectlGet, { params: { resource: 'deployments' } });
    inOrder(trace, [msg('kube-apiserver', 'etcd', 'range /registry/deployments/default/'), msg('kube-apiserver', 'kubectl', '200 OK (1 items)')]);
  });

  it('names the object when the URL does, and the subresource', () => {
    expect(forbiddenMessage({ user: 'u', verb: 'create', resource: 'pods', subresource: 'binding', apiGroup: '', namespace: 'default', name: 'web' })).toBe(
      'pods "web" is forbidden: User "u" cannot create resource "pods/binding" in API group "" in the namespace "default"',
    );
  });

  it('a RoleBinding applies in its namespace only', () => {
    const dev = authenticate('developer');
    if (!dev) throw new Error('developer is a known user');
    expect(authorize(dev, 'list', 'pods', 'dev').allowed).toBe(true);
    expect(authorize(dev, 'list', 'pods', 'default').allowed).toBe(false);
    expect(authorize(dev, 'list', 'nodes').allowed).toBe(false);
  });
});
