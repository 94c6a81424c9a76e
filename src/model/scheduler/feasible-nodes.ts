/**
 * How many feasible nodes kube-scheduler looks for before it stops filtering (upstream
 * numFeasibleNodesToFind). It exists for large clusters: filtering and scoring every node for every
 * pod costs O(nodes), so above 100 nodes the scheduler settles for a sample that is "good enough",
 * and starts the next pod's search where this one stopped (the rotating start index) so every node
 * gets its turn.
 */

export const MIN_FEASIBLE_NODES_TO_FIND = 100;
export const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** percentage 0 (or undefined) = adaptive: 50% minus 1% per 125 nodes, at least 5%; never fewer than 100 nodes. */
export function numFeasibleNodesToFind(numAllNodes: number, percentage?: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  let pct = percentage ?? 0;
  if (pct === 0) {
    pct = 50 - Math.trunc(numAllNodes / 125);
    if (pct < MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND) pct = MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND;
  }
  const numNodes = Math.trunc((numAllNodes * pct) / 100);
  return numNodes < MIN_FEASIBLE_NODES_TO_FIND ? MIN_FEASIBLE_NODES_TO_FIND : numNodes;
}
