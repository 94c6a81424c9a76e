import { describe, expect, it } from 'vitest';
import { webService } from '../../scenes/service-routing.ts';
import { hostIP } from '../../src/sim/builders.ts';
import { Cluster } from '../../src/sim/cluster.ts';
import type { CallResult } from '../../src/sim/components/client-pod.ts';
import { createClientPod } from '../../src/sim/components/client-pod.ts';
import { corednsPod, createCoreDns } from '../../src/sim/components/coredns.ts';
import type { ActivityEvent, ProxyMode } from '../../src/sim/trace.ts';

/** A Service that selects no pod, called from a pod: what the client node's kernel does, per mode. */
function callWithoutEndpoints(mode: ProxyMode): { readonly refused: ActivityEvent | undefined; readonly result: CallResult | undefined } {
  const cluster = new Cluster({ seed: 1, k8sVersion: '1.33' });
  cluster.useProxyMode(mode);
  cluster.addNode('worker-1', { cpu: '4', memory: '8Gi' });
  const dns = 'coredns-668d6bf9bc-7xk2p';
  cluster.seedRunningPod(corednsPod(dns, 'worker-1', hostIP(0), '10.244.1.2'));
  cluster.addWatcher(createCoreDns(cluster.rt, 'worker-1', `Pod/kube-system/${dns}`));
  cluster.addComponent('coredns');
  cluster.addComponent('client/curl');
  cluster.addComponent('node/worker-1');
  const client = createClientPod(cluster.rt, 'curl', 'worker-1', '10.244.1.50', () => cluster.proxyOf('worker-1'), `Pod/kube-system/${dns}`);
  cluster.start();
  const runUntil = (until: number): void => {
    while ((cluster.rt.clock.peek() ?? Infinity) <= until) cluster.rt.clock.step();
  };
  cluster.create(webService(), 'POST service');
  runUntil(5_000);
  let result: CallResult | undefined;
  client.call('web', 80, (r) => (result = r));
  runUntil(10_000);
  const refused = cluster.rt.tracer.events.find((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'reject');
  return { refused, result };
}

describe('a Service with no endpoints: connection refused, each mode its own way', () => {
  it('iptables: the REJECT rule kube-proxy wrote', () => {
    const { refused, result } = callWithoutEndpoints('iptables');
    expect(result?.status).toBe(0);
    expect(refused?.component).toBe('node/worker-1');
    expect(refused?.label.en).toMatch(/^10\.\d+\.\d+\.\d+:80 has no ready endpoints: REJECT in filter KUBE-SERVICES/);
  });

  it('nftables: no-endpoint-services sends it to reject-chain', () => {
    const { refused, result } = callWithoutEndpoints('nftables');
    expect(result?.status).toBe(0);
    expect(refused?.label.en).toContain('@no-endpoint-services -> goto reject-chain');
  });

  it('ipvs: no REJECT rule; IPVS has no real server and answers port unreachable itself', () => {
    const { refused, result } = callWithoutEndpoints('ipvs');
    expect(result?.status).toBe(0);
    expect(refused?.label.en).toMatch(/^10\.\d+\.\d+\.\d+:80 has no real servers: no REJECT rule; IPVS finds no destination and answers ICMP port unreachable itself \(connection refused\)$/);
    expect(refused?.label.ko).toContain('REJECT 규칙은 없고');
  });
});
