/**
 * The raft state each etcd member last made known: a change is recorded as a `raft` trace event
 * (once the trace has begun; set-up is the initial state), and step snapshots copy these states,
 * so seeking and replaying agree.
 */
import type { Tracer } from '../../core/tracer.ts';
import type { ComponentId, RaftState } from '../../trace.ts';

const sameVotes = (a: readonly string[] | undefined, b: readonly string[] | undefined): boolean => (a ?? []).join(',') === (b ?? []).join(',') && (a === undefined) === (b === undefined);

export function sameRaftState(a: RaftState, b: RaftState): boolean {
  return a.role === b.role && a.term === b.term && a.lastIndex === b.lastIndex && a.commitIndex === b.commitIndex && a.votedFor === b.votedFor && a.members === b.members && sameVotes(a.votes, b.votes);
}

export class RaftBoard {
  private readonly states = new Map<ComponentId, RaftState>();

  constructor(private readonly tracer: Tracer) {}

  publish(member: ComponentId, state: RaftState): void {
    const prev = this.states.get(member);
    if (prev !== undefined && sameRaftState(prev, state)) return;
    // Recorded before it is kept, so a narration step it starts snapshots the state before it.
    if (this.tracer.started) this.tracer.raft(member, state);
    this.states.set(member, state);
  }

  all(): Readonly<Record<string, RaftState>> {
    return Object.fromEntries(this.states);
  }
}
