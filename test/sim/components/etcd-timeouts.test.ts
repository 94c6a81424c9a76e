import { describe, expect, it } from 'vitest';
import { makePod } from '../../../src/sim/builders.ts';
import { Cluster } from '../../../src/sim/cluster.ts';
import type { ApiAnswer } from '../../../src/sim/components/client.ts';
import { REQUEST_TIMEOUT_MS } from '../../../src/sim/components/etcd-cluster/timing.ts';
import { DEFAULT_K8S_VERSION } from '../../../src/sim/scenario.ts';

/**
 * What kubectl reads when etcd cannot commit a write, by what the member written to knows
 * (etcd's processInternalRaftRequestOnce and parseProposeCtxErr; raft stops reading proposals
 * while it knows no leader).
 */
function writeAfter(crashed: readonly string[], waitMs: number): { answer: ApiAnswer | undefined; after: number } {
  const cluster = new Cluster({ seed: 3, k8sVersion: DEFAULT_K8S_VERSION });
  cluster.useEtcdCluster(['etcd-1', 'etcd-2', 'etcd-3'].map((name, i) => ({ name, host: `controlplane-${i + 1}` })));
  cluster.addNode('worker-1');
  cluster.start();
  const clock = cluster.rt.clock;
  const until = (t: number): void => {
    while ((clock.peek() ?? Infinity) <= t && clock.step());
  };
  until(2000);
  for (const name of crashed) cluster.stopEtcdMember(name);
  until(clock.now() + waitMs);
  const sent = clock.now();
  let answer: ApiAnswer | undefined;
  let after = NaN;
  cluster.kubectl('POST pod', { verb: 'create', object: makePod('web') }, (a) => {
    answer = a;
    after = clock.now() - sent;
  });
  until(sent + REQUEST_TIMEOUT_MS + 1000);
  return { answer, after };
}

describe('a write etcd cannot commit', () => {
  it('a leader left alone proposes it and waits for a quorum: "etcdserver: request timed out"', () => {
    const { answer, after } = writeAfter(['etcd-2', 'etcd-3'], 0);
    expect(answer).toMatchObject({ status: 500, message: 'etcdserver: request timed out' });
    expect(after).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  });

  it('a member with no leader never takes it: Propose runs out of time, gRPC says "context deadline exceeded"', () => {
    // Seconds after the leader and one follower went down, the survivor is a pre-candidate.
    const { answer, after } = writeAfter(['etcd-1', 'etcd-2'], 4000);
    expect(answer).toMatchObject({ status: 500, message: 'rpc error: code = DeadlineExceeded desc = context deadline exceeded' });
    expect(after).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS);
  });

  it('a follower that still knows its crashed leader hands it the entry, which is lost: "etcdserver: request timed out"', () => {
    const { answer } = writeAfter(['etcd-1', 'etcd-2'], 0);
    expect(answer).toMatchObject({ status: 500, message: 'etcdserver: request timed out' });
  });
});
