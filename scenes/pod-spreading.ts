/**
 * pod-spreading: where the scheduler puts the replicas of a workload, decided by the pods already
 * running. Three nodes in two zones (worker-1 and worker-2 in zone-a, worker-3 in zone-b).
 * "web" spreads over zones with a topologySpreadConstraint (maxSkew 1, DoNotSchedule): zone-b's
 * single node ends up with as many web pods as zone-a's two. "cache" asks for required pod
 * anti-affinity on kubernetes.io/hostname: one per node, and the fourth replica stays Pending with
 * FailedScheduling until a fourth node joins. The reasons are upstream's (PodTopologySpread and
 * InterPodAffinity, src/model/scheduler/plugins).
 */
import { assign, setup } from 'xstate';
import { particle, withParticle } from '../src/model/josa.ts';
import { text, type Localized } from '../src/model/localized.ts';
import type { Deployment, PodSpec } from '../src/model/objects.ts';
import type { ScheduleDecision } from '../src/model/scheduler/types.ts';
import { makeDeployment } from '../src/sim/builders.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { message } from './lib/match.ts';
import { desiredReplicas, settledAt, settledAtDesired } from './lib/workload.ts';
import { podSpreadingAbout } from './about/pod-spreading.ts';

export const ZONE_KEY = 'topology.kubernetes.io/zone';
const HOST_KEY = 'kubernetes.io/hostname';
/** The nodes and their zones; NEW_NODE joins zone-b when cache cannot fit. */
export const ZONES: Readonly<Record<string, string>> = { 'worker-1': 'zone-a', 'worker-2': 'zone-a', 'worker-3': 'zone-b', 'worker-4': 'zone-b' };
export const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
export const NEW_NODE = 'worker-4';
export const CACHE_REPLICAS = 3;
const WEB_POD = /^Pod\/default\/web-/;
const CACHE_POD = /^Pod\/default\/cache-/;
const KUBELETS: readonly ComponentId[] = NODES.map((n) => `kubelet/${n}` as const);

export const webReplicasOf = (p: ScenarioParams): number => Number(p.replicas);

const zoneOf = (node: string): string => ZONES[node] ?? '';

/** A Deployment as `kubectl apply -f` sends it, with extra pod spec fields in its template. */
function deployment(name: string, replicas: number, image: string, requests: { cpu: string; memory: string }, extra: Partial<PodSpec>): Deployment {
  const d = makeDeployment(name, replicas, { image, requests });
  return { ...d, spec: { ...d.spec, template: { ...d.spec.template, spec: { ...d.spec.template.spec, ...extra } } } };
}

export function webDeployment(replicas: number): Deployment {
  return deployment('web', replicas, 'nginx:1.27', { cpu: '250m', memory: '256Mi' }, {
    topologySpreadConstraints: [{ maxSkew: 1, topologyKey: ZONE_KEY, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } } }],
  });
}

export function cacheDeployment(replicas: number): Deployment {
  return deployment('cache', replicas, 'redis:7.4', { cpu: '250m', memory: '512Mi' }, {
    affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'cache' } }, topologyKey: HOST_KEY }] } },
  });
}

/**
 * "worker-1, worker-2" / "worker-1 and worker-2", by name: kube-scheduler lists nodes round robin
 * across zones (worker-1, worker-3, worker-2), which in a sentence reads as a slip.
 */
