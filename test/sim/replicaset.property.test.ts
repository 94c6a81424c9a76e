import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../../src/sim/builders.ts';
import { Cluster } from '../../src/sim/cluster.ts';

/** Runs a cluster with no scenario script until `until` ms of simulated time. */
function runUntil(cluster: Cluster, until: number): void {
  while ((cluster.rt.clock.peek() ?? Infinity) <= until) cluster.rt.clock.step();
}

const activePods = (cluster: Cluster) => cluster.pods().filter((p) => p.metadata.name.startsWith('web-') && !p.metadata.deletionTimestamp);

describe('ReplicaSet controller (property)', () => {
  it('converges to the desired replicas, every pod Running on a node that passed Filter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 }), fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 1, max: 10_000 }), (replicas, nodes, scaleTo, seed) => {
        const cluster = new Cluster({ seed, k8sVersion: '1.33', config: { recordEvents: false } });
        for (let i = 0; i < nodes; i++) cluster.addNode(`node-${i}`, { cpu: '8', memory: '16Gi' });
        cluster.start();
        cluster.create(makeDeployment('web', replicas, { requests: { cpu: '100m', memory: '64Mi' } }));
        runUntil(cluster, 30_000);
        let pods = activePods(cluster);
        expect(pods).toHaveLength(replicas);
        for (const p of pods) {
          expect(p.status?.phase).toBe('Running');
          expect(cluster.nodeNames).toContain(p.spec.nodeName);
        }
        cluster.scale('web', scaleTo);
        runUntil(cluster, 60_000);
        pods = activePods(cluster);
        expect(pods).toHaveLength(scaleTo);
        for (const e of cluster.rt.tracer.events) {
          if (e.kind !== 'decision' || !e.decision.selected) continue;
          expect(e.decision.nodes.find((n) => n.name === e.decision.selected)?.feasible).toBe(true);
        }
      }),
      { numRuns: 15 },
    );
  });

  it('creates pods in slow-start batches of 1, 2, 4, 8...', () => {
    const cluster = new Cluster({ seed: 3, k8sVersion: '1.33', config: { recordEvents: false } });
    cluster.addNode('node-0', { cpu: '32', memory: '64Gi' });
    cluster.start();
    cluster.create(makeDeployment('web', 10, {}));
    runUntil(cluster, 20_000);
    // Group the ReplicaSet controller's POSTs into bursts sent at the same instant.
    const bursts = new Map<number, number>();
    for (const e of cluster.rt.tracer.events) {
      if (e.kind === 'message' && e.from === 'kube-controller-manager' && e.action === 'POST pod') bursts.set(e.t, (bursts.get(e.t) ?? 0) + 1);
    }
    expect([...bursts.values()]).toEqual([1, 2, 4, 3]);
  });
});
