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
import type { ComponentId, ComponentStatus, MessageEvent, NodeFile, ProxyRulesChange, RaftState, Snapshot, StateEvent, StaticPodPhase, TraceEvent } from '../trace.ts';

/** A wait longer than this with nothing recorded is compressed on playback. */
export const SKIP_AFTER_MS = 1_000;

/** What a snapshot holds. Each call builds a new record, which the snapshot keeps as it is. */
export interface SnapshotSource {
  objects(): Readonly<Record<ObjectRef, K8sObject>>;
  components(): Readonly<Record<string, ComponentStatus>>;
  /** The raft state last recorded per etcd member (only with an etcd cluster). */
  raft?(): Readonly<Record<string, RaftState>>;
}

type Observer = (event: TraceEvent) => void;

/** Where recorded events go, numbered and in trace order, skips included: exactly the events a kept trace holds. */
export type TraceSink = (event: TraceEvent) => void;

export interface TracerOptions {
  /**
   * Keep every event in `events` (default true: a run returns its Trace). A long run that only
   * streams its events to a sink sets false: a million kept events and the object versions they
   * hold were most of a big run's memory.
   */
  readonly keep?: boolean;
  /** Receives each event as it is recorded. */
  readonly sink?: TraceSink;
}

/**
 * A trace event as stored: `kind`, the fields given (in their order), then `t` and `seq`, so it
 * serialises exactly as the plain object `{ kind, ...fields, t, seq }` did. An instance of a class
 * rather than a spread literal because a long run keeps a million of them: V8 sizes a class's
 * instances to the properties its constructor has been seen to add (slack tracking) and keeps
 * them in-object, while spread literals of varying shapes took ~4x the memory (out-of-object
 * property arrays, dictionary mode) and one more copy per event. One class per event kind, so
 * each kind gets its own size. No declared fields: a class field would be defined first and change
 * the property order.
 */
/**
 * Messages are most of a trace: their own class, which copies the fields by name (no generic
 * Object.assign). Field order as network.ts builds them: id, from, to, type, action, arrive, then
 * the optional ones.
 */
class MessageRecord {
  declare kind: 'message';
  declare id: number;
  declare from: MessageEvent['from'];
  declare to: MessageEvent['to'];
  declare type: MessageEvent['type'];
  declare action: string;
  declare arrive: number;
  declare object: ObjectRef;
  declare replyTo: number;
  declare status: number;
  declare write: boolean;
  declare via: string;
  declare t: number;
  declare seq: number;
  constructor(id: number, from: ComponentId, to: ComponentId, type: MessageEvent['type'], action: string, arrive: number, object: ObjectRef | undefined, replyTo: number | undefined, status: number | undefined, write: boolean, t: number, via: string | undefined) {
    this.kind = 'message';
    this.id = id;
    this.from = from;
    this.to = to;
    this.type = type;
    this.action = action;
    this.arrive = arrive;
    if (object !== undefined) this.object = object;
    if (replyTo !== undefined) this.replyTo = replyTo;
    if (status !== undefined) this.status = status;
    if (write) this.write = true;
    if (via !== undefined) this.via = via;
    this.t = t;
    this.seq = -1;
  }
}
// Slack tracking shrinks instances to the fullest of the first few constructed: make one of them
// the fullest there is (a thrown-away response to a write), so later ones all stay in-object.
new MessageRecord(0, 'kubectl', 'kubectl', 'response', '', 0, 'Pod/default/-', 0, 0, true, 0, '-');

/** State events: the other kind of event every write makes. Field order as state() gave them. */
class StateRecord {
  declare kind: 'state';
  declare object: ObjectRef;
  declare op: StateEvent['op'];
  declare changes: readonly FieldChange[];
  declare value: K8sObject;
  declare t: number;
  declare seq: number;
  constructor(object: ObjectRef, op: StateEvent['op'], changes: readonly FieldChange[], value: K8sObject | undefined, t: number) {
    this.kind = 'state';
    this.object = object;
    this.op = op;
    this.changes = changes;
    if (value !== undefined) this.value = value;
    this.t = t;
    this.seq = -1;
  }
}

