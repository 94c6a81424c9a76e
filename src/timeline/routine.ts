/**
 * Routine cluster traffic that repeats whatever the story is: node Lease renewals (the kubelet's
 * heartbeat, every 10 s), raft heartbeats between etcd members, the core/v1 Events components
 * record beside their work (what `kubectl describe` lists), and the kubelet status manager's GET
 * of a pod before each status PATCH (sim/components/status-sync.ts). Such traffic is background unless the
 * step is about it (node-failure's "kubelet stops renewing" step). Pure.
 */
import { STATUS_SYNC } from '../sim/components/status-sync.ts';
import type { MessageEvent, StepEvent, TraceEvent } from '../sim/trace.ts';

export type Routine = 'lease' | 'raft-heartbeat' | 'event' | 'status-sync';

/** The routine a message belongs to (a response inherits its request's), or undefined for story traffic. */
export function routineOf(m: MessageEvent, requestOf: (id: number) => MessageEvent | undefined): Routine | undefined {
  const req = m.replyTo === undefined ? undefined : requestOf(m.replyTo);
  if (req !== undefined) return routineOf(req, requestOf);
  if (m.object?.startsWith('Lease/') === true || /^PUT lease\b/.test(m.action) || m.action.includes('/registry/leases/')) return 'lease';
  if (m.from.startsWith('etcd/') && m.to.startsWith('etcd/') && /^heartbeat\b/.test(m.action)) return 'raft-heartbeat';
  if (m.action.endsWith(STATUS_SYNC)) return 'status-sync';
  if (/^POST event\b/.test(m.action) || m.object?.startsWith('Event/') === true) return 'event';
  return undefined;
}

/** Whether a step's narration is about this routine (then its messages are the story). */
export function stepIsAbout(step: StepEvent | undefined, routine: Routine): boolean {
  if (step === undefined) return false;
  const text = `${step.id} ${step.caption.en}`;
  if (routine === 'status-sync') return /status manager|\bGETs? the pod\b/i.test(text);
  if (routine === 'event') return /\bevents?\b|describe|이벤트/i.test(text);
  if (routine === 'lease') return /\blease|renew/i.test(text) || (/heartbeat/i.test(text) && !/\braft|\betcd/i.test(text));
  return /heartbeat|AppendEntries/i.test(text) && /\braft|\betcd|leader|member/i.test(text);
}

/**
 * Whether event i is a routine message in a step that is not about that routine (asked for each
 * event in turn, in pieces: src/timeline/schedule.ts).
 */
export function routineBackground(events: readonly TraceEvent[], stepOrdinal: readonly number[]): (i: number) => boolean {
  const steps: StepEvent[] = [];
  // Each request's routine, worked out once: its response (as many again) only looks it up.
  const requestRoutines = new Map<number, Routine | null>();
  const none = (): undefined => undefined;
  for (const e of events) {
    if (e.kind === 'step') steps.push(e);
    else if (e.kind === 'message' && e.replyTo === undefined) requestRoutines.set(e.id, routineOf(e, none) ?? null);
  }
  // Whether step n is about a routine: asked once per step and routine, not per event.
  const about = new Map<Routine, boolean[]>();
  const isAbout = (n: number, routine: Routine): boolean => {
    let bySteps = about.get(routine);
    if (bySteps === undefined) about.set(routine, (bySteps = []));
    return (bySteps[n] ??= stepIsAbout(steps[n], routine));
  };
  return (i) => {
    const e = events[i];
    if (e?.kind !== 'message') return false;
    // As routineOf: a response whose request is in the trace inherits its routine.
    const inherited = e.replyTo === undefined ? undefined : requestRoutines.get(e.replyTo);
    const routine = inherited !== undefined ? inherited : e.replyTo === undefined ? requestRoutines.get(e.id) : routineOf(e, none);
    return routine !== undefined && routine !== null && !isAbout(Math.max(1, stepOrdinal[i] ?? 0) - 1, routine);
  };
}
