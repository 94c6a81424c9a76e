import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { replicasetSelfHealing } from '../../scenes/replicaset-self-healing.ts';
import { authenticate, authorize } from '../../src/model/access.ts';
import type { K8sObject } from '../../src/model/objects.ts';
import { verbOf } from '../../src/sim/components/apiserver.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { TraceEvent } from '../../src/sim/trace.ts';

const authzLabels = (events: readonly TraceEvent[]): string[] => events.flatMap((e) => (e.kind === 'activity' && e.action === 'authorize' ? [e.label.en] : []));

describe('RBAC verbs follow the HTTP method (apiserver requestinfo.go)', () => {
  it('PUT is "update", PATCH is "patch"', () => {
    const ref = 'ReplicaSet/default/web';
    const mutate = (o: K8sObject): K8sObject => o;
    expect(verbOf({ verb: 'update', method: 'PUT', ref, subresource: 'status', summary: '', mutate })).toBe('update');
    expect(verbOf({ verb: 'update', method: 'PATCH', ref, summary: '', mutate })).toBe('patch');
    expect(verbOf({ verb: 'get', ref })).toBe('get');
    expect(verbOf({ verb: 'delete', ref })).toBe('delete');
  });

  it('the ReplicaSet controller updates its status as verb update, which its bootstrap role grants (patch it does not)', () => {
    const trace = runScenario(replicasetSelfHealing);
    expect(authzLabels(trace.events)).toContain('authorize: update replicasets/status allowed by RBAC: ClusterRole system:controller:replicaset-controller');
    const sa = authenticate('system:serviceaccount:kube-system:replicaset-controller');
    if (!sa) throw new Error('no identity');
    expect(authorize(sa, 'update', 'replicasets/status').allowed).toBe(true);
    expect(authorize(sa, 'patch', 'replicasets/status').allowed).toBe(false);
  });

  it.each(SCENARIOS.map((s) => [s.id, s] as const))('%s: every controller request is allowed by its bootstrap ClusterRole', (_id, def) => {
    const trace = runScenario(def);
    const forbidden = trace.events.filter((e) => e.kind === 'message' && e.to === 'kube-controller-manager' && e.action.startsWith('403'));
    expect(forbidden).toEqual([]);
  });
});
