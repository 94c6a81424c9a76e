/**
 * What etcd members say to each other over the peer port (2380), reduced to the raft messages a
 * learner meets: RequestVote, AppendEntries (with their answers) and the leader's heartbeat.
 */
import type { ObjectRef } from '../../../model/objects.ts';
import type { Payload } from '../../core/messages.ts';

/** A client write carried by a log entry. */
export interface Proposal {
  readonly ref: ObjectRef;
  readonly op: Extract<Payload, { kind: 'etcd-put' | 'etcd-delete' }>;
}

/** One raft log entry; a new leader's empty entry has no proposal. */
export interface RaftEntry {
  readonly term: number;
  readonly index: number;
  readonly proposal?: Proposal;
}

export type RaftMessage =
  /** Pre-vote (etcd --pre-vote, on by default): "would you vote for me in `term`?" — nobody's term changes. */
  | { readonly type: 'PreVote'; readonly term: number; readonly candidate: string; readonly lastIndex: number; readonly lastTerm: number }
  | { readonly type: 'PreVoteResult'; readonly term: number; readonly granted: boolean }
  | { readonly type: 'RequestVote'; readonly term: number; readonly candidate: string; readonly lastIndex: number; readonly lastTerm: number }
  | { readonly type: 'Vote'; readonly term: number; readonly granted: boolean }
  | { readonly type: 'AppendEntries'; readonly term: number; readonly leader: string; readonly prevIndex: number; readonly prevTerm: number; readonly entries: readonly RaftEntry[]; readonly commit: number }
  | { readonly type: 'AppendResult'; readonly term: number; readonly success: boolean; readonly matchIndex: number }
  /** `shown`: whether this heartbeat was recorded, so its answer is recorded too. */
  | { readonly type: 'Heartbeat'; readonly term: number; readonly leader: string; readonly commit: number; readonly shown: boolean }
  | { readonly type: 'HeartbeatAck'; readonly term: number; readonly from: string; readonly shown: boolean };
