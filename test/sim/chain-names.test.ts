import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base32, iptablesEndpointChain, iptablesServiceChain, nftEndpointChain, nftServiceChain, portProtoHash } from '../../src/sim/components/chain-names.ts';

/** An independent base32(sha256(s)) with Node's crypto (tests only: the sim runs in the browser too). */
function nodeDigest(s: string): string {
  const bytes = createHash('sha256').update(s, 'utf8').digest();
  let bits = '';
  for (const b of bytes) bits += b.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)] ?? '';
  return out;
}

describe('base32 (RFC 4648, as Go base32.StdEncoding)', () => {
  it('encodes the RFC test vectors, padding included', () => {
    const enc = (s: string): string => base32(new TextEncoder().encode(s));
    expect(['', 'f', 'fo', 'foo', 'foob', 'fooba', 'foobar'].map(enc)).toEqual(['', 'MY======', 'MZXQ====', 'MZXW6===', 'MZXW6YQ=', 'MZXW6YTB', 'MZXW6YTBOI======']);
  });
});

describe('iptables chain names (pkg/proxy/iptables servicePortChainName, servicePortEndpointChainName)', () => {
  it('match the chains iptables-save shows on a real node', () => {
    // The kubernetes Service's https port and kube-dns's ports: the same on every cluster.
    expect(iptablesServiceChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(iptablesServiceChain('kube-system/kube-dns:dns', 'udp')).toBe('KUBE-SVC-TCOU7JCQXEZGVUNU');
    expect(iptablesServiceChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
  });

  it('hash the service port name and protocol (SVC), plus the endpoint (SEP)', () => {
    expect(iptablesServiceChain('default/web', 'tcp')).toBe('KUBE-SVC-LOLE4ISW44XBNF3G');
    expect(iptablesEndpointChain('default/web', 'tcp', '10.244.2.102:80')).toBe('KUBE-SEP-IFCKTOOE7QAG3ZND');
    for (const [name, proto, ep] of [['default/web', 'tcp', '10.244.3.7:80'], ['shop/api:grpc', 'tcp', '10.244.1.9:9090'], ['kube-system/kube-dns:dns', 'udp', '10.244.1.2:53']] as const) {
      expect(portProtoHash(name, proto)).toBe(nodeDigest(name + proto).slice(0, 16));
      expect(iptablesEndpointChain(name, proto, ep)).toBe(`KUBE-SEP-${nodeDigest(name + proto + ep).slice(0, 16)}`);
    }
  });

  it('fit iptables’ 28-character limit', () => {
    expect(iptablesEndpointChain('a-very-long-namespace-name/a-very-long-service-name:http', 'tcp', '10.244.1.2:8080')).toHaveLength(25);
  });
});

describe('nftables chain names (pkg/proxy/nftables servicePortChainNameBase, servicePortEndpointChainNameBase)', () => {
  it('match upstream’s own examples ("ULMVA6XW-ns1/svc1/tcp/p80", "5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80")', () => {
    expect(nftServiceChain('ns1/svc1:p80', 'tcp')).toBe('service-ULMVA6XW-ns1/svc1/tcp/p80');
    expect(nftEndpointChain('ns1/svc1:p80', 'tcp', '10.180.0.1:80')).toBe('endpoint-5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80');
  });

  it('an unnamed port leaves the last part empty', () => {
    expect(nftServiceChain('default/web', 'tcp')).toBe(`service-${nodeDigest('default/web/tcp/').slice(0, 8)}-default/web/tcp/`);
    expect(nftEndpointChain('default/web', 'tcp', '10.244.2.102:80')).toBe(`endpoint-${nodeDigest('default/web/tcp/__10.244.2.102/80').slice(0, 8)}-default/web/tcp/__10.244.2.102/80`);
  });

  it('an IPv6 endpoint’s colons become dots', () => {
    expect(nftEndpointChain('default/web', 'tcp', '[fd00::5]:80')).toMatch(/^endpoint-[A-Z2-7]{8}-default\/web\/tcp\/__fd00\.\.5\/80$/);
  });
});
