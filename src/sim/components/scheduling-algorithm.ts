/**
 * kube-scheduler's cache: one NodeInfo per node, kept up to date incrementally from watch events,
 * handed to the pure scheduling algorithm (src/model/scheduler) for each attempt. Nodes are kept
 * in a stable order (by name) so the rotating start index behaves as upstream's node tree does.
 */
import type { LabelSelector, Node, Pod } from '../../model/objects.ts';
import type { NodeInfo } from '../../model/scheduler/node-info.ts';
import { addPodToNodeInfo, createNodeInfo, createNodeInfoChanges, removePodFromNodeInfo, setNodeInfoNode, updatePodInNodeInfo } from '../../model/scheduler/node-info.ts';
import type { SchedulerProfile } from '../../model/scheduler/profile.ts';
import { DEFAULT_PROFILE } from '../../model/scheduler/profile.ts';
import type { ScheduleOptions } from '../../model/scheduler/schedule.ts';
import { schedulePod } from '../../model/scheduler/schedule.ts';
import type { ScheduleDecision } from '../../model/scheduler/types.ts';
import type { Rng } from '../rng.ts';
import type { SchedulingAlgorithm } from './scheduler.ts';

/** `versioned`: what depends on the Kubernetes version (scheduleOptionsForVersion): the FailedScheduling wording, BalancedAllocation's best-effort skip. */
export function createSchedulingAlgorithm(
  profile: SchedulerProfile = DEFAULT_PROFILE,
  verdicts: () => boolean = () => true,
  versioned: Pick<ScheduleOptions, 'taintReasons' | 'dynamicResources' | 'balancedSkipsBestEffort'> = {},
): SchedulingAlgorithm {
  const infos = new Map<string, NodeInfo>();
  const changes = createNodeInfoChanges();
  let ordered: NodeInfo[] = [];
  let startIndex = 0;
  const reorder = (): void => {
    ordered = [...infos.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };

  return {
    get nodeCount() {
      return infos.size;
    },
    upsertNode(node: Node): void {
      const info = infos.get(node.metadata.name);
      if (info) setNodeInfoNode(info, node);
      else {
        infos.set(node.metadata.name, createNodeInfo(node, changes));
        reorder();
      }
    },
    removeNode(name: string): void {
      if (infos.delete(name)) reorder();
    },
    addPod(pod: Pod, node: string): void {
      const info = infos.get(node);
      if (info) addPodToNodeInfo(info, pod);
    },
    updatePod(pod: Pod, node: string): boolean {
      const info = infos.get(node);
      return info !== undefined && updatePodInNodeInfo(info, pod);
    },
    removePod(pod: Pod, node: string): void {
      const info = infos.get(node);
      if (info) removePodFromNodeInfo(info, pod);
    },
    schedule(pod: Pod, rng: Rng, spreadSelector?: LabelSelector): ScheduleDecision {
      // No conditional spread: schedulePod reads an undefined selector as none.
      const decision = schedulePod(pod, ordered, profile, rng, { ...versioned, startIndex, verdicts: verdicts(), defaultSpreadSelector: spreadSelector });
      startIndex = decision.nextStartIndex ?? 0;
      return decision;
    },
  };
}
