/**
 * The node lifecycle controller's brake on evictions (pkg/controller/nodelifecycle,
 * node_lifecycle_controller.go: ComputeZoneState, handleDisruption, setLimiterInZone,
 * ReducedQPSFunc). Nodes are grouped by zone (topology.kubernetes.io/region and /zone labels).
 * A zone is fully disrupted when none of its nodes is Ready, partially disrupted when more than 2
 * and at least --unhealthy-zone-threshold (55%) of them are not, normal otherwise. The NoExecute
 * taint that leads to evictions goes on through a per-zone token bucket (burst 1):
 * --node-eviction-rate (0.1/s) in a normal or fully disrupted zone; in a partially disrupted zone
 * --secondary-node-eviction-rate (0.01/s) if the zone has more than --large-cluster-size-threshold
 * (50) nodes, else none at all. When every zone is fully disrupted the controller assumes its
 * own network is the problem ("master disruption mode"): it takes the NoExecute taints off every
 * node and evicts nothing until some node is Ready again. Pure bookkeeping; the controller makes
 * the API calls.
 */
import type { Node } from '../../../model/objects.ts';
import type { SimConfig } from '../../core/config.ts';

export type ZoneState = 'normal' | 'partial' | 'full';

const REGION = 'topology.kubernetes.io/region';
const ZONE = 'topology.kubernetes.io/zone';

/** nodetopology.GetZoneKey: region and zone, "" for a node with neither label. */
export function zoneKeyOf(node: Node): string {
  const region = node.metadata.labels?.[REGION] ?? '';
  const zone = node.metadata.labels?.[ZONE] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}

/** ComputeZoneState, from how many of a zone's nodes are Ready and not. */
export function zoneState(ready: number, notReady: number, threshold: number): ZoneState {
  if (ready === 0 && notReady > 0) return 'full';
  if (notReady > 2 && notReady / (notReady + ready) >= threshold) return 'partial';
  return 'normal';
}

/** flowcontrol's token bucket with burst 1: a token every 1/qps seconds; qps 0 never gives one. */
class TokenBucket {
  private tokens = 1;
  private last: number;
  constructor(
    private qps: number,
    now: number,
  ) {
    this.last = now;
  }
  /**
   * SwapLimiter: a new rate is a new limiter, full (its burst token) unless the old one had no
   * token to give (a rate of 0 never has), in which case the new one starts drained.
   */
  swap(qps: number, now: number): void {
    if (qps === this.qps) return;
    this.refill(now);
    this.tokens = this.qps > 0 && this.tokens >= 1 ? 1 : 0;
    this.last = now;
    this.qps = qps;
  }
  tryAccept(now: number): boolean {
    // A rate of 0 is flowcontrol's NewFakeNeverRateLimiter upstream (SwapLimiter): not even the burst token.
    if (this.qps <= 0) return false;
    this.refill(now);
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
  /** When the next token is there (undefined: never, at this rate). */
  nextAt(now: number): number | undefined {
    if (this.qps <= 0) return undefined;
    this.refill(now);
    if (this.tokens >= 1) return now;
    return this.qps > 0 ? now + Math.ceil(((1 - this.tokens) / this.qps) * 1000) : undefined;
  }
  private refill(now: number): void {
    this.tokens = Math.min(1, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
  }
}

export interface DisruptionPass {
  /** Every zone is fully disrupted: no NoExecute taints at all (and those on nodes come off). */
  readonly masterDisruption: boolean;
  /** The mode just ended: every node's heartbeat clock restarts now (probeTimestamp = now). */
  readonly leftMasterDisruption: boolean;
}

export class ZoneDisruption {
  private readonly states = new Map<string, ZoneState>();
  private readonly buckets = new Map<string, TokenBucket>();
  private allWereFull = false;

  constructor(private readonly config: SimConfig) {}

  private rateFor(state: ZoneState, size: number): number {
    if (state === 'partial') return size > this.config.largeClusterSizeThreshold ? this.config.secondaryNodeEvictionRate : 0;
    return this.config.nodeEvictionRate;
  }

  private bucket(zone: string, now: number): TokenBucket {
    let b = this.buckets.get(zone);
    if (!b) this.buckets.set(zone, (b = new TokenBucket(this.config.nodeEvictionRate, now)));
    return b;
  }

  /** handleDisruption: the zones' states from the nodes' Ready status now; `ready(node)` says whether a node is Ready. */
  update(nodes: Iterable<Node>, ready: (node: Node) => boolean, now: number): DisruptionPass {
    const counts = new Map<string, { ready: number; notReady: number }>();
    for (const node of nodes) {
      const zone = zoneKeyOf(node);
      const c = counts.get(zone) ?? { ready: 0, notReady: 0 };
      if (ready(node)) c.ready++;
      else c.notReady++;
      counts.set(zone, c);
    }
    const next = new Map<string, ZoneState>();
    for (const [zone, c] of counts) next.set(zone, zoneState(c.ready, c.notReady, this.config.unhealthyZoneThreshold));
    const allFull = next.size > 0 && [...next.values()].every((s) => s === 'full');
    const wereFull = this.allWereFull;
    this.allWereFull = allFull;
    for (const [zone, state] of next) {
      const size = (counts.get(zone)?.ready ?? 0) + (counts.get(zone)?.notReady ?? 0);
      this.bucket(zone, now).swap(allFull ? 0 : this.rateFor(state, size), now);
      this.states.set(zone, state);
    }
    return { masterDisruption: allFull, leftMasterDisruption: wereFull && !allFull };
  }

  /** A NoExecute taint for a node of `zone` may go on now (takes the zone's token). */
  tryTaint(zone: string, now: number): boolean {
    if (this.allWereFull) return false;
    return this.bucket(zone, now).tryAccept(now);
  }

  /** When a node of `zone` waiting for its NoExecute taint may next get it. */
  nextTaintAt(zone: string, now: number): number | undefined {
    return this.allWereFull ? undefined : this.bucket(zone, now).nextAt(now);
  }

  stateOf(zone: string): ZoneState {
    return this.states.get(zone) ?? 'normal';
  }

  /** The flag whose rate a NoExecute taint in `zone` goes on at now (a zone that taints is normal, fully disrupted, or partially and large). */
  rateFlagOf(zone: string): { readonly flag: '--node-eviction-rate' | '--secondary-node-eviction-rate'; readonly qps: number } {
    return this.stateOf(zone) === 'partial'
      ? { flag: '--secondary-node-eviction-rate', qps: this.config.secondaryNodeEvictionRate }
      : { flag: '--node-eviction-rate', qps: this.config.nodeEvictionRate };
  }
}
