/**
 * Files on the nodes' disks that a scenario shows (static pod manifests, etcd data directories,
 * snapshots). Before the trace starts they are set-up (listed in Topology.files); afterwards every
 * change is a `file` event.
 */
import type { ComponentId, NodeFile } from '../trace.ts';
import type { Tracer } from './tracer.ts';

const key = (node: string, path: string): string => `${node}:${path}`;

export class Disk {
  private readonly files = new Map<string, NodeFile>();
  private readonly initial: NodeFile[] = [];

  constructor(private readonly tracer: Tracer) {}

  /** Writes (creates or changes) a file; a no-op when nothing about it changes. */
  write(file: NodeFile, by?: ComponentId): void {
    const k = key(file.node, file.path);
    const old = this.files.get(k);
    if (old !== undefined && old.note === file.note && old.dir === file.dir) return;
    this.files.set(k, file);
    if (this.tracer.started) this.tracer.file(file, old === undefined ? 'added' : 'modified', by);
  }

  remove(node: string, path: string, by?: ComponentId): void {
    const k = key(node, path);
    const old = this.files.get(k);
    if (old === undefined) return;
    this.files.delete(k);
    if (this.tracer.started) this.tracer.file(old, 'deleted', by);
  }

  has(node: string, path: string): boolean {
    return this.files.has(key(node, path));
  }

  /** Captures the files present when the trace starts. */
  freeze(): void {
    if (this.initial.length === 0) this.initial.push(...this.files.values());
  }

  /** The files present when the trace started. */
  startFiles(): readonly NodeFile[] {
    return this.initial;
  }
}
