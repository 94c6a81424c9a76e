import { describe, expect, it } from 'vitest';
import type { EndpointSlice, Service } from '../../src/model/objects.ts';
import { rulesFor } from '../../src/sim/components/proxy-rules.ts';
import { dnatWords, programmedWords, refusedWords } from '../../src/sim/components/proxy-words.ts';
import type { ProxyMode } from '../../src/sim/trace.ts';

const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } };
const slice = (ready: boolean): EndpointSlice => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  ports: [{ port: 80 }],
  endpoints: [
    { addresses: ['10.244.2.102'], conditions: { ready } },
    { addresses: ['10.244.3.7'], conditions: { ready } },
  ],
});
const rules = (mode: ProxyMode, ready = true) => {
  const r = rulesFor(svc, [slice(ready)], mode);
  if (!r) throw new Error('no rules');
  return r;
};

describe('connection refused, per mode', () => {
  it('iptables and nftables refuse through a reject rule', () => {
    expect(refusedWords(rules('iptables', false)).en).toBe('10.96.5.5:80 has no ready endpoints: REJECT in filter KUBE-SERVICES, icmp-port-unreachable (connection refused)');
    expect(refusedWords(rules('nftables', false)).en).toBe('10.96.5.5:80 has no ready endpoints: @no-endpoint-services -> goto reject-chain, reject (connection refused)');
  });

  it('ipvs has no REJECT rule: IPVS itself answers port unreachable for a virtual server with no real server', () => {
    const w = refusedWords(rules('ipvs', false));
    expect(w.en).toBe('10.96.5.5:80 has no real servers: no REJECT rule; IPVS finds no destination and answers ICMP port unreachable itself (connection refused)');
    expect(w.en).not.toMatch(/: REJECT/);
    expect(w.ko).toContain('REJECT 규칙은 없고');
    expect(programmedWords(rules('ipvs', false)).en).not.toContain('REJECT');
  });

  it('every mode says "connection refused" / "연결 거부": curl reads the same error', () => {
    for (const mode of ['iptables', 'nftables', 'ipvs'] as const) {
      expect(refusedWords(rules(mode, false)).en).toContain('(connection refused)');
      expect(refusedWords(rules(mode, false)).ko).toContain('(연결 거부)');
    }
  });
});

describe('DNAT words keep the head the stage shows', () => {
  it('"DNAT → pod:port" before the first ": " in every mode and both languages', () => {
    for (const mode of ['iptables', 'nftables', 'ipvs'] as const) {
      const w = dnatWords(rules(mode), 1, 'worker-1');
      expect(w.en.slice(0, w.en.indexOf(': '))).toBe('DNAT → 10.244.3.7:80');
      expect(w.ko.slice(0, w.ko.indexOf(': '))).toBe('DNAT → 10.244.3.7:80');
    }
  });

  it('the tail follows the mode', () => {
    expect(dnatWords(rules('iptables'), 1, 'worker-1').en).toMatch(/KUBE-SERVICES -> KUBE-SVC-LOLE4ISW44XBNF3G -> KUBE-SEP-[A-Z2-7]{16} \(endpoint 2 of 2, random\)$/);
    expect(dnatWords(rules('nftables'), 1, 'worker-1').en).toMatch(/10\.96\.5\.5 \. tcp \. 80 @service-ips -> service-[A-Z2-7]{8}-default\/web\/tcp\/ -> numgen random mod 2 = 1 -> endpoint-[A-Z2-7]{8}-default\/web\/tcp\/__10\.244\.3\.7\/80$/);
    expect(dnatWords(rules('ipvs'), 1, 'worker-1').en).toContain('IPVS on worker-1');
  });
});
