/**
 * A scheduling profile: which of the modelled plugins run, in which order, with which weights and
 * arguments. DEFAULT_PROFILE is kube-scheduler's default (pkg/scheduler/apis/config/v1/default_plugins.go)
 * restricted to the plugins kubedeck models. Not modelled (they contribute nothing here): NodePorts,
 * volume plugins, PodTopologySpread, InterPodAffinity, ImageLocality.
 */
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

export const DEFAULT_FILTERS: readonly FilterPluginName[] = ['NodeUnschedulable', 'NodeName', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit'];

export const DEFAULT_SCORES: readonly WeightedScorePlugin[] = [
  { name: 'TaintToleration', weight: 3 },
  { name: 'NodeAffinity', weight: 2 },
  { name: 'NodeResourcesFit', weight: 1 },
  { name: 'NodeResourcesBalancedAllocation', weight: 1 },
];

export const DEFAULT_PROFILE: SchedulerProfile = {
  schedulerName: 'default-scheduler',
  filters: DEFAULT_FILTERS,
  scores: DEFAULT_SCORES,
  fit: { scoringStrategy: { type: 'LeastAllocated', resources: DEFAULT_RESOURCES }, ignored: NO_IGNORED_RESOURCES },
  balancedResources: DEFAULT_RESOURCES,
  preemption: true,
  unmodelledPlugins: [],
};
