/**
 * The default profile's Score plugins and weights per Kubernetes minor version, as
 * pkg/scheduler/apis/config/v1/default_plugins.go enables them (multiPoint, in that order):
 * TaintToleration 3, NodeAffinity 2, NodeResourcesFit 1, PodTopologySpread 2, InterPodAffinity 2,
 * NodeResourcesBalancedAllocation 1, ImageLocality 1. The weights have not changed from v1.31 to
 * v1.35 (the newest source read); v1.36 and v1.37 are taken to keep them. Only the plugins kubedeck
 * models are listed; the one table to change when a version changes a weight.
 */
import type { WeightedScorePlugin } from './profile.ts';

const V1_31_ON: readonly WeightedScorePlugin[] = [
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'PodTopologySpread', weight: 2 },
  { name: 'InterPodAffinity', weight: 2 },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
  { name: 'ImageLocality', weight: 1 },
];

/** Minor version -> default Score plugins. */
const SCORES_BY_MINOR: ReadonlyMap<number, readonly WeightedScorePlugin[]> = new Map([
  [31, V1_31_ON],
  [32, V1_31_ON],
  [33, V1_31_ON],
  [34, V1_31_ON],
  [35, V1_31_ON],
  [36, V1_31_ON],
  [37, V1_31_ON],
]);

export const NEWEST_SCORES: readonly WeightedScorePlugin[] = V1_31_ON;

/** The default Score plugins of a minor version; versions outside the table get the nearest one's. */
export function defaultScoresForMinor(minor: number): readonly WeightedScorePlugin[] {
  const known = [...SCORES_BY_MINOR.keys()];
  const lo = Math.min(...known);
  const hi = Math.max(...known);
  return SCORES_BY_MINOR.get(Math.min(Math.max(minor, lo), hi)) ?? NEWEST_SCORES;
}

/** "1.33" or "v1.35.2" -> that minor version's default Score plugins; undefined for an unparsable version. */
export function defaultScoresForVersion(version: string): readonly WeightedScorePlugin[] | undefined {
  const m = /^v?1\.(\d+)(\.\d+)?$/.exec(version.trim());
  return m?.[1] === undefined ? undefined : defaultScoresForMinor(Number(m[1]));
}
