/** etcd's raft timings and quorum arithmetic (reference/kubernetes.md section 6; etcd.io "Tuning"). */

/** --heartbeat-interval: the leader's heartbeat, also raft's tick. */
export const HEARTBEAT_MS = 100;
/** --election-timeout: a follower that hears no leader this long stands for election. */
export const ELECTION_TIMEOUT_MS = 1000;
/** etcd's server-side request timeout: 5 s + 2 x election timeout ("etcdserver: request timed out", or "context deadline exceeded" with no leader). */
export const REQUEST_TIMEOUT_MS = 5000 + 2 * ELECTION_TIMEOUT_MS;

/** Quorum = floor(N/2)+1: 3 members survive 1 failure, 5 survive 2. */
export function quorumOf(members: number): number {
  return Math.floor(members / 2) + 1;
}

/**
 * raft draws each follower's timeout from [election, 2 x election) in whole ticks
 * (randomizedElectionTimeout = electionTimeout + rand(electionTimeout)), so followers rarely tie.
 */
export function randomizedElectionTimeout(intBelow: (n: number) => number): number {
  const ticks = ELECTION_TIMEOUT_MS / HEARTBEAT_MS;
  return (ticks + intBelow(ticks)) * HEARTBEAT_MS;
}
