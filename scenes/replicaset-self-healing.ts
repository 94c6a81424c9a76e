/**
 * replicaset-self-healing: a Deployment "web" of 3. `kubectl delete pod` one of them: the pod is
 * deleted gracefully, the ReplicaSet controller sees the watch event, counts 2 of 3 (a pod with a
 * deletionTimestamp does not count) and creates a replacement. Then `kubectl scale --replicas=6`
 * (slow-start batches 1, 2, ...) and back to 2, where upstream's ActivePodsWithRanks decides which
 * pods go (reference/kubernetes.md section 4; src/sim/components/controllers/pod-ranking.ts).
 */
import { setup } from 'xstate';
import { text, type Localized } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, decision, message } from './lib/match.ts';
import { activeCount, appPods, desiredReplicas, settledAt, settledAtDesired } from './lib/workload.ts';
import { replicasetSelfHealingAbout } from './about/replicaset-self-healing.ts';
import { imageLocalityZero } from './lib/image-locality.ts';

const APP = 'web';
const IMAGE = 'nginx:1.27';
const IMAGE_LOCALITY = imageLocalityZero(IMAGE);
const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
const WEB_POD = /^Pod\/default\/web-/;
const KUBELETS: readonly ComponentId[] = NODES.map((n) => `kubelet/${n}` as const);

const replicasOf = (p: ScenarioParams): number => Number(p.replicas);
/** Scaling up must add pods and scaling down remove them: the targets are kept in that order. */
const scaleUpOf = (p: ScenarioParams): number => Math.max(Number(p.scaleUp), replicasOf(p) + 1);
const scaleDownOf = (p: ScenarioParams): number => Math.min(Number(p.scaleDown), scaleUpOf(p) - 1);

/** The pod the learner deletes: the first by name, so every run picks the same one. */
function victim(cluster: Cluster): string {
  return appPods(cluster, APP)[0]?.metadata.name ?? '';
}

/** The pod each run deleted, so "healed" waits until it is really gone. */
const deletedPod = new WeakMap<Cluster, string>();

/** Slow-start batches for creating n pods: 1, 2, 4... (the last one cut to what is left). */
export function batches(n: number): number[] {
  const out: number[] = [];
  for (let size = 1, left = n; left > 0; size *= 2) {
    out.push(Math.min(size, left));
    left -= size;
  }
  return out;
}

/** What the ReplicaSet controller does when the Deployment's scale reaches it: `active` pods counted, `want` asked for. */
function slowStart(active: number, want: number): Localized {
  const grow = want - active;
  if (grow > 1) {
    const shown = batches(grow).join(', ');
    return text(
      `The ReplicaSet controller counts ${active} of ${want} and creates ${grow} pods in slow-start batches (${shown}): each batch is sent only when the one before it succeeded, so a broken template fails after 1 pod, not ${grow}.`,
      `레플리카셋 컨트롤러가 원하는 ${want}개 중 활성 파드 ${active}개를 확인하고 ${grow}개를 슬로 스타트 묶음(${shown})으로 만듭니다. 앞 묶음이 성공해야 다음 묶음을 보내므로, 템플릿이 잘못됐다면 ${grow}개가 아니라 1개에서 멈춥니다.`,
    );
  }
  if (grow === 1) return text(`The ReplicaSet controller counts ${active} of ${want} and creates 1 pod.`, `레플리카셋 컨트롤러가 ${want}개 중 ${active}개를 세고 파드 1개를 만듭니다.`);
  // Your what-if scaled the Deployment past this count first: this scale takes pods away.
  return text(
    `The ReplicaSet controller counts ${active} of ${want}: ${active - want} too many, so this scale deletes pods, ranked as a scale down ranks them.`,
    `레플리카셋 컨트롤러가 ${want}개 중 ${active}개를 셉니다. ${active - want}개가 많으니 이번 스케일은 파드를 지웁니다. 지울 파드는 스케일 다운과 같은 순위로 고릅니다.`,
  );
}

