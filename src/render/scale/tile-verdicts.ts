/**
 * What the tiles show of one scheduling decision while it is on stage (a big run records every
 * node's verdict only for the decision its story walks through): the nodes Filter rejected, the
 * ones it never had to look at (it stopped once it found enough feasible nodes), the ones that
 * passed, and, once decided, the winner. Pure.
 */
import type { ScheduleDecision } from '../../model/scheduler/types.ts';
import type { VerdictPhase } from '../scene/ship.ts';

export interface TileVerdicts {
  readonly phase: VerdictPhase;
  readonly rejected: readonly string[];
  readonly unexamined: readonly string[];
  readonly passed: readonly string[];
  /** The chosen node once decided (null: none fits, or not decided yet). */
  readonly selected: string | null;
}

/** The tiles' marks for `decision` in `phase`; undefined when it has no per-node verdicts (counts only). */
export function tileVerdicts(decision: ScheduleDecision, phase: VerdictPhase): TileVerdicts | undefined {
  // A bulk decision lists at most the winner, with counts in `filtered`: nothing to mark node by node.
  if (decision.filtered !== undefined || decision.nodes.length === 0) return undefined;
  const rejected: string[] = [];
  const unexamined: string[] = [];
  const passed: string[] = [];
  for (const v of decision.nodes) {
    if (v.evaluated === false) unexamined.push(v.name);
    else if (v.feasible) passed.push(v.name);
    else rejected.push(v.name);
  }
  return { phase, rejected, unexamined, passed, selected: phase === 'decided' ? decision.selected : null };
}
