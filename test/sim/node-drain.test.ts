import { describe, expect, it } from 'vitest';
import { nodeDrain } from '../../scenes/node-drain.ts';
import type { Pod } from '../../src/model/objects.ts';
import { podsToEvict } from '../../src/sim/kubectl/drain.ts';
import { runScenario } from '../../src/sim/run.ts';
import { finalObjects, inOrder, messages, msg, states } from './helpers.ts';

const NODE = 'Node/worker-2';
const isWeb = (ref: string | undefined): boolean => ref?.startsWith('Pod/default/web-') ?? false;

describe('node-drain', () => {
  const trace = runScenario(nodeDrain);
  const ev = trace.events;
  const onNode = Object.values(trace.snapshots[0]?.objects ?? {}).filter((o): o is Pod => o.kind === 'Pod' && o.spec.nodeName === 'worker-2');
  const webOnNode = onNode.filter((p) => p.metadata.name.startsWith('web-')).map((p) => `Pod/default/${p.metadata.name}`);

  it('starts with two web pods and the kube-proxy DaemonSet pod on worker-2', () => {
    expect(webOnNode).toHaveLength(2);
    expect(onNode.filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet').map((p) => p.metadata.namespace)).toEqual(['kube-system']);
  });

  it('cordons: spec.unschedulable, then the node lifecycle controller adds the unschedulable NoSchedule taint, and nothing is evicted yet', () => {
    const [patch, stored, taint] = inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'PATCH node (cordon)'),
      (e) => e.kind === 'state' && e.object === NODE && e.changes.some((c) => c.path === 'spec.unschedulable' && c.to === true),
      (e) => e.kind === 'state' && e.object === NODE && e.changes.some((c) => c.path === 'spec.taints'),
    ]);
    expect(patch).toBeLessThan(stored ?? 0);
    const node = ev[taint ?? 0];
    expect(node?.kind === 'state' && node.value?.kind === 'Node' && node.value.spec.taints).toEqual([{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }]);
    const firstEviction = ev.findIndex((e) => e.kind === 'message' && e.action === 'POST pod/eviction');
    expect(ev.slice(0, firstEviction).some((e) => e.kind === 'state' && isWeb(e.object) && e.changes.some((c) => c.path === 'metadata.deletionTimestamp'))).toBe(false);
  });

  it('drains with the Eviction API: LIST the node pods, evict each web pod (not kube-proxy), DisruptionTarget then deletionTimestamp', () => {
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'LIST pods (spec.nodeName=worker-2)'),
      msg('kubectl', 'kube-apiserver', 'GET daemonset'),
      msg('kubectl', 'kube-apiserver', 'POST pod/eviction'),
      (e) => e.kind === 'activity' && e.component === 'kube-apiserver' && e.action === 'eviction',
      (e) => e.kind === 'state' && isWeb(e.object) && e.changes.some((c) => c.path.startsWith('status.conditions.DisruptionTarget')),
      (e) => e.kind === 'state' && isWeb(e.object) && e.changes.some((c) => c.path === 'metadata.deletionTimestamp'),
      msg('kube-apiserver', 'kubectl', '201 Created'),
    ]);
    const evicted = messages(trace).filter((m) => m.action === 'POST pod/eviction').map((m) => m.object);
    expect(new Set(evicted)).toEqual(new Set(webOnNode));
    for (const ref of webOnNode) {
      const marked = states(trace).find((s) => s.object === ref && s.value?.kind === 'Pod' && s.value.status?.conditions?.some((c) => c.type === 'DisruptionTarget'));
      const cond = marked?.value?.kind === 'Pod' ? marked.value.status?.conditions?.find((c) => c.type === 'DisruptionTarget') : undefined;
      expect(cond).toMatchObject({ status: 'True', reason: 'EvictionByEvictionAPI' });
    }
  });

  it('replaces the evicted pods on the other nodes: worker-2 fails NodeUnschedulable', () => {
    const decisions = ev.filter((e) => e.kind === 'decision');
    expect(decisions).toHaveLength(2);
    for (const d of decisions) {
      if (d.kind !== 'decision') continue;
      expect(d.decision.selected).not.toBe('worker-2');
      expect(d.decision.nodes.find((n) => n.name === 'worker-2')?.reasons).toEqual(['node(s) were unschedulable']);
    }
  });

  it('polls each evicted pod (GET every second) until it is gone, then uncordons; the pods stay where they moved', () => {
    const polls = messages(trace).filter((m) => m.from === 'kubectl' && m.action === 'GET pod');
    expect(polls.length).toBeGreaterThanOrEqual(2);
    const evictAt = messages(trace).find((m) => m.action === 'POST pod/eviction')?.t ?? 0;
    expect((polls[0]?.t ?? 0) - evictAt).toBeGreaterThanOrEqual(1_000);
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'PATCH node (uncordon)'),
      (e) => e.kind === 'state' && e.object === NODE && e.changes.some((c) => c.path === 'spec.taints'),
    ]);
    const objs = [...finalObjects(trace).values()];
    const node = objs.find((o) => o.kind === 'Node' && o.metadata.name === 'worker-2');
    expect(node?.kind === 'Node' && node.spec.unschedulable).toBeFalsy();
    expect(node?.kind === 'Node' && node.spec.taints).toEqual([]);
    const pods = objs.filter((o): o is Pod => o.kind === 'Pod');
    const web = pods.filter((p) => p.metadata.name.startsWith('web-'));
    expect(web).toHaveLength(4);
    expect(web.filter((p) => p.spec.nodeName === 'worker-2')).toHaveLength(0);
    const left = pods.filter((p) => p.spec.nodeName === 'worker-2');
    expect(left).toHaveLength(1);
    expect(left[0]?.metadata.name.startsWith('kube-proxy-')).toBe(true);
    expect(left[0]?.metadata.deletionTimestamp).toBeUndefined();
  });

  it('narrates the steps in order', () => {
    const ids = ev.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(ids).toEqual(['steady', 'kubectl-cordon', 'unschedulable', 'unschedulable-taint', 'kubectl-drain', 'list-pods', 'eviction', 'disruption-target', 'replace', 'elsewhere', 'poll', 'drained', 'kubectl-uncordon', 'untaint']);
  });
});

