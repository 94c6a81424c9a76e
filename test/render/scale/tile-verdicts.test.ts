/**
 * What the tiles show of a decision on stage: the rejected, the never examined, the passed, and
 * the winner only once decided; nothing for a bulk decision's counts.
 */
import { describe, expect, it } from 'vitest';
import type { NodeVerdict, ScheduleDecision } from '../../../src/model/scheduler/types.ts';
import { tileVerdicts } from '../../../src/render/scale/tile-verdicts.ts';

const verdict = (name: string, feasible: boolean, evaluated?: boolean): NodeVerdict => ({ name, feasible, reasons: feasible ? [] : ['node(s) had untolerated taint'], scores: {}, total: 0, ...(evaluated === undefined ? {} : { evaluated }) });

const full: ScheduleDecision = {
  pod: 'default/web-1',
  nodes: [verdict('a-01', true), verdict('b-01', true), verdict('c-01', false), verdict('a-02', true), verdict('c-02', false, false)],
  selected: 'b-01',
  scored: true,
  tied: [],
};

describe('a decision on the tiles', () => {
  it('sorts the nodes by what Filter made of them, and names the winner only once decided', () => {
    expect(tileVerdicts(full, 'filter')).toEqual({ phase: 'filter', rejected: ['c-01'], unexamined: ['c-02'], passed: ['a-01', 'b-01', 'a-02'], selected: null });
    expect(tileVerdicts(full, 'score')?.selected).toBeNull();
    expect(tileVerdicts(full, 'decided')?.selected).toBe('b-01');
  });

  it('marks nothing for a bulk decision, which keeps counts only', () => {
    const bulk: ScheduleDecision = { pod: 'default/web-2', nodes: [verdict('a-03', true)], selected: 'a-03', scored: true, tied: [], filtered: { examined: 150, feasible: 100, of: 150 } };
    expect(tileVerdicts(bulk, 'decided')).toBeUndefined();
    expect(tileVerdicts({ ...full, nodes: [] }, 'filter')).toBeUndefined();
  });
});
