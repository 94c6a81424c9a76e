/** A ship's score panel with more Score plugins than rows: the top contributors, the rest summed, adding up to the total. */
import { describe, expect, it } from 'vitest';
import { columnRows } from '../../../src/model/scheduler/score-column.ts';
import type { ScoreTable } from '../../../src/model/scheduler/score-table.ts';

const table: ScoreTable = {
  nodes: ['a', 'b'],
  rows: [
    { plugin: 'TaintToleration', weight: 3, cells: [100, 100] },
    { plugin: 'NodeAffinity', weight: 2, cells: [0, 50] },
    { plugin: 'NodeResourcesFit', weight: 1, cells: [60, 70] },
    { plugin: 'NodeResourcesBalancedAllocation', weight: 1, cells: [90, 95] },
    { plugin: 'ImageLocality', weight: 1, cells: [10, 0] },
  ],
  totals: [460, 565],
  winner: 1,
};

describe('columnRows', () => {
  it('every plugin, in profile order, when they fit', () => {
    expect(columnRows(table, 0, 5).map((r) => (r.kind === 'plugin' ? r.plugin : 'rest'))).toEqual([
      'TaintToleration',
      'NodeAffinity',
      'NodeResourcesFit',
      'NodeResourcesBalancedAllocation',
      'ImageLocality',
    ]);
  });
  it('too many rows: the biggest weighted contributors in profile order, then the rest summed', () => {
    const rows = columnRows(table, 0, 3);
    expect(rows).toEqual([
      { kind: 'plugin', plugin: 'TaintToleration', weight: 3, score: 100 },
      { kind: 'plugin', plugin: 'NodeResourcesBalancedAllocation', weight: 1, score: 90 },
      { kind: 'rest', count: 3, weighted: 70 },
    ]);
    const shown = rows.reduce((s, r) => s + (r.kind === 'rest' ? r.weighted : r.weight * (r.score ?? 0)), 0);
    expect(shown).toBe(table.totals[0]);
  });
  it('a single row left: everything folds into the rest', () => {
    expect(columnRows(table, 1, 1)).toEqual([{ kind: 'rest', count: 5, weighted: 565 }]);
  });
  it('short of rows, the plugins that add nothing leave first and every contributor stays named', () => {
    // Column a: NodeAffinity scores 0, so four contributors fit four rows whole.
    expect(columnRows(table, 0, 4).map((r) => (r.kind === 'plugin' ? r.plugin : 'rest'))).toEqual(['TaintToleration', 'NodeResourcesFit', 'NodeResourcesBalancedAllocation', 'ImageLocality']);
  });
});
