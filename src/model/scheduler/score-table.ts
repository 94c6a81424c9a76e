/**
 * The scheduler's Score arithmetic as a table: one row per Score plugin that ran (with its
 * weight), one column per node, each cell the plugin's normalized 0-100 score, and a total row
 * (sum of weight x score, the number selectHost compares). Built from a ScheduleDecision only, so
 * the picture shows exactly what the decision holds.
 */
import type { ScheduleDecision, ScorePluginName } from './types.ts';

export interface ScoreRow {
  readonly plugin: ScorePluginName;
  readonly weight: number;
  /** Per column: the normalized score, or undefined when the node was not scored (filtered out). */
  readonly cells: readonly (number | undefined)[];
}

export interface ScoreTable {
  /** Column names, in the decision's node order. */
  readonly nodes: readonly string[];
  readonly rows: readonly ScoreRow[];
  /** Per column: the weighted total, or undefined when the node was not scored. */
  readonly totals: readonly (number | undefined)[];
  /** Column index of the selected node, -1 when none. */
  readonly winner: number;
}

/** undefined when the decision did not score (one feasible node, or none). */
export function scoreTable(d: ScheduleDecision): ScoreTable | undefined {
  if (!d.scored || d.weights === undefined) return undefined;
  const skipped = new Set(d.skippedScorePlugins ?? []);
  const nodes = d.nodes.map((v) => v.name);
  const scoredCol = d.nodes.map((v) => v.feasible && v.evaluated !== false);
  const rows: ScoreRow[] = d.weights
    .filter((w) => !skipped.has(w.plugin))
    .map((w) => ({ plugin: w.plugin, weight: w.weight, cells: d.nodes.map((v, i) => (scoredCol[i] === true ? (v.scores[w.plugin] ?? 0) : undefined)) }));
  const totals = d.nodes.map((_, i) => (scoredCol[i] === true ? rows.reduce((sum, r) => sum + r.weight * (r.cells[i] ?? 0), 0) : undefined));
  return { nodes, rows, totals, winner: d.selected === null ? -1 : nodes.indexOf(d.selected) };
}
