/**
 * The rules kube-proxy holds on each node through a trace, from the structured payload of its
 * `sync-rules` activities: per node, per Service port (ClusterIP:port), the endpoints it last
 * programmed; a removed Service's rules are gone. Pure: the stage draws a node's badge from it.
 */
import type { ProxyMode, Trace } from '../sim/trace.ts';

export interface HeldRules {
  readonly mode: ProxyMode;
  /** `namespace/name` (`:portName` when the port is named). */
  readonly service: string;
  readonly clusterIP: string;
  readonly port: number;
  /** Ready endpoints (`ip:port`) in the rules; empty: no endpoints. */
  readonly endpoints: readonly string[];
}

export interface RulesSync {
  /** Index into trace.events of the `sync-rules` activity. */
  readonly eventIndex: number;
  readonly node: string;
}

const NO_RULES: ReadonlyMap<string, readonly HeldRules[]> = new Map();

export class NodeRules {
  /** Every sync on a node, in trace order (the mast signals at each). */
  readonly syncs: readonly RulesSync[];
  private readonly changes: readonly { readonly index: number; readonly node: string; readonly key: string; readonly held: HeldRules | undefined }[];
  private cacheCount = -1;
  private cache = NO_RULES;

  constructor(trace: Trace) {
    const changes: { index: number; node: string; key: string; held: HeldRules | undefined }[] = [];
    trace.events.forEach((e, index) => {
      if (e.kind !== 'activity' || e.action !== 'sync-rules' || e.rules === undefined || !e.component.startsWith('kube-proxy/')) return;
      const node = e.component.slice('kube-proxy/'.length);
      const r = e.rules;
      const held = r.op === 'programmed' ? { mode: r.mode, service: r.service, clusterIP: r.clusterIP, port: r.port, endpoints: r.endpoints } : undefined;
      changes.push({ index, node, key: `${r.clusterIP}:${r.port}`, held });
    });
    this.changes = changes;
    this.syncs = changes.map((c) => ({ eventIndex: c.index, node: c.node }));
  }

  /** True when some kube-proxy in the trace programs rules (the stage then draws badges). */
  get any(): boolean {
    return this.changes.length > 0;
  }

  /** Each node's rules once the first `eventCount` events have happened, sorted by Service; nodes without rules are absent. */
  at(eventCount: number): ReadonlyMap<string, readonly HeldRules[]> {
    if (eventCount === this.cacheCount) return this.cache;
    const byNode = new Map<string, Map<string, HeldRules>>();
    for (const c of this.changes) {
      if (c.index >= eventCount) break;
      const held = byNode.get(c.node) ?? new Map<string, HeldRules>();
      if (c.held === undefined) held.delete(c.key);
      else held.set(c.key, c.held);
      byNode.set(c.node, held);
    }
    const out = new Map<string, readonly HeldRules[]>();
    for (const [node, held] of byNode) {
      if (held.size === 0) continue;
      out.set(node, [...held.values()].sort((a, b) => (a.service < b.service ? -1 : a.service > b.service ? 1 : a.port - b.port)));
    }
    this.cacheCount = eventCount;
    this.cache = out;
    return out;
  }
}
