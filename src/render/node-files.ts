/**
 * The files on the control-plane node's disk through a trace: which paths it ever holds (each gets
 * a fixed place), which exist after n events, and when each was written (to flash it). Pure.
 */
import type { FileEvent, NodeFile, Trace } from '../sim/trace.ts';

export interface FileChange {
  readonly eventIndex: number;
  readonly path: string;
}

export class NodeFiles {
  /** Every path the node's disk holds at some point, in first-seen order. */
  readonly all: readonly { readonly path: string; readonly dir: boolean }[];
  readonly changes: readonly FileChange[];
  private readonly start: readonly NodeFile[];
  private readonly events: readonly { readonly index: number; readonly e: FileEvent }[];
  private cacheCount = -1;
  private cache: ReadonlyMap<string, NodeFile> = new Map();

  constructor(trace: Trace, node: string | undefined) {
    this.start = node === undefined ? [] : (trace.topology.files ?? []).filter((f) => f.node === node);
    const events: { index: number; e: FileEvent }[] = [];
    if (node !== undefined) trace.events.forEach((e, index) => {
      if (e.kind === 'file' && e.file.node === node) events.push({ index, e });
    });
    this.events = events;
    const all = new Map<string, boolean>();
    for (const f of this.start) all.set(f.path, f.dir === true);
    for (const { e } of events) if (!all.has(e.file.path)) all.set(e.file.path, e.file.dir === true);
    this.all = [...all].map(([path, dir]) => ({ path, dir }));
    this.changes = events.filter(({ e }) => e.op !== 'deleted').map(({ index, e }) => ({ eventIndex: index, path: e.file.path }));
  }

  /** The files present once the first `eventCount` events have happened. */
  at(eventCount: number): ReadonlyMap<string, NodeFile> {
    if (eventCount === this.cacheCount) return this.cache;
    const m = new Map<string, NodeFile>(this.start.map((f) => [f.path, f]));
    for (const { index, e } of this.events) {
      if (index >= eventCount) break;
      if (e.op === 'deleted') m.delete(e.file.path);
      else m.set(e.file.path, e.file);
    }
    this.cacheCount = eventCount;
    this.cache = m;
    return m;
  }
}
