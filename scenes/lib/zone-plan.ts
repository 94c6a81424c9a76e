/**
 * zone-outage's cluster and what the node lifecycle controller will make of its outage, worked out
 * from the same rules the simulation follows (zoneState, the eviction rates in SimConfig), so the
 * captions quote the numbers the run will show.
 */
import { numFeasibleNodesToFind } from '../../src/model/scheduler/feasible-nodes.ts';
import type { SimConfig } from '../../src/sim/core/config.ts';
import { zoneState, type ZoneState } from '../../src/sim/components/controllers/zone-disruption.ts';

export const ZONES = ['zone-a', 'zone-b', 'zone-c'] as const;
export type Outage = 'zone' | 'part';
/** The share of the dark zone that loses power in the `part` outage: above --unhealthy-zone-threshold's default 55%. */
export const PART_SHARE = 0.6;

export interface OutagePlan {
  readonly nodes: number;
  /** Node names per zone, in order: zone-a's are a-01, a-02... */
  readonly zones: ReadonlyMap<string, readonly string[]>;
  /** The zone that loses power (the last). */
  readonly zone: string;
  readonly zoneSize: number;
  readonly down: number;
  readonly failing: readonly string[];
  readonly state: ZoneState;
  /** NoExecute taints per second in the dark zone (0: none at all). */
  readonly rate: number;
  /** --node-eviction-rate: a normal or fully disrupted zone's rate (a node found silent while its zone still counts as normal is tainted at it). */
  readonly normalRate: number;
  /** Seconds between two nodes' taints (0 when the rate is 0). */
  readonly everyS: number;
  /** Minutes to taint the whole dark part, rounded. */
  readonly totalMin: number;
  readonly threshold: number;
  readonly large: number;
  /** numFeasibleNodesToFind for the cluster: where kube-scheduler stops filtering. */
  readonly feasible: number;
}

export function outagePlan(nodes: number, outage: Outage, config: SimConfig): OutagePlan {
  const zones = new Map<string, string[]>();
  const digits = String(Math.ceil(nodes / ZONES.length)).length < 2 ? 2 : String(Math.ceil(nodes / ZONES.length)).length;
  ZONES.forEach((zone, z) => {
    // Earlier zones take the remainder: 200 nodes are 67, 67 and 66.
    const size = Math.floor(nodes / ZONES.length) + (z < nodes % ZONES.length ? 1 : 0);
    const letter = zone.slice(-1);
    zones.set(zone, Array.from({ length: size }, (_, i) => `${letter}-${String(i + 1).padStart(digits, '0')}`));
  });
  const zone = ZONES[ZONES.length - 1] ?? 'zone-c';
  const names = zones.get(zone) ?? [];
  const down = outage === 'zone' ? names.length : Math.ceil(names.length * PART_SHARE);
  const state = zoneState(names.length - down, down, config.unhealthyZoneThreshold);
  const rate = state === 'partial' ? (names.length > config.largeClusterSizeThreshold ? config.secondaryNodeEvictionRate : 0) : config.nodeEvictionRate;
  const everyS = rate > 0 ? Math.round(1 / rate) : 0;
  return {
    nodes,
    zones,
    zone,
    zoneSize: names.length,
    down,
    failing: names.slice(0, down),
    state,
    rate,
    normalRate: config.nodeEvictionRate,
    everyS,
    totalMin: Math.round((down * everyS) / 60),
    threshold: config.unhealthyZoneThreshold,
    large: config.largeClusterSizeThreshold,
    feasible: numFeasibleNodesToFind(nodes),
  };
}
