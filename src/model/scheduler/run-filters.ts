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

export function runFilters(profile: SchedulerProfile, ctx: PodContext, info: NodeInfo, taintReasons: TaintReasonStyle): Rejection | null {
  for (const plugin of profile.filters) {
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
