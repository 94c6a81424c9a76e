import { describe, expect, it } from 'vitest';
import { makeDeployment } from '../../../src/sim/builders.ts';
import { Cluster } from '../../../src/sim/cluster.ts';
import type { Watcher } from '../../../src/sim/components/apiserver.ts';
import type { ComponentId } from '../../../src/sim/trace.ts';

describe('kube-apiserver: a closed watch hears nothing more', () => {
  it('a field-selected pod watch (spec.nodeName, as the kubelet watches) removed before pods are bound gets no events; one left open does', () => {
    const cluster = new Cluster({ seed: 1, k8sVersion: '1.33' });
    cluster.addNode('worker-1', { cpu: '4', memory: '8Gi' });
    const heard = new Map<ComponentId, number>();
    const watch = (id: ComponentId): Watcher => {
      cluster.rt.net.register(id, 'workstation', (envelope) => {
        if (envelope.payload.kind === 'watch') heard.set(id, (heard.get(id) ?? 0) + 1);
      });
      cluster.rt.board.set(id, 'up', true);
      const watcher: Watcher = { id, kinds: new Set(['Pod']), podsOnNode: 'worker-1' };
      cluster.controlPlane.apiserver.addWatcher(watcher);
      return watcher;
    };
    const closed = watch('client/closed');
    watch('client/open');
    cluster.controlPlane.apiserver.removeWatcher(closed);
    cluster.start();
    cluster.create(makeDeployment('web', 2));
    while ((cluster.rt.clock.peek() ?? Infinity) <= 20_000) cluster.rt.clock.step();
    expect(heard.get('client/open') ?? 0).toBeGreaterThan(0);
    expect(heard.get('client/closed') ?? 0).toBe(0);
  });
});
