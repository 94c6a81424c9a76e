/**
 * etcd-ha: three (or five) etcd members, one per control-plane node, agree through raft
 * (reference/kubernetes.md section 6). The leader heartbeats every 100 ms; when it dies a
 * follower times out (1000 ms, randomized), stands, wins a majority and leads; writes continue.
 * Losing quorum (floor(N/2)+1) stops writes: kube-apiserver answers 500 "etcdserver: request
 * timed out". A member returns, quorum is back, and the write goes through.
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import { makePod } from '../src/sim/builders.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { EtcdCluster } from '../src/sim/components/etcd-cluster/etcd-cluster.ts';
import { quorumOf } from '../src/sim/components/etcd-cluster/timing.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId, TraceEvent } from '../src/sim/trace.ts';
import { activity, change, message } from './lib/match.ts';
import { etcdHaAbout } from './about/etcd-ha.ts';

const WORKER = 'worker-1';

/** The etcd cluster of each running scenario (the machine's context is the shared ScenarioInput). */
const etcdOf = new WeakMap<Cluster, EtcdCluster>();

const memberCount = (params: ScenarioParams): number => (params.members === '5' ? 5 : 3);
const memberIds = (n: number): ComponentId[] => Array.from({ length: n }, (_, i) => `etcd/etcd-${i + 1}` as const);

function etcd(cluster: Cluster): EtcdCluster {
  const ec = etcdOf.get(cluster);
  if (!ec) throw new Error('etcd-ha: no etcd cluster');
  return ec;
}

