/** What every simulated component shares: the clock, the seeded RNG, the wire and the trace. */
import type { SimClock } from '../clock.ts';
import type { Rng } from '../rng.ts';
import type { ComponentId, ComponentStatus } from '../trace.ts';
import type { SimConfig } from './config.ts';
import type { Network } from './network.ts';
import type { Disk } from './disk.ts';
import type { StaticPodBoard } from './static-pod-board.ts';
import type { Tracer } from './tracer.ts';
import { recordOf } from './record-of.ts';

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
    return recordOf(this.statuses);
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
  /** Static pods the nodes' kubelets run from files, whether or not the API knows them. */
  readonly staticPods: StaticPodBoard;
}

/** Runs `fn` after `ms` of simulated time. */
export function later(rt: Runtime, ms: number, fn: () => void): void {
  rt.clock.after(fn, ms);
}

/**
 * Random lower-case suffix as Kubernetes generates names (no vowels, no confusable digits).
 * Built from its character codes in one piece (see uid).
 */
export function nameSuffix(rt: Runtime, length = 5): string {
  const codes: number[] = [];
  for (let i = 0; i < length; i++) codes.push(SUFFIX_CODES[rt.rng.intBelow(SUFFIX_CODES.length)] ?? 0);
  return String.fromCharCode(...codes);
}
const SUFFIX_CODES = [...'bcdfghjklmnpqrstvwxz2456789'].map((c) => c.charCodeAt(0));

const HEX_CODES = [...'0123456789abcdef'].map((c) => c.charCodeAt(0));
const DASH = '-'.charCodeAt(0);

/**
 * A UID in the usual 8-4-4-4-12 hex form, from the seeded RNG. Made from its character codes in
 * one piece: appended digit by digit (or joined by a template literal), a string is a chain of
 * partial strings (V8's ConsString, ~30 for a uid) until something reads it whole, and a uid is
 * rarely read: every pod's was kept, and copied by each garbage collection, as that chain.
 */
export function uid(rt: Runtime): string {
  const codes: number[] = [];
  const hex = (n: number): void => {
    for (let i = 0; i < n; i++) codes.push(HEX_CODES[rt.rng.intBelow(16)] ?? 0);
  };
  hex(8);
  codes.push(DASH);
  hex(4);
  codes.push(DASH, HEX_CODES[4] ?? 0);
  hex(3);
  codes.push(DASH, HEX_CODES[8 + rt.rng.intBelow(4)] ?? 0);
  hex(3);
  codes.push(DASH);
  hex(12);
  return String.fromCharCode(...codes);
}
