import { describe, expect, it } from 'vitest';
import { numFeasibleNodesToFind } from '../../../src/model/scheduler/feasible-nodes.ts';
import { fitErrorMessage } from '../../../src/model/scheduler/fit-error.ts';
import { selectHost } from '../../../src/model/scheduler/select-host.ts';
import type { Rejection } from '../../../src/model/scheduler/status.ts';

/** A tie-breaker that replays answers and records the `n` it was asked about. */
function scripted(answers: number[]) {
  const asked: number[] = [];
  return { asked, intBelow: (n: number) => (asked.push(n), answers.shift() ?? 0) };
}

describe('selectHost', () => {
  it('the highest total wins without consulting the tie-breaker', () => {
    const tb = scripted([]);
    expect(selectHost([3, 9, 5], tb)).toEqual({ index: 1, tied: [1] });
    expect(tb.asked).toEqual([]);
  });
  it('reservoir sampling: the k-th tie replaces the candidate when intBelow(k) is 0', () => {
    const keep = scripted([1, 1]);
    expect(selectHost([7, 7, 7], keep)).toEqual({ index: 0, tied: [0, 1, 2] });
    expect(keep.asked).toEqual([2, 3]);
    expect(selectHost([7, 7, 7], scripted([0, 1]))?.index).toBe(1);
    expect(selectHost([7, 7, 7], scripted([1, 0]))?.index).toBe(2);
  });
  it('a higher total resets the count of ties', () => {
    const tb = scripted([1, 1]);
    expect(selectHost([5, 5, 9, 9], tb)?.index).toBe(2);
    expect(tb.asked).toEqual([2, 2]);
  });
  it('no nodes: null', () => expect(selectHost([], scripted([]))).toBeNull());
});

describe('numFeasibleNodesToFind (upstream TestNumFeasibleNodesToFind)', () => {
  it.each([
    [10, undefined, 10],
    [10, 40, 10],
    [99, undefined, 99],
    [1000, undefined, 420],
    [1000, 40, 400],
    [6000, undefined, 300],
    [6000, 40, 2400],
    [500, undefined, 230],
    [101, 10, 100],
    [100, undefined, 100],
  ])('%i nodes, percentage %s -> %i', (nodes, pct, want) => {
    expect(numFeasibleNodesToFind(nodes, pct)).toBe(want);
  });
});

describe('FailedScheduling message (upstream FitError.Error)', () => {
  const r = (...reasons: string[]): Rejection => ({ plugin: 'NodeResourcesFit', code: 'Unschedulable', reasons });
  it('counts reasons across nodes and sorts "<count> <reason>" as strings', () => {
    const explicit = [r('node(s) were unschedulable'), r('Insufficient cpu'), r('Insufficient cpu')];
    expect(fitErrorMessage(3, { explicit })).toBe('0/3 nodes are available: 1 node(s) were unschedulable, 2 Insufficient cpu.');
  });
  it('a node with several reasons counts once per reason', () => {
    expect(fitErrorMessage(2, { explicit: [r('Insufficient cpu', 'Insufficient memory'), r('Insufficient cpu')] })).toBe('0/2 nodes are available: 1 Insufficient memory, 2 Insufficient cpu.');
  });
  it('sorts like Go sort.Strings: "10 ..." before "2 ..."', () => {
    const explicit = [...Array.from({ length: 10 }, () => r('Too many pods')), r('Insufficient cpu'), r('Insufficient cpu')];
    expect(fitErrorMessage(12, { explicit })).toBe('0/12 nodes are available: 10 Too many pods, 2 Insufficient cpu.');
  });
  it('nodes not evaluated get the absent status, and the PostFilter message follows', () => {
    const absent: Rejection = { plugin: 'NodeAffinity', code: 'UnschedulableAndUnresolvable', reasons: ["node(s) didn't satisfy plugin(s) [NodeAffinity]"] };
    expect(fitErrorMessage(46, { explicit: [r('Too many pods')], absent }, { postFilterMsg: 'preemption: x.' })).toBe(
      "0/46 nodes are available: 1 Too many pods, 45 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: x.",
    );
  });
});
