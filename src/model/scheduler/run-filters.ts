/** Runs the profile's filter plugins on one node, stopping at the first rejection (upstream RunFilterPlugins). */
import type { NodeInfo } from './node-info.ts';
import type { PodContext } from './pod-context.ts';
import { nodeAffinityFilter } from './plugins/node-affinity.ts';
import { nodePortsFilter } from './plugins/node-ports.ts';
import { nodeNameFilter } from './plugins/node-name.ts';
import { nodeResourcesFitFilter } from './plugins/node-resources-fit-filter.ts';
import { nodeUnschedulableFilter } from './plugins/node-unschedulable.ts';
import { affinityFilter } from './plugins/inter-pod-affinity/filter.ts';
import { spreadFilter } from './plugins/topology-spread/filter.ts';
import { taintTolerationFilter, type TaintReasonStyle } from './plugins/taint-toleration.ts';
import type { SchedulerProfile } from './profile.ts';
import type { Rejection } from './status.ts';
import type { FilterPluginName } from './types.ts';

/**
 * The profile's filters this pod needs, in order: those whose PreFilter says Skip for it are left
 * out, as upstream's RunFilterPlugins skips them (NodeAffinity without a nodeSelector or required
 * affinity, NodePorts without host ports, PodTopologySpread and InterPodAffinity without PreFilter
 * state) and so is NodeName for a pod that names no node (its Filter passes every node). Each of
 * these would return null on every node: computed once per attempt, not asked per node.
 */
export function activeFilters(profile: SchedulerProfile, ctx: PodContext): readonly FilterPluginName[] {
  const nodeName = ctx.pod.spec.nodeName;
  const all = profile.filters;
  // A bit per filter of the profile that says Skip: the lists per mask are kept per profile (a
  // few per run), so a cycle allocates nothing here.
  let mask = 0;
  for (let i = 0; i < all.length; i++) if (skips(all[i] as FilterPluginName, ctx, nodeName)) mask |= 1 << i;
  if (mask === 0) return all;
  let byMask = ACTIVE.get(all);
  if (byMask === undefined) ACTIVE.set(all, (byMask = new Map()));
  let list = byMask.get(mask);
  if (list === undefined) byMask.set(mask, (list = all.filter((_p, i) => (mask & (1 << i)) === 0)));
  return list;
}
const ACTIVE = new WeakMap<readonly FilterPluginName[], Map<number, readonly FilterPluginName[]>>();

function skips(plugin: FilterPluginName, ctx: PodContext, nodeName: string | undefined): boolean {
  switch (plugin) {
    case 'NodeName':
      return nodeName === undefined || nodeName === '';
    case 'NodeAffinity':
      return !ctx.hasRequiredAffinity;
    case 'NodePorts':
      return ctx.hostPorts.length === 0;
    case 'PodTopologySpread':
      return ctx.spread === undefined;
    case 'InterPodAffinity':
      return ctx.affinity === undefined;
    default:
      return false;
  }
}

/** `filters`: the profile's, or activeFilters(profile, ctx) (the same verdicts, fewer calls). */
export function runFilters(profile: SchedulerProfile, ctx: PodContext, info: NodeInfo, taintReasons: TaintReasonStyle, filters: readonly FilterPluginName[] = profile.filters): Rejection | null {
  for (const plugin of filters) {
    let r: Rejection | null;
    switch (plugin) {
      case 'NodeUnschedulable':
        r = nodeUnschedulableFilter(ctx, info);
        break;
      case 'NodeName':
        r = nodeNameFilter(ctx, info);
        break;
      case 'TaintToleration':
        r = taintTolerationFilter(ctx, info, taintReasons);
        break;
      case 'NodeAffinity':
        r = nodeAffinityFilter(ctx, info);
        break;
      case 'NodePorts':
        r = nodePortsFilter(ctx, info);
        break;
      case 'NodeResourcesFit':
        r = nodeResourcesFitFilter(ctx, info, profile.fit.ignored);
        break;
      case 'PodTopologySpread':
        r = spreadFilter(ctx.spread, info);
        break;
      case 'InterPodAffinity':
        r = affinityFilter(ctx.affinity, info);
        break;
    }
    if (r !== null) return r;
  }
  return null;
}
