/**
 * One etcd member speaking raft with its peers (peer port 2380) and serving kube-apiserver
 * (client port 2379). Terms, votes, pre-votes, the log and its commit index are modelled as raft
 * keeps them; left out: CheckQuorum, learners, snapshots of the raft log, leader transfer.
 * A write is a log entry: the leader appends it, sends AppendEntries, and commits once a quorum
 * (itself included) holds it; then it is applied to the key-value store and answered.
 */
import { text, type Localized } from '../../../model/localized.ts';
import type { Envelope } from '../../core/messages.ts';
import type { Runtime } from '../../core/runtime.ts';
import type { ComponentId, MessageType, RaftState } from '../../trace.ts';
import { readRange, type EtcdStore } from '../etcd.ts';
import { applyProposal } from './apply.ts';
import type { RaftBoard } from './raft-board.ts';
import type { MemberHooks } from './member-machine.ts';
import { memberHooks, memberMachine } from './member-machine.ts';
import type { RaftEntry, RaftMessage } from './raft-messages.ts';
import { ELECTION_TIMEOUT_MS, HEARTBEAT_MS, randomizedElectionTimeout, REQUEST_TIMEOUT_MS } from './timing.ts';

export type Role = 'follower' | 'candidate' | 'leader' | 'down';

/** What the members share: the applied key-value state (every member applies the same committed log). */
export interface SharedState {
  readonly rt: Runtime;
  readonly store: EtcdStore;
  readonly members: number;
  readonly quorum: number;
  /** Where each member's raft state changes are made known (the trace and step snapshots). */
  readonly raft: RaftBoard;
  /** Highest log index applied to the store. */
  applied: number;
  /** False during set-up: the starting roles are the initial state, not events. */
  live: boolean;
  peersOf(name: string): readonly string[];
  /** Which heartbeat rounds are recorded: the first ten of a term, then one a second. */
  showHeartbeat(round: number): boolean;
}

export interface Member {
  readonly name: string;
  readonly id: ComponentId;
  role(): Role;
  term(): number;
  lastIndex(): number;
  commitIndex(): number;
  /** The leader this member last heard from (undefined while there is none). */
  knownLeader(): string | undefined;
  crash(): void;
  restart(): void;
  /** Set-up only: this member leads term 1 from the start. */
  lead(): void;
}

export const memberId = (name: string): ComponentId => `etcd/${name}`;