function cues(params: ScenarioParams): readonly StepCue[] {
  const n = replicasOf(params);
  const up = scaleUpOf(params);
  const down = scaleDownOf(params);
  return [
    {
      id: 'terminating',
      caption: text(
        'kube-apiserver does not remove a running pod at once: it sets metadata.deletionTimestamp (now + 30 s, terminationGracePeriodSeconds) and stores it. `kubectl get pods` shows it Terminating.',
        'kube-apiserver는 실행 중인 파드를 바로 지우지 않습니다. metadata.deletionTimestamp(지금 + terminationGracePeriodSeconds 30초)를 설정해 저장하고, `kubectl get pods`에는 Terminating으로 보입니다.',
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: change(WEB_POD, 'metadata.deletionTimestamp'),
    },
    {
      id: 'kubelet-stops',
      caption: text(
        'The kubelet on that node gets the change through its watch: it stops the containers (SIGTERM, up to the grace period) and the sandbox, then sends the final DELETE with grace 0.',
        '그 노드의 kubelet이 watch로 변경을 받습니다. 컨테이너(SIGTERM, 유예 시간까지)와 샌드박스를 멈춘 뒤 grace 0으로 마지막 DELETE를 보냅니다.',
      ),
      focus: [...KUBELETS, 'kube-apiserver'],
      when: message({ action: 'StopContainer', type: 'request' }),
    },
    {
      id: 'recount',
      // Counted as the step starts: a what-if may have scaled the Deployment before the delete.
      caption: (cluster) => {
        const want = desiredReplicas(cluster, APP, n);
        const active = activeCount(cluster, APP);
        const make = Math.max(0, want - active);
        return text(
          `The ReplicaSet controller in kube-controller-manager sees the same change through its own watch. A pod with a deletionTimestamp no longer counts: ${active} of ${want} active, so it creates ${make} pod${make === 1 ? '' : 's'}.`,
          `kube-controller-manager의 레플리카셋 컨트롤러도 자신의 watch로 같은 변경을 봅니다. deletionTimestamp가 붙은 파드는 세지 않으므로 활성 파드가 ${want}개 중 ${active}개뿐이라 파드 ${make}개를 새로 만듭니다.`,
        );
      },
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
    },
    {
      id: 'schedule',
      caption: text(
        `The replacement is an ordinary new pod: Pending with no node, so kube-scheduler filters and scores the nodes and binds it. It need not land where the deleted pod was.${IMAGE_LOCALITY.en}`,
        `대체 파드는 평범한 새 파드입니다. 노드 없이 Pending이니 kube-scheduler가 노드를 필터링·스코어링해 바인딩합니다. 지워진 파드가 있던 노드로 간다는 보장은 없습니다.${IMAGE_LOCALITY.ko}`,
      ),
      focus: ['kube-scheduler', 'kube-apiserver'],
      when: decision(WEB_POD),
    },
    {
      id: 'healed',
      caption: (cluster) => {
        const want = desiredReplicas(cluster, APP, n);
        return text(
          `The kubelet starts it (pulling nginx:1.27 first if that node does not have it yet) and reports Running and Ready: ${want} of ${want} again. Nobody ran a command to fix it: a control loop did.`,
          `kubelet이 파드를 시작하고(그 노드에 nginx:1.27 이미지가 없으면 먼저 내려받음) Running, Ready를 보고합니다. 다시 ${want}개 중 ${want}개. 사람이 고친 것이 아니라 컨트롤 루프가 고쳤습니다.`,
        );
      },
      focus: [...KUBELETS, 'kube-apiserver'],
      when: change(WEB_POD, 'status.phase', 'Running'),
    },
    {
      id: 'scale-deployment',
      caption: text(
        `\`kubectl scale\` changed the Deployment, not the ReplicaSet. The Deployment controller sees it and sets the ReplicaSet's spec.replicas to ${up}.`,
        `\`kubectl scale\`이 바꾼 것은 레플리카셋이 아니라 디플로이먼트입니다. 디플로이먼트 컨트롤러가 이를 보고 레플리카셋의 spec.replicas를 ${withParticle(up, '으로/로')} 바꿉니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      when: activity('kube-controller-manager', 'deployment-controller/reconcile'),
    },
    {
      id: 'slow-start',
      // Counted as the step starts: after a what-if's scale to more than `up`, this scale is a scale down.
      caption: (cluster) => slowStart(activeCount(cluster, APP), up),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
    },
    {
      id: 'spread',
      caption: text(
        'kube-scheduler places the new pods one scheduling cycle at a time, counting the pods already bound (and those it has just assumed), so they spread over the nodes.',
        'kube-scheduler는 한 번에 파드 하나씩 스케줄링 사이클을 돌며, 이미 바인딩된 파드(방금 가정한 파드 포함)를 계산에 넣기 때문에 새 파드가 노드에 고르게 퍼집니다.',
      ),
      focus: ['kube-scheduler'],
      when: decision(WEB_POD),
    },
    {
      id: 'scale-down',
      caption: (cluster) => {
        const extra = activeCount(cluster, APP) - down;
        return text(
          `Now \`kubectl scale --replicas=${down}\`: the ReplicaSet has ${extra} too many. Which go? Upstream ranks them (ActivePodsWithRanks): unassigned before assigned, Pending before Unknown before Running, not ready before ready, lower pod-deletion-cost first, pods on crowded nodes first, then the most recently ready (in log2 time buckets), then the newest.`,
          `이번에는 \`kubectl scale --replicas=${down}\`: 레플리카셋의 파드가 ${extra}개 많습니다. 어느 파드를 지울까요? 업스트림은 순위를 매깁니다(ActivePodsWithRanks): 노드 미배정 먼저, Pending·Unknown·Running 순, Ready 아닌 파드 먼저, pod-deletion-cost가 낮은 파드 먼저, 같은 노드에 많이 몰린 파드 먼저, 그다음 가장 최근에 Ready가 된 파드(log2 시간 구간), 마지막으로 가장 새로 만든 파드.`,
        );
      },
      focus: ['kube-controller-manager'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile', /ReplicaSet\//),
    },
    {
      id: 'youngest-go',
      caption: text(
        'Here all are Running and Ready, so placement and time decide: pods on nodes crowded with web pods go first, and among equals those Ready for the shortest time (the replacement and the scale-up pods). The long-running ones stay. Each victim gets a DELETE and terminates gracefully.',
        '여기서는 모두 Running, Ready이므로 배치와 시간이 결정합니다. web 파드가 많이 몰린 노드의 파드가 먼저, 조건이 같으면 Ready가 된 지 가장 짧은 파드(대체 파드와 스케일 업 파드)가 먼저 지워집니다. 오래 실행된 파드는 남습니다. 지울 파드마다 DELETE를 보내고, 파드는 정상 종료합니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver', ...KUBELETS],
      when: message({ from: 'kube-controller-manager', action: 'DELETE pod' }),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      for (const n of NODES) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
      cluster.seedDeployment(APP, replicasOf(params), { image: IMAGE, requests: { cpu: '250m', memory: '256Mi' } });
    },
    narrateSteady: ({ context }) =>
      context.cluster.step(
        'steady',
        text(
          `A Deployment "web" with replicas: ${replicasOf(context.params)}. It owns a ReplicaSet web-<hash>, which owns the pods (see metadata.ownerReferences). The ReplicaSet controller keeps the count.`,
          `레플리카 ${replicasOf(context.params)}개인 디플로이먼트 "web". 디플로이먼트가 레플리카셋 web-<해시>를, 레플리카셋이 파드를 소유합니다(metadata.ownerReferences 참고). 파드 수는 레플리카셋 컨트롤러가 지킵니다.`,
        ),
        ['kube-controller-manager', ...KUBELETS],
      ),
    deletePod: ({ context }) => {
      const name = victim(context.cluster);
      deletedPod.set(context.cluster, name);
      context.cluster.step(
        'kubectl-delete',
        text(`\`kubectl delete pod ${name}\` sends DELETE /api/v1/namespaces/default/pods/${name} to kube-apiserver.`, `\`kubectl delete pod ${name}\`이 kube-apiserver에 DELETE /api/v1/namespaces/default/pods/${name}를 보냅니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.delete(`Pod/default/${name}`, 'DELETE pod');
    },
    scaleUp: ({ context }) => {
      const up = scaleUpOf(context.params);
      context.cluster.step(
        'kubectl-scale-up',
        text(`\`kubectl scale deployment web --replicas=${up}\` PATCHes the Deployment's scale subresource.`, `\`kubectl scale deployment web --replicas=${up}\`이 디플로이먼트의 scale 하위 리소스를 PATCH합니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.scale(APP, up);
    },
    scaleDown: ({ context }) => {
      const down = scaleDownOf(context.params);
      context.cluster.step(
        'kubectl-scale-down',
        text(`All ${scaleUpOf(context.params)} are Ready. \`kubectl scale deployment web --replicas=${down}\`.`, `${scaleUpOf(context.params)}개 모두 Ready입니다. \`kubectl scale deployment web --replicas=${down}\`.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.scale(APP, down);
    },
    narrateDone: ({ context }) => {
      const down = scaleDownOf(context.params);
      context.cluster.step(
        'done',
        text(`${down} pods remain. Desired state reached: the controllers go quiet until something changes again.`, `파드 ${down}개가 남았습니다. 원하는 상태에 도달했으니 컨트롤러들은 다시 무언가 바뀔 때까지 조용히 기다립니다.`),
        ['kube-controller-manager', ...KUBELETS],
      );
    },
  },
  guards: {
    // What the Deployment asks for now: a what-if may have scaled it before the story's own scale.
    healed: ({ context }) => context.cluster.get(`Pod/default/${deletedPod.get(context.cluster) ?? ''}`) === undefined && settledAtDesired(context.cluster, APP, replicasOf(context.params)),
    scaledUp: ({ context }) => settledAt(context.cluster, APP, scaleUpOf(context.params)),
    scaledDown: ({ context }) => settledAt(context.cluster, APP, scaleDownOf(context.params)),
  },
}).createMachine({
  id: 'replicaset-self-healing',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 500: { target: 'running', actions: 'narrateSteady' } } },
    running: { after: { 3000: { target: 'deleting', actions: 'deletePod' } } },
    deleting: {
      meta: waitingFor(text('the deleted pod gone, and the web pods settled: as many as the Deployment asks for, all Ready, none Terminating', '지운 파드가 사라지고, web 파드가 디플로이먼트가 원하는 수만큼 모두 Ready이며 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'healed', target: 'healed' } },
    },
    healed: { after: { 3000: { target: 'scalingUp', actions: 'scaleUp' } } },
    scalingUp: {
      meta: waitingFor(text('exactly the scaled-up count of web pods, all Ready, none Terminating', '늘린 수와 똑같은 수의 web 파드가 모두 Ready이고 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'scaledUp', target: 'scaledUp' } },
    },
    scaledUp: { after: { 3000: { target: 'scalingDown', actions: 'scaleDown' } } },
    scalingDown: {
      meta: waitingFor(text('exactly the scaled-down count of web pods, all Ready, none Terminating', '줄인 수와 똑같은 수의 web 파드가 모두 Ready이고 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'scaledDown', target: 'settling', actions: 'narrateDone' } },
    },
    settling: { after: { 1000: 'done' } },
    done: { type: 'final' },
  },
});

export const replicasetSelfHealing: ScenarioDefinition = {
  ...replicasetSelfHealingAbout,
  machine,
  cues,
  maxSimTimeMs: 5 * 60_000,
};