const byName = (names: readonly string[]): string[] => [...names].sort();
const list = (unsorted: readonly string[]): string => {
  const names = byName(unsorted);
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
};
const listKo = (unsorted: readonly string[]): string => {
  const names = byName(unsorted);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).map((n, i) => (i === names.length - 2 ? withParticle(n, '와/과') : `${n},`)).join(' ')} ${names.at(-1) ?? ''}`;
};

/** web pods per zone before this decision, and the skew the constraint allows. */
export function webCaption(d: ScheduleDecision, counts: ReadonlyMap<string, number>, attempt: number): Localized {
  const zones = [...new Set(Object.values(ZONES))].sort();
  const held = zones.map((z) => `${z} ${counts.get(z) ?? 0}`).join(', ');
  const rejected = d.nodes.filter((n) => !n.feasible).map((n) => n.name);
  const fitting = d.nodes.filter((n) => n.feasible).map((n) => n.name);
  const chosen = d.selected ?? '';
  // Pods just placed count before their binding is stored (the scheduler cache assumes them), so a deck may not show them yet.
  const assumed = attempt > 1 ? text(' (bound or just assumed)', '(바인딩 중인 파드 포함)') : text('', '');
  if (rejected.length === 0) {
    return text(
      `web pod ${attempt}: web pods per zone${assumed.en}: ${held}. No zone would go past maxSkew 1, so every node passes PodTopologySpread; the scores pick ${chosen} (${zoneOf(chosen)}).`,
      `web 파드 ${attempt}번: 영역별 web 파드${assumed.ko}: ${held}. 어느 영역에 두어도 maxSkew 1을 넘지 않아 모든 노드가 PodTopologySpread를 통과하고, 점수로 ${chosen}(${zoneOf(chosen)})${particle(chosen, '이/가')} 선택됩니다.`,
    );
  }
  const fullZone = zoneOf(rejected[0] ?? '');
  const most = counts.get(fullZone) ?? 0;
  const least = Math.min(...zones.map((z) => counts.get(z) ?? 0));
  const skew = `${most + 1} − ${least} = ${most + 1 - least}`;
  return text(
    `web pod ${attempt}: web pods per zone${assumed.en}: ${held}. In ${fullZone} the skew would be ${skew} > maxSkew 1: ${list(rejected)} fail${rejected.length === 1 ? 's' : ''} Filter ("didn't match pod topology spread constraints"). Only ${list(fitting)} fit${fitting.length === 1 ? 's' : ''}: zones count, not nodes.`,
    `web 파드 ${attempt}번: 영역별 web 파드${assumed.ko}: ${held}. ${fullZone}에 두면 차이가 ${skew}로 maxSkew 1을 넘어 ${withParticle(listKo(rejected), '은/는')} 필터에서 탈락합니다("didn't match pod topology spread constraints"). ${listKo(fitting)}만 남습니다: 노드가 아니라 영역을 셉니다.`,
  );
}

/** The FailedScheduling summary without the PostFilter part, for a repeated attempt. */
const summaryOf = (msg: string): string => msg.replace(/ no new claims to deallocate.*$| preemption:.*$/, '');

export function cacheCaption(d: ScheduleDecision, attempt: number, firstFailure: boolean): Localized {
  const rejected = d.nodes.filter((n) => !n.feasible);
  const byReason = new Map<string, string[]>();
  for (const n of rejected) {
    const r = (n.reasons[0] ?? '').replace(/^node\(s\) /, '');
    byReason.set(r, [...(byReason.get(r) ?? []), n.name]);
  }
  const why = [...byReason].map(([r, names]) => `${list(names)}: "${r}"`).join('; ');
  const whyKo = [...byReason].map(([r, names]) => `${listKo(names)}: "${r}"`).join('; ');
  if (d.selected === null) {
    const msg = d.failureMessage ?? '';
    if (firstFailure) {
      return text(
        `cache pod ${attempt}: every node runs a cache pod, and anti-affinity on ${HOST_KEY} allows one per node. No node passes Filter; preemption evicts only lower-priority pods. FailedScheduling: "${msg}"`,
        `cache 파드 ${attempt}번: 모든 노드에 cache 파드가 있고 ${HOST_KEY} 기준 안티어피니티는 노드마다 하나만 허용합니다. 필터를 통과한 노드가 없고, 프리엠션은 우선순위가 낮은 파드만 밀어냅니다. FailedScheduling: "${msg}"`,
      );
    }
    return text(`cache pod ${attempt}, tried again: ${why}. Still Pending: "${summaryOf(msg)}"`, `cache 파드 ${attempt}번 재시도: ${whyKo}. 여전히 Pending: "${summaryOf(msg)}"`);
  }
  if (rejected.length === 0) {
    return text(
      `cache pod ${attempt}: no node runs a cache pod yet, so anti-affinity rejects none; the scores pick ${d.selected}.`,
      `cache 파드 ${attempt}번: 아직 cache 파드가 있는 노드가 없어 안티어피니티로 탈락하는 노드가 없고, 점수로 ${withParticle(d.selected, '이/가')} 선택됩니다.`,
    );
  }
  return text(
    `cache pod ${attempt}: required anti-affinity on ${HOST_KEY}: ${why}. ${d.selected} has no cache pod and is chosen.`,
    `cache 파드 ${attempt}번: ${HOST_KEY} 기준 필수 안티어피니티: ${whyKo}. cache 파드가 없는 ${withParticle(d.selected, '이/가')} 선택됩니다.`,
  );
}

function cues(): readonly StepCue[] {
  return [
    {
      id: 'web-rs',
      caption: text(
        'The Deployment controller creates the ReplicaSet web-<hash>, and the ReplicaSet controller creates the pods in slow-start batches. Each pod carries the template’s topologySpreadConstraints.',
        '디플로이먼트 컨트롤러가 레플리카셋 web-<해시>를 만들고, 레플리카셋 컨트롤러가 파드를 슬로 스타트 묶음으로 만듭니다. 파드마다 템플릿의 topologySpreadConstraints가 그대로 들어 있습니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: message({ from: 'kube-controller-manager', action: 'POST pod', object: WEB_POD }),
    },
    {
      id: 'pending',
      caption: text(
        'kube-scheduler patches the pod: PodScheduled=False, reason Unschedulable (`kubectl describe pod` lists the event). It waits in the unschedulable queue until the cluster changes: a node added or updated, a pod deleted.',
        'kube-scheduler가 파드를 패치합니다: PodScheduled=False, reason Unschedulable(이벤트는 `kubectl describe pod`에 나옴). 파드는 클러스터가 바뀔 때(노드 추가·변경, 파드 삭제)까지 unschedulable 큐에서 기다립니다.',
      ),
      focus: ['kube-scheduler', 'kube-apiserver', 'etcd'],
      when: message({ from: 'kube-scheduler', action: 'PATCH pod/status', object: CACHE_POD }),
    },
  ];
}

interface Context extends ScenarioInput {
  /** web pods placed per zone, from the scheduler's decisions (each is bound: the nodes have room). */
  readonly webZones: ReadonlyMap<string, number>;
  readonly webAttempts: number;
  readonly cacheAttempts: number;
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as Context, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      for (const n of NODES) context.cluster.addNode(n, { cpu: '4', memory: '8Gi', labels: { [ZONE_KEY]: zoneOf(n) } });
    },
    applyWeb: ({ context }) => {
      const n = webReplicasOf(context.params);
      context.cluster.step(
        'apply-web',
        text(
          `Three nodes in two zones (label ${ZONE_KEY}): worker-1 and worker-2 in zone-a, worker-3 in zone-b. \`kubectl apply -f web.yaml\`: a Deployment of ${n} with a topologySpreadConstraint: maxSkew 1 over ${ZONE_KEY}, whenUnsatisfiable DoNotSchedule, counting pods with app=web.`,
          `노드 셋, 영역 둘(레이블 ${ZONE_KEY}): worker-1과 worker-2는 zone-a, worker-3은 zone-b. \`kubectl apply -f web.yaml\`: 레플리카 ${n}개 디플로이먼트에 topologySpreadConstraint를 둡니다: ${ZONE_KEY} 기준 maxSkew 1, whenUnsatisfiable DoNotSchedule, app=web 파드를 셉니다.`,
        ),
        ['kubectl', 'kube-apiserver', ...KUBELETS],
      );
      context.cluster.create(webDeployment(n), 'POST deployment');
    },
    webSpread: ({ context }) => {
      const counts = [...context.webZones].sort(([a], [b]) => a.localeCompare(b)).map(([z, c]) => `${z} ${c}`).join(', ');
      // As many as run now (a what-if may have scaled web).
      const all = desiredReplicas(context.cluster, 'web', webReplicasOf(context.params));
      context.cluster.step(
        'web-spread',
        text(
          `All ${all} web pods run, per zone: ${counts}. worker-3 carries as many as worker-1 and worker-2 together: a zone constraint spreads over zones, so a zone with fewer nodes gets more pods on each. To spread over nodes too, add a constraint on ${HOST_KEY}.`,
          `web 파드 ${all}개가 모두 실행 중입니다. 영역별 ${counts}. worker-3 혼자 worker-1과 worker-2를 합친 만큼 맡습니다. 영역 제약은 영역 사이를 고르게 할 뿐이라 노드가 적은 영역의 노드에 파드가 더 몰립니다. 노드 사이도 고르게 하려면 ${HOST_KEY} 기준 제약을 하나 더 둡니다.`,
        ),
        KUBELETS,
      );
    },
    applyCache: ({ context }) => {
      context.cluster.step(
        'apply-cache',
        text(
          `\`kubectl apply -f cache.yaml\`: a Deployment of ${CACHE_REPLICAS} with required pod anti-affinity: no two pods with app=cache on one ${HOST_KEY}, that is, one per node. It has no spread constraint of its own, so the scheduler’s default spreading (hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway) only adds to the scores.`,
          `\`kubectl apply -f cache.yaml\`: 레플리카 ${CACHE_REPLICAS}개 디플로이먼트에 필수 파드 안티어피니티를 둡니다: 같은 ${HOST_KEY}에 app=cache 파드 둘은 안 됨, 곧 노드마다 하나. 자체 분산 제약이 없으므로 스케줄러의 기본 분산(hostname maxSkew 3, zone maxSkew 5, ScheduleAnyway)은 점수에만 더해집니다.`,
        ),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.create(cacheDeployment(CACHE_REPLICAS), 'POST deployment');
    },
    scaleCache: ({ context }) => {
      context.cluster.step(
        'scale-cache',
        text(
          `One cache pod on each node. \`kubectl scale deployment cache --replicas=${CACHE_REPLICAS + 1}\`: where can the fourth go?`,
          `노드마다 cache 파드가 하나씩입니다. \`kubectl scale deployment cache --replicas=${CACHE_REPLICAS + 1}\`: 네 번째는 어디로 갈까요?`,
        ),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.scale('cache', CACHE_REPLICAS + 1);
    },
    join: ({ context }) => {
      context.cluster.step(
        'join',
        text(
          `A node is added: \`kubeadm join\` on ${NEW_NODE}, in zone-b. It registers NotReady with the not-ready:NoSchedule taint, so the next attempt still fails there; once it is Ready and the taint is gone, the pending cache pod is tried again.`,
          `노드를 추가합니다: zone-b의 ${NEW_NODE}에서 \`kubeadm join\`. NotReady로 등록되고 not-ready:NoSchedule 테인트가 붙어 있어 그 노드에서도 다음 시도는 실패합니다. Ready가 되어 테인트가 사라지면 대기 중인 cache 파드를 다시 시도합니다.`,
        ),
        [`kubelet/${NEW_NODE}`, 'kube-apiserver'],
      );
      context.cluster.joinNode(NEW_NODE, { cpu: '4', memory: '8Gi', labels: { [ZONE_KEY]: zoneOf(NEW_NODE) } });
    },
    done: ({ context }) => {
      context.cluster.step(
        'done',
        text(
          `The fourth cache pod runs on ${NEW_NODE}. Anti-affinity capped cache at one pod per node; the zone constraint kept web even across zones. \`kubectl describe pod\` shows each FailedScheduling on the way.`,
          `네 번째 cache 파드가 ${NEW_NODE}에서 실행됩니다. 안티어피니티는 cache를 노드마다 하나로 제한했고, 영역 제약은 web을 영역 사이에 고르게 나눴습니다. 도중의 FailedScheduling은 \`kubectl describe pod\`에 남아 있습니다.`,
        ),
        [`kubelet/${NEW_NODE}`, 'kube-scheduler'],
      );
    },
    onDecision: assign(({ context, event }) => {
      const e = event.event;
      if (e.kind !== 'decision') return {};
      const d = e.decision;
      if (WEB_POD.test(e.pod)) {
        const attempt = context.webAttempts + 1;
        context.cluster.step(`web-${attempt}`, webCaption(d, context.webZones, attempt), ['kube-scheduler', ...d.nodes.map((n) => `kubelet/${n.name}` as const)]);
        const zones = new Map(context.webZones);
        if (d.selected !== null) zones.set(zoneOf(d.selected), (zones.get(zoneOf(d.selected)) ?? 0) + 1);
        return { webAttempts: attempt, webZones: zones };
      }
      if (CACHE_POD.test(e.pod)) {
        const attempt = context.cacheAttempts + 1;
        context.cluster.step(`cache-${attempt}`, cacheCaption(d, Math.min(attempt, CACHE_REPLICAS + 1), d.selected === null && attempt === CACHE_REPLICAS + 1), ['kube-scheduler', ...d.nodes.map((n) => `kubelet/${n.name}` as const)]);
        return { cacheAttempts: attempt };
      }
      return {};
    }),
  },
  guards: {
    isDecision: ({ event }) => event.event.kind === 'decision',
    webSettled: ({ context }) => settledAtDesired(context.cluster, 'web', webReplicasOf(context.params)),
    cacheSettled: ({ context }) => settledAt(context.cluster, 'cache', CACHE_REPLICAS),
    cacheFailed: ({ event }) => message({ from: 'kube-scheduler', action: 'POST event (FailedScheduling)' })(event.event),
    cacheAllSettled: ({ context }) => settledAt(context.cluster, 'cache', CACHE_REPLICAS + 1),
  },
}).createMachine({
  id: 'pod-spreading',
  context: ({ input }) => ({ ...input, webZones: new Map(), webAttempts: 0, cacheAttempts: 0 }),
  entry: 'build',
  initial: 'ready',
  on: { trace: { guard: 'isDecision', actions: 'onDecision' } },
  states: {
    ready: { after: { 400: { target: 'web', actions: 'applyWeb' } } },
    web: {
      meta: waitingFor(text('the web pods settled: as many as the Deployment asks for, all Ready, none Terminating', 'web 파드가 디플로이먼트가 원하는 수만큼 모두 Ready이고 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'webSettled', target: 'webDone' } },
    },
    webDone: { after: { 1500: { target: 'cache', actions: ['webSpread'] } } },
    cache: { after: { 3000: { target: 'cacheApplied', actions: 'applyCache' } } },
    cacheApplied: {
      meta: waitingFor(text('the cache pods settled: all Ready, none Terminating', 'cache 파드가 모두 Ready이고 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'cacheSettled', target: 'cacheDone' } },
    },
    cacheDone: { after: { 1500: { target: 'scaled', actions: 'scaleCache' } } },
    scaled: {
      meta: waitingFor(text('kube-scheduler to report a cache pod it cannot place (FailedScheduling)', 'kube-scheduler가 배치할 수 없는 cache 파드를 알리는 것(FailedScheduling)')),
      on: { trace: { guard: 'cacheFailed', target: 'pending' } },
    },
    pending: { after: { 4000: { target: 'joining', actions: 'join' } } },
    joining: {
      meta: waitingFor(text('every cache pod, the pending one too, Ready on a node', 'Pending이던 파드까지 cache 파드가 모두 노드에서 Ready가 되는 것')),
      on: { trace: { guard: 'cacheAllSettled', target: 'settling', actions: 'done' } },
    },
    settling: { after: { 1500: 'end' } },
    end: { type: 'final' },
  },
});

export const podSpreading: ScenarioDefinition = {
  ...podSpreadingAbout,
  machine,
  cues,
  maxSimTimeMs: 4 * 60_000,
};
