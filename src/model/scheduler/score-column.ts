/**
 * One node's column of the score table as a ship's panel shows it when rows are scarce: every Score
 * plugin while they fit; otherwise the biggest contributors (weight x score, ties in profile order),
 * then one row summing the rest, so what is shown still adds up to the total.
 */
import type { ScoreTable } from './score-table.ts';
import type { ScorePluginName } from './types.ts';

export type ColumnRow =
  | { readonly kind: 'plugin'; readonly plugin: ScorePluginName; readonly weight: number; readonly score: number | undefined }
  | { readonly kind: 'rest'; readonly count: number; readonly weighted: number };

/** At most `capacity` rows (the total is not counted); all plugin rows, in profile order, when they fit. */
export function columnRows(table: ScoreTable, column: number, capacity: number): ColumnRow[] {
  const all = table.rows.map((r, i) => ({ i, plugin: r.plugin, weight: r.weight, score: r.cells[column] }));
  const rows = (list: typeof all): ColumnRow[] => list.map((r) => ({ kind: 'plugin', plugin: r.plugin, weight: r.weight, score: r.score }));
  if (all.length <= capacity) return rows(all);
  const contribution = (r: (typeof all)[number]): number => r.weight * (r.score ?? 0);
  // Plugins that add nothing (skipped at PreScore, or scoring 0) leave first: the sum still holds.
  const adding = all.filter((r) => contribution(r) > 0);
  if (adding.length <= capacity) return rows(adding);
  const keep = Math.max(0, capacity - 1);
  const top = [...all].sort((a, b) => contribution(b) - contribution(a) || a.i - b.i).slice(0, keep);
  const chosen = new Set(top.map((r) => r.i));
  const shown = all.filter((r) => chosen.has(r.i));
  const rest = all.filter((r) => !chosen.has(r.i));
  return [...rows(shown), { kind: 'rest', count: rest.length, weighted: rest.reduce((s, r) => s + contribution(r), 0) }];
}
