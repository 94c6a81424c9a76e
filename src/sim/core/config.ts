/**
 * Timings and switches of a simulated cluster, defaulted from the Kubernetes version
 * (reference/kubernetes.md section 3: the node-monitor grace period changed in v1.32).
 */
export interface SimConfig {
  readonly k8sVersion: string;
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
}

export function parseMinor(version: string): number {
  const m = /^v?1\.(\d+)/.exec(version.trim());
  if (!m?.[1]) throw new Error(`unknown Kubernetes version "${version}" (expected e.g. 1.31 or 1.33)`);
  return Number(m[1]);
}

export function configFor(k8sVersion: string, overrides: Partial<SimConfig> = {}): SimConfig {
  const minor = parseMinor(k8sVersion);
  return {
    k8sVersion,
    leaseRenewMs: 10_000,
    leaseDurationSeconds: 40,
    nodeMonitorPeriodMs: 5_000,
    nodeMonitorGraceMs: minor >= 32 ? 50_000 : 40_000,
    defaultTolerationSeconds: 300,
    terminationGracePeriodSeconds: 30,
    recordEvents: true,
    fullDecisions: true,
    ...overrides,
  };
}