describe('kubectl drain filters (k8s.io/kubectl pkg/drain)', () => {
  const pod = (name: string, owner?: string, mirror = false): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: owner, name: 'x', uid: 'u', controller: true }] } : {}), ...(mirror ? { annotations: { 'kubernetes.io/config.mirror': 'h' } } : {}) },
    spec: { containers: [] },
  });

  it('skips DaemonSet pods with --ignore-daemonsets and refuses them without', () => {
    const pods = [pod('a', 'ReplicaSet'), pod('ds', 'DaemonSet'), pod('m', undefined, true)];
    const ok = podsToEvict(pods, { ignoreDaemonSets: true });
    expect(ok.evict.map((p) => p.metadata.name)).toEqual(['a']);
    expect(ok.warnings).toEqual(['Warning: ignoring DaemonSet-managed Pods: default/ds']);
    expect(podsToEvict(pods, {}).errors).toEqual(['cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/ds']);
  });

  it('refuses a pod with no controller unless --force', () => {
    expect(podsToEvict([pod('bare')], { ignoreDaemonSets: true }).errors).toHaveLength(1);
    expect(podsToEvict([pod('bare')], { force: true }).evict.map((p) => p.metadata.name)).toEqual(['bare']);
  });
});

describe('node-drain without a separate cordon', () => {
  const trace = runScenario(nodeDrain, { params: { cordonFirst: false, replicas: 3 } });

  it('cordons inside drain (GET, PATCH) and still narrates every step', () => {
    inOrder(trace, [msg('kubectl', 'kube-apiserver', 'GET node'), msg('kubectl', 'kube-apiserver', 'PATCH node (cordon)'), msg('kubectl', 'kube-apiserver', 'LIST pods (spec.nodeName=worker-2)')]);
    const ids = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(ids).toEqual(['steady', 'kubectl-drain', 'unschedulable', 'list-pods', 'eviction', 'disruption-target', 'replace', 'elsewhere', 'poll', 'drained', 'kubectl-uncordon', 'untaint']);
  });
});

describe('node-drain with a PodDisruptionBudget (minAvailable 3 of 4)', () => {
  const trace = runScenario(nodeDrain, { params: { minAvailable: 3 } });

  it('allows one eviction, refuses the other with 429 until the replacement is Ready, then retries after 5 s', () => {
    const evictions = messages(trace).filter((m) => m.from === 'kubectl' && m.action.startsWith('POST pod/eviction'));
    const answers = messages(trace).filter((m) => m.to === 'kubectl' && evictions.some((q) => q.id === m.replyTo));
    expect(answers.map((a) => a.status ?? 0).sort((x, y) => x - y)).toEqual([201, 201, 429]);
    const refused = evictions.find((q) => answers.find((a) => a.replyTo === q.id)?.status === 429);
    const retry = evictions.find((q) => q.action === 'POST pod/eviction (retry)');
    expect(retry?.object).toBe(refused?.object);
    expect((retry?.t ?? 0) - (answers.find((a) => a.status === 429)?.arrive ?? 0)).toBe(5_000);
    // Before the retry, the disruption controller saw the replacement Ready: one disruption allowed again.
    const allowedAgain = states(trace).find((s) => s.object === 'PodDisruptionBudget/default/web-pdb' && s.t < (retry?.t ?? 0) && s.changes.some((c) => c.path === 'status.disruptionsAllowed' && c.to === 1));
    expect(allowedAgain).toBeDefined();
    const ids = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(ids).toContain('budget-retry');
    // Never fewer than 3 web pods Ready and not terminating.
    let low = Infinity;
    const pods = new Map<string, Pod>();
    for (const [ref, o] of Object.entries(trace.snapshots[0]?.objects ?? {})) if (o.kind === 'Pod' && o.metadata.name.startsWith('web-')) pods.set(ref, o);
    for (const s of states(trace)) {
      if (!isWeb(s.object)) continue;
      if (s.value?.kind === 'Pod') pods.set(s.object, s.value);
      else pods.delete(s.object);
      low = Math.min(low, [...pods.values()].filter((p) => !p.metadata.deletionTimestamp && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length);
    }
    expect(low).toBe(3);
  });
});

describe('disruption controller budget status', () => {
  it('computes disruptionsAllowed from Ready pods and minAvailable or maxUnavailable', async () => {
    const { budgetStatus } = await import('../../src/sim/components/controllers/disruption.ts');
    const pod = (name: string, ready: boolean): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers: [] }, status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] } });
    const pdb = (spec: { minAvailable?: number | string; maxUnavailable?: number | string }) => ({ apiVersion: 'policy/v1' as const, kind: 'PodDisruptionBudget' as const, metadata: { name: 'b' }, spec: { selector: {}, ...spec } });
    const pods = [pod('a', true), pod('b', true), pod('c', true), pod('d', false)];
    expect(budgetStatus(pdb({ minAvailable: 2 }), pods, 4)).toMatchObject({ currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 4 });
    expect(budgetStatus(pdb({ maxUnavailable: 1 }), pods, 4)).toMatchObject({ desiredHealthy: 3, disruptionsAllowed: 0 });
    expect(budgetStatus(pdb({ minAvailable: '50%' }), pods, 4)).toMatchObject({ desiredHealthy: 2, disruptionsAllowed: 1 });
  });
});
