/**
 * Timings and switches of a simulated cluster, defaulted from the Kubernetes version
 * (the version switches live in src/model/k8s/facts.ts).
 */
import { nodeMonitorGraceMs } from '../../model/k8s/facts.ts';
import type { K8sVersion } from '../../model/k8s/versions.ts';

export interface SimConfig {
  readonly k8sVersion: K8sVersion;
  /** Kubelet Lease renewal interval: nodeLeaseDurationSeconds 40 x 0.25 = 10 s. */
  readonly leaseRenewMs: number;
  readonly leaseDurationSeconds: number;
  /** --node-monitor-period. */
  readonly nodeMonitorPeriodMs: number;
  /** --node-monitor-grace-period: 40 s up to v1.31, 50 s from v1.32. */
  readonly nodeMonitorGraceMs: number;
  /** DefaultTolerationSeconds admission: not-ready / unreachable tolerated for 300 s. */
  readonly defaultTolerationSeconds: number;
  readonly terminationGracePeriodSeconds: number;
  /** Whether components POST core/v1 Events (Scheduled, Pulling...). */
  readonly recordEvents: boolean;
  /** Keep every node's filter/score verdict in decision events (off for very large runs). */
  readonly fullDecisions: boolean;
  /** --node-eviction-rate: nodes per second whose NoExecute taint goes on, per zone (0.1: one every 10 s). */
  readonly nodeEvictionRate: number;
  /** --secondary-node-eviction-rate: the same in a partially disrupted zone of a large cluster. */
  readonly secondaryNodeEvictionRate: number;
  /** --unhealthy-zone-threshold: the share of NotReady nodes (at least 3) that makes a zone partially disrupted. */
  readonly unhealthyZoneThreshold: number;
  /** --large-cluster-size-threshold: a partially disrupted zone of more nodes than this still evicts, slowly. */
  readonly largeClusterSizeThreshold: number;
}

export function configFor(k8sVersion: K8sVersion, overrides: Partial<SimConfig> = {}): SimConfig {
  return {
    k8sVersion,
    leaseRenewMs: 10_000,
    leaseDurationSeconds: 40,
    nodeMonitorPeriodMs: 5_000,
    nodeMonitorGraceMs: nodeMonitorGraceMs(k8sVersion),
    defaultTolerationSeconds: 300,
    terminationGracePeriodSeconds: 30,
    recordEvents: true,
    fullDecisions: true,
    nodeEvictionRate: 0.1,
    secondaryNodeEvictionRate: 0.01,
    unhealthyZoneThreshold: 0.55,
    largeClusterSizeThreshold: 50,
    ...overrides,
  };
}
