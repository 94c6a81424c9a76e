/**
 * An HA etcd: one member per control-plane node (`--initial-cluster` lists them all), agreeing
 * through raft. It stands in for the single etcd when a scenario asks for it at set-up; the rest
 * of the cluster sees the same store (the committed, applied state every member converges on).
 */
import type { Runtime } from '../../core/runtime.ts';
import type { ComponentId, RaftState } from '../../trace.ts';
import type { Etcd } from '../etcd.ts';
import { EtcdStore } from '../etcd.ts';
import type { Member, SharedState } from './member.ts';
import { createMember } from './member.ts';
import { RaftBoard } from './raft-board.ts';
import { quorumOf } from './timing.ts';

export interface EtcdMemberSpec {
  readonly name: string;
  /** The control-plane node it runs on. */
  readonly host: string;
}

export interface EtcdCluster extends Etcd {
  readonly members: readonly Member[];
  readonly quorum: number;
  member(name: string): Member;
  leader(): Member | undefined;
  /** Where kube-apiserver's etcd client sends a request: the leader, else any member still up. */
  endpoint(): ComponentId;
  /** The `--initial-cluster` flag every member starts with. */
  initialCluster(): string;
  /** Each member's raft state as last recorded (for step snapshots). */
  raftStates(): Readonly<Record<string, RaftState>>;
}

/** Heartbeats every 100 ms are many: the first ten of a term are recorded, then one a second. */
const showHeartbeat = (round: number): boolean => round < 10 || round % 10 === 0;

export function createEtcdCluster(rt: Runtime, specs: readonly EtcdMemberSpec[]): EtcdCluster {
  const names = specs.map((s) => s.name);
  const shared: SharedState = {
    rt,
    store: new EtcdStore(),
    members: specs.length,
    quorum: quorumOf(specs.length),
    raft: new RaftBoard(rt.tracer),
    applied: 0,
    live: false,
    peersOf: (name) => names.filter((n) => n !== name),
    showHeartbeat,
  };
  const members = specs.map((s) => createMember(shared, s.name, s.host));
  members[0]?.lead();
  shared.live = true;

  const member = (name: string): Member => {
    const m = members.find((x) => x.name === name);
    if (!m) throw new Error(`no etcd member ${name}`);
    return m;
  };
  const leader = (): Member | undefined => members.find((m) => m.role() === 'leader');

  return {
    store: shared.store,
    members,
    quorum: shared.quorum,
    member,
    leader,
    endpoint: () => (leader() ?? members.find((m) => m.role() !== 'down') ?? members[0])?.id ?? 'etcd',
    raftStates: () => shared.raft.all(),
    initialCluster: () => specs.map((s, i) => `${s.name}=https://192.168.56.${2 + i}:2380`).join(','),
    stop: () => {
      for (const m of members) m.crash();
    },
    start: () => {
      for (const m of members) m.restart();
    },
  };
}
