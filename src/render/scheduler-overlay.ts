/**
 * What the scheduler weighs, drawn on the ships: the score table on each deck while a decision is
 * on stage, the capacity strips (with the placed pod as a ghost while scoring), and which pods
 * each step is about (so a full deck keeps them out of "+N"). Precomputed per trace; frames only
 * look things up.
 */
import { Container } from './pixi-parts.ts';
import type { Lang } from '../model/localized.ts';
import type { K8sObject, ObjectRef } from '../model/objects.ts';
import { scoreTable, type ScoreTable } from '../model/scheduler/score-table.ts';
import type { ComponentId, Trace } from '../sim/trace.ts';
import type { DecisionItem, Schedule } from '../timeline/schedule.ts';
import { nodeUsage, podRequests, type NodeUsage } from './capacity.ts';
import type { StageLayout } from './layout.ts';
import { CapacityStrip, type Ghost } from './scene/ship-capacity.ts';
import { ShipScorePanel, type ScoreCell } from './scene/ship-score.ts';
import type { Palette } from './theme.ts';
import { stepPods } from './step-pods.ts';
import { destroyTree } from './destroy-tree.ts';

interface ShipParts {
  readonly node: string;
  readonly capacity: CapacityStrip;
  readonly score: ShipScorePanel;
}

/** The node a step is about when it walks through one node's verdict: its focus names the scheduler and exactly one kubelet. */
export function stepNode(focus: readonly ComponentId[]): string | undefined {
  if (!focus.includes('kube-scheduler')) return undefined;
  const kubelets = focus.filter((c) => c.startsWith('kubelet/'));
  return kubelets.length === 1 ? kubelets[0]?.slice('kubelet/'.length) : undefined;
}

export class SchedulerOverlay {
  readonly root = new Container();
  private parts: ShipParts[] = [];
  private tables = new Map<DecisionItem, ScoreTable | undefined>();
  private podsOfStep: readonly ReadonlySet<ObjectRef>[] = [];
  /** Per node, requests against allocatable: worked out when a ship's strip first asks after a change. */
  private usage: Map<string, NodeUsage> | undefined;
  private objects: ReadonlyMap<ObjectRef, K8sObject> = new Map();
  private l: StageLayout | undefined;
  private p: Palette | undefined;
  private static readonly NONE: ReadonlySet<ObjectRef> = new Set();

  /** What the trace's steps are about: once per trace (a big one's events are walked once, not at each node opened). */
  setTrace(trace: Trace, schedule: Schedule): void {
    this.tables = new Map(schedule.decisions.map((d) => [d, scoreTable(d.event.decision)]));
    this.podsOfStep = stepPods(trace);
  }

  /** The ships drawn (every node, or the scale view's opened one): a capacity strip and score panel each. */
  setNodes(nodes: readonly string[]): void {
    for (const part of this.parts) {
      destroyTree(part.capacity);
      destroyTree(part.score);
    }
    this.parts = nodes.map((node) => ({ node, capacity: new CapacityStrip(node), score: new ShipScorePanel(node) }));
    for (const part of this.parts) this.root.addChild(part.capacity, part.score);
  }

  layout(l: StageLayout, p: Palette): void {
    this.l = l;
    this.p = p;
  }

  /** The cluster state changed (an event boundary was crossed). */
  setObjects(objects: ReadonlyMap<ObjectRef, K8sObject>): void {
    this.objects = objects;
    // Not now: the scale view draws no ships, and this walks every pod (15,000 at 500 nodes).
    this.usage = undefined;
  }

  focusPods(step: number): ReadonlySet<ObjectRef> {
    return this.podsOfStep[step] ?? SchedulerOverlay.NONE;
  }

  /**
   * Per frame: the decision on stage (if any), whether it is scoring, and the step's focus.
   * Returns the nodes whose deck the score panel covers (their pods step aside meanwhile).
   */
  frame(d: DecisionItem | undefined, scoring: boolean, focus: readonly ComponentId[], lang: Lang): string {
    const l = this.l;
    const p = this.p;
    if (l === undefined || p === undefined) return '';
    let covered = '';
    const table = d === undefined ? undefined : this.tables.get(d);
    const dec = d?.event.decision;
    const ghost: Ghost | undefined = d !== undefined && scoring ? podRequests(this.objects.get(d.event.pod)) : undefined;
    const about = d === undefined ? undefined : stepNode(focus);
    this.parts.forEach((part, i) => {
      const sl = l.ships[i];
      if (sl === undefined) return;
      const v = dec?.nodes.find((n) => n.name === part.node);
      let cell: ScoreCell | undefined;
      if (v !== undefined && !v.feasible && v.evaluated !== false) cell = { kind: 'filtered', plugin: v.failedPlugin, reason: v.reasons[0] ?? '' };
      else if (v !== undefined && table !== undefined) cell = { kind: 'scores', table, column: table.nodes.indexOf(part.node) };
      part.score.show(cell, sl.deck, about === part.node, p, l.fs, lang, part.node, sl.verdict.h > 0);
      if (cell !== undefined) covered += `${part.node}\n`;
      part.capacity.update(sl.capacity, (this.usage ??= nodeUsage(this.objects)).get(part.node), v?.feasible === true ? ghost : undefined, p, l.fs);
    });
    return covered;
  }
}
