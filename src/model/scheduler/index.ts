/**
 * kube-scheduler's decision, as pure functions with upstream plugin names.
 *
 * How to use (the simulation keeps one NodeInfo per node and updates it incrementally):
 *
 *   const infos = nodes.map((n) => createNodeInfo(n));     // or buildNodeInfos(nodes, pods)
 *   addPodToNodeInfo(infos[i], boundPod);                  // when a pod is bound / starts counting
 *   removePodFromNodeInfo(infos[i], pod);                  // when it is deleted or terminates
 *   setNodeInfoNode(infos[i], updatedNode);                // taints, labels, cordon changed
 *   const d = schedulePod(pod, infos, DEFAULT_PROFILE, rng, { startIndex });
 *   // d.selected: node name or null; d.failureMessage: the FailedScheduling text;
 *   // d.nodes: per node feasible / reasons / normalized scores / weighted total; d.tied;
 *   // d.nextStartIndex: pass it back as startIndex next time (rotating start, >100 nodes only).
 *
 * - Filters: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit,
 *   PodTopologySpread, InterPodAffinity (in that order;
 *   a node is rejected by the first failing plugin, whose reasons it carries).
 * - Scores (default weights, per version in ./default-plugins.ts): TaintToleration 3, NodeAffinity 2,
 *   NodeResourcesFit 1 (LeastAllocated; MostAllocated and RequestedToCapacityRatio via profileFromConfig),
 *   PodTopologySpread 2 (system defaults via ScheduleOptions.defaultSpreadSelector), InterPodAffinity 2,
 *   NodeResourcesBalancedAllocation 1, ImageLocality 1 (node.status.images).
 * - Only one feasible node: no scoring. No feasible node: FitError message, with DefaultPreemption's
 *   "preemption: ..." suffix unless the profile disables it.
 * - Ties: selectHost's reservoir sampling with the injected TieBreaker (the seeded RNG, never Math.random).
 * - Requests: quantities are parsed once per pod template (cached), NodeInfo sums are plain integers.
 *   Set `verdicts: false` in bulk runs: only the selected node's verdict is built.
 * - Version-dependent wording: `schedulePod(..., { ...scheduleOptionsForVersion(k8sVersion), startIndex })`.
 * - profileFromConfig(parsedYaml, index) / profileForSchedulerName(parsedYaml, pod.spec.schedulerName)
 *   turn a KubeSchedulerConfiguration into a SchedulerProfile.
 * - Errors: a malformed quantity in a pod or node throws QuantityError (message names the field).
 */
export type { FilterPluginName, NodeVerdict, ScheduleDecision, ScorePluginName } from './types.ts';
export { addPodToNodeInfo, buildNodeInfos, createNodeInfo, occupiesNode, podKey, removePodFromNodeInfo, setNodeInfoNode, type NodeInfo } from './node-info.ts';
export { schedulePod, type ScheduleOptions } from './schedule.ts';
export { selectHost, type TieBreaker } from './select-host.ts';
export { DEFAULT_PROFILE, defaultProfileForVersion, type SchedulerProfile, type WeightedScorePlugin } from './profile.ts';
export { profileForSchedulerName, profileFromConfig, SchedulerConfigError, type KubeSchedulerConfiguration } from './config.ts';
export { computePodRequest } from './pod-requests.ts';
export { numFeasibleNodesToFind } from './feasible-nodes.ts';
export { fitErrorMessage } from './fit-error.ts';
export type { ScoringStrategy, ShapePoint } from './plugins/resource-scorers.ts';
export type { TaintReasonStyle } from './plugins/taint-toleration.ts';
export type { PodRequest, ResourceSpec } from './resources.ts';
export { scheduleOptionsForVersion } from './versions.ts';
export { defaultSpreadSelector } from './plugins/topology-spread/default-selector.ts';
