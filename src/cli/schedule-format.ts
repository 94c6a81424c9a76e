/** Rendering a ScheduleDecision for `kubedeck schedule`: an aligned table for people, or the documented JSON. */
import type { NodeVerdict, ScheduleDecision, ScorePluginName } from '../model/scheduler/index.ts';
import type { SchedulerProfile } from '../model/scheduler/index.ts';

export interface ScheduleJson {
  readonly selected: string | null;
  readonly nodes: readonly {
    readonly name: string;
    readonly feasible: boolean;
    readonly reasons: readonly string[];
    readonly scores: Readonly<Partial<Record<ScorePluginName, number>>>;
    readonly total: number;
  }[];
}

export function decisionJson(d: ScheduleDecision): ScheduleJson {
  return {
    selected: d.selected,
    nodes: d.nodes.map((n) => ({ name: n.name, feasible: n.feasible, reasons: n.reasons, scores: n.scores, total: n.total })),
  };
}

const SKIP_WHY: Readonly<Record<ScorePluginName, string>> = {
  NodeAffinity: 'the pod has no preferred node affinity',
  NodeResourcesBalancedAllocation: 'the pod requests no cpu or memory (best-effort)',
  TaintToleration: '',
  NodeResourcesFit: '',
  ImageLocality: '',
  PodTopologySpread: 'no ScheduleAnyway constraint, and no system default spreading for this pod',
  InterPodAffinity: 'no preferred pod (anti-)affinity term, of this pod or of a running pod, applies',
};

/** Widths of each column over the given rows. */
function widthsOf(rows: readonly (readonly string[])[]): number[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return widths;
}

/** Names and FEASIBLE left-aligned, numbers right-aligned. */
const line = (cells: readonly string[], widths: readonly number[]): string =>
  cells
    .map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0)))
    .join('  ')
    .trimEnd();

/** Feasible nodes get a row of scores; the others their filter reasons, in input order. */
export function decisionText(d: ScheduleDecision, profile: SchedulerProfile, seed: number): string[] {
  const skipped = d.skippedScorePlugins ?? [];
  // Score columns only when scoring ran: the weight follows each plugin's name.
  const plugins = d.scored ? profile.scores.filter((s) => !skipped.includes(s.name)) : [];
  const header = ['NODE', 'FEASIBLE', ...plugins.map((p) => `${p.name} x${p.weight}`), ...(d.scored ? ['TOTAL'] : [])];
  const scoreCells = (n: NodeVerdict): string[] => (d.scored ? [...plugins.map((p) => String(n.scores[p.name] ?? '-')), String(n.total)] : []);
  const rows = d.nodes.map((n): string[] => {
    if (n.feasible) return [n.name, 'yes', ...scoreCells(n)];
    if (n.evaluated === false) return [n.name, 'not examined (percentageOfNodesToScore)'];
    return [n.name, 'no', n.reasons.join(', ')];
  });
  const widths = widthsOf([header, ...rows.filter((r) => r[1] === 'yes'), ...rows.map((r) => [r[0] ?? ''])]);
  widths[1] = Math.max(widths[1] ?? 0, 'FEASIBLE'.length);
  const body = rows.map((r) => (r[1] === 'yes' ? line(r, widths) : `${(r[0] ?? '').padEnd(widths[0] ?? 0)}  ${r[1] === 'no' ? 'no'.padEnd(widths[1] ?? 0) + '  ' + (r[2] ?? '') : (r[1] ?? '')}`));

  const out = [`Pod ${d.pod} (scheduler ${profile.schedulerName}, NodeResourcesFit ${profile.fit.scoringStrategy.type})`, '', line(header, widths), ...body, ''];
  if (!d.scored && d.selected !== null) out.push('Scoring skipped: only one node passed Filter.');
  for (const p of skipped) out.push(`${p}: skipped (${SKIP_WHY[p]}).`);
  for (const p of profile.unmodelledPlugins) out.push(`${p}: in the configuration but not modelled by kubedeck (ignored).`);
  if (d.selected !== null) {
    const total = d.nodes.find((n) => n.name === d.selected)?.total ?? 0;
    const others = d.tied.filter((t) => t !== d.selected);
    const tie = others.length > 0 ? ` (tied with ${others.join(', ')}; drawn by --seed ${seed})` : '';
    out.push(`Selected: ${d.selected}${d.scored ? `, total ${total}` : ''}${tie}`);
  } else {
    out.push(`FailedScheduling: ${d.failureMessage ?? ''}`);
    if (d.preemptionCandidates !== undefined) out.push(`Preemption would make room on: ${d.preemptionCandidates.join(', ')} (by evicting lower-priority pods).`);
  }
  return out;
}
