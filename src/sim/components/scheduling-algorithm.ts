/**
 * kube-scheduler's cache: one NodeInfo per node, kept up to date incrementally from watch events,
 * handed to the pure scheduling algorithm (src/model/scheduler) for each attempt. Nodes are handed
 * over in upstream's node tree order (node-tree.ts: round robin across zones, each zone in the
 * order its nodes were added), which the rotating start index walks.
 */
import type { LabelSelector, Node, Pod } from '../../model/objects.ts';
import type { NodeInfo } from '../../model/scheduler/node-info.ts';
import { addPodToNodeInfo, createNodeInfo, createNodeInfoChanges, removePodFromNodeInfo, setNodeInfoNode, updatePodInNodeInfo } from '../../model/scheduler/node-info.ts';
import type { SchedulerProfile } from '../../model/scheduler/profile.ts';
import { DEFAULT_PROFILE } from '../../model/scheduler/profile.ts';
import type { ScheduleOptions } from '../../model/scheduler/schedule.ts';
import { schedulePod } from '../../model/scheduler/schedule.ts';
import type { ScheduleDecision } from '../../model/scheduler/types.ts';
import { NodeTree, zoneKey } from '../../model/scheduler/node-tree.ts';
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
  const tree = new NodeTree();
  let ordered: NodeInfo[] = [];
  /** The node list is built again when the next attempt needs it, not on each change (500 nodes added at set-up listed the tree 500 times). */
  let stale = true;
  let startIndex = 0;
  const reorder = (): void => {
    stale = true;
  };
  const orderedNow = (): NodeInfo[] => {
    if (stale) {
      stale = false;
      ordered = [];
      for (const name of tree.list()) {
        const info = infos.get(name);
        if (info !== undefined) ordered.push(info);
      }
    }
    return ordered;
  };

  return {
    get nodeCount() {
      return infos.size;
    },
    upsertNode(node: Node): void {
      const name = node.metadata.name;
      const info = infos.get(name);
      if (info) {
        setNodeInfoNode(info, node);
        // A node whose zone label changed moves in the tree, but the snapshot's list is only
        // rebuilt when a node is added or removed (upstream's UpdateSnapshot, updateAllLists):
        // until then Filter walks the old order.
        tree.update(name, zoneKey(node));
      } else {
        infos.set(name, createNodeInfo(node, changes));
        tree.add(name, zoneKey(node));
        reorder();
      }
    },
    removeNode(name: string): void {
      if (infos.delete(name)) {
        tree.remove(name);
        reorder();
      }
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
      // One literal with every field (schedulePod reads an undefined one as its default): a spread
      // of `versioned` that adds fields gave each attempt's options a hidden class of their own
      // (with-fields.ts), and each of schedulePod's reads of them missed its inline cache.
      const opts: ScheduleOptions = {
        taintReasons: versioned.taintReasons,
        dynamicResources: versioned.dynamicResources,
        balancedSkipsBestEffort: versioned.balancedSkipsBestEffort,
        startIndex,
        verdicts: verdicts(),
        defaultSpreadSelector: spreadSelector,
      };
      const decision = schedulePod(pod, orderedNow(), profile, rng, opts);
      startIndex = decision.nextStartIndex ?? 0;
      return decision;
    },
  };
}
