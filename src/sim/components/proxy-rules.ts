/**
 * kube-proxy's view of one Service port: its ClusterIP and the ready endpoints of its
 * EndpointSlices, and the names of the rules it programs for them in its mode:
 * iptables: KUBE-SERVICES -> KUBE-SVC-<hash> -> KUBE-SEP-<hash> (DNAT to one endpoint), the
 * endpoint chosen with `-m statistic --mode random --probability 1/(n-i)` rules in order;
 * nftables: table ip kube-proxy, the `service-ips` map -> service-<HASH>-ns/name/proto/port ->
 * `numgen random mod n` -> endpoint-<HASH>-... (DNAT); ipvs: a virtual server and no chains.
 * The names are upstream's (chain-names.ts), so they match a real node.
 */
import type { EndpointSlice, Service } from '../../model/objects.ts';
import type { ProxyMode } from '../trace.ts';
import { iptablesEndpointChain, iptablesServiceChain, nftEndpointChain, nftServiceChain } from './chain-names.ts';

export interface Backend {
  readonly ip: string;
  readonly port: number;
  readonly node?: string;
  readonly pod?: string;
  readonly namespace?: string;
}

/** The per-Service chains of a mode: one that picks, one per endpoint that DNATs. ipvs has none. */
export type RuleChains =
  | { readonly mode: 'iptables' | 'nftables'; readonly service: string; readonly endpoints: readonly string[] }
  | { readonly mode: 'ipvs' };

export interface ServiceRules {
  /** upstream's ServicePortName: "namespace/name", ":portName" when the port is named. */
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
  /** Lower case, as in the rules: "tcp". */
  readonly protocol: string;
  readonly backends: readonly Backend[];
  readonly chains: RuleChains;
}

function chainsOf(mode: ProxyMode, name: string, proto: string, endpoints: readonly string[]): RuleChains {
  switch (mode) {
    case 'iptables':
      return { mode, service: iptablesServiceChain(name, proto), endpoints: endpoints.map((ep) => iptablesEndpointChain(name, proto, ep)) };
    case 'nftables':
      return { mode, service: nftServiceChain(name, proto), endpoints: endpoints.map((ep) => nftEndpointChain(name, proto, ep)) };
    case 'ipvs':
      return { mode };
  }
}

/** The endpoints as the rules name them: "ip:port", in rule order. */
export function endpointsOf(r: ServiceRules): string[] {
  return r.backends.map((b) => `${b.ip}:${b.port}`);
}

/** The rules for a Service's first port, from the ready endpoints of its slices. */
export function rulesFor(svc: Service, slices: readonly EndpointSlice[], mode: ProxyMode = 'iptables'): ServiceRules | undefined {
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
    protocol: proto,
    backends,
    chains: chainsOf(mode, name, proto, backends.map((b) => `${b.ip}:${b.port}`)),
  };
}

/** iptables: rule i matches with probability 1/(n-i), so every endpoint is equally likely. */
export function pickRandom(n: number, draw: (below: number) => number): number {
  for (let i = 0; i < n - 1; i++) if (draw(n - i) === 0) return i;
  return n - 1;
}
