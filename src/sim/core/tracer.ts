/**
 * Records the trace as the simulation runs: every event gets the current simulated time and a
 * sequence number; quiet gaps longer than SKIP_AFTER_MS become `skip` events; each narration step
 * stores a snapshot of the cluster so a player can seek without replaying from zero.
 * Observers (the scenario's narrator) see each event just before it is recorded, so a step they
 * mark lands in front of the message that prompted it.
 */
import type { Localized } from '../../model/localized.ts';
import type { K8sObject, ObjectRef } from '../../model/objects.ts';
import type { ScheduleDecision } from '../../model/scheduler/types.ts';
import type { FieldChange } from '../../model/field-change.ts';
import type { SimClock } from '../clock.ts';
import type { ComponentId, ComponentStatus, MessageEvent, NodeFile, ProxyRulesChange, RaftState, Snapshot, TraceEvent } from '../trace.ts';

/** A wait longer than this with nothing recorded is compressed on playback. */
export const SKIP_AFTER_MS = 1_000;

export interface SnapshotSource {
  objects(): Readonly<Record<ObjectRef, K8sObject>>;
  components(): Readonly<Record<string, ComponentStatus>>;
  /** The raft state last recorded per etcd member (only with an etcd cluster). */
  raft?(): Readonly<Record<string, RaftState>>;
}

type Observer = (event: TraceEvent) => void;

type WithoutStamp<E> = E extends TraceEvent ? Omit<E, 't' | 'seq'> : never;

export class Tracer {
  readonly events: TraceEvent[] = [];
  readonly snapshots: Snapshot[] = [];
  private seq = 0;
  private nextMessageId = 1;
  private lastT = 0;
  private stepCount = 0;
  private readonly observers: Observer[] = [];
  private source: SnapshotSource | undefined;
  private notifying = false;

  constructor(private readonly clock: SimClock) {}

  /** True once the trace has its initial snapshot (set-up is over). */
  get started(): boolean {
    return this.snapshots.length > 0;
  }

  get steps(): number {
    return this.stepCount;
  }

  attach(source: SnapshotSource): void {
    this.source = source;
    this.snapshots.push(this.snapshot(-1, 0));
  }

  observe(observer: Observer): void {
    this.observers.push(observer);
  }

  allocateMessageId(): number {
    return this.nextMessageId++;
  }

  message(m: Omit<MessageEvent, 'kind' | 't' | 'seq'>): void {
    this.record({ kind: 'message', ...m });
  }

  state(object: ObjectRef, op: 'added' | 'modified' | 'deleted', changes: readonly FieldChange[], value: K8sObject | undefined): void {
    this.record(value === undefined ? { kind: 'state', object, op, changes } : { kind: 'state', object, op, changes, value });
  }

  activity(component: ComponentId, action: string, durationMs: number, label: Localized, object?: ObjectRef, rules?: ProxyRulesChange): void {
    const until = this.clock.now() + durationMs;
    // Optional fields only when set: traces without them stay byte-identical.
    this.record({ kind: 'activity', component, action, until, label, ...(object === undefined ? {} : { object }), ...(rules === undefined ? {} : { rules }) });
  }

  component(component: ComponentId, status: ComponentStatus): void {
    this.record({ kind: 'component', component, status });
  }

  decision(pod: ObjectRef, decision: ScheduleDecision): void {
    this.record({ kind: 'decision', component: 'kube-scheduler', pod, decision });
  }

  raft(member: ComponentId, state: RaftState): void {
    this.record({ kind: 'raft', member, ...state });
  }

  file(file: NodeFile, op: 'added' | 'modified' | 'deleted', by?: ComponentId): void {
    this.record(by === undefined ? { kind: 'file', file, op } : { kind: 'file', file, op, by });
  }

  /** Marks a narration step; the snapshot taken here is the state the step starts from. */
  step(id: string, caption: Localized, focus: readonly ComponentId[]): void {
    const index = this.stepCount++;
    this.record({ kind: 'step', index, id, caption, focus });
  }

  private record(partial: WithoutStamp<TraceEvent>): void {
    const t = this.clock.now();
    if (t - this.lastT > SKIP_AFTER_MS && this.events.length > 0) {
      this.push({ kind: 'skip', t: this.lastT, seq: this.seq++, to: t });
    }
    const event = { ...partial, t, seq: -1 } as TraceEvent;
    if (!this.notifying && this.observers.length > 0) {
      // The narrator may record a step in reaction; it must come first and must not recurse.
      this.notifying = true;
      try {
        for (const o of this.observers) o(event);
      } finally {
        this.notifying = false;
      }
    }
    if (event.kind === 'step') this.snapshots.push(this.snapshot(event.index, this.events.length));
    // Numbered only now: a step recorded by an observer above takes the number before it.
    (event as { seq: number }).seq = this.seq++;
    this.push(event);
    this.lastT = t;
  }

  private push(event: TraceEvent): void {
    this.events.push(event);
  }

  private snapshot(step: number, eventIndex: number): Snapshot {
    return {
      t: this.clock.now(),
      step,
      eventIndex,
      objects: this.source ? { ...this.source.objects() } : {},
      components: this.source ? { ...this.source.components() } : {},
      // Only scenarios with an etcd cluster carry raft state: the others' traces stay as they were.
      ...(this.source?.raft ? { raft: { ...this.source.raft() } } : {}),
    };
  }
}
