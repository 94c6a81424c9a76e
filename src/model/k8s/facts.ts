/**
 * Every version-dependent fact kubedeck shows, with the release it changed in and its upstream
 * source. Code asks `since(fact, version)` instead of comparing minor numbers itself, so a change
 * is made here once. Notes and sources: docs/kubernetes-versions.md.
 */
import { minorOf, type K8sVersion } from './versions.ts';

export interface VersionFact {
  /** The first minor release with the newer behaviour. */
  readonly since: K8sVersion;
  /** Where upstream says so (PR, KEP, CHANGELOG). */
  readonly source: string;
}

export const VERSION_FACTS = {
  /** kube-controller-manager --node-monitor-grace-period defaults to 50 s (40 s before). */
  nodeMonitorGrace50s: { since: '1.32', source: 'kubernetes/kubernetes#126287, CHANGELOG-1.32' },
  /** kube-proxy's nftables mode is GA (iptables stays the Linux default). */
  nftablesGA: { since: '1.33', source: 'KEP-3866, CHANGELOG-1.33' },
  /** DRA core is GA and on by default: kube-scheduler's DynamicResources plugin runs at PostFilter. */
  draGA: { since: '1.34', source: 'KEP-4381, kubernetes/kubernetes#134452' },
  /** TaintToleration's FailedScheduling reason no longer names the taint. */
  genericTaintReason: { since: '1.35', source: 'kubernetes/kubernetes#134740' },
  /** kube-proxy's ipvs mode is deprecated: kube-proxy warns at start in ipvs mode. */
  ipvsDeprecated: { since: '1.35', source: 'KEP-5495, kubernetes/kubernetes#134539' },
  /** ipvs mode sits behind the KubeProxyIPVS feature gate (deprecated, on by default; off planned for 1.40). */
  ipvsFeatureGate: { since: '1.37', source: 'KEP-5495, kubernetes/kubernetes#139397' },
} as const satisfies Readonly<Record<string, VersionFact>>;

export type VersionFactId = keyof typeof VERSION_FACTS;

/** True when `version` already has the newer behaviour of `fact`. */
export function since(fact: VersionFactId, version: K8sVersion): boolean {
  return minorOf(version) >= minorOf(VERSION_FACTS[fact].since);
}

/** --node-monitor-grace-period in milliseconds. */
export function nodeMonitorGraceMs(version: K8sVersion): number {
  return since('nodeMonitorGrace50s', version) ? 50_000 : 40_000;
}