export function createMember(shared: SharedState, name: string, host: string): Member {
  const { rt } = shared;
  const id = memberId(name);
  const peers = (): readonly string[] => shared.peersOf(name);
  let role: Role = 'follower';
  let term = 1;
  let votedFor: string | undefined;
  let leader: string | undefined;
  /** log[0] is a sentinel so that log[i] is the entry with index i. */
  const log: RaftEntry[] = [{ term: 0, index: 0 }];
  let commit = 0;
  const votes = new Set<string>();
  const next = new Map<string, number>();
  const match = new Map<string, number>();
  /** An AppendEntries awaiting its answer (raft's probe: one at a time until the follower answers). */
  const inflight = new Set<string>();
  const pending = new Map<number, Envelope>();
  let rounds = 0;
  let silentSince = 0;
  /** The next campaign is a pre-vote (etcd runs one before every election, --pre-vote=true). */
  let preVote = true;
  const preVotes = new Set<string>();
  /** A candidate still in its pre-vote (raft's StatePreCandidate): its term is not raised yet. */
  let preCandidate = false;

  const lastIndex = (): number => log.length - 1;
  const lastTerm = (): number => log[lastIndex()]?.term ?? 0;
  const setStatus = (status: Role | 'pre-candidate'): void => rt.board.set(id, status, !shared.live);
  const raftState = (): RaftState => {
    const ballots = role !== 'candidate' ? undefined : [...(preCandidate ? preVotes : votes)].sort();
    return {
      role: role === 'candidate' && preCandidate ? 'pre-candidate' : role,
      term,
      lastIndex: lastIndex(),
      commitIndex: commit,
      ...(votedFor !== undefined ? { votedFor } : {}),
      ...(ballots !== undefined ? { votes: ballots } : {}),
      members: shared.members,
    };
  };
  /** Makes this member's raft state known if it changed (after every handler and hook). */
  const publish = (): void => shared.raft.publish(id, raftState());

  const send = (to: string, type: MessageType, action: string, msg: RaftMessage, onReply?: (answer: RaftMessage) => void, untraced = false): void => {
    const out = { from: id, to: memberId(to), type, action, payload: { kind: 'raft' as const, msg }, ...(untraced ? { untraced: true } : {}) };
    if (!onReply) return void rt.net.send(out);
    rt.net.send(out, (answer) => {
      if (role !== 'down' && answer.payload.kind === 'raft') onReply(answer.payload.msg);
      publish();
    });
  };
  const answerWith = (req: Envelope, action: string, msg: RaftMessage): void => void rt.net.reply(req, { action, payload: { kind: 'raft', msg } });

  /** Any message with a higher term: adopt it and follow (raft's becomeFollower). */
  const observeTerm = (t: number): void => {
    if (t <= term) return;
    term = t;
    votedFor = undefined;
    leader = undefined;
    actor.send({ type: 'heard' });
  };

  // --- leader ----------------------------------------------------------------------------

  const sendAppend = (peer: string): void => {
    if (inflight.has(peer)) return;
    const from = next.get(peer) ?? lastIndex() + 1;
    const prev = log[from - 1] ?? { term: 0, index: 0 };
    const entries = log.slice(from);
    if (entries.length === 0) return;
    inflight.add(peer);
    const span = entries.length === 1 ? `#${from}` : `#${from}-${lastIndex()}`;
    send(peer, 'request', `AppendEntries ${span} (term ${term})`, { type: 'AppendEntries', term, leader: name, prevIndex: prev.index, prevTerm: prev.term, entries, commit }, (r) => onAppendResult(peer, r));
  };

  const advanceCommit = (): void => {
    const held = [lastIndex(), ...peers().map((p) => match.get(p) ?? 0)].sort((a, b) => b - a);
    const n = held[shared.quorum - 1] ?? 0;
    // A leader commits only entries of its own term by counting (raft section 5.4.2).
    if (n <= commit || log[n]?.term !== term) return;
    const holders = held.filter((i) => i >= n).length;
    commit = n;
    publish();
    rt.tracer.activity(id, 'raft:commit', 2, text(`#${n} held by ${holders} of ${shared.members} (quorum ${shared.quorum}): committed`, `#${n}: ${shared.members}개 중 ${holders}개 멤버가 보유 (쿼럼 ${shared.quorum}): 커밋`));
    applyCommitted();
  };

  const applyCommitted = (): void => {
    while (shared.applied < commit) {
      const entry = log[++shared.applied];
      if (!entry?.proposal) continue;
      const result = applyProposal(rt, shared.store, entry.proposal);
      const req = pending.get(entry.index);
      if (!req) continue;
      pending.delete(entry.index);
      rt.net.reply(req, { action: result.action, payload: result.payload });
    }
  };

  const onAppendResult = (peer: string, m: RaftMessage): void => {
    if (m.type !== 'AppendResult') return;
    inflight.delete(peer);
    observeTerm(m.term);
    if (role !== 'leader' || m.term !== term) return;
    if (m.success) {
      match.set(peer, Math.max(match.get(peer) ?? 0, m.matchIndex));
      next.set(peer, (match.get(peer) ?? 0) + 1);
      advanceCommit();
    } else {
      next.set(peer, Math.max(1, Math.min((next.get(peer) ?? 1) - 1, m.matchIndex + 1)));
    }
    sendAppend(peer);
  };

  const onHeartbeatAck = (m: Extract<RaftMessage, { type: 'HeartbeatAck' }>): void => {
    observeTerm(m.term);
    if (role !== 'leader') return;
    // A follower that answers but lags (it was down) gets the missing entries (etcd: probe resumes).
    if ((match.get(m.from) ?? 0) < lastIndex()) {
      inflight.delete(m.from);
      sendAppend(m.from);
    }
  };

  const propose = (req: Envelope): void => {
    const p = req.payload;
    if (p.kind !== 'etcd-put' && p.kind !== 'etcd-delete') return;
    const index = lastIndex() + 1;
    log.push({ term, index, proposal: { ref: req.object ?? '', op: p } });
    pending.set(index, req);
    for (const peer of peers()) sendAppend(peer);
    timeOut(req, index);
  };

  // --- follower and candidate ------------------------------------------------------------

  const onRequestVote = (req: Envelope, m: Extract<RaftMessage, { type: 'RequestVote' }>): void => {
    observeTerm(m.term);
    const upToDate = m.lastTerm > lastTerm() || (m.lastTerm === lastTerm() && m.lastIndex >= lastIndex());
    const granted = m.term === term && (votedFor === undefined || votedFor === m.candidate) && upToDate;
    if (granted) {
      votedFor = m.candidate;
      actor.send({ type: 'heard' });
    }
    answerWith(req, granted ? `vote: yes (term ${term})` : `vote: no (term ${term})`, { type: 'Vote', term, granted });
  };

  /**
   * A member still hearing from its leader ignores pre-votes (etcd: inLease with CheckQuorum);
   * otherwise it would vote for a candidate of a higher term with an up-to-date log. Its own term
   * and vote do not change. One tick of slack: members' ticks are not aligned.
   */
  const onPreVote = (req: Envelope, m: Extract<RaftMessage, { type: 'PreVote' }>): void => {
    if (leader !== undefined && rt.clock.now() - silentSince < ELECTION_TIMEOUT_MS - HEARTBEAT_MS) return;
    const upToDate = m.lastTerm > lastTerm() || (m.lastTerm === lastTerm() && m.lastIndex >= lastIndex());
    const granted = m.term > term && upToDate;
    answerWith(req, granted ? `pre-vote: yes (term ${m.term})` : `pre-vote: no (term ${term})`, { type: 'PreVoteResult', term: granted ? m.term : term, granted });
  };

  const onPreVoteResult = (peer: string, proposed: number, m: RaftMessage): void => {
    if (m.type !== 'PreVoteResult') return;
    if (!m.granted) return observeTerm(m.term);
    if (role !== 'candidate' || !preVote || proposed !== term + 1) return;
    preVotes.add(peer);
    publish();
    if (preVotes.size < shared.quorum) return;
    preVote = false;
    actor.send({ type: 'stand' });
  };

  const onVote = (peer: string, m: RaftMessage): void => {
    if (m.type !== 'Vote') return;
    observeTerm(m.term);
    if (role !== 'candidate' || m.term !== term || !m.granted) return;
    votes.add(peer);
    publish();
    if (votes.size >= shared.quorum) actor.send({ type: 'won' });
  };

  const onAppend = (req: Envelope, m: Extract<RaftMessage, { type: 'AppendEntries' }>): void => {
    if (m.term < term) return answerWith(req, `reject: stale term ${m.term}`, { type: 'AppendResult', term, success: false, matchIndex: lastIndex() });
    observeTerm(m.term);
    leader = m.leader;
    silentSince = rt.clock.now();
    actor.send({ type: 'heard' });
    const prev = log[m.prevIndex];
    if (!prev || prev.term !== m.prevTerm) {
      return answerWith(req, `reject: no #${m.prevIndex}`, { type: 'AppendResult', term, success: false, matchIndex: Math.min(lastIndex(), m.prevIndex - 1) });
    }
    for (const e of m.entries) {
      const here = log[e.index];
      if (here && here.term !== e.term) log.length = e.index;
      if (!log[e.index]) log.push(e);
    }
    const matchIndex = m.prevIndex + m.entries.length;
    commit = Math.max(commit, Math.min(m.commit, matchIndex));
    answerWith(req, `ack #${matchIndex}`, { type: 'AppendResult', term, success: true, matchIndex });
  };

  const onHeartbeat = (m: Extract<RaftMessage, { type: 'Heartbeat' }>): void => {
    if (m.term < term) return;
    observeTerm(m.term);
    leader = m.leader;
    silentSince = rt.clock.now();
    actor.send({ type: 'heard' });
    commit = Math.max(commit, Math.min(m.commit, lastIndex()));
    send(m.leader, 'signal', 'heartbeat ack', { type: 'HeartbeatAck', term, from: name, shown: m.shown }, undefined, !m.shown);
  };

  // --- kube-apiserver (and etcdctl) on the client port ------------------------------------

  /**
   * What etcd answers when a write is not committed within its request timeout
   * (server/etcdserver/v3_server.go: processInternalRaftRequestOnce, parseProposeCtxErr).
   * - A member that knows no leader never takes the proposal (raft reads no proposals while it
   *   has no leader), so Propose itself runs out of time and gRPC reports the deadline.
   * - Otherwise the entry was proposed (by this leader, or forwarded to the leader it knew) and
   *   never committed: "request timed out", "possibly due to previous leader failure" when a new
   *   leader has been elected since (the entry went down with the old one).
   */
  const timeOutError = (taken: boolean): { readonly action: string; readonly error: string; readonly why: Localized } => {
    const seconds = REQUEST_TIMEOUT_MS / 1000;
    if (!taken) {
      const why = text(`no leader to take the write: timed out after ${seconds} s`, `쓰기를 받을 리더 없음: ${seconds}초 뒤 시간 초과`);
      return { action: 'context deadline exceeded', error: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded', why };
    }
    const why = text(`no quorum: write not committed in ${seconds} s`, `쿼럼 없음: ${seconds}초 안에 커밋되지 않음`);
    const error = role !== 'leader' && leader !== undefined ? 'etcdserver: request timed out, possibly due to previous leader failure' : 'etcdserver: request timed out';
    return { action: 'etcdserver: request timed out', error, why };
  };

  const timeOut = (req: Envelope, index?: number): void => {
    // Whether the entry was taken is decided as the write arrives: a leader known then took it.
    const taken = index !== undefined || leader !== undefined;
    rt.clock.after(() => {
      if (role === 'down' || (index !== undefined && pending.get(index) !== req)) return;
      if (index !== undefined) pending.delete(index);
      const { action, error, why } = timeOutError(taken);
      rt.tracer.activity(id, 'raft:timeout', 5, why, req.object);
      rt.net.reply(req, { action, payload: { kind: 'etcd-response', ok: false, revision: shared.store.currentRevision, failure: error } });
    }, REQUEST_TIMEOUT_MS);
  };

  const onClient = (req: Envelope): void => {
    const p = req.payload;
    if (p.kind === 'etcd-put' || p.kind === 'etcd-delete') {
      if (role === 'leader') propose(req);
      else timeOut(req);
    } else if (p.kind === 'etcd-range') {
      // A serializable read from this member's applied state: it answers even without quorum.
      const items = readRange(shared.store, p.key, p.prefix, req.object);
      rt.net.reply(req, { action: `${items.length} kvs`, payload: { kind: 'etcd-response', ok: true, revision: shared.store.currentRevision, items } });
    } else if (p.kind === 'etcd-snapshot') {
      const items = [...shared.store.values()];
      rt.net.reply(req, { action: `snapshot rev ${shared.store.currentRevision} (${items.length} keys)`, payload: { kind: 'etcd-response', ok: true, revision: shared.store.currentRevision, items } });
    }
  };

  // --- the role machine's hooks -----------------------------------------------------------

  const hooks: MemberHooks = {
      becameFollower: () => {
        role = 'follower';
        preVote = true;
        votes.clear();
        inflight.clear();
        preCandidate = false;
        setStatus('follower');
        publish();
      },
      campaign: () => {
        role = 'candidate';
        const quiet = rt.clock.now() - silentSince;
        if (preVote) {
          // Pre-vote: ask whether a majority would vote in term+1, without raising the term.
          preVotes.clear();
          preVotes.add(name);
          preCandidate = true;
          // becomePreCandidate forgets the leader: from now on this member takes no proposals.
          leader = undefined;
          // etcd's raft has a state of its own for this (StatePreCandidate): not a candidate yet.
          setStatus('pre-candidate');
          publish();
          const proposed = term + 1;
          rt.tracer.activity(id, 'raft:pre-vote', 5, text(`no leader heard for ${quiet} ms: pre-candidate, asks who would vote for it in term ${proposed} (its term stays ${term})`, `${quiet}ms 동안 리더 소식 없음: 예비 후보(pre-candidate)로 임기 ${proposed}에 투표해 줄지 묻습니다(임기는 ${term} 그대로)`));
          for (const peer of peers()) send(peer, 'request', `PreVote (term ${proposed})`, { type: 'PreVote', term: proposed, candidate: name, lastIndex: lastIndex(), lastTerm: lastTerm() }, (r) => onPreVoteResult(peer, proposed, r));
          return;
        }
        preVote = true;
        term += 1;
        votedFor = name;
        leader = undefined;
        votes.clear();
        votes.add(name);
        preCandidate = false;
        setStatus('candidate');
        publish();
        rt.tracer.activity(id, 'raft:campaign', 5, text(`pre-vote won: candidate for term ${term}, votes for itself`, `예비 투표 통과: 임기 ${term}의 후보가 되어 자신에게 투표`));
        for (const peer of peers()) send(peer, 'request', `RequestVote (term ${term})`, { type: 'RequestVote', term, candidate: name, lastIndex: lastIndex(), lastTerm: lastTerm() }, (r) => onVote(peer, r));
        publish();
      },
      becameLeader: () => {
        const elected = role === 'candidate';
        role = 'leader';
        preCandidate = false;
        leader = name;
        rounds = 0;
        setStatus('leader');
        for (const peer of peers()) {
          next.set(peer, lastIndex() + 1);
          match.set(peer, 0);
        }
        inflight.clear();
        publish();
        if (!elected) return;
        rt.tracer.activity(id, 'raft:leader', 5, text(`${votes.size} of ${shared.members} votes (quorum ${shared.quorum}): leader of term ${term}`, `${shared.members}표 중 ${votes.size}표 (쿼럼 ${shared.quorum}): 임기 ${term}의 리더`));
        // A new leader appends an empty entry of its term; committing it commits all before it.
        log.push({ term, index: lastIndex() + 1 });
        publish();
        for (const peer of peers()) sendAppend(peer);
      },
      heartbeat: () => {
        silentSince = rt.clock.now();
        const shown = shared.showHeartbeat(rounds++);
        for (const peer of peers()) {
          send(peer, 'signal', `heartbeat (term ${term})`, { type: 'Heartbeat', term, leader: name, commit: Math.min(commit, match.get(peer) ?? 0), shown }, undefined, !shown);
        }
      },
      wentDown: () => {
        role = 'down';
        leader = undefined;
        votes.clear();
        inflight.clear();
        pending.clear();
        preCandidate = false;
        setStatus('down');
        publish();
      },
      electionTimeout: () => randomizedElectionTimeout((n) => rt.rng.intBelow(n)),
  };

  rt.net.register(id, host, (envelope) => {
    if (role === 'down') return;
    const p = envelope.payload;
    const m = p.kind === 'raft' ? p.msg : undefined;
    if (m === undefined) onClient(envelope);
    else if (m.type === 'RequestVote') onRequestVote(envelope, m);
    else if (m.type === 'PreVote') onPreVote(envelope, m);
    else if (m.type === 'AppendEntries') onAppend(envelope, m);
    else if (m.type === 'Heartbeat') onHeartbeat(m);
    else if (m.type === 'HeartbeatAck') onHeartbeatAck(m);
    publish();
  });
  const actor = memberHooks.start(memberMachine, rt.clock, hooks);

  return {
    name,
    id,
    role: () => role,
    term: () => term,
    lastIndex,
    commitIndex: () => commit,
    knownLeader: () => leader,
    crash: () => actor.send({ type: 'crash' }),
    restart: () => {
      silentSince = rt.clock.now();
      actor.send({ type: 'restart' });
    },
    lead: () => {
      leader = name;
      votedFor = name;
      actor.send({ type: 'won' });
      publish();
    },
  };
}
