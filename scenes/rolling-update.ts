/**
 * rolling-update: a Deployment of 4 gets a new image. The Deployment controller creates a new
 * ReplicaSet (new pod-template-hash, revision 2) and moves pods over within maxSurge (25%, rounded
 * up) and maxUnavailable (25%, rounded down): 3 to 5 pods with 4 replicas. A readiness probe makes
 * each new pod wait before it counts as available, and only available pods let the old
 * ReplicaSet shrink. Then `kubectl rollout undo`: the old template comes back, its ReplicaSet
 * (same hash) becomes the new one as revision 3 and grows again (reference/kubernetes.md section 4;
 * src/sim/components/controllers/rolling.ts).
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import type { Deployment } from '../src/model/objects.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import { resolveFenceposts } from '../src/sim/components/controllers/deployment-util.ts';
import { rolloutUndo, setImage } from '../src/sim/kubectl/rollout.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, decision, message } from './lib/match.ts';
import { appPods, desiredReplicas, settledAt } from './lib/workload.ts';
import { withParticle } from '../src/model/josa.ts';
import { rollingUpdateAbout } from './about/rolling-update.ts';

const APP = 'web';
const OLD_IMAGE = 'nginx:1.27';
const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
const WEB_POD = /^Pod\/default\/web-/;
const KUBELETS: readonly ComponentId[] = NODES.map((n) => `kubelet/${n}` as const);
const PROBE_PERIOD_SECONDS = 5;

/** "25%" stays a percentage; "1" becomes the number 1, as in a manifest. */
const intOrPercent = (v: unknown): number | string => (/^\d+$/.test(String(v)) ? Number(v) : String(v));

interface Plan {
  readonly replicas: number;
  readonly image: string;
  readonly surge: number | string;
  readonly unavailable: number | string;
  readonly delay: number;
  /** Resolved pod counts. */
  readonly maxSurge: number;
  readonly maxUnavailable: number;
}

function planOf(p: ScenarioParams): Plan {
  const replicas = Number(p.replicas);
  const surge = intOrPercent(p.maxSurge);
  const unavailable = intOrPercent(p.maxUnavailable);
  const probe: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: APP },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } }, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } } },
  };
  const [maxSurge, maxUnavailable] = resolveFenceposts(probe);
  return { replicas, image: String(p.image), surge, unavailable, delay: Number(p.readinessDelay), maxSurge, maxUnavailable: Math.min(maxUnavailable, replicas) };
}

/**
 * The bounds as the Deployment holds them now (the plan's without one): a what-if's
 * `kubectl scale` changes replicas, and with them percentages' pod counts and the bounds.
 */
function boundsNow(cluster: Cluster, p: Plan): { readonly replicas: number; readonly maxSurge: number; readonly maxUnavailable: number; readonly min: number; readonly max: number } {
  const d = cluster.get(`Deployment/default/${APP}`);
  const replicas = d?.kind === 'Deployment' ? (d.spec.replicas ?? 1) : p.replicas;
  const [maxSurge, unavailable] = d?.kind === 'Deployment' ? resolveFenceposts(d) : [p.maxSurge, p.maxUnavailable];
  const maxUnavailable = Math.min(unavailable, replicas);
  return { replicas, maxSurge, maxUnavailable, min: replicas - maxUnavailable, max: replicas + maxSurge };
}

/** Every pod of the Deployment runs `image`, Ready, and nothing is left Terminating. */
function rolledOutTo(cluster: Cluster, replicas: number, image: string): boolean {
  return settledAt(cluster, APP, replicas) && appPods(cluster, APP).every((p) => p.spec.containers[0]?.image === image);
}

/** Cues that apply in this variant only. */
const only = (applies: boolean, list: StepCue[]): StepCue[] => (applies ? list : []);

