/**
 * One etcd member's raft role as an XState machine: a follower waits for the leader's heartbeat
 * (any sign of the leader restarts the randomized election timer); on timeout it asks for
 * pre-votes, and once a majority would vote for it, stands as a candidate; it campaigns again
 * after each timeout until it wins or hears of a leader; a leader
 * sends heartbeats every 100 ms. A crashed member is down until restarted (its log is on disk).
 */
import { setup } from 'xstate';
import { ActorHooks } from '../../core/actor-hooks.ts';
import { HEARTBEAT_MS } from './timing.ts';

export interface MemberHooks {
  readonly becameFollower: () => void;
  readonly campaign: () => void;
  readonly becameLeader: () => void;
  readonly heartbeat: () => void;
  readonly wentDown: () => void;
  /** The current randomized election timeout (drawn anew on each role change, as raft does). */
  readonly electionTimeout: () => number;
}

/** heard: a leader's message or a higher term; stand: pre-vote won; won: a majority of votes; crash / restart: faults. */
export type MemberEvent = { readonly type: 'heard' } | { readonly type: 'stand' } | { readonly type: 'won' } | { readonly type: 'crash' } | { readonly type: 'restart' };

export const memberHooks = new ActorHooks<MemberHooks>();

/** Defined once (a machine built inside a scenario's action would trip XState's action checks). */
export const memberMachine = setup({
  types: { events: {} as MemberEvent },
  actions: {
    becameFollower: ({ self }) => memberHooks.of(self)?.becameFollower(),
    campaign: ({ self }) => memberHooks.of(self)?.campaign(),
    becameLeader: ({ self }) => memberHooks.of(self)?.becameLeader(),
    heartbeat: ({ self }) => memberHooks.of(self)?.heartbeat(),
    wentDown: ({ self }) => memberHooks.of(self)?.wentDown(),
  },
  delays: { election: ({ self }) => memberHooks.of(self)?.electionTimeout() ?? 1000, heartbeat: HEARTBEAT_MS },
}).createMachine({
  id: 'etcd-member',
  initial: 'follower',
  states: {
    follower: {
      entry: 'becameFollower',
      on: { won: 'leader', crash: 'down' },
      initial: 'waiting',
      states: {
        waiting: {
          after: { election: '#etcd-member.candidate' },
          on: { heard: { target: 'waiting', reenter: true } },
        },
      },
    },
    candidate: {
      on: { heard: 'follower', won: 'leader', crash: 'down' },
      initial: 'campaigning',
      states: {
        campaigning: {
          entry: 'campaign',
          after: { election: { target: 'campaigning', reenter: true } },
          // The pre-vote won: the real election starts at once.
          on: { stand: { target: 'campaigning', reenter: true } },
        },
      },
    },
    leader: {
      entry: 'becameLeader',
      on: { heard: 'follower', crash: 'down' },
      initial: 'beating',
      states: {
        beating: { after: { heartbeat: { target: 'beating', reenter: true, actions: 'heartbeat' } } },
      },
    },
    down: {
      entry: 'wentDown',
      on: { restart: 'follower' },
    },
  },
});
