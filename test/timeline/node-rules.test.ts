import { describe, expect, it } from 'vitest';
import { serviceRouting } from '../../scenes/service-routing.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { ActivityEvent, ProxyRulesChange, Trace, TraceEvent } from '../../src/sim/trace.ts';
import { NodeRules } from '../../src/timeline/node-rules.ts';

const NODES = ['worker-1', 'worker-2', 'worker-3'];
/** Index of the first event of the step with this id (its start). */
const stepStart = (trace: Trace, id: string): number => trace.events.findIndex((e) => e.kind === 'step' && e.id === id);
const counts = (rules: NodeRules, eventCount: number): Record<string, number[]> => Object.fromEntries([...rules.at(eventCount)].map(([node, held]) => [node, held.map((r) => r.endpoints.length)]));

describe('NodeRules: which rules each node holds at a moment of the trace', () => {
  const trace = runScenario(serviceRouting);
  const rules = new NodeRules(trace);

  it('none before the first sync; none at all in a trace without kube-proxy syncs', () => {
    const first = trace.events.findIndex((e) => e.kind === 'activity' && e.action === 'sync-rules');
    expect(first).toBeGreaterThan(0);
    expect(rules.at(first).size).toBe(0);
    expect(rules.at(first + 1).size).toBe(1);
    expect(new NodeRules({ ...trace, events: trace.events.filter((e) => e.kind !== 'activity') }).any).toBe(false);
  });

  it('web with no endpoints first, 3 on every node once the EndpointSlice is synced, 2 after the readiness failure', () => {
    // The Service's watch reaches the proxies and the EndpointSlice controller in the network's order:
    // whichever proxy syncs first programs web with no endpoints (REJECT).
    const first = trace.events.findIndex((e) => e.kind === 'activity' && e.action === 'sync-rules');
    expect(Object.values(counts(rules, first + 1))).toEqual([[0]]);
    for (const held of Object.values(counts(rules, stepStart(trace, 'endpointslice')))) expect(held).toEqual([0]);
    expect(counts(rules, stepStart(trace, 'curl'))).toEqual(Object.fromEntries(NODES.map((n) => [n, [3]])));
    expect(counts(rules, stepStart(trace, 'curl-again'))).toEqual(Object.fromEntries(NODES.map((n) => [n, [2]])));
    const held = rules.at(trace.events.length).get('worker-2')?.[0];
    expect(held).toMatchObject({ mode: 'iptables', service: 'default/web', port: 80 });
    expect(held?.clusterIP).toMatch(/^10\.(9[6-9]|10\d|11[01])\./);
  });

  it('lists every sync with its node, in trace order', () => {
    // Three rounds (no endpoints yet, three, two), each node once per round; the order within a round is the network's.
    const nodes = rules.syncs.map((s) => s.node);
    expect(nodes).toHaveLength(9);
    for (let round = 0; round < 3; round++) expect([...nodes.slice(round * 3, round * 3 + 3)].sort()).toEqual(['worker-1', 'worker-2', 'worker-3']);
    const order = trace.events.flatMap((e, i) => (e.kind === 'activity' && e.action === 'sync-rules' ? [i] : []));
    expect(rules.syncs.map((s) => s.eventIndex)).toEqual(order);
  });

  it('ipvs mode', () => {
    const ipvs = new NodeRules(runScenario(serviceRouting, { params: { proxyMode: 'ipvs' } }));
    expect([...ipvs.at(Infinity).values()].flat().map((r) => r.mode)).toEqual(['ipvs', 'ipvs', 'ipvs']);
  });

  it('nftables mode', () => {
    const nft = new NodeRules(runScenario(serviceRouting, { params: { proxyMode: 'nftables' } }));
    const held = [...nft.at(Infinity).values()].flat();
    expect(held.map((r) => r.mode)).toEqual(['nftables', 'nftables', 'nftables']);
    expect(held.map((r) => r.endpoints.length)).toEqual([2, 2, 2]);
  });

  it('several Services on a node are sorted by name; a removed Service leaves the node, and a node with none left has no entry', () => {
    let seq = 0;
    const sync = (node: string, rules: ProxyRulesChange): ActivityEvent => ({ kind: 'activity', t: seq, seq: seq++, component: `kube-proxy/${node}`, action: 'sync-rules', until: seq + 15, label: { en: '', ko: '' }, rules });
    const key = { mode: 'nftables', port: 80 } as const;
    const events: TraceEvent[] = [
      sync('a', { op: 'programmed', ...key, service: 'default/web', clusterIP: '10.96.0.20', endpoints: ['10.244.1.2:80'] }),
      sync('a', { op: 'programmed', ...key, service: 'default/api', clusterIP: '10.96.0.30', endpoints: [] }),
      sync('a', { op: 'removed', ...key, service: 'default/web', clusterIP: '10.96.0.20' }),
      sync('a', { op: 'removed', ...key, service: 'default/api', clusterIP: '10.96.0.30' }),
    ];
    const r = new NodeRules({ ...trace, events });
    expect(r.at(2).get('a')?.map((h) => h.service)).toEqual(['default/api', 'default/web']);
    expect(r.at(3).get('a')?.map((h) => h.service)).toEqual(['default/api']);
    expect(r.at(4).has('a')).toBe(false);
  });
});
