/** The raft events an etcd cluster records follow raft, and only such scenarios record them. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { etcdHa } from '../../scenes/etcd-ha.ts';
import { quorumOf } from '../../src/sim/components/etcd-cluster/timing.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { RaftEvent, RaftState } from '../../src/sim/trace.ts';
import { replayFromZero, stateAt } from '../../src/timeline/state.ts';

describe.each([3, 5])('etcd-ha raft events with %i members', (n) => {
  const trace = runScenario(etcdHa, { params: { members: String(n) } });
  const q = quorumOf(n);
  const raftEvents = trace.events.filter((e): e is RaftEvent => e.kind === 'raft');
  const initial = trace.snapshots[0]?.raft ?? {};

  /** Every member's state after each raft event, starting from the initial snapshot. */
  const timeline = (): Array<{ e: RaftEvent; all: ReadonlyMap<string, RaftState> }> => {
    const all = new Map<string, RaftState>(Object.entries(initial));
    return raftEvents.map((e) => {
      const { kind: _k, t: _t, seq: _s, member, ...state } = e;
      all.set(member, state);
      return { e, all: new Map(all) };
    });
  };

  it('starts with every member known (etcd-1 leads term 1) and records elections, writes and crashes', () => {
    expect(Object.keys(initial).sort()).toEqual(Array.from({ length: n }, (_, i) => `etcd/etcd-${i + 1}`));
    expect(initial['etcd/etcd-1']?.role).toBe('leader');
    expect(raftEvents.some((e) => e.role === 'pre-candidate')).toBe(true);
    expect(raftEvents.some((e) => e.role === 'candidate' && (e.votes?.length ?? 0) >= q)).toBe(true);
    expect(raftEvents.some((e) => e.role === 'down')).toBe(true);
    expect(Math.max(...raftEvents.map((e) => e.commitIndex))).toBeGreaterThan(5);
    for (const e of raftEvents) expect(e.members).toBe(n);
  });

  it('never lowers a member’s term or commit index', () => {
    const last = new Map<string, RaftState>(Object.entries(initial));
    for (const e of raftEvents) {
      const before = last.get(e.member);
      if (before) {
        expect(e.term, `${e.member} at ${e.t}`).toBeGreaterThanOrEqual(before.term);
        expect(e.commitIndex, `${e.member} at ${e.t}`).toBeGreaterThanOrEqual(before.commitIndex);
      }
      expect(e.commitIndex).toBeLessThanOrEqual(e.lastIndex);
      last.set(e.member, e);
    }
  });

  it('has at most one leader per term', () => {
    const leaders = new Map<number, string>();
    for (const s of [...Object.entries(initial).map(([member, st]) => ({ member, ...st })), ...raftEvents]) {
      if (s.role !== 'leader') continue;
      expect(leaders.get(s.term) ?? s.member, `term ${s.term}`).toBe(s.member);
      leaders.set(s.term, s.member);
    }
    expect(leaders.size).toBeGreaterThanOrEqual(3);
  });

  it('commits only what a majority holds: commit index never exceeds the quorum-th longest log', () => {
    for (const { e, all } of timeline()) {
      const held = [...all.values()].map((s) => s.lastIndex).sort((a, b) => b - a);
      expect(e.commitIndex, `${e.member} at ${e.t}`).toBeLessThanOrEqual(held[q - 1] ?? 0);
    }
  });

  it('grants at most one vote per member per term, and a leader had a majority of votes', () => {
    const votedIn = new Map<string, string>();
    let prev: ReadonlyMap<string, RaftState> = new Map<string, RaftState>(Object.entries(initial));
    for (const { e, all } of timeline()) {
      if (e.votedFor !== undefined) {
        const key = `${e.member}@${e.term}`;
        expect(votedIn.get(key) ?? e.votedFor, key).toBe(e.votedFor);
        votedIn.set(key, e.votedFor);
      }
      const before = prev.get(e.member);
      if (e.role === 'leader' && before?.role !== 'leader') {
        expect(before?.role).toBe('candidate');
        expect(before?.term).toBe(e.term);
        expect(before?.votes?.length ?? 0).toBeGreaterThanOrEqual(q);
        // Every vote it counted was cast for it in this term.
        for (const voter of before?.votes ?? []) expect(votedIn.get(`etcd/${voter}@${e.term}`) ?? e.member.slice('etcd/'.length)).toBe(e.member.slice('etcd/'.length));
      }
      prev = all;
    }
  });

  it('pre-candidates keep their term; candidates vote for themselves', () => {
    for (const e of raftEvents) {
      if (e.role === 'candidate') expect(e.votedFor).toBe(e.member.slice('etcd/'.length));
      if (e.role === 'pre-candidate' || e.role === 'candidate') expect(e.votes).toContain(e.member.slice('etcd/'.length));
    }
  });

  it('seeking carries the raft state: stateAt equals a replay at every step start and equals the last raft events', () => {
    for (const snap of trace.snapshots) {
      const at = stateAt(trace, { eventCount: snap.eventIndex });
      expect(Object.fromEntries(at.raft)).toEqual(Object.fromEntries(replayFromZero(trace, snap.eventIndex).raft));
      expect(at.raft.size).toBe(n);
      for (const [member, state] of at.raft) {
        const lastEvent = raftEvents.filter((e) => e.member === member && trace.events.indexOf(e) < snap.eventIndex).at(-1);
        const { kind: _k, t: _t, seq: _s, member: _m, ...expected } = lastEvent ?? { kind: 'raft', t: 0, seq: 0, member, ...initial[member] };
        expect(state).toEqual(expected);
      }
    }
  });
});

describe('scenarios without an etcd cluster', () => {
  it.each(SCENARIOS.filter((s) => s.id !== 'etcd-ha').map((s) => [s.id, s] as const))('%s records no raft state (its trace is as before)', (_id, def) => {
    const trace = runScenario(def);
    expect(trace.events.some((e) => e.kind === 'raft')).toBe(false);
    for (const s of trace.snapshots) expect('raft' in s).toBe(false);
    expect(JSON.stringify(trace)).not.toContain('"raft"');
  });
});
