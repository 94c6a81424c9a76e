/**
 * kube-proxy's view of one Service port: its ClusterIP and the ready endpoints of its
 * EndpointSlices, and the rules it programs for them (pkg/proxy/iptables, pkg/proxy/ipvs).
 * iptables: KUBE-SERVICES -> KUBE-SVC-<hash> -> KUBE-SEP-<hash> (DNAT to one endpoint); the
 * endpoint is chosen with `-m statistic --mode random --probability 1/(n-i)` rules in order.
 * Upstream's <hash> is the first 16 characters of base32(sha256(...)); here an FNV-1a digest in
 * the same alphabet, so a real node shows other suffixes.
 */
import { fnv32a } from '../../model/template-hash.ts';
import type { EndpointSlice, Service } from '../../model/objects.ts';

export interface Backend {
  readonly ip: string;
  readonly port: number;
  readonly node?: string;
  readonly pod?: string;
  readonly namespace?: string;
}

export interface ServiceRules {
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly backends: readonly Backend[];
  readonly svcChain: string;
  readonly sepChains: readonly string[];
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function chainHash(input: string): string {
  let out = '';
  let seed = input;
  while (out.length < 16) {
    let h = fnv32a(seed);
    for (let i = 0; i < 6; i++) {
      out += BASE32[h & 31];
      h >>>= 5;
    }
    seed += '#';
  }
  return out.slice(0, 16);
}

/** The rules for a Service's first port, from the ready endpoints of its slices. */
export function rulesFor(svc: Service, slices: readonly EndpointSlice[]): ServiceRules | undefined {
  const clusterIP = svc.spec.clusterIP;
  const port = svc.spec.ports[0];
  if (!clusterIP || !port) return undefined;
  const name = `${svc.metadata.namespace ?? 'default'}/${svc.metadata.name}${port.name ? `:${port.name}` : ''}`;
  const proto = (port.protocol ?? 'TCP').toLowerCase();
  const backends: Backend[] = [];
  for (const slice of slices) {
    const target = slice.ports?.[0]?.port ?? port.targetPort ?? port.port;
    for (const ep of slice.endpoints) {
      if (!ep.conditions.ready) continue;
      for (const ip of ep.addresses) backends.push({ ip, port: target, ...(ep.nodeName ? { node: ep.nodeName } : {}), ...(ep.targetRef ? { pod: ep.targetRef.name, namespace: ep.targetRef.namespace } : {}) });
    }
  }
  backends.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
  return {
    service: name,
    clusterIP,
    port: port.port,
    backends,
    svcChain: `KUBE-SVC-${chainHash(name + proto)}`,
    sepChains: backends.map((b) => `KUBE-SEP-${chainHash(`${name}${proto}${b.ip}:${b.port}`)}`),
  };
}

/** iptables: rule i matches with probability 1/(n-i), so every endpoint is equally likely. */
export function pickRandom(n: number, draw: (below: number) => number): number {
  for (let i = 0; i < n - 1; i++) if (draw(n - i) === 0) return i;
  return n - 1;
}