/** Activity events (a component busy with something). Field order as activity() gave them. */
class ActivityRecord {
  declare kind: 'activity';
  declare component: ComponentId;
  declare action: string;
  declare until: number;
  declare label: Localized;
  declare object: ObjectRef;
  declare rules: ProxyRulesChange;
  declare t: number;
  declare seq: number;
  constructor(component: ComponentId, action: string, until: number, label: Localized, object: ObjectRef | undefined, rules: ProxyRulesChange | undefined, t: number) {
    this.kind = 'activity';
    this.component = component;
    this.action = action;
    this.until = until;
    this.label = label;
    if (object !== undefined) this.object = object;
    if (rules !== undefined) this.rules = rules;
    this.t = t;
    this.seq = -1;
  }
}
/** A scheduling decision: one per pod scheduled. Field order as decision() gave them. */
class DecisionRecord {
  declare kind: 'decision';
  declare component: 'kube-scheduler';
  declare pod: ObjectRef;
  declare decision: ScheduleDecision;
  declare t: number;
  declare seq: number;
  constructor(pod: ObjectRef, decision: ScheduleDecision, t: number) {
    this.kind = 'decision';
    this.component = 'kube-scheduler';
    this.pod = pod;
    this.decision = decision;
    this.t = t;
    this.seq = -1;
  }
}

// As for MessageRecord: the fullest instance first.
new StateRecord('Lease/default/-', 'modified', [], { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: '-' }, spec: {} }, 0);
new ActivityRecord('kubectl', '', 0, { en: '', ko: '' }, 'Pod/default/-', { op: 'removed', mode: 'iptables', service: '', clusterIP: '', port: 0 }, 0);

type RecordClass = new (kind: TraceEvent['kind'], fields: object, t: number) => object;

/**
 * The most properties an event of the kind has (kind, t, seq and every optional field). Slack
 * tracking sizes instances by the first few constructed; a throw-away one this wide comes first,
 * so a later, fuller event (a response with replyTo and status) stays in-object too.
 */
const WIDTH: Partial<Record<TraceEvent['kind'], number>> = { component: 5, file: 6, step: 7 };

function recordClass(kind: TraceEvent['kind']): RecordClass {
  const Recorded = class {
    [field: string]: unknown;
    constructor(kind: TraceEvent['kind'], fields: object, t: number) {
      this['kind'] = kind;
      Object.assign(this, fields);
      this['t'] = t;
      this['seq'] = -1;
    }
  };
  const wide: Record<string, number> = {};
  for (let i = 3; i < (WIDTH[kind] ?? 16); i++) wide[`f${i}`] = 0;
  new Recorded(kind, wide, 0);
  return Recorded;
}

type WithoutStamp<E> = E extends TraceEvent ? Omit<E, 't' | 'seq'> : never;

export class Tracer {
  /** The events recorded, in order; stays empty when the tracer does not keep them. */
  readonly events: TraceEvent[] = [];
  readonly snapshots: Snapshot[] = [];
  private readonly keep: boolean;
  private readonly sink: TraceSink | undefined;
  private recorded = 0;
  private lastEvent: TraceEvent | undefined;
  private seq = 0;
  private nextMessageId = 1;
  private lastT = 0;
  private stepCount = 0;
  private readonly observers: Observer[] = [];
  private source: SnapshotSource | undefined;
  private notifying = false;
  private readonly recordClasses = new Map<TraceEvent['kind'], RecordClass>();
  /**
   * One copy of each object ref and message action the trace holds: they are built afresh for
   * every message (refOf, template strings) and a pod's ref recurs in a hundred events.
   */
  private readonly strings = new Map<string, string>();
  /**
   * One object per distinct activity label: most recur (the apiserver's "authenticate: x509 client
   * certificate (system:node:node-012)" for every request of that kubelet; ~6,000 distinct among
   * ~70,000 activities of the 2,000-pod bench), each built afresh.
   */
  private readonly labels = new Map<string, Localized>();
  /**
   * The label kept: labels are template strings, which V8 keeps as a tree of their pieces (a
   * concatenated string, ~2x the size). Hashing a key or reading a character flattens a string,
   * and the garbage collector then drops the tree; the sum is kept so the read is not optimised away.
   */
  private flattened = 0;
  private flat(label: Localized): Localized {
    // Sharing only saves the memory of events kept; a streamed event is gone once the sink has it.
    if (!this.keep) return label;
    const known = this.labels.get(label.en);
    if (known !== undefined && known.ko === label.ko) return known;
    this.flattened += label.ko.charCodeAt(label.ko.length >> 1);
    if (known === undefined) this.labels.set(label.en, label);
    return label;
  }
  private readonly intern = (s: string): string => {
    if (!this.keep) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known;
    this.strings.set(s, s);
    return s;
  };

