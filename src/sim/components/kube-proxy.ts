/**
 * kube-proxy, each node's signal mast: it watches Services and EndpointSlices through
 * kube-apiserver and programs the node's packet rules (iptables chains KUBE-SERVICES ->
 * KUBE-SVC-* -> KUBE-SEP-* by default; in nftables mode the table ip kube-proxy, service-ips ->
 * service-* -> endpoint-*; ipvs virtual servers in ipvs mode) so traffic to a ClusterIP reaches a
 * ready backend. It does not carry traffic itself: the kernel does, with the
 * rules it wrote. A change is synced at most once per --iptables-min-sync-period (1 s).
 */
import type { EndpointSlice, K8sKind, ObjectRef, Service } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { TimerHandle } from '../clock.ts';
import { startService } from '../core/service-machine.ts';
import type { ComponentId, ProxyMode, ProxyRulesChange, ProxyRulesKey } from '../trace.ts';
import type { Watcher } from './apiserver.ts';
import type { Backend, ServiceRules } from './proxy-rules.ts';
import { endpointsOf, pickRandom, rulesFor } from './proxy-rules.ts';
import { programmedWords, removedWords } from './proxy-words.ts';
import { inState } from '../core/in-state.ts';

export const PROXY_WATCH: ReadonlySet<K8sKind> = new Set<K8sKind>(['Service', 'EndpointSlice']);

export type { ProxyMode } from '../trace.ts';

const MIN_SYNC_MS = 1_000;

/** What the node's rules do with a packet to a ClusterIP:port kube-proxy programmed. */
export type Route =
  | {
      readonly kind: 'dnat';
      readonly rules: ServiceRules;
      readonly backend: Backend;
      /** Index of the chosen endpoint (its KUBE-SEP or endpoint- chain, its real server). */
      readonly index: number;
    }
  /** The Service has no ready endpoint: the connection is refused (how depends on the mode). */
  | { readonly kind: 'refused'; readonly rules: ServiceRules };

export interface KubeProxy extends Watcher {
  stop(): void;
  start(): void;
  readonly mode: ProxyMode;
  /** What this node's rules do with a packet to ip:port right now (undefined: no rule for it). */
  route(ip: string, port: number): Route | undefined;
}

const SERVICE_LABEL = 'kubernetes.io/service-name';

export function createKubeProxy(rt: Runtime, node: string, mode: ProxyMode = 'iptables'): KubeProxy {
  const id: ComponentId = `kube-proxy/${node}`;
  const services = new Map<ObjectRef, Service>();
  const slices = new Map<ObjectRef, EndpointSlice>();
  /** The rules as last programmed, by ClusterIP:port. */
  let programmed = new Map<string, ServiceRules>();
  const rr = new Map<string, number>();
  let lastSync = -Infinity;
  let timer: TimerHandle | undefined;

  const slicesOf = (svc: Service): EndpointSlice[] => {
    const out: EndpointSlice[] = [];
    for (const s of slices.values()) if (s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_LABEL] === svc.metadata.name) out.push(s);
    return out;
  };

  const sync = (): void => {
    timer = undefined;
    lastSync = rt.clock.now();
    const next = new Map<string, ServiceRules>();
    const changed: ServiceRules[] = [];
    for (const svc of services.values()) {
      const r = rulesFor(svc, slicesOf(svc), mode);
      if (!r) continue;
      const key = `${r.clusterIP}:${r.port}`;
      next.set(key, r);
      const before = programmed.get(key);
      if (!before || endpointsOf(before).join() !== endpointsOf(r).join()) changed.push(r);
    }
    const removed = [...programmed].filter(([key]) => !next.has(key)).map(([, r]) => r);
    programmed = next;
    const serviceRef = (r: ServiceRules): string => `Service/${r.service.split(':')[0] ?? ''}`;
    const key = (r: ServiceRules): ProxyRulesKey => ({ mode, service: r.service, clusterIP: r.clusterIP, port: r.port });
    for (const r of changed) {
      const rules: ProxyRulesChange = { op: 'programmed', ...key(r), endpoints: endpointsOf(r) };
      rt.tracer.activity(id, 'sync-rules', 15, programmedWords(r), serviceRef(r), rules);
    }
    // A deleted Service's chains (or virtual server) go at the next sync.
    for (const r of removed) rt.tracer.activity(id, 'sync-rules', 15, removedWords(r), serviceRef(r), { op: 'removed', ...key(r) });
  };

  const schedule = (): void => {
    if (timer !== undefined) return;
    const wait = Math.max(0, lastSync + MIN_SYNC_MS - rt.clock.now());
    timer = rt.clock.setTimeout(sync, wait + 2);
  };

  const onWatch = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch') return;
    const o = p.object;
    if (o.kind === 'Service') {
      if (p.eventType === 'DELETED') services.delete(refOf(o));
      else services.set(refOf(o), o);
    } else if (o.kind === 'EndpointSlice') {
      if (p.eventType === 'DELETED') slices.delete(refOf(o));
      else slices.set(refOf(o), o);
    } else return;
    schedule();
  };

  /** Which endpoint the kernel picks: ipvs round robin, nftables one `numgen random mod n`, iptables 1/(n-i) in turn. */
  const pick = (key: string, n: number): number => {
    switch (mode) {
      case 'ipvs': {
        // Round robin, the ipvs scheduler kube-proxy uses by default.
        const index = (rr.get(key) ?? 0) % n;
        rr.set(key, index + 1);
        return index;
      }
      case 'nftables':
        return rt.rng.intBelow(n);
      case 'iptables':
        return pickRandom(n, (below) => rt.rng.intBelow(below));
    }
  };

  const route = (ip: string, port: number): Route | undefined => {
    const key = `${ip}:${port}`;
    const rules = programmed.get(key);
    if (!rules) return undefined;
    const n = rules.backends.length;
    if (n === 0) return { kind: 'refused', rules };
    const index = pick(key, n);
    const backend = rules.backends[index];
    return backend ? { kind: 'dnat', rules, backend, index } : { kind: 'refused', rules };
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(id, 'down'), onUp: () => rt.board.set(id, 'up') });
  rt.board.set(id, 'up', true);
  // Messages go straight to the handler while the actor is running (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(id, node, (envelope) => {
    if (inState(actor, 'serving')) onWatch(envelope);
  });
  return { id, kinds: PROXY_WATCH, mode, route, stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
