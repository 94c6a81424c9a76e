/**
 * The FailedScheduling message (upstream FitError.Error(), pkg/scheduler/framework/types.go):
 * "0/N nodes are available: <count reason, ...>." then the PostFilter message, if any.
 * The histogram entries are "<count> <reason>" sorted as strings (so "10 ..." sorts before "2 ...").
 */
import type { Rejection } from './status.ts';

export interface NodeStatuses {
  /** Statuses of the nodes that were evaluated and rejected. */
  readonly explicit: readonly Rejection[];
  /** The status of nodes that were not evaluated (excluded by PreFilter), if any. */
  readonly absent?: Rejection;
}

export function reasonHistogram(statuses: NodeStatuses, numAllNodes: number): string[] {
  const counts = new Map<string, number>();
  for (const status of statuses.explicit) for (const r of status.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  const absentCount = numAllNodes - statuses.explicit.length;
  if (statuses.absent !== undefined && absentCount > 0) {
    for (const r of statuses.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentCount);
  }
  const out = [...counts].map(([reason, n]) => `${n} ${reason}`);
  // Go sort.Strings compares bytes; so does this comparator (not localeCompare).
  return out.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

export function fitErrorMessage(numAllNodes: number, statuses: NodeStatuses, opts: { preFilterMsg?: string; postFilterMsg?: string } = {}): string {
  let msg = `0/${numAllNodes} nodes are available:`;
  if (opts.preFilterMsg !== undefined && opts.preFilterMsg !== '') {
    msg += ` ${opts.preFilterMsg}.`;
  } else {
    const hist = reasonHistogram(statuses, numAllNodes);
    if (hist.length > 0) msg += ` ${hist.join(', ')}.`;
  }
  if (opts.postFilterMsg !== undefined && opts.postFilterMsg !== '') msg += ` ${opts.postFilterMsg}`;
  return msg;
}
