/**
 * The object card's fields: for objects of real traces at real moments, the key fields and the YAML
 * say what the trace stores (a pod's node and IP, a ReplicaSet's counts and revision, a Service's
 * ClusterIP, an EndpointSlice's endpoints, a node's taints), and nothing is made up.
 */
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findScenario } from '../../scenes/index.ts';
import type { K8sObject, Pod } from '../../src/model/objects.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { Trace } from '../../src/sim/trace.ts';
import { stateAt } from '../../src/timeline/state.ts';
import { objectDoc, objectYaml } from '../../src/ui/object-doc.ts';
import { NONE, objectFacts } from '../../src/ui/object-facts.ts';

function traceOf(id: string): Trace {
  const def = findScenario(id);
  if (def === undefined) throw new Error(id);
  return runScenario(def);
}

const fact = (o: K8sObject, field: string): string | undefined => objectFacts(o).find((f) => f.field === field)?.value;
const objectsAt = (trace: Trace, count: number): K8sObject[] => [...stateAt(trace, { eventCount: count }).objects.values()];
const rolling = traceOf('rolling-update');
const routing = traceOf('service-routing');
const failure = traceOf('node-failure');

describe('object card fields', () => {
  it('a pod: node, phase, IP, conditions, owner and container, as stored at that moment', () => {
    let seen = 0;
    for (const snap of rolling.snapshots) {
      for (const o of objectsAt(rolling, snap.eventIndex)) {
        if (o.kind !== 'Pod') continue;
        seen++;
        expect(fact(o, 'spec.nodeName')).toBe(o.spec.nodeName ?? NONE);
        expect(fact(o, 'status.podIP')).toBe(o.status?.podIP ?? NONE);
        expect(fact(o, 'status.phase')).toBe(o.status?.phase ?? NONE);
        expect(fact(o, 'Ready')).toBe(o.status?.conditions?.find((c) => c.type === 'Ready')?.status ?? NONE);
        expect(fact(o, 'ownerReferences')).toBe(`ReplicaSet/${o.metadata.ownerReferences?.[0]?.name ?? ''}`);
        expect(fact(o, 'containers[web]')).toMatch(/^nginx:1\.2\d\nrequests cpu: 250m, memory: 256Mi$/);
      }
    }
    expect(seen).toBeGreaterThan(10);
  });

  it('a pending pod shows <none> for what is not set yet', () => {
    const pod: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] }, status: { phase: 'Pending' } };
    expect(objectFacts(pod)).toEqual(
      expect.arrayContaining([
        { field: 'spec.nodeName', value: NONE },
        { field: 'status.podIP', value: NONE },
        { field: 'Ready', value: NONE },
        { field: 'metadata.labels', value: NONE },
        { field: 'containers[c]', value: `busybox\nrequests ${NONE}` },
      ]),
    );
  });

  it('a ReplicaSet: replicas, status counts, pod-template-hash and revision', () => {
    const end = objectsAt(rolling, rolling.events.length);
    const sets = end.filter((o) => o.kind === 'ReplicaSet');
    expect(sets.length).toBe(2);
    for (const rs of sets) {
      if (rs.kind !== 'ReplicaSet') continue;
      expect(fact(rs, 'spec.replicas')).toBe(String(rs.spec.replicas));
      expect(fact(rs, 'status.readyReplicas')).toBe(String(rs.status?.readyReplicas ?? 0));
      expect(fact(rs, 'pod-template-hash')).toBe(rs.metadata.labels?.['pod-template-hash']);
      expect(rs.metadata.name.endsWith(fact(rs, 'pod-template-hash') ?? '?')).toBe(true);
      expect(fact(rs, 'deployment.kubernetes.io/revision')).toMatch(/^[1-9]$/);
    }
    const dep = end.find((o) => o.kind === 'Deployment');
    if (dep?.kind !== 'Deployment') throw new Error('no Deployment');
    expect(fact(dep, 'maxSurge')).toBe(String(dep.spec.strategy?.rollingUpdate?.maxSurge));
    expect(fact(dep, 'strategy.type')).toBe('RollingUpdate');
  });

  it('a Service and its EndpointSlice: ClusterIP, ports, selector, endpoints with conditions and node', () => {
    const end = objectsAt(routing, routing.events.length);
    const svc = end.find((o) => o.kind === 'Service' && o.metadata.name === 'web');
    const slice = end.find((o) => o.kind === 'EndpointSlice');
    if (svc?.kind !== 'Service' || slice?.kind !== 'EndpointSlice') throw new Error('no Service web / EndpointSlice');
    expect(fact(svc, 'spec.clusterIP')).toMatch(/^10\.(?:9[6-9]|10\d|11[01])\.\d+\.\d+$/);
    expect(fact(svc, 'spec.clusterIP')).toBe(svc.spec.clusterIP);
    expect(fact(svc, 'spec.selector')).toBe('app=web');
    expect(fact(svc, 'spec.ports')).toBe('80→80/TCP');
    expect(slice.endpoints.length).toBeGreaterThan(0);
    for (const e of slice.endpoints) {
      const v = fact(slice, e.addresses[0] ?? '?');
      expect(v).toContain(`ready=${String(e.conditions.ready)}`);
      expect(v).toContain(`nodeName: ${e.nodeName ?? ''}`);
    }
  });

  it('a failed node: its taints and Ready condition', () => {
    const end = objectsAt(failure, failure.events.length);
    const tainted = end.find((o) => o.kind === 'Node' && (o.spec.taints?.length ?? 0) > 0);
    if (tainted?.kind !== 'Node') throw new Error('node-failure taints no node');
    expect(fact(tainted, 'spec.taints')).toContain('node.kubernetes.io/unreachable:NoExecute');
    expect(fact(tainted, 'Ready')).toBe('Unknown');
    expect(fact(tainted, 'status.allocatable')).toContain('cpu: ');
  });

  it('the YAML is the stored object, trimmed of uids and resourceVersion, in kubectl order', () => {
    const pod = objectsAt(rolling, rolling.events.length).find((o): o is Pod => o.kind === 'Pod');
    if (pod === undefined) throw new Error('no pod');
    const doc = objectDoc(pod);
    expect(Object.keys(doc)).toEqual(['apiVersion', 'kind', 'metadata', 'spec', 'status']);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('"uid"');
    expect(text).not.toContain('resourceVersion');
    // What the card prints parses back to the stored fields, with no YAML aliases (*a1) to decode.
    const yaml = objectYaml(pod);
    // A ReplicaSet stores one labels map under metadata, selector and template: printed out each time.
    const rs = objectsAt(rolling, rolling.events.length).find((o) => o.kind === 'ReplicaSet');
    expect(rs).toBeDefined();
    if (rs !== undefined) expect(objectYaml(rs)).not.toMatch(/[&*]a\d/);
    const back = parse(yaml) as { spec: { nodeName: string }; status: { podIP: string }; metadata: { ownerReferences: { kind: string; name: string }[] } };
    expect(back.spec.nodeName).toBe(pod.spec.nodeName);
    expect(back.status.podIP).toBe(pod.status?.podIP);
    expect(back.metadata.ownerReferences[0]).toMatchObject({ kind: 'ReplicaSet', name: pod.metadata.ownerReferences?.[0]?.name });
    expect(JSON.stringify(objectDoc({ ...pod, status: undefined }))).not.toContain('"status"');
  });
});
