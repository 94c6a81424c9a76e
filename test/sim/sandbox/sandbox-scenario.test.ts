// The sandbox scenario: an empty cluster of the learner's size, where the commands make the story.
import { describe, expect, it } from 'vitest';
import { sandbox } from '../../../scenes/sandbox.ts';
import type { Pod } from '../../../src/model/objects.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { finalObjects } from '../helpers.ts';

const podsOf = (objects: Map<string, unknown>): Pod[] => [...objects.values()].filter((o): o is Pod => typeof o === 'object' && o !== null && 'kind' in o && o.kind === 'Pod');

describe('sandbox', () => {
  it.each([1, 3, 5])('has %i worker nodes in two zones, each with only its kube-proxy pod', (nodes) => {
    const trace = runScenario(sandbox, { params: { nodes } });
    expect(trace.topology.nodes).toEqual(Array.from({ length: nodes }, (_, i) => `worker-${i + 1}`));
    const objects = finalObjects(trace);
    const pods = podsOf(objects);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual([...trace.topology.nodes].sort());
    expect(pods.every((p) => p.metadata.name.startsWith('kube-proxy-'))).toBe(true);
    const zones = trace.topology.nodes.map((n) => {
      const node = objects.get(`Node/${n}`);
      return node?.kind === 'Node' ? node.metadata.labels?.['topology.kubernetes.io/zone'] : undefined;
    });
    expect(zones).toEqual(trace.topology.nodes.map((_, i) => (i % 2 === 0 ? 'zone-a' : 'zone-b')));
    expect(trace.steps).toBe(1);
  });

  it('a command given at 0 ms (the first thing typed, or a link\'s do=0~) comes after the intro: the empty cluster is step 1', () => {
    const trace = runScenario(sandbox, { actions: [{ at: 0, command: 'kubectl create deployment web --image=nginx --replicas=3' }] });
    const steps = trace.events.flatMap((e) => (e.kind === 'step' ? [e.id] : []));
    expect(steps).toEqual(['empty-cluster', 'you-1']);
  });

  it('refuses a cluster larger than the stage shows', () => {
    expect(() => runScenario(sandbox, { params: { nodes: 6 } })).toThrow('nodes: expected a whole number from 1 to 5');
  });

  it('is a story the learner writes: a Deployment exposed by a Service', () => {
    const trace = runScenario(sandbox, {
      actions: [
        { at: 5000, command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80' },
        { at: 5000, command: 'kubectl expose deployment web --port=80' },
      ],
    });
    expect(trace.commands?.map((c) => c.output)).toEqual([['deployment.apps/web created'], ['service/web exposed']]);
    const objects = finalObjects(trace);
    expect(podsOf(objects).filter((p) => p.metadata.labels?.['app'] === 'web' && p.status?.phase === 'Running')).toHaveLength(3);
    const slice = [...objects.values()].find((o) => o.kind === 'EndpointSlice' && o.metadata.labels?.['kubernetes.io/service-name'] === 'web');
    expect(slice?.kind === 'EndpointSlice' && slice.endpoints.filter((e) => e.conditions.ready)).toHaveLength(3);
  });
});
