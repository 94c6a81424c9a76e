/** The result of one scheduling attempt, as kube-scheduler would reason about it. */

export type FilterPluginName = 'NodeUnschedulable' | 'NodeName' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit' | 'PodTopologySpread' | 'InterPodAffinity';
export type ScorePluginName = 'NodeResourcesFit' | 'NodeResourcesBalancedAllocation' | 'TaintToleration' | 'NodeAffinity' | 'PodTopologySpread' | 'InterPodAffinity' | 'ImageLocality';

export interface ScorePluginWeight {
  readonly plugin: ScorePluginName;
  readonly weight: number;
}

export interface NodeVerdict {
  readonly name: string;
  readonly feasible: boolean;
  /** Upstream-style filter failure reasons ("Insufficient cpu", "node(s) were unschedulable"...). Empty when feasible. */
  readonly reasons: readonly string[];
  /** The first filter plugin that rejected the node. */
  readonly failedPlugin?: FilterPluginName;
  /** Normalized score per plugin, 0-100 (unweighted). Empty when the node is infeasible or scoring was skipped. */
  readonly scores: Readonly<Partial<Record<ScorePluginName, number>>>;
  /** Sum of weight * normalized score. 0 when not scored. */
  readonly total: number;
  /**
   * False when the node was not examined at all: above 100 nodes kube-scheduler stops filtering
   * once it has found enough feasible nodes (percentageOfNodesToScore). Absent means true.
   */
  readonly evaluated?: boolean;
}

export interface ScheduleDecision {
  readonly pod: string;
  readonly nodes: readonly NodeVerdict[];
  /** The chosen node, or null when no node fits. */
  readonly selected: string | null;
  /** False when scoring was skipped (only one feasible node). */
  readonly scored: boolean;
  /** Nodes that tied for the highest total (the winner was drawn among them by reservoir sampling). */
  readonly tied: readonly string[];
  /** The FailedScheduling message when no node fits: "0/3 nodes are available: 3 Insufficient cpu." */
  readonly failureMessage?: string;
  /**
   * The profile's Score plugins with their weights, in the order they run (present when scoring
   * ran). A node's total is the sum of weight x normalized score over these plugins.
   */
  readonly weights?: readonly ScorePluginWeight[];
  /** Score plugins skipped at PreScore (NodeAffinity without preferred terms, BalancedAllocation for a best-effort pod). */
  readonly skippedScorePlugins?: readonly ScorePluginName[];
  /** When no node fits but evicting lower-priority pods would make room: those nodes (preemption would nominate one). */
  readonly preemptionCandidates?: readonly string[];
  /** Where the next scheduling attempt should start examining nodes (the rotating start index). */
  readonly nextStartIndex?: number;
  /**
   * Only without per-node verdicts (bulk runs), where `nodes` cannot be counted: how many nodes
   * Filter examined before it stopped (numFeasibleNodesToFind) and how many of them fit.
   */
  readonly filtered?: { readonly examined: number; readonly feasible: number; readonly of: number };
}