  constructor(
    private readonly clock: SimClock,
    opts: TracerOptions = {},
  ) {
    this.keep = opts.keep ?? true;
    this.sink = opts.sink;
  }

  /** How many events have been recorded (kept or not). */
  get count(): number {
    return this.recorded;
  }

  /** The event recorded last (kept or not). */
  get last(): TraceEvent | undefined {
    return this.lastEvent;
  }

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

  /** A message leaves (network.ts); positional, so no fields object is built per message. */
  message(id: number, from: ComponentId, to: ComponentId, type: MessageEvent['type'], action: string, arrive: number, object: ObjectRef | undefined, replyTo: number | undefined, status: number | undefined, write: boolean, via?: string): void {
    this.commit(new MessageRecord(id, from, to, type, this.intern(action), arrive, object === undefined ? undefined : this.intern(object), replyTo, status, write, this.clock.now(), via));
  }

  state(object: ObjectRef, op: 'added' | 'modified' | 'deleted', changes: readonly FieldChange[], value: K8sObject | undefined): void {
    this.commit(new StateRecord(this.intern(object), op, changes, value, this.clock.now()));
  }

  activity(component: ComponentId, action: string, durationMs: number, label: Localized, object?: ObjectRef, rules?: ProxyRulesChange): void {
    const until = this.clock.now() + durationMs;
    // Optional fields only when set: traces without them stay byte-identical.
    this.commit(new ActivityRecord(component, action, until, this.flat(label), object === undefined ? undefined : this.intern(object), rules, this.clock.now()));
  }

  component(component: ComponentId, status: ComponentStatus): void {
    this.record('component', { component, status });
  }

  decision(pod: ObjectRef, decision: ScheduleDecision): void {
    this.commit(new DecisionRecord(pod, decision, this.clock.now()));
  }

  raft(member: ComponentId, state: RaftState): void {
    this.record('raft', { member, ...state });
  }

  file(file: NodeFile, op: 'added' | 'modified' | 'deleted', by?: ComponentId): void {
    this.record('file', by === undefined ? { file, op } : { file, op, by });
  }

  staticPod(pod: ObjectRef, node: string, phase: StaticPodPhase | 'gone'): void {
    this.record('static-pod', { pod, node, phase });
  }

  /** Marks a narration step; the snapshot taken here is the state the step starts from. */
  step(id: string, caption: Localized, focus: readonly ComponentId[]): void {
    const index = this.stepCount++;
    this.record('step', { index, id, caption, focus });
  }

  private record<K extends TraceEvent['kind']>(kind: K, fields: Omit<WithoutStamp<Extract<TraceEvent, { kind: K }>>, 'kind'>): void {
    let Recorded = this.recordClasses.get(kind);
    if (Recorded === undefined) this.recordClasses.set(kind, (Recorded = recordClass(kind)));
    this.commit(new Recorded(kind, fields, this.clock.now()) as TraceEvent);
  }

  /** Records an event stamped with the current time (`seq` -1: numbered here). */
  private commit(event: TraceEvent): void {
    const t = event.t;
    if (t - this.lastT > SKIP_AFTER_MS && this.recorded > 0) {
      this.push({ kind: 'skip', t: this.lastT, seq: this.seq++, to: t });
    }
    if (!this.notifying && this.observers.length > 0) {
      // The narrator may record a step in reaction; it must come first and must not recurse.
      this.notifying = true;
      try {
        for (const o of this.observers) o(event);
      } finally {
        this.notifying = false;
      }
    }
    if (event.kind === 'step') this.snapshots.push(this.snapshot(event.index, this.recorded));
    // Numbered only now: a step recorded by an observer above takes the number before it.
    (event as { seq: number }).seq = this.seq++;
    this.push(event);
    this.lastT = t;
  }

  private push(event: TraceEvent): void {
    this.recorded++;
    this.lastEvent = event;
    if (this.keep) this.events.push(event);
    this.sink?.(event);
  }

  private snapshot(step: number, eventIndex: number): Snapshot {
    return {
      t: this.clock.now(),
      step,
      eventIndex,
      // The source builds each record afresh (SnapshotSource): kept as given, not copied again.
      objects: this.source ? this.source.objects() : {},
      components: this.source ? this.source.components() : {},
      // Only scenarios with an etcd cluster carry raft state: the others' traces stay as they were.
      ...(this.source?.raft ? { raft: this.source.raft() } : {}),
    };
  }
}
