/** A step's `until:` on a cluster, and a cue's `when:` on trace events. */
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../../src/model/story/conditions.ts';
import type { Matcher } from '../../../src/model/story/matchers.ts';
import { Cluster } from '../../../src/sim/cluster.ts';
import { holds } from '../../../src/sim/story/conditions.ts';
import { predicateOf } from '../../../src/sim/story/matchers.ts';
import type { TraceEvent } from '../../../src/sim/trace.ts';

function cluster(): Cluster {
  const c = new Cluster({ seed: 1, k8sVersion: '1.35' });
  c.addNode('worker-1', { taints: [{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }] });
  c.addNode('worker-2');
  c.seedDeployment('web', 3, { image: 'nginx:1.27' }, ['worker-1', 'worker-2', 'worker-2']);
  return c;
}

describe('conditions', () => {
  const c = cluster();
  const idle = { pendingCommands: 0 };
  const check = (condition: Condition, run = idle): boolean => holds(condition, c, run);

  it('settled: exactly that many Ready pods', () => {
    expect(check({ settled: { deployment: 'web', replicas: 3 } })).toBe(true);
    expect(check({ settled: { deployment: 'web', replicas: 2 } })).toBe(false);
    expect(check({ settled: { deployment: 'api', replicas: 0 } })).toBe(true);
  });

  it('podsOnNode counts the pods bound to a node', () => {
    expect(check({ podsOnNode: { node: 'worker-2', deployment: 'web', count: 2 } })).toBe(true);
    expect(check({ podsOnNode: { node: 'worker-1', deployment: 'web', count: 2 } })).toBe(false);
  });

  it('taint, with or without its effect', () => {
    expect(check({ taint: { node: 'worker-1', key: 'dedicated' } })).toBe(true);
    expect(check({ taint: { node: 'worker-1', key: 'dedicated', effect: 'NoExecute' } })).toBe(false);
    expect(check({ taint: { node: 'worker-2', key: 'dedicated' } })).toBe(false);
    expect(check({ taint: { node: 'worker-9', key: 'dedicated' } })).toBe(false);
  });

  it('field equals a value; a missing object or field is not equal to anything', () => {
    expect(check({ field: { object: 'Deployment/default/web', path: 'spec.replicas', equals: 3 } })).toBe(true);
    expect(check({ field: { object: 'Node/worker-1', path: 'spec.unschedulable', equals: true } })).toBe(false);
    expect(check({ field: { object: 'Node/worker-1', path: 'spec.unschedulable', equals: null } })).toBe(false);
    expect(check({ field: { object: 'Node/worker-9', path: 'metadata.name', equals: 'worker-9' } })).toBe(false);
  });

  it('exists, gone, and the combinations', () => {
    expect(check({ exists: 'Node/worker-2' })).toBe(true);
    expect(check({ gone: 'Node/worker-2' })).toBe(false);
    expect(check({ all: [{ exists: 'Node/worker-2' }, { gone: 'Node/worker-3' }] })).toBe(true);
    expect(check({ any: [{ exists: 'Node/worker-3' }, { gone: 'Node/worker-3' }] })).toBe(true);
    expect(check({ not: { exists: 'Deployment/default/web' } })).toBe(false);
  });

  it('commandsDone follows the commands still running', () => {
    expect(check({ commandsDone: true }, { pendingCommands: 1 })).toBe(false);
    expect(check({ commandsDone: true }, { pendingCommands: 0 })).toBe(true);
  });
});

const message = (over: Partial<Extract<TraceEvent, { kind: 'message' }>>): TraceEvent => ({ kind: 'message', id: 1, from: 'kubectl', to: 'kube-apiserver', type: 'request', action: 'POST pod/eviction', arrive: 2, t: 1, seq: 1, object: 'Pod/default/web-1', ...over });
const state = (object: string, op: 'added' | 'modified' | 'deleted', changes: { path: string; to?: unknown }[] = []): TraceEvent => ({ kind: 'state', t: 1, seq: 1, object, op, changes });

describe('cue matchers', () => {
  const fits = (m: Matcher, e: TraceEvent): boolean => predicateOf(m)(e);

  it('message: exact strings and /regex/ patterns, type and write', () => {
    expect(fits({ message: { from: 'kubectl', action: 'POST pod/eviction' } }, message({}))).toBe(true);
    expect(fits({ message: { action: '/^POST pod/' } }, message({ action: 'POST pod/eviction (retry)' }))).toBe(true);
    expect(fits({ message: { action: 'POST pod' } }, message({}))).toBe(false);
    expect(fits({ message: { type: 'response' } }, message({}))).toBe(false);
    expect(fits({ message: { write: false } }, message({}))).toBe(true);
    expect(fits({ message: { object: '/^Pod\\/default\\/api-/' } }, message({}))).toBe(false);
  });

  it('change, added, deleted', () => {
    expect(fits({ change: { object: '/^Pod\\//', path: 'status.phase', to: 'Running' } }, state('Pod/default/web-1', 'modified', [{ path: 'status.phase', to: 'Running' }]))).toBe(true);
    expect(fits({ change: { path: 'status.phase', to: 'Running' } }, state('Pod/default/web-1', 'modified', [{ path: 'status.phase', to: 'Pending' }]))).toBe(false);
    expect(fits({ added: '/^Pod\\//' }, state('Pod/default/web-1', 'added'))).toBe(true);
    expect(fits({ deleted: 'Pod/default/web-1' }, state('Pod/default/web-1', 'added'))).toBe(false);
  });

  it('activity with its English label, and component status', () => {
    const activity: TraceEvent = { kind: 'activity', t: 1, seq: 1, component: 'kube-controller-manager', action: 'node-lifecycle-controller/taint', until: 2, object: 'Node/worker-2', label: { en: 'worker-2 uncordoned: taint removed', ko: '...' } };
    expect(fits({ activity: { action: 'node-lifecycle-controller/taint', label: '/uncordoned/' } }, activity)).toBe(true);
    expect(fits({ activity: { component: 'kube-scheduler' } }, activity)).toBe(false);
    expect(fits({ component: { id: 'kubelet/worker-1', status: 'down' } }, { kind: 'component', t: 1, seq: 1, component: 'kubelet/worker-1', status: 'down' } as TraceEvent)).toBe(true);
  });

  it('after: the first `then` once a `first` has been seen, fresh for every run', () => {
    const m: Matcher = { after: { first: { added: '/^Pod\\//' }, then: { deleted: '/^Pod\\//' } } };
    const once = predicateOf(m);
    expect(once(state('Pod/default/a', 'deleted'))).toBe(false);
    expect(once(state('Pod/default/a', 'added'))).toBe(false);
    expect(once(state('Pod/default/a', 'deleted'))).toBe(true);
    expect(predicateOf(m)(state('Pod/default/a', 'deleted'))).toBe(false);
  });
});
