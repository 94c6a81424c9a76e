/**
 * How an etcd member's raft state reads, in both languages: the stage's member cards and the
 * CLI say the same words (the scenario captions' terms: 리더, 팔로워, 후보, 임기, 로그, 커밋, 과반).
 */
import type { Lang, Localized } from '../model/localized.ts';
import { text } from '../model/localized.ts';
import type { RaftRole, RaftState } from './trace.ts';

export const RAFT_ROLE: Readonly<Record<RaftRole, Localized>> = {
  leader: text('leader', '리더'),
  follower: text('follower', '팔로워'),
  'pre-candidate': text('pre-candidate', '예비 후보'),
  candidate: text('candidate', '후보'),
  down: text('down', '다운'),
};

/** Quorum = floor(N/2)+1. */
export const majorityOf = (members: number): number => Math.floor(members / 2) + 1;

export const termText = (term: number, lang: Lang): string => (lang === 'ko' ? `임기 ${term}` : `term ${term}`);

export const logText = (s: Pick<RaftState, 'lastIndex' | 'commitIndex'>, lang: Lang): string =>
  lang === 'ko' ? `로그 ${s.lastIndex} · 커밋 ${s.commitIndex}` : `log ${s.lastIndex} · commit ${s.commitIndex}`;

/** "2/3 votes (majority 2)"; a pre-candidate counts pre-votes. */
export function tallyText(s: Pick<RaftState, 'role' | 'votes' | 'members'>, lang: Lang): string {
  const got = s.votes?.length ?? 0;
  const pre = s.role === 'pre-candidate';
  if (lang === 'ko') return `${pre ? '예비 투표' : '득표'} ${got}/${s.members} (${majorityOf(s.members)}표 필요)`;
  return `${got}/${s.members} ${pre ? 'pre-votes' : 'votes'} (majority ${majorityOf(s.members)})`;
}

/** One line for the CLI: "candidate, term 2, log 6 · commit 6, 2/3 votes (majority 2), voted for etcd-2". */
export function raftLine(s: RaftState, lang: Lang): string {
  const parts = [RAFT_ROLE[s.role][lang], termText(s.term, lang), logText(s, lang)];
  if (s.votes !== undefined) parts.push(tallyText(s, lang));
  if (s.votedFor !== undefined) parts.push(lang === 'ko' ? `${s.votedFor}에 투표` : `voted for ${s.votedFor}`);
  return parts.join(', ');
}

/** Every Hangul syllable the raft panels draw (the stage loads these font subsets before drawing). */
export const RAFT_KOREAN = '임기 로그 커밋 득표 예비 투표 과반 에 리더 팔로워 후보 중지 쿼럼 살아 있는 멤버 있음 없음 불가';
