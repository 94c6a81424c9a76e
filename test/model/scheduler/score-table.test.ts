/**
 * What the stage shows of a decision (score-table.ts, short-forms.ts) and which pods keep a slot on
 * a full deck (render/pod-priority.ts), on the real scheduler-decision trace.
 */
import { describe, expect, it } from 'vitest';
import { findScenario } from '../../../scenes/index.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { DecisionEvent } from '../../../src/sim/trace.ts';
import { scoreTable } from '../../../src/model/scheduler/score-table.ts';
import { shortReason, shortTaint, wrapWords } from '../../../src/model/scheduler/short-forms.ts';
import { deckOrder, type DeckPod } from '../../../src/render/pod-priority.ts';
import type { ObjectRef, Pod } from '../../../src/model/objects.ts';

const def = findScenario('scheduler-decision');
if (def === undefined) throw new Error('scheduler-decision is missing');
const decisions = runScenario(def).events.filter((e): e is DecisionEvent => e.kind === 'decision');

describe('scoreTable', () => {
  const decision = decisions.find((d) => d.decision.scored);
  const table = decision === undefined ? undefined : scoreTable(decision.decision);

  it('has a column per node, a row per Score plugin with its weight, and the totals selectHost compares', () => {
    expect(decision).toBeDefined();
    expect(table).toBeDefined();
    if (decision === undefined || table === undefined) return;
    const d = decision.decision;
    expect(table.nodes).toEqual(d.nodes.map((n) => n.name));
    // The default profile's weights: TaintToleration 3, NodeAffinity 2, the resource plugins 1.
    const weight = new Map(table.rows.map((r) => [r.plugin, r.weight]));
    expect(weight.get('TaintToleration')).toBe(3);
    expect(weight.get('NodeResourcesFit')).toBe(1);
    table.nodes.forEach((_name, col) => {
      const v = d.nodes[col];
      if (v?.feasible !== true) {
        expect(table.totals[col]).toBeUndefined();
        return;
      }
      expect(table.totals[col]).toBe(table.rows.reduce((sum, r) => sum + r.weight * (r.cells[col] ?? 0), 0));
      for (const r of table.rows) expect(r.cells[col]).toBeGreaterThanOrEqual(0);
      for (const r of table.rows) expect(r.cells[col]).toBeLessThanOrEqual(100);
    });
    // The winner is the selected node, and no feasible node has a higher total.
    expect(table.nodes[table.winner]).toBe(d.selected);
    const best = Math.max(...table.totals.map((t) => t ?? -1));
    expect(table.totals[table.winner]).toBe(best);
  });

  it('is undefined when nothing was scored (one feasible node or none)', () => {
    const unscored = decisions.find((d) => !d.decision.scored);
    if (unscored !== undefined) expect(scoreTable(unscored.decision)).toBeUndefined();
    const d = decision?.decision;
    if (d !== undefined) expect(scoreTable({ ...d, scored: false })).toBeUndefined();
  });
});

describe('short forms', () => {
  it('drops only what the place already says', () => {
    expect(shortReason('node(s) had untolerated taint {dedicated: gpu}')).toBe('untolerated taint dedicated=gpu');
    expect(shortReason('node(s) were unschedulable')).toBe('unschedulable');
    expect(shortReason("node(s) didn't match Pod's node affinity/selector")).toBe("didn't match node affinity/selector");
    expect(shortReason('Insufficient cpu')).toBe('Insufficient cpu');
    expect(shortTaint('node-role.kubernetes.io/control-plane:NoSchedule')).toBe('control-plane:NoSchedule');
    expect(shortTaint('dedicated=gpu:NoSchedule')).toBe('dedicated=gpu:NoSchedule');
  });

  it('wraps between words and never cuts a word in the middle of a name part', () => {
    const fits = (max: number) => (line: string): boolean => line.length <= max;
    expect(wrapWords('untolerated taint dedicated=gpu', fits(18))).toEqual(['untolerated taint', 'dedicated=gpu']);
    const lines = wrapWords('untolerated taint node-role.kubernetes.io/control-plane', fits(20));
    expect(lines.join('').replace(/\s/g, '')).toBe('untoleratedtaintnode-role.kubernetes.io/control-plane');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
    // Inside the long name, breaks fall right after a separator.
    const inName = lines.filter((l) => !l.includes(' ')).slice(0, -1);
    for (const l of inName) expect(l).toMatch(/[/.=]$/);
  });
});

describe('deckOrder', () => {
  const pod = (name: string, created: string): DeckPod => ({
    ref: `Pod/default/${name}` as ObjectRef,
    name,
    node: 'worker-1',
    look: 'Running',
    pod: { kind: 'Pod', apiVersion: 'v1', metadata: { name, namespace: 'default', creationTimestamp: created }, spec: { containers: [] } } as unknown as Pod,
  });

  it('keeps name order when everything fits', () => {
    const pods = [pod('c', '3'), pod('a', '1'), pod('b', '2')];
    deckOrder(pods, 3, new Set());
    expect(pods.map((p) => p.name)).toEqual(['a', 'b', 'c']);
  });

  it('gives the step\'s pod a slot before newer ones, then the newest; the rest fold into +N', () => {
    const pods = [pod('a', '1'), pod('b', '2'), pod('c', '3'), pod('d', '4')];
    deckOrder(pods, 2, new Set(['Pod/default/a' as ObjectRef]));
    expect(pods.slice(0, 2).map((p) => p.name)).toEqual(['a', 'd']);
    deckOrder(pods, 2, new Set());
    expect(pods.slice(0, 2).map((p) => p.name)).toEqual(['c', 'd']);
  });
});
