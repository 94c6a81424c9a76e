import { describe, expect, it } from 'vitest';
import { etcdHa } from '../../scenes/etcd-ha.ts';
import { ELECTION_TIMEOUT_MS, HEARTBEAT_MS, quorumOf, REQUEST_TIMEOUT_MS } from '../../src/sim/components/etcd-cluster/timing.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { ActivityEvent, ComponentEvent, TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, indexOf, inOrder, messages, msg } from './helpers.ts';

const isActivity = (action: string) => (e: TraceEvent): e is ActivityEvent => e.kind === 'activity' && e.action === action;
const roleEvents = (events: readonly TraceEvent[]): ComponentEvent[] => events.filter((e): e is ComponentEvent => e.kind === 'component' && e.component.startsWith('etcd/'));

describe('quorum arithmetic', () => {
  it('is floor(N/2)+1: 3 members survive 1 failure, 5 survive 2', () => {
    expect([1, 2, 3, 4, 5, 7].map(quorumOf)).toEqual([1, 2, 2, 3, 3, 4]);
    expect(3 - quorumOf(3)).toBe(1);
    expect(5 - quorumOf(5)).toBe(2);
  });
});

describe.each([3, 5])('etcd-ha with %i members', (n) => {
  const trace = runScenario(etcdHa, { params: { members: String(n) } });
  const ev = trace.events;
  const q = quorumOf(n);

  it('lists one member per control-plane node instead of the single etcd', () => {
    expect(trace.topology.components.filter((c) => c.startsWith('etcd'))).toEqual(Array.from({ length: n }, (_, i) => `etcd/etcd-${i + 1}`));
  });

  it("a member's card and its raft panel name the same role (a pre-candidate is not a candidate yet)", () => {
    // The status a member's card shows is its last component event; its panel shows its last raft event.
    const card = new Map<string, string>();
    let preCandidates = 0;
    for (const e of ev) {
      if (e.kind === 'component' && e.component.startsWith('etcd/')) card.set(e.component, e.status);
      // Before a member's first status change its card shows the topology's (no event yet).
      if (e.kind !== 'raft' || e.role === 'down' || !card.has(e.member)) continue;
      if (e.role === 'pre-candidate') preCandidates++;
      expect(card.get(e.member), `${e.member} at ${String(e.t)} ms`).toBe(e.role);
    }
    expect(preCandidates).toBeGreaterThan(0);
  });

  it('only kube-apiserver and the members themselves talk to etcd members', () => {
    for (const m of messages(trace)) if (m.to.startsWith('etcd/') && m.type !== 'response') expect(m.from === 'kube-apiserver' || m.from.startsWith('etcd/')).toBe(true);
  });

  it('the leader heartbeats every 100 ms as one-way signals', () => {
    const beats = messages(trace).filter((m) => m.from === 'etcd/etcd-1' && m.to === 'etcd/etcd-2' && m.action.startsWith('heartbeat'));
    expect(beats.length).toBeGreaterThanOrEqual(10);
    for (const b of beats) expect(b.type).toBe('signal');
    const gaps = beats.slice(1, 10).map((b, i) => b.t - (beats[i]?.t ?? 0));
    expect(new Set(gaps)).toEqual(new Set([HEARTBEAT_MS]));
  });

  it('a write goes to the leader, is replicated with AppendEntries and committed only once a quorum holds it', () => {
    const [txn, , ok] = inOrder(trace, [
      (e) => e.kind === 'message' && e.from === 'kube-apiserver' && e.to === 'etcd/etcd-1' && e.write === true && e.object === 'Pod/default/web-1',
      msg('etcd/etcd-1', /^etcd\//, /^AppendEntries/),
      (e) => e.kind === 'state' && e.object === 'Pod/default/web-1' && e.op === 'added',
      msg('etcd/etcd-1', 'kube-apiserver', /^OK rev/),
      (e) => e.kind === 'message' && e.type === 'watch' && e.object === 'Pod/default/web-1',
    ]);
    const acks = ev.slice(txn, ok).filter((e) => e.kind === 'message' && e.to === 'etcd/etcd-1' && e.type === 'response' && e.action.startsWith('ack'));
    expect(acks.length + 1).toBeGreaterThanOrEqual(q);
  });

  it('a follower stands after its randomized election timeout (1000-1900 ms in 100 ms ticks), wins a pre-vote and a vote, and leads a higher term', () => {
    const crash = indexOf(trace, (e) => e.kind === 'component' && e.component === 'etcd/etcd-1' && e.status === 'down');
    const campaign = ev.slice(crash).find(isActivity('raft:pre-vote'));
    const silent = Number(/for (\d+) ms/.exec(campaign?.label.en ?? '')?.[1]);
    expect(silent).toBeGreaterThanOrEqual(ELECTION_TIMEOUT_MS);
    expect(silent).toBeLessThan(2 * ELECTION_TIMEOUT_MS);
    expect(silent % HEARTBEAT_MS).toBe(0);
    inOrder(trace, [isActivity('raft:pre-vote'), (e) => e.kind === 'message' && e.action.startsWith('pre-vote: yes'), isActivity('raft:campaign'), (e) => e.kind === 'message' && e.action.startsWith('vote: yes'), isActivity('raft:leader')]);
    const won = ev.slice(crash).find(isActivity('raft:leader'));
    expect(won?.label.en).toMatch(new RegExp(`^(\\d+) of ${n} votes \\(quorum ${q}\\): leader of term (\\d+)$`));
    expect(Number(/^(\d+) of/.exec(won?.label.en ?? '')?.[1])).toBeGreaterThanOrEqual(q);
    expect(Number(/term (\d+)$/.exec(won?.label.en ?? '')?.[1])).toBeGreaterThan(1);
    const leader = roleEvents(ev.slice(crash)).find((e) => e.status === 'leader');
    expect(leader?.component).toBe(won?.component);
  });

  it('pre-vote: a member that cannot win never raises its term; only real elections do', () => {
    const terms = ev.filter(isActivity('raft:leader')).map((e) => Number(/term (\d+)$/.exec(e.label.en)?.[1]));
    const elections = ev.filter(isActivity('raft:campaign')).length;
    expect(Math.max(...terms)).toBe(1 + elections);
    const lost = indexOf(trace, (e) => e.kind === 'step' && e.id === 'quorum-lost');
    const back = indexOf(trace, (e) => e.kind === 'step' && e.id === 'member-returns');
    const between = ev.slice(lost, back);
    expect(between.filter(isActivity('raft:pre-vote')).length).toBeGreaterThan(1);
    expect(between.some(isActivity('raft:campaign'))).toBe(false);
  });

  it('at most one leader per term', () => {
    const leaders = ev.filter(isActivity('raft:leader')).map((e) => /term (\d+)$/.exec(e.label.en)?.[1]);
    expect(new Set(leaders).size).toBe(leaders.length);
  });

  it('writes continue after the first failure', () => {
    const crash = indexOf(trace, (e) => e.kind === 'component' && e.component === 'etcd/etcd-1' && e.status === 'down');
    expect(indexOf(trace, (e) => e.kind === 'state' && e.object === 'Pod/default/web-2' && e.op === 'added', crash)).toBeGreaterThan(crash);
  });

  it(`below quorum a write fails after etcd's ${REQUEST_TIMEOUT_MS / 1000} s request timeout and kube-apiserver answers 500`, () => {
    const refused = messages(trace).find((m) => m.to === 'kubectl' && m.status === 500);
    expect(refused?.object).toBe('Pod/default/web-3');
    const txn = messages(trace).find((m) => m.from === 'kube-apiserver' && m.object === 'Pod/default/web-3' && m.write === true);
    const timedOut = messages(trace).find((m) => m.replyTo === txn?.id);
    // The member knows no leader, so it never takes the proposal: Propose runs out of time, and gRPC says so.
    expect(timedOut?.action).toBe('context deadline exceeded');
    expect((timedOut?.t ?? 0) - (txn?.arrive ?? 0)).toBe(REQUEST_TIMEOUT_MS);
    const down = roleEvents(ev.filter((e) => e.t <= (txn?.t ?? 0)));
    const last = new Map(down.map((e) => [e.component, e.status]));
    expect([...last.values()].filter((s) => s === 'down').length).toBe(n - q + 1);
  });

  it('a returning member restores quorum, catches up, and the retried write is stored', () => {
    const back = indexOf(trace, (e) => e.kind === 'component' && e.component === 'etcd/etcd-1' && e.status === 'follower');
    expect(back).toBeGreaterThan(0);
    expect(indexOf(trace, isActivity('raft:leader'), back)).toBeGreaterThan(back);
    expect(indexOf(trace, (e) => e.kind === 'message' && e.to === 'etcd/etcd-1' && e.action.startsWith('AppendEntries #'), back)).toBeGreaterThan(back);
    const pods = [...finalObjects(trace).values()].filter((o) => o.kind === 'Pod');
    expect(pods.map((p) => `${p.metadata.name}:${p.kind === 'Pod' ? p.status?.phase : ''}`).sort()).toEqual(['web-1:Running', 'web-2:Running', 'web-3:Running']);
  });

  it('keeps the trace small: most heartbeats are delivered but not recorded', () => {
    expect(ev.length).toBeLessThan(1500);
    expect(JSON.stringify(trace).length).toBeLessThan(400_000);
  });
});

describe('etcd-ha captions do not overstate what works without quorum', () => {
  const trace = runScenario(etcdHa);
  const caption = (id: string) => trace.events.find((e) => e.kind === 'step' && e.id === id);

  it('kube-apiserver’s reads fail too (linearizable); only serializable etcd reads are answered, possibly stale', () => {
    const step = caption('timed-out');
    if (step?.kind !== 'step') throw new Error('no timed-out step');
    expect(step.caption.en).not.toMatch(/Reads can still be served/);
    expect(step.caption.en).toMatch(/reads fail as well.*linearizable.*serializable/);
    expect(step.caption.ko).toMatch(/읽기도 실패.*직렬화\(serializable\) 읽기/);
  });
});
