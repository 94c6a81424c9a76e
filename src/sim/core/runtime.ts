/** What every simulated component shares: the clock, the seeded RNG, the wire and the trace. */
import type { SimClock } from '../clock.ts';
import type { Rng } from '../rng.ts';
import type { ComponentId, ComponentStatus } from '../trace.ts';
import type { SimConfig } from './config.ts';
import type { Network } from './network.ts';
import type { Disk } from './disk.ts';
import type { Tracer } from './tracer.ts';

/** Health of components outside the API objects (a stopped kubelet, an etcd leader). */
export class StatusBoard {
  private readonly statuses = new Map<string, ComponentStatus>();
  private changes = 0;

  /** Bumped by every change: a reader that keeps an answer of isUp asks again only when it moved. */
  get version(): number {
    return this.changes;
  }

  constructor(private readonly tracer: Tracer) {}

  /** Sets a status; a change after the start is recorded in the trace. */
  set(id: ComponentId, status: ComponentStatus, quiet = false): void {
    if (this.statuses.get(id) === status) return;
    // Recorded before it is applied, so a narration step it starts snapshots the state before it.
    // `quiet` is for set-up only: once the trace has begun, a component appearing is news.
    if (!quiet || this.tracer.started) this.tracer.component(id, status);
    this.statuses.set(id, status);
    this.changes++;
  }

  isUp(id: ComponentId): boolean {
    const s = this.statuses.get(id);
    return s !== undefined && s !== 'down';
  }

  all(): Readonly<Record<string, ComponentStatus>> {
    return Object.fromEntries(this.statuses);
  }
}

export interface Runtime {
  readonly clock: SimClock;
  readonly rng: Rng;
  readonly tracer: Tracer;
  readonly net: Network;
  readonly config: SimConfig;
  readonly board: StatusBoard;
  /** Files on nodes' disks a scenario shows (manifests, etcd data, snapshots). */
  readonly disk: Disk;
}

/** Runs `fn` after `ms` of simulated time. */
export function later(rt: Runtime, ms: number, fn: () => void): void {
  rt.clock.after(fn, ms);
}

/** Random lower-case suffix as Kubernetes generates names (no vowels, no confusable digits). */
export function nameSuffix(rt: Runtime, length = 5): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[rt.rng.intBelow(alphabet.length)];
  return out;
}

const HEX = '0123456789abcdef';

/** A UID in the usual 8-4-4-4-12 hex form, from the seeded RNG. */
export function uid(rt: Runtime): string {
  // A digit by table, not Number#toString(16) per digit (a new pod's uid is 32 of them).
  const hex = (n: number): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += HEX[rt.rng.intBelow(16)] ?? '';
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + rt.rng.intBelow(4)).toString(16)}${hex(3)}-${hex(12)}`;
}
