/**
 * A scheduling profile: which of the modelled plugins run, in which order, with which weights and
 * arguments. DEFAULT_PROFILE is kube-scheduler's default (pkg/scheduler/apis/config/v1/default_plugins.go)
 * restricted to the plugins kubedeck models, with the newest version's weights (./default-plugins.ts
 * holds them per version). Not modelled (they contribute nothing here): the volume plugins and DRA.
 */
import { defaultScoresForVersion, NEWEST_SCORES } from './default-plugins.ts';
import type { IgnoredResources } from './plugins/node-resources-fit-filter.ts';
import { NO_IGNORED_RESOURCES } from './plugins/node-resources-fit-filter.ts';
import type { ScoringStrategy } from './plugins/resource-scorers.ts';
import { DEFAULT_RESOURCES, type ResourceSpec } from './resources.ts';
import type { FilterPluginName, ScorePluginName } from './types.ts';

export interface WeightedScorePlugin {
  readonly name: ScorePluginName;
  readonly weight: number;
}

export interface SchedulerProfile {
  readonly schedulerName: string;
  /** Filter plugins in the order they run; a node is rejected by the first that fails. */
  readonly filters: readonly FilterPluginName[];
  readonly scores: readonly WeightedScorePlugin[];
  /** NodeResourcesFitArgs */
  readonly fit: { readonly scoringStrategy: ScoringStrategy; readonly ignored: IgnoredResources };
  /** NodeResourcesBalancedAllocationArgs.resources */
  readonly balancedResources: readonly ResourceSpec[];
  /** DefaultPreemption is enabled (PostFilter). */
  readonly preemption: boolean;
  /** 0 or undefined: adaptive (see numFeasibleNodesToFind). */
  readonly percentageOfNodesToScore?: number;
  /** Plugins named in the configuration that kubedeck does not model (shown to the user, otherwise ignored). */
  readonly unmodelledPlugins: readonly string[];
}

export const DEFAULT_FILTERS: readonly FilterPluginName[] = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodePorts', 'NodeResourcesFit', 'PodTopologySpread', 'InterPodAffinity'];

export const DEFAULT_SCORES: readonly WeightedScorePlugin[] = NEWEST_SCORES;

export const DEFAULT_PROFILE: SchedulerProfile = {
  schedulerName: 'default-scheduler',
  filters: DEFAULT_FILTERS,
  scores: DEFAULT_SCORES,
  fit: { scoringStrategy: { type: 'LeastAllocated', resources: DEFAULT_RESOURCES }, ignored: NO_IGNORED_RESOURCES },
  balancedResources: DEFAULT_RESOURCES,
  preemption: true,
  unmodelledPlugins: [],
};

/** The default profile as a Kubernetes version ("1.33", "v1.35.2") enables it; the newest for an unparsable one. */
export function defaultProfileForVersion(version: string): SchedulerProfile {
  const scores = defaultScoresForVersion(version) ?? DEFAULT_SCORES;
  return scores === DEFAULT_SCORES ? DEFAULT_PROFILE : { ...DEFAULT_PROFILE, scores };
}
