import { describe, expect, it } from 'vitest';
import { eventJson, eventLine } from '../../src/cli/trace-format.ts';
import type { RaftEvent } from '../../src/sim/trace.ts';

const candidate: RaftEvent = { kind: 'raft', t: 7722, seq: 1, member: 'etcd/etcd-2', role: 'candidate', term: 2, lastIndex: 6, commitIndex: 6, votedFor: 'etcd-2', votes: ['etcd-2', 'etcd-3'], members: 3 };

describe('kubedeck trace: raft changes', () => {
  it('prints a member’s role, term, log, commit and vote tally readably in both languages', () => {
    expect(eventLine(candidate, 7, 'en', false)).toContain('{raft} etcd/etcd-2: candidate, term 2, log 6 · commit 6, 2/3 votes (majority 2), voted for etcd-2');
    expect(eventLine(candidate, 7, 'ko', false)).toContain('{raft} etcd/etcd-2: 후보, 임기 2, 로그 6 · 커밋 6, 득표 2/3 (2표 필요), etcd-2에 투표');
    expect(eventLine({ ...candidate, role: 'leader', votes: undefined }, 8, 'en', false)).not.toContain('votes');
  });

  it('keeps every field in the JSON line', () => {
    expect(JSON.parse(eventJson(candidate))).toEqual(candidate);
  });
});