const running = (pod: string) => (e: TraceEvent): boolean => change(`Pod/default/${pod}`, 'status.phase', 'Running')(e);
const electedLeader = (e: TraceEvent): boolean => e.kind === 'component' && e.component.startsWith('etcd/') && e.status === 'leader';
const refusedWrite = message({ to: 'kubectl', action: /^500/ });
/** etcd's answer that the write failed: the step about it starts there, just before kube-apiserver's 500 to kubectl. */
const etcdRefused = message({ from: /^etcd\//, to: 'kube-apiserver', action: /^(context deadline exceeded|etcdserver: request timed out)/ });

function run(cluster: Cluster, pod: string): void {
  cluster.create(makePod(pod, { image: 'nginx:1.27' }), 'POST pod');
}

function cues(params: ScenarioParams): readonly StepCue[] {
  const n = memberCount(params);
  const q = quorumOf(n);
  const all = memberIds(n);
  return [
    {
      id: 'to-leader',
      caption: text(
        'kube-apiserver sends the write to etcd’s leader (a follower that gets a write forwards it to the leader). The leader appends it to its log and sends AppendEntries to every follower.',
        'kube-apiserver가 쓰기를 etcd 리더에게 보냅니다(팔로워가 받으면 리더에게 전달합니다). 리더는 로그에 항목을 추가하고 모든 팔로워에게 AppendEntries를 보냅니다.',
      ),
      focus: ['kube-apiserver', ...all],
      when: message({ to: /^etcd\//, write: true, object: 'Pod/default/web-1' }),
    },
    {
      id: 'commit',
      caption: text(
        `Committed once a quorum holds the entry: floor(${n}/2)+1 = ${q} members, the leader included. Only then is it applied, answered, and pushed to watchers.`,
        `쿼럼이 항목을 가지면 커밋됩니다: floor(${n}/2)+1 = ${q}개 멤버(리더 포함). 그다음에야 적용되고, 응답되고, watch로 전달됩니다.`,
      ),
      focus: all,
      when: activity(/^etcd\//, 'raft:commit'),
    },
    {
      id: 'election-timeout',
      caption: text(
        'A follower heard no heartbeat for its election timeout (1000 ms by default; raft randomizes it per follower, 1000–1900 ms here, so they rarely stand at once). First a pre-vote (etcd --pre-vote, on by default): would the others vote for it in the next term? No term changes yet.',
        '한 팔로워가 선거 타임아웃 동안 하트비트를 받지 못했습니다(기본 1000ms, raft는 팔로워마다 무작위로 늘려 여기서는 1000–1900ms, 동시에 출마하는 일이 드뭅니다). 먼저 예비 투표(etcd --pre-vote, 기본 켜짐): 다음 임기에 자신을 뽑아 줄지 묻습니다. 아직 임기는 그대로입니다.',
      ),
      focus: all,
      when: activity(/^etcd\//, 'raft:pre-vote'),
    },
    {
      id: 'candidate',
      caption: text('A majority would: it becomes a candidate, raises its term by one, votes for itself and sends RequestVote to every member.', '과반이 그렇다고 답했습니다. 후보가 되어 임기(term)를 하나 올리고, 자신에게 투표한 뒤 모든 멤버에게 RequestVote를 보냅니다.'),
      focus: all,
      when: activity(/^etcd\//, 'raft:campaign'),
    },
    {
      id: 'vote',
      caption: text(
        'RequestVote: each member votes once per term, and only for a candidate whose log is at least as up to date as its own.',
        'RequestVote: 각 멤버는 임기마다 한 번만, 자기 로그보다 뒤처지지 않은 후보에게만 투표합니다.',
      ),
      focus: all,
      when: message({ to: /^etcd\//, action: /^vote: yes/ }),
    },
    {
      id: 'new-leader',
      caption: text(
        `${q} of ${n} votes is a majority: the candidate leads the new term. It appends an empty entry of its term, replicates it, and heartbeats every 100 ms.`,
        `${n}표 중 ${q}표면 과반입니다. 후보가 새 임기의 리더가 되어 자기 임기의 빈 항목을 추가·복제하고 100ms마다 하트비트를 보냅니다.`,
      ),
      focus: all,
      when: activity(/^etcd\//, 'raft:leader'),
    },
    {
      id: 'no-leader',
      caption: text(
        `Fewer than ${q} members are up. A survivor times out and asks for pre-votes again and again, but never finds ${q}, so it never even raises its term (pre-vote keeps a cut-off member from disrupting the others later). No leader, no commits.`,
        `살아 있는 멤버가 ${q}개보다 적습니다. 남은 멤버가 타임아웃마다 예비 투표를 거듭 요청하지만 ${q}표를 찾지 못해 임기조차 올리지 않습니다(예비 투표는 고립된 멤버가 나중에 클러스터를 흔들지 않게 합니다). 리더도, 커밋도 없습니다.`,
      ),
      focus: all,
      when: activity(/^etcd\//, 'raft:pre-vote'),
    },
    {
      id: 'timed-out',
      caption: text(
        'The write is never committed. After etcd’s request timeout (5 s + 2 × election timeout = 7 s) the leaderless member answers `context deadline exceeded`, and kube-apiserver returns 500 to kubectl. kube-apiserver’s reads fail as well: they are linearizable and need a leader. Only serializable reads (`etcdctl get --consistency=s`) are answered, by the member alone, and they may be stale.',
        '쓰기가 끝내 커밋되지 않습니다. etcd 요청 타임아웃(5초 + 2 × 선거 타임아웃 = 7초) 뒤 리더가 없는 멤버가 `context deadline exceeded`라고 응답하고 kube-apiserver는 kubectl에 500을 돌려줍니다. kube-apiserver의 읽기도 실패합니다. 선형화(linearizable) 읽기라서 리더가 있어야 하기 때문입니다. 직렬화(serializable) 읽기(`etcdctl get --consistency=s`)만 멤버 혼자 답할 수 있는데, 그 값은 오래된 것일 수 있습니다.',
      ),
      focus: ['kubectl', 'kube-apiserver', ...all],
      when: etcdRefused,
    },
    {
      id: 'quorum-back',
      caption: text(
        `${q} members are up again: a candidate wins ${q} votes and leads. The returning member’s log is behind; the leader sends it the entries it missed (AppendEntries is refused until the logs match, then accepted).`,
        `다시 ${q}개 멤버가 살아났습니다. 후보가 ${q}표를 얻어 리더가 됩니다. 돌아온 멤버의 로그는 뒤처져 있어, 리더가 놓친 항목을 보냅니다(로그가 맞을 때까지 AppendEntries가 거절되다가 받아들여집니다).`,
      ),
      focus: all,
      when: activity(/^etcd\//, 'raft:leader'),
    },
    {
      id: 'written',
      caption: text('The retried `kubectl run web-3` is committed by a quorum, scheduled and started: writes work again.', '다시 시도한 `kubectl run web-3`가 쿼럼에 커밋되고, 스케줄되어 시작됩니다: 쓰기가 다시 됩니다.'),
      focus: ['kube-apiserver', ...all, `kubelet/${WORKER}`],
      when: running('web-3'),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      const n = memberCount(params);
      const ec = cluster.useEtcdCluster(Array.from({ length: n }, (_, i) => ({ name: `etcd-${i + 1}`, host: `controlplane-${i + 1}` })));
      etcdOf.set(cluster, ec);
      cluster.addNode(WORKER, { cpu: '4', memory: '8Gi' });
    },
    narrateSteady: ({ context }) => {
      const n = memberCount(context.params);
      const q = quorumOf(n);
      context.cluster.step(
        'steady',
        text(
          `${n} etcd members, one per control-plane node; each starts with --initial-cluster listing all ${n} (peer port 2380, clients on 2379). etcd-1 leads term 1 and sends a heartbeat to every follower every 100 ms (only some are drawn). Quorum = floor(${n}/2)+1 = ${q}: the cluster survives ${n - q} failure${n - q > 1 ? 's' : ''}.`,
          `etcd 멤버 ${n}개가 컨트롤 플레인 노드마다 하나씩 있고, 모두 ${n}개를 나열한 --initial-cluster로 시작합니다(피어 포트 2380, 클라이언트 2379). etcd-1이 임기 1의 리더로 100ms마다 모든 팔로워에게 하트비트를 보냅니다(일부만 그립니다). 쿼럼 = floor(${n}/2)+1 = ${q}: 장애 ${n - q}개까지 견딥니다.`,
        ),
        memberIds(n),
      );
    },
    firstWrite: ({ context }) => {
      context.cluster.step('write', text('`kubectl run web-1 --image=nginx:1.27`: a write, as every change in the cluster is.', '`kubectl run web-1 --image=nginx:1.27`: 클러스터의 모든 변경처럼 쓰기입니다.'), ['kubectl', 'kube-apiserver']);
      run(context.cluster, 'web-1');
    },
    killLeader: ({ context }) => {
      const leader = etcd(context.cluster).leader();
      if (!leader) return;
      context.cluster.step(
        'leader-dies',
        text(`The leader ${leader.name} dies (its control-plane node loses power). Its heartbeats stop; the followers are not told — they notice the silence.`, `리더 ${withParticle(leader.name, '이/가')} 죽습니다(컨트롤 플레인 노드 전원 차단). 하트비트가 멈추지만 팔로워에게 알려 주는 것은 없습니다. 팔로워는 침묵으로 알아챌 뿐입니다.`),
        [leader.id],
      );
      leader.crash();
    },
    secondWrite: ({ context }) => {
      const n = memberCount(context.params);
      context.cluster.step(
        'writes-continue',
        text(`\`kubectl run web-2\`: ${n - 1} of ${n} members are up, still a quorum, so writes continue through the new leader.`, `\`kubectl run web-2\`: ${n}개 중 ${n - 1}개 멤버가 살아 있어 여전히 쿼럼이므로, 새 리더를 통해 쓰기가 계속됩니다.`),
        ['kubectl', 'kube-apiserver', ...memberIds(n)],
      );
      run(context.cluster, 'web-2');
    },
    loseQuorum: ({ context }) => {
      const n = memberCount(context.params);
      const q = quorumOf(n);
      const ec = etcd(context.cluster);
      const leader = ec.leader();
      const victims = [leader, ...ec.members.filter((m) => m.role() === 'follower')].filter((m) => m !== undefined).slice(0, n - q);
      const names = victims.map((m) => m.name).join(', ');
      context.cluster.step(
        'quorum-lost',
        text(`${names} die${victims.length > 1 ? '' : 's'} too. Now ${q - 1} of ${n} members are up, below the quorum of ${q}.`, `${names}도 죽습니다. 이제 ${n}개 중 ${q - 1}개만 살아 있어 쿼럼 ${q}에 못 미칩니다.`),
        victims.map((m) => m.id),
      );
      for (const m of victims) m.crash();
    },
    failingWrite: ({ context }) => {
      context.cluster.step('write-without-quorum', text('`kubectl run web-3` while etcd has no quorum: kube-apiserver admits it and sends it to a surviving member.', '쿼럼이 없는 동안 `kubectl run web-3`: kube-apiserver는 요청을 받아들여 살아 있는 멤버에게 보냅니다.'), ['kubectl', 'kube-apiserver']);
      run(context.cluster, 'web-3');
    },
    memberReturns: ({ context }) => {
      const back = etcd(context.cluster).members.find((m) => m.role() === 'down');
      if (!back) return;
      context.cluster.step(
        'member-returns',
        text(`${back.name} comes back. Its term and log were on disk; it rejoins as a follower.`, `${withParticle(back.name, '이/가')} 돌아옵니다. 임기와 로그는 디스크에 남아 있어 팔로워로 다시 합류합니다.`),
        [back.id],
      );
      back.restart();
    },
    retryWrite: ({ context }) => {
      context.cluster.step('retry', text('`kubectl run web-3` again.', '`kubectl run web-3` 다시 실행.'), ['kubectl', 'kube-apiserver']);
      run(context.cluster, 'web-3');
    },
  },
  guards: {
    web1Running: ({ event }) => running('web-1')(event.event),
    web2Running: ({ event }) => running('web-2')(event.event),
    web3Running: ({ event }) => running('web-3')(event.event),
    newLeader: ({ event }) => electedLeader(event.event),
    refused: ({ event }) => refusedWrite(event.event),
  },
}).createMachine({
  id: 'etcd-ha',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 300: { target: 'heartbeats', actions: 'narrateSteady' } } },
    heartbeats: { after: { 1000: { target: 'writing', actions: 'firstWrite' } } },
    writing: {
      meta: waitingFor(text('the pod web-1 to be Running', '파드 web-1이 Running이 되는 것')),
      on: { trace: { guard: 'web1Running', target: 'written' } },
    },
    written: { after: { 800: { target: 'electing', actions: 'killLeader' } } },
    electing: {
      meta: waitingFor(text('the etcd members left to elect a new leader', '남은 etcd 멤버들이 새 리더를 뽑는 것')),
      on: { trace: { guard: 'newLeader', target: 'elected' } },
    },
    elected: { after: { 600: { target: 'writingAgain', actions: 'secondWrite' } } },
    writingAgain: {
      meta: waitingFor(text('the pod web-2 to be Running', '파드 web-2가 Running이 되는 것')),
      on: { trace: { guard: 'web2Running', target: 'writtenAgain' } },
    },
    writtenAgain: { after: { 800: { target: 'noQuorum', actions: 'loseQuorum' } } },
    noQuorum: { after: { 2500: { target: 'failing', actions: 'failingWrite' } } },
    failing: {
      meta: waitingFor(text('a write refused because etcd has lost its quorum', 'etcd가 쿼럼을 잃어 쓰기가 거부되는 것')),
      on: { trace: { guard: 'refused', target: 'refused' } },
    },
    refused: { after: { 1000: { target: 'recovering', actions: 'memberReturns' } } },
    recovering: {
      meta: waitingFor(text('an etcd leader again once a quorum of members is back', '멤버가 쿼럼만큼 돌아와 etcd 리더가 다시 뽑히는 것')),
      on: { trace: { guard: 'newLeader', target: 'recovered' } },
    },
    recovered: { after: { 600: { target: 'retrying', actions: 'retryWrite' } } },
    retrying: {
      meta: waitingFor(text('the pod web-3 to be Running', '파드 web-3이 Running이 되는 것')),
      on: { trace: { guard: 'web3Running', target: 'settling' } },
    },
    settling: { after: { 1000: 'done' } },
    done: { type: 'final' },
  },
});

export const etcdHa: ScenarioDefinition = {
  ...etcdHaAbout,
  machine,
  cues,
  // Fewer writes to replicate: components do not POST core/v1 Events here.
  config: { recordEvents: false },
  maxSimTimeMs: 120_000,
};
