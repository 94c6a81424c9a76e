/**
 * kube-proxy, each node's signal mast: it watches Services and EndpointSlices through
 * kube-apiserver and programs the node's packet rules (iptables chains KUBE-SERVICES ->
 * KUBE-SVC-* -> KUBE-SEP-* by default; ipvs virtual servers in ipvs mode) so traffic to a
 * ClusterIP reaches a ready backend. It does not carry traffic itself: the kernel does, with the
 * rules it wrote. A change is synced at most once per --iptables-min-sync-period (1 s).
 */
import type { EndpointSlice, K8sKind, ObjectRef, Service } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import { text } from '../../model/localized.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import { startService } from '../core/service-machine.ts';
import type { ComponentId, ProxyMode, ProxyRulesChange, ProxyRulesKey } from '../trace.ts';
import type { Watcher } from './apiserver.ts';
import type { Backend, ServiceRules } from './proxy-rules.ts';
import { pickRandom, rulesFor } from './proxy-rules.ts';
import { withParticle } from '../../model/josa.ts';

export const PROXY_WATCH: ReadonlySet<K8sKind> = new Set<K8sKind>(['Service', 'EndpointSlice']);

export type { ProxyMode } from '../trace.ts';

const MIN_SYNC_MS = 1_000;

export interface Route {
  readonly rules: ServiceRules;
  readonly backend: Backend;
  /** Index of the chosen endpoint (its KUBE-SEP chain). */
  readonly index: number;
}

export interface KubeProxy extends Watcher {
  stop(): void;
  start(): void;
  readonly mode: ProxyMode;
  /** What this node's rules do with a packet to ip:port right now (undefined: no rule, or no endpoint). */
  route(ip: string, port: number): Route | undefined | 'no-endpoints';
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
  let timer: number | undefined;

  const slicesOf = (svc: Service): EndpointSlice[] => {
    const out: EndpointSlice[] = [];
    for (const s of slices.values()) if (s.metadata.namespace === svc.metadata.namespace && s.metadata.labels?.[SERVICE_LABEL] === svc.metadata.name) out.push(s);
    return out;
  };

  const describe = (r: ServiceRules): { en: string; ko: string } => {
    const eps = r.backends.map((b) => `${b.ip}:${b.port}`).join(', ');
    if (r.backends.length === 0) {
      return mode === 'ipvs'
        ? { en: `ipvs: ${r.clusterIP}:${r.port} has no real servers (no ready endpoints)`, ko: `ipvs: ${r.clusterIP}:${r.port} 실제 서버 없음 (준비된 엔드포인트 없음)` }
        : { en: `${mode}: ${r.service} ${r.clusterIP}:${r.port} has no endpoints -> REJECT`, ko: `${mode}: ${r.service} ${r.clusterIP}:${r.port} 엔드포인트 없음 -> REJECT` };
    }
    if (mode === 'ipvs') {
      return { en: `ipvs: virtual server ${r.clusterIP}:${r.port} rr -> ${eps} (ClusterIP bound to kube-ipvs0)`, ko: `ipvs: 가상 서버 ${r.clusterIP}:${r.port} rr -> ${eps} (ClusterIP를 kube-ipvs0에 바인딩)` };
    }
    const chains = `KUBE-SERVICES -> ${r.svcChain} -> ${r.sepChains.join(' | ')}`;
    return { en: `${mode}: ${r.clusterIP}:${r.port} ${chains} (DNAT to ${eps}, 1 in ${r.backends.length} at random)`, ko: `${mode}: ${r.clusterIP}:${r.port} ${chains} (${eps} 중 무작위 1/${withParticle(r.backends.length, '으로/로')} DNAT)` };
  };

  const sync = (): void => {
    timer = undefined;
    lastSync = rt.clock.now();
    const next = new Map<string, ServiceRules>();
    const changed: ServiceRules[] = [];
    for (const svc of services.values()) {
      const r = rulesFor(svc, slicesOf(svc));
      if (!r) continue;
      const key = `${r.clusterIP}:${r.port}`;
      next.set(key, r);
      const before = programmed.get(key);
      if (!before || before.sepChains.join() !== r.sepChains.join()) changed.push(r);
    }
    const removed = [...programmed].filter(([key]) => !next.has(key)).map(([, r]) => r);
    programmed = next;
    const serviceRef = (r: ServiceRules): string => `Service/${r.service.split(':')[0] ?? ''}`;
    const key = (r: ServiceRules): ProxyRulesKey => ({ mode, service: r.service, clusterIP: r.clusterIP, port: r.port });
    for (const r of changed) {
      const label = describe(r);
      const rules: ProxyRulesChange = { op: 'programmed', ...key(r), endpoints: r.backends.map((b) => `${b.ip}:${b.port}`) };
      rt.tracer.activity(id, 'sync-rules', 15, text(label.en, label.ko), serviceRef(r), rules);
    }
    // A deleted Service's chains (or virtual server) go at the next sync.
    for (const r of removed) {
      const what = mode === 'ipvs' ? { en: `virtual server ${r.clusterIP}:${r.port} deleted`, ko: `가상 서버 ${r.clusterIP}:${r.port} 삭제` } : { en: `${r.service} ${r.clusterIP}:${r.port} rules removed`, ko: `${r.service} ${r.clusterIP}:${r.port} 규칙 삭제` };
      rt.tracer.activity(id, 'sync-rules', 15, text(`${mode}: ${what.en} (Service deleted)`, `${mode}: ${what.ko} (서비스 삭제됨)`), serviceRef(r), { op: 'removed', ...key(r) });
    }
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

  const route = (ip: string, port: number): Route | undefined | 'no-endpoints' => {
    const rules = programmed.get(`${ip}:${port}`);
    if (!rules) return undefined;
    const n = rules.backends.length;
    if (n === 0) return 'no-endpoints';
    let index: number;
    if (mode === 'ipvs') {
      // Round robin, the ipvs scheduler kube-proxy uses by default.
      const k = `${ip}:${port}`;
      index = (rr.get(k) ?? 0) % n;
      rr.set(k, index + 1);
    } else index = pickRandom(n, (below) => rt.rng.intBelow(below));
    const backend = rules.backends[index];
    return backend ? { rules, backend, index } : 'no-endpoints';
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(id, 'down'), onUp: () => rt.board.set(id, 'up') });
  rt.board.set(id, 'up', true);
  // Messages go straight to the handler while the actor is running (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(id, node, (envelope) => {
    if (actor.getSnapshot().matches('serving')) onWatch(envelope);
  });
  return { id, kinds: PROXY_WATCH, mode, route, stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