function cues(params: ScenarioParams): readonly StepCue[] {
  const p = planOf(params);
  const shrinkFirst = p.maxUnavailable > 0;
  const delayed = p.delay > 0;
  // The order of events depends on the bounds and the probe; each variant lists its cues in the order they happen.
  const out: StepCue[] = [
    {
      id: 'new-replicaset',
      caption: (cluster) => {
        const b = boundsNow(cluster, p);
        return text(
          `A new image is a new pod template, so a new pod-template-hash. No ReplicaSet matches it: the Deployment controller creates web-<new hash> with revision 2. It may hold ${b.max} pods in all (replicas ${b.replicas} + maxSurge ${b.maxSurge}).`,
          `이미지가 바뀌면 파드 템플릿이 바뀌고 pod-template-hash도 바뀝니다. 맞는 레플리카셋이 없으므로 디플로이먼트 컨트롤러가 리비전 2인 web-<새 해시>를 만듭니다. 전체 파드는 최대 ${b.max}개(레플리카 ${b.replicas} + maxSurge ${b.maxSurge})까지 허용됩니다.`,
        );
      },
      focus: ['kube-controller-manager', 'kube-apiserver'],
      // The reconcile that makes the new ReplicaSet, not one that scales (a what-if's `kubectl scale`).
      when: activity('kube-controller-manager', 'deployment-controller/reconcile', /^Deployment\//, /new pod template/),
    },
    ...only(shrinkFirst, [
    {
        id: 'old-shrinks',
        caption: (cluster) => {
          const b = boundsNow(cluster, p);
          return text(
            `At least ${b.min} pods must stay available (replicas ${b.replicas} - maxUnavailable ${b.maxUnavailable}). The old pods are all available, so the old ReplicaSet may give some up now.`,
            `사용 가능한 파드가 최소 ${b.min}개(레플리카 ${b.replicas} - maxUnavailable ${b.maxUnavailable})는 유지되어야 합니다. 이전 파드는 모두 사용 가능하므로, 이전 레플리카셋은 지금 일부를 내려놓을 수 있습니다.`,
          );
        },
        focus: ['kube-controller-manager'],
        when: (e) => e.kind === 'activity' && e.action === 'deployment-controller/reconcile' && e.label.en.includes('old:'),
      },
    ]),
    {
      id: 'new-pod',
      caption: text(
        `The ReplicaSet controllers do the rest as usual: the new ReplicaSet's pods are created, scheduled and started (${p.image} is pulled first); the old ReplicaSet's surplus pods are deleted.`,
        `나머지는 레플리카셋 컨트롤러가 평소처럼 처리합니다. 새 레플리카셋의 파드가 생성·스케줄링·시작되고(${p.image} 이미지를 먼저 내려받음), 이전 레플리카셋의 남는 파드는 삭제됩니다.`,
      ),
      focus: ['kube-scheduler', 'kube-controller-manager', ...KUBELETS],
      when: decision(WEB_POD),
    },
    ...only(delayed, [
    {
        id: 'not-ready',
        caption: text(
          `The new pod is Running but not Ready: its readiness probe waits initialDelaySeconds ${p.delay} (period ${PROBE_PERIOD_SECONDS} s). Until it is Ready it is not available, and the rollout waits.`,
          `새 파드는 Running이지만 아직 Ready가 아닙니다. 레디니스 프로브가 initialDelaySeconds ${p.delay}초(주기 ${PROBE_PERIOD_SECONDS}초)를 기다립니다. Ready가 되기 전에는 사용 가능한 파드로 치지 않으므로 롤아웃도 기다립니다.`,
        ),
        focus: [...KUBELETS, 'kube-apiserver'],
        when: change(WEB_POD, 'status.phase', 'Running'),
      },
    {
        id: 'probe-ready',
        caption: text(
          'The probe succeeds: the kubelet reports Ready. The ReplicaSet controller raises availableReplicas, and that status update, seen through the watch, starts the Deployment controller’s next step.',
          '프로브가 성공해 kubelet이 Ready를 보고합니다. 레플리카셋 컨트롤러가 availableReplicas를 올리고, watch로 전해진 이 상태 변경이 디플로이먼트 컨트롤러의 다음 단계를 시작합니다.',
        ),
        focus: [...KUBELETS, 'kube-controller-manager'],
        when: activity(/^kubelet\//, 'probe:readiness'),
      },
    ]),
    ...only(!delayed, [
    {
        id: 'ready-at-once',
        caption: text(
          'The new pod is Running and Ready at once: its readiness probe passes on the first try. Ready means available, so the rollout goes straight on.',
          '새 파드는 곧바로 Running, Ready가 됩니다. 레디니스 프로브가 첫 시도에 통과하기 때문입니다. Ready면 사용 가능한 파드이므로 롤아웃이 바로 이어집니다.',
        ),
        focus: [...KUBELETS, 'kube-apiserver'],
        when: change(WEB_POD, 'status.phase', 'Running'),
      },
    ]),
    ...only(!shrinkFirst, [
    {
        id: 'old-shrinks',
        caption: (cluster) => {
          const b = boundsNow(cluster, p);
          return text(
            `maxUnavailable is ${b.maxUnavailable}: the old ReplicaSet could not give up a single pod until a new one was available. Now it can: at least ${b.min} must stay available (replicas ${b.replicas} - maxUnavailable ${b.maxUnavailable}).`,
            `maxUnavailable이 ${b.maxUnavailable}이므로 새 파드가 사용 가능해지기 전까지 이전 레플리카셋은 파드를 하나도 내려놓을 수 없었습니다. 이제는 가능합니다. 사용 가능한 파드는 최소 ${b.min}개(레플리카 ${b.replicas} - maxUnavailable ${b.maxUnavailable})를 유지해야 합니다.`,
          );
        },
        focus: ['kube-controller-manager'],
        when: (e) => e.kind === 'activity' && e.action === 'deployment-controller/reconcile' && e.label.en.includes('old:'),
      },
    ]),
    // A further step only when the first ones did not finish the rollout.
    ...only(p.maxUnavailable < p.replicas, [
    {
        id: 'rolling',
        caption: (cluster) => {
          const b = boundsNow(cluster, p);
          return text(
            `Step by step: new pods in as far as maxSurge allows, old pods out as far as maxUnavailable allows. There are always between ${b.min} and ${b.max} pods (terminating ones aside), and never fewer than ${b.min} available.`,
            `한 단계씩: maxSurge가 허용하는 만큼 새 파드가 들어오고, maxUnavailable이 허용하는 만큼 이전 파드가 나갑니다. 파드 수는 (종료 중인 파드를 빼면) 항상 ${b.min}개에서 ${b.max}개 사이이고, 사용 가능한 파드는 ${b.min}개 밑으로 내려가지 않습니다.`,
          );
        },
        focus: ['kube-controller-manager', 'kube-apiserver'],
        when: activity('kube-controller-manager', 'deployment-controller/reconcile'),
      },
    ]),
  ];
  if (params.undo === true) {
    out.push(
      {
        id: 'undo-history',
        caption: text(
          'kubectl reads the history itself: it GETs the Deployment and LISTs its ReplicaSets. Each carries deployment.kubernetes.io/revision; the previous revision is 1, the old ReplicaSet.',
          'kubectl이 직접 이력을 읽습니다. 디플로이먼트를 GET하고 레플리카셋을 LIST합니다. 레플리카셋마다 deployment.kubernetes.io/revision 어노테이션이 있고, 직전 리비전은 1, 즉 이전 레플리카셋입니다.',
        ),
        focus: ['kubectl', 'kube-apiserver', 'etcd'],
        when: message({ from: 'kubectl', action: 'LIST replicasets' }),
      },
      {
        id: 'undo-patch',
        caption: text(
          'It PATCHes that ReplicaSet’s pod template (without the pod-template-hash label) back into the Deployment. A rollback is just another template change.',
          '그 레플리카셋의 파드 템플릿(pod-template-hash 레이블 제외)을 디플로이먼트에 다시 PATCH합니다. 롤백도 결국 템플릿 변경일 뿐입니다.',
        ),
        focus: ['kubectl', 'kube-apiserver'],
        when: message({ from: 'kubectl', action: 'PATCH deployment' }),
      },
      {
        id: 'same-hash',
        caption: text(
          'Same template, same hash: the old ReplicaSet matches again, so no new one is made. It becomes the new ReplicaSet and takes the next revision, 3 (revision 1 disappears from the history).',
          '템플릿이 같으니 해시도 같습니다. 이전 레플리카셋이 다시 일치하므로 새로 만들지 않습니다. 이 레플리카셋이 새 레플리카셋이 되어 다음 리비전 3을 받습니다(리비전 1은 이력에서 사라집니다).',
        ),
        focus: ['kube-controller-manager', 'kube-apiserver'],
        when: message({ from: 'kube-controller-manager', action: 'PUT replicaset' }),
      },
      {
        id: 'roll-back',
        caption: (cluster) => {
          const b = boundsNow(cluster, p);
          return text(
            `The same rolling update runs the other way: the old ReplicaSet grows, the newer one shrinks, within the same ${b.min} to ${b.max} pods. ${OLD_IMAGE} is still on the nodes, so no pull is needed.`,
            `같은 롤링 업데이트가 반대 방향으로 진행됩니다. 이전 레플리카셋이 늘고 새 레플리카셋이 줄며, 파드 수는 똑같이 ${b.min}개에서 ${b.max}개 사이입니다. ${OLD_IMAGE} 이미지는 노드에 남아 있어 내려받을 필요가 없습니다.`,
          );
        },
        focus: ['kube-controller-manager', ...KUBELETS],
        when: activity('kube-controller-manager', 'deployment-controller/reconcile'),
      },
    );
  }
  return out;
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      const p = planOf(params);
      for (const n of NODES) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
      cluster.seedDeployment(APP, p.replicas, {
        image: OLD_IMAGE,
        requests: { cpu: '250m', memory: '256Mi' },
        readinessProbe: { initialDelaySeconds: p.delay, periodSeconds: PROBE_PERIOD_SECONDS },
        maxSurge: p.surge,
        maxUnavailable: p.unavailable,
      });
    },
    narrateSteady: ({ context }) => {
      const p = planOf(context.params);
      context.cluster.step(
        'steady',
        text(
          `Deployment "web": ${p.replicas} replicas of ${OLD_IMAGE}, revision 1, strategy RollingUpdate with maxSurge ${String(p.surge)} (= ${p.maxSurge} pod${p.maxSurge === 1 ? '' : 's'}, rounded up) and maxUnavailable ${String(p.unavailable)} (= ${p.maxUnavailable}, rounded down).`,
          `디플로이먼트 "web": ${OLD_IMAGE} 레플리카 ${p.replicas}개, 리비전 1. 전략은 RollingUpdate, maxSurge ${String(p.surge)}(= 파드 ${p.maxSurge}개, 올림), maxUnavailable ${String(p.unavailable)}(= ${p.maxUnavailable}개, 내림).`,
        ),
        ['kube-controller-manager', ...KUBELETS],
      );
    },
    setImage: ({ context }) => {
      const p = planOf(context.params);
      context.cluster.step(
        'kubectl-set-image',
        text(`\`kubectl set image deployment/web web=${p.image}\` PATCHes the Deployment's pod template.`, `\`kubectl set image deployment/web web=${p.image}\`이 디플로이먼트의 파드 템플릿을 PATCH합니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      setImage(context.cluster, APP, 'web', p.image);
    },
    narrateRolledOut: ({ context }) => {
      const p = planOf(context.params);
      const { replicas } = boundsNow(context.cluster, p);
      context.cluster.step(
        'rolled-out',
        text(
          `All ${replicas} pods run ${p.image}. The old ReplicaSet stays with 0 replicas: it is the rollback history (revisionHistoryLimit, 10 by default). \`kubectl rollout status\` reports the rollout complete.`,
          `파드 ${replicas}개 모두 ${withParticle(p.image, '으로/로')} 실행됩니다. 이전 레플리카셋은 레플리카 0개로 남아 롤백 이력이 됩니다(revisionHistoryLimit, 기본 10). \`kubectl rollout status\`는 롤아웃 완료를 알립니다.`,
        ),
        ['kube-controller-manager', ...KUBELETS],
      );
    },
    undo: ({ context }) => {
      context.cluster.step('kubectl-rollout-undo', text('`kubectl rollout undo deployment/web`: back to the previous revision.', '`kubectl rollout undo deployment/web`: 직전 리비전으로 되돌립니다.'), ['kubectl', 'kube-apiserver']);
      rolloutUndo(context.cluster, APP);
    },
    narrateUndone: ({ context }) => {
      context.cluster.step(
        'rolled-back',
        text(`Back on ${OLD_IMAGE}, under revision 3, in the very ReplicaSet that ran it before.`, `이전에 실행하던 바로 그 레플리카셋에서, 리비전 3으로 다시 ${withParticle(OLD_IMAGE, '을/를')} 실행합니다.`),
        ['kube-controller-manager', ...KUBELETS],
      );
    },
  },
  guards: {
    rolledOut: ({ context }) => rolledOutTo(context.cluster, desiredReplicas(context.cluster, APP, planOf(context.params).replicas), planOf(context.params).image),
    rolledBack: ({ context }) => rolledOutTo(context.cluster, desiredReplicas(context.cluster, APP, planOf(context.params).replicas), OLD_IMAGE),
    undo: ({ context }) => context.params.undo === true,
  },
}).createMachine({
  id: 'rolling-update',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 500: { target: 'running', actions: 'narrateSteady' } } },
    running: { after: { 3000: { target: 'rolling', actions: 'setImage' } } },
    rolling: {
      meta: waitingFor(text('every web pod on the new image, Ready, with none left Terminating', 'web 파드가 모두 새 이미지로 Ready이고 Terminating인 파드가 남지 않는 것')),
      on: { trace: { guard: 'rolledOut', target: 'rolledOut', actions: 'narrateRolledOut' } },
    },
    rolledOut: {
      always: { guard: 'undo', target: 'waitingToUndo' },
      after: { 1500: 'done' },
    },
    waitingToUndo: { after: { 4000: { target: 'undoing', actions: 'undo' } } },
    undoing: {
      meta: waitingFor(text('every web pod back on nginx:1.27, Ready, with none left Terminating', 'web 파드가 모두 nginx:1.27로 돌아가 Ready이고 Terminating인 파드가 남지 않는 것')),
      on: { trace: { guard: 'rolledBack', target: 'settling', actions: 'narrateUndone' } },
    },
    settling: { after: { 1500: 'done' } },
    done: { type: 'final' },
  },
});

export const rollingUpdate: ScenarioDefinition = {
  ...rollingUpdateAbout,
  machine,
  cues,
  maxSimTimeMs: 10 * 60_000,
};
