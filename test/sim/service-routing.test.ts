import { describe, expect, it } from 'vitest';
import { CLIENT_NODE, serviceRouting, webService } from '../../scenes/service-routing.ts';
import { Cluster } from '../../src/sim/cluster.ts';
import { iptablesEndpointChain, iptablesServiceChain, nftEndpointChain, nftServiceChain } from '../../src/sim/components/chain-names.ts';
import { pickRandom, rulesFor } from '../../src/sim/components/proxy-rules.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { ActivityEvent, MessageEvent, TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, inOrder, messages, msg, states } from './helpers.ts';

const act = (component: string | RegExp, action: string) => (e: TraceEvent): boolean => e.kind === 'activity' && (typeof component === 'string' ? e.component === component : component.test(e.component)) && e.action === action;
const packets = (events: readonly TraceEvent[]): MessageEvent[] => events.filter((e): e is MessageEvent => e.kind === 'message' && e.type === 'signal');

describe('service-routing (iptables)', () => {
  const trace = runScenario(serviceRouting);
  const end = finalObjects(trace);

  it('allocates a ClusterIP in 10.96.0.0/12 and keeps an EndpointSlice labelled with the Service name', () => {
    const svc = end.get('Service/default/web');
    expect(svc?.kind).toBe('Service');
    if (svc?.kind !== 'Service') return;
    const [a, b] = (svc.spec.clusterIP ?? '').split('.').map(Number);
    expect(a).toBe(10);
    expect(b).toBeGreaterThanOrEqual(96);
    expect(b).toBeLessThan(112);
    const slice = [...end.values()].find((o) => o.kind === 'EndpointSlice');
    expect(slice?.kind === 'EndpointSlice' && slice.metadata.labels?.['kubernetes.io/service-name']).toBe('web');
    expect(slice?.kind === 'EndpointSlice' && slice.endpoints).toHaveLength(3);
  });

  it('orders the control path: Service stored, watches, EndpointSlice written, every kube-proxy programs its rules', () => {
    inOrder(trace, [
      msg('kubectl', 'kube-apiserver', 'POST service'),
      msg('kube-apiserver', 'etcd', 'txn put /registry/services/specs/default/web'),
      msg('kube-apiserver', 'kube-controller-manager', 'watch: ADDED'),
      msg('kube-controller-manager', 'kube-apiserver', 'POST endpointslice'),
      msg('kube-apiserver', /^kube-proxy\//, 'watch: ADDED'),
    ]);
    const withEndpoints = trace.events.filter((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'sync-rules' && e.label.en.includes('KUBE-SVC-'));
    for (const n of ['worker-1', 'worker-2', 'worker-3']) expect(withEndpoints.some((e) => e.component === `kube-proxy/${n}`)).toBe(true);
    expect(withEndpoints[0]?.label.en).toMatch(/KUBE-SERVICES -> KUBE-SVC-[A-Z2-7]{16} -> KUBE-SEP-[A-Z2-7]{16}/);
  });

  it('honours --iptables-min-sync-period: two syncs of one node are at least 1 s apart', () => {
    const syncs = trace.events.filter((e) => e.kind === 'activity' && e.component === 'kube-proxy/worker-1' && e.action === 'sync-rules').map((e) => e.t);
    for (let i = 1; i < syncs.length; i++) expect((syncs[i] ?? 0) - (syncs[i - 1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it('the client resolves through CoreDNS, its own node DNATs, and the packet reaches a backend on another node', () => {
    const [, answer, toService, dnat, out, back] = inOrder(trace, [
      msg('client/curl', 'coredns', 'DNS A? web.default.svc.cluster.local'),
      msg('coredns', 'client/curl', /^DNS A 10\./),
      msg('client/curl', `node/${CLIENT_NODE}`, /^TCP → 10\.(?:9[6-9]|10\d|11[01])\.\d+\.\d+:80$/),
      act(`node/${CLIENT_NODE}`, 'dnat'),
      msg(`node/${CLIENT_NODE}`, /^kubelet\//, /^TCP → 10\.244\.\d+\.\d+:80$/),
      msg(/^kubelet\//, 'client/curl', /^HTTP 200/),
    ]);
    // The packet leaves the pod addressed to the ClusterIP CoreDNS answered, and is about the Service.
    const a = trace.events[answer ?? 0];
    const before = trace.events[toService ?? 0];
    expect(a?.kind === 'message' && before?.kind === 'message' && before.action.endsWith(`${a.action.replace('DNS A ', '')}:80`)).toBe(true);
    expect(before?.kind === 'message' && before.object).toBe('Service/default/web');
    expect(dnat).toBeLessThan(out ?? 0);
    const request = trace.events[out ?? 0];
    // After DNAT it is addressed to a pod IP and is about that pod.
    expect(request?.kind === 'message' && request.object?.startsWith('Pod/default/web-')).toBe(true);
    expect(request?.kind === 'message' && request.to).not.toBe(`kubelet/${CLIENT_NODE}`);
    expect(request?.kind === 'message' && request.type).toBe('signal');
    expect(back).toBeGreaterThan(out ?? 0);
    // Packets never touch kube-proxy: it only programs rules.
    for (const p of packets(trace.events)) {
      expect(p.from.startsWith('kube-proxy/')).toBe(false);
      expect(p.to.startsWith('kube-proxy/')).toBe(false);
    }
  });

  it('a failing readiness probe: 3 failures 10 s apart, Ready=False, endpoint ready:false, rules without it, next call elsewhere', () => {
    const probes = trace.events.filter((e) => e.kind === 'activity' && e.action === 'probe:readiness');
    expect(probes).toHaveLength(3);
    expect((probes[2]?.t ?? 0) - (probes[0]?.t ?? 0)).toBe(20_000);
    const first = messages(trace).find((m) => m.from === `node/${CLIENT_NODE}` && m.action.startsWith('TCP '));
    const failing = first?.object ?? '';
    const pod = end.get(failing);
    expect(pod?.kind === 'Pod' && pod.status?.phase).toBe('Running');
    expect(pod?.kind === 'Pod' && pod.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('False');
    const slice = [...end.values()].find((o) => o.kind === 'EndpointSlice');
    const ep = slice?.kind === 'EndpointSlice' ? slice.endpoints.find((e) => `Pod/default/${e.targetRef?.name ?? ''}` === failing) : undefined;
    expect(ep?.conditions).toEqual({ ready: false, serving: false, terminating: false });
    inOrder(trace, [
      (e) => e.kind === 'state' && e.object === failing && e.changes.some((c) => c.path === 'status.conditions.Ready.status' && c.to === 'False'),
      msg('kube-controller-manager', 'kube-apiserver', 'PUT endpointslice'),
      (e) => e.kind === 'activity' && e.action === 'sync-rules' && e.label.en.includes('1 in 2'),
      msg('client/curl', 'coredns', /^DNS A\?/),
    ]);
    const second = messages(trace).filter((m) => m.from === `node/${CLIENT_NODE}` && m.action.startsWith('TCP ')).at(1);
    expect(second?.object).toBeDefined();
    expect(second?.object).not.toBe(failing);
    const unhealthy = states(trace).find((s) => s.value?.kind === 'Event' && s.value.reason === 'Unhealthy');
    expect(unhealthy?.value?.kind === 'Event' && unhealthy.value.type).toBe('Warning');
  });

  it('lists the client and CoreDNS in the topology', () => {
    expect(trace.topology.components).toEqual(expect.arrayContaining(['coredns', 'client/curl']));
  });
});

describe('service-routing (ipvs)', () => {
  it('programs IPVS virtual servers and balances round robin', () => {
    const trace = runScenario(serviceRouting, { params: { proxyMode: 'ipvs' } });
    const sync = trace.events.find((e) => e.kind === 'activity' && e.action === 'sync-rules' && e.label.en.includes(' rr -> '));
    expect(sync?.kind === 'activity' && sync.label.en).toMatch(/^ipvs: virtual server 10\.\d+\.\d+\.\d+:80 rr -> /);
    const dnat = trace.events.find((e) => e.kind === 'activity' && e.action === 'dnat');
    expect(dnat?.kind === 'activity' && dnat.label.en).toMatch(/^DNAT → 10\.244\.\d+\.\d+:80: IPVS on worker-1 sends 10\.(?:9[6-9]|10\d|11[01])\.\d+\.\d+:80 to the next real server, round robin/);
  });
});

describe('service-routing (nftables)', () => {
  const trace = runScenario(serviceRouting, { params: { proxyMode: 'nftables' } });
  const syncs = trace.events.filter((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'sync-rules');

  it('programs the table ip kube-proxy: service-ips -> service-<HASH>-default/web/tcp/ -> numgen random mod n -> endpoint chains, upstream’s names', () => {
    const full = syncs.find((e) => e.rules?.op === 'programmed' && e.rules.endpoints.length === 3);
    expect(full?.rules?.mode).toBe('nftables');
    if (full?.rules?.op !== 'programmed') return;
    const { clusterIP, endpoints } = full.rules;
    const chain = nftServiceChain('default/web', 'tcp');
    expect(chain).toMatch(/^service-[A-Z2-7]{8}-default\/web\/tcp\/$/);
    expect(full.label.en).toContain(`service-ips { ${clusterIP} . tcp . 80 : goto ${chain} } -> numgen random mod 3 vmap -> `);
    for (const ep of endpoints) expect(full.label.en).toContain(nftEndpointChain('default/web', 'tcp', ep));
    expect(full.label.en).not.toContain('KUBE-');
    expect(full.label.ko).toContain('ip kube-proxy 테이블');
  });

  it('no endpoints yet: the ClusterIP is in no-endpoint-services, whose verdict is goto reject-chain', () => {
    const empty = syncs.find((e) => e.rules?.op === 'programmed' && e.rules.endpoints.length === 0);
    expect(empty?.label.en).toMatch(/^nftables: default\/web 10\.\d+\.\d+\.\d+:80 has no endpoints -> no-endpoint-services \{ 10\.\d+\.\d+\.\d+ \. tcp \. 80 : goto reject-chain \} \(REJECT\)$/);
  });

  it('every node syncs no endpoints, then 3, then 2 after the readiness failure', () => {
    const counts = (node: string): number[] => syncs.filter((e) => e.component === `kube-proxy/${node}`).map((e) => (e.rules?.op === 'programmed' ? e.rules.endpoints.length : -1));
    for (const n of ['worker-1', 'worker-2', 'worker-3']) expect(counts(n)).toEqual([0, 3, 2]);
  });

  it('the kernel’s DNAT keeps its head and names the nftables path it took', () => {
    const dnat = trace.events.filter((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'dnat');
    expect(dnat).toHaveLength(2);
    for (const e of dnat) {
      expect(e.label.en).toMatch(/^DNAT → 10\.244\.\d+\.\d+:80: nftables on worker-1 \(table ip kube-proxy, written by kube-proxy\): 10\.\d+\.\d+\.\d+ \. tcp \. 80 @service-ips -> service-[A-Z2-7]{8}-default\/web\/tcp\/ -> numgen random mod [23] = \d -> endpoint-[A-Z2-7]{8}-default\/web\/tcp\/__10\.244\.\d+\.\d+\/80$/);
      expect(e.label.ko.startsWith(e.label.en.slice(0, e.label.en.indexOf(': ')))).toBe(true);
    }
  });

  it('captions say nftables, in both languages', () => {
    const step = trace.events.find((e) => e.kind === 'step' && e.id === 'rules');
    const caption = step?.kind === 'step' ? step.caption : undefined;
    expect(caption?.en).toContain('ip kube-proxy');
    expect(caption?.ko).toContain('ip kube-proxy 테이블');
  });
});

describe('kube-proxy rules', () => {
  it('iptables chains carry upstream’s names (KUBE-SVC-/KUBE-SEP- + 16 characters of base32(sha256))', () => {
    const trace = runScenario(serviceRouting);
    const full = trace.events.find((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'sync-rules' && e.rules?.op === 'programmed' && e.rules.endpoints.length === 3);
    if (full?.rules?.op !== 'programmed') throw new Error('no sync with 3 endpoints');
    const chains = full.rules.endpoints.map((ep) => iptablesEndpointChain('default/web', 'tcp', ep)).join(' | ');
    expect(full.label.en).toContain(`KUBE-SERVICES -> ${iptablesServiceChain('default/web', 'tcp')} -> ${chains}`);
    expect(iptablesServiceChain('default/web', 'tcp')).toBe('KUBE-SVC-LOLE4ISW44XBNF3G');
  });

  it('iptables random rules make every endpoint equally likely (1/n, then 1/(n-1)...)', () => {
    const counts = [0, 0, 0];
    // The 3 x 2 equally likely draw combinations give each endpoint 2 of 6: 1/3 each.
    for (let a = 0; a < 3; a++) for (let b = 0; b < 2; b++) {
      const draws = [a, b];
      let k = 0;
      const i = pickRandom(3, () => draws[k++] ?? 0);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    expect(counts).toEqual([2, 2, 2]);
  });

  it('only ready endpoints get a KUBE-SEP chain', () => {
    const svc = { apiVersion: 'v1' as const, kind: 'Service' as const, metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.5.5', ports: [{ port: 80, targetPort: 8080 }] } };
    const r = rulesFor(svc, [
      {
        apiVersion: 'discovery.k8s.io/v1',
        kind: 'EndpointSlice',
        metadata: { name: 'web-abc', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
        addressType: 'IPv4',
        ports: [{ port: 8080 }],
        endpoints: [
          { addresses: ['10.244.1.2'], conditions: { ready: true } },
          { addresses: ['10.244.2.2'], conditions: { ready: false } },
        ],
      },
    ]);
    expect(r?.backends).toEqual([{ ip: '10.244.1.2', port: 8080 }]);
    expect(r?.chains.mode === 'iptables' && r.chains.endpoints).toHaveLength(1);
  });
});

describe('kube-proxy rules payload (ActivityEvent.rules)', () => {
  const syncs = (events: readonly TraceEvent[]): ActivityEvent[] => events.filter((e): e is ActivityEvent => e.kind === 'activity' && e.action === 'sync-rules');

  it('every sync says what was programmed, matching its label: no endpoints first (REJECT), then 3, then 2 after the readiness failure', () => {
    const trace = runScenario(serviceRouting);
    const all = syncs(trace.events);
    expect(all.length).toBeGreaterThan(0);
    for (const e of all) {
      expect(e.rules?.op).toBe('programmed');
      if (e.rules?.op !== 'programmed') continue;
      expect(e.rules).toMatchObject({ mode: 'iptables', service: 'default/web', port: 80 });
      expect(e.label.en).toContain(`${e.rules.clusterIP}:80`);
      if (e.rules.endpoints.length === 0) expect(e.label.en).toContain('REJECT');
      for (const ep of e.rules.endpoints) expect(e.label.en).toContain(ep);
    }
    const counts = (node: string): number[] => all.filter((e) => e.component === `kube-proxy/${node}`).map((e) => (e.rules?.op === 'programmed' ? e.rules.endpoints.length : -1));
    for (const n of ['worker-1', 'worker-2', 'worker-3']) expect(counts(n)).toEqual([0, 3, 2]);
  });

  it('ipvs mode says so', () => {
    const trace = runScenario(serviceRouting, { params: { proxyMode: 'ipvs' } });
    const modes = new Set(syncs(trace.events).map((e) => e.rules?.mode));
    expect([...modes]).toEqual(['ipvs']);
  });

  it('a deleted Service: every node removes its rules at the next sync', () => {
    const cluster = new Cluster({ seed: 1, k8sVersion: '1.33' });
    for (const n of ['worker-1', 'worker-2']) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
    cluster.start();
    const runUntil = (until: number): void => {
      while ((cluster.rt.clock.peek() ?? Infinity) <= until) cluster.rt.clock.step();
    };
    cluster.create(webService(), 'POST service');
    runUntil(5_000);
    cluster.delete('Service/default/web');
    runUntil(10_000);
    const removed = syncs(cluster.rt.tracer.events).filter((e) => e.rules?.op === 'removed');
    expect(removed.map((e) => e.component).sort()).toEqual(['kube-proxy/worker-1', 'kube-proxy/worker-2']);
    expect(removed[0]?.rules).toMatchObject({ service: 'default/web', port: 80 });
  });
});
