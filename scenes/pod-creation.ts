/**
 * pod-creation: `kubectl run` (or a Deployment's ReplicaSet) through every hop of the write path
 * (reference/kubernetes.md section 1): kube-apiserver's chain, etcd, the scheduler's watch, Filter
 * and Score, the binding, the kubelet's watch, the CRI calls and the status updates until Ready.
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { makeDeployment, makePod } from '../src/sim/builders.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { activity, after, change, decision, message } from './lib/match.ts';
import { onBoundNode } from './lib/bound-node.ts';
import { podCreationAbout } from './about/pod-creation.ts';

const POD = /^Pod\/default\/nginx/;

function buildCluster(cluster: Cluster): void {
  cluster.addNode('worker-1', { cpu: '4', memory: '8Gi' });
  cluster.addNode('worker-2', { cpu: '4', memory: '8Gi' });
  cluster.addNode('worker-3', { cpu: '2', memory: '4Gi' });
  // Some load already running, so the nodes score differently.
  cluster.seedDeployment('api', 3, { image: 'registry.example/api:2.1', requests: { cpu: '1', memory: '1Gi' } }, ['worker-1', 'worker-1', 'worker-2']);
}

function commonCues(): StepCue[] {
  return [
    {
      id: 'etcd-write',
      caption: text(
        'Only kube-apiserver talks to etcd. It stores the pod under /registry/pods/default/… with no spec.nodeName yet: phase Pending.',
        'etcd와 직접 통신하는 것은 kube-apiserver뿐입니다. 파드를 /registry/pods/default/… 에 저장합니다. 아직 spec.nodeName이 없으니 Pending 상태입니다.',
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: message({ to: 'etcd', write: true, object: POD }),
    },
    {
      id: 'watch-scheduler',
      caption: text(
        'kube-apiserver pushes a watch event to kube-scheduler: a new pod with no node. The scheduler does not poll; its informer is told.',
        'kube-apiserver가 kube-scheduler에 watch 이벤트를 보냅니다: 노드가 정해지지 않은 새 파드. 스케줄러는 폴링하지 않고 인포머로 통보받습니다.',
      ),
      focus: ['kube-apiserver', 'kube-scheduler'],
      when: message({ to: 'kube-scheduler', type: 'watch', object: POD }),
    },
    {
      id: 'filter',
      caption: text(
        'Filter: every node is checked — NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit (the requests as written: a missing request counts as 0 here).',
        '필터: NodeUnschedulable, NodeName, TaintToleration, NodeAffinity, NodeResourcesFit 플러그인으로 모든 노드를 검사합니다(적힌 요청값 그대로 비교하며, 요청값이 없으면 0으로 봅니다).',
      ),
      focus: ['kube-scheduler'],
      when: decision(POD),
    },
    {
      id: 'score',
      caption: text(
        'Score: each feasible node gets 0–100 per plugin, weighted (TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit ×1, PodTopologySpread ×2, InterPodAffinity ×2, BalancedAllocation ×1, ImageLocality ×1). The highest total wins. Only for scoring, NodeResourcesFit counts a container with no request as 100m CPU / 200Mi. Older course notes show 0–10: the scale before v1.17.',
        '스코어: 통과한 노드마다 플러그인별 0–100점에 가중치를 곱해 더합니다 (TaintToleration ×3, NodeAffinity ×2, NodeResourcesFit ×1, PodTopologySpread ×2, InterPodAffinity ×2, BalancedAllocation ×1, ImageLocality ×1). 합계가 가장 높은 노드가 선택됩니다. 점수를 매길 때만 NodeResourcesFit은 요청값이 없는 컨테이너를 CPU 100m / 메모리 200Mi로 계산합니다. 예전 강의 자료의 0–10점은 v1.17 이전 기준입니다.',
      ),
      focus: ['kube-scheduler'],
      when: activity('kube-scheduler', 'score'),
    },
    {
      id: 'bind',
      caption: text(
        'The scheduler does not start the pod: it POSTs a Binding. kube-apiserver sets spec.nodeName and PodScheduled=True in one write to etcd.',
        '스케줄러가 파드를 직접 실행하지는 않습니다. Binding을 POST하면 kube-apiserver가 spec.nodeName과 PodScheduled=True를 한 번에 etcd에 기록합니다.',
      ),
      focus: ['kube-scheduler', 'kube-apiserver', 'etcd'],
      when: message({ from: 'kube-scheduler', action: 'bind' }),
    },
    {
      id: 'kubelet-watch',
      caption: text(
        'The kubelet watches only pods with spec.nodeName = its node. The bound pod reaches that ship’s captain as a watch event (ADDED).',
        'kubelet은 spec.nodeName이 자기 노드인 파드만 watch합니다. 바인딩된 파드가 그 배의 선장에게 watch 이벤트(ADDED)로 도착합니다.',
      ),
      focus: onBoundNode(POD, ['kubelet'], ['kube-apiserver']),
      when: message({ to: /^kubelet\//, type: 'watch', object: POD }),
    },
    {
      id: 'sandbox',
      caption: text(
        'SyncPod: the kubelet calls containerd over CRI. RunPodSandbox starts the pause sandbox, and the CNI plugin (ADD) gives the pod its IP.',
        'SyncPod: kubelet이 CRI로 containerd를 호출합니다. RunPodSandbox가 pause 샌드박스를 띄우고, CNI 플러그인(ADD)이 파드 IP를 할당합니다.',
      ),
      focus: onBoundNode(POD, ['kubelet', 'containerd']),
      when: message({ action: 'RunPodSandbox', type: 'request' }),
    },
    {
      id: 'pull',
      caption: text(
        'PullImage: the image is not on this node yet, so containerd pulls nginx:1.27. The kubelet records the events Pulling and Pulled.',
        'PullImage: 이 노드에 아직 이미지가 없어 containerd가 nginx:1.27을 내려받습니다. kubelet은 Pulling, Pulled 이벤트를 남깁니다.',
      ),
      focus: onBoundNode(POD, ['kubelet', 'containerd']),
      when: message({ action: 'PullImage', type: 'request' }),
    },
    {
      id: 'start',
      caption: text('CreateContainer, then StartContainer (events Created, Started).', 'CreateContainer, 이어서 StartContainer (이벤트 Created, Started).'),
      focus: onBoundNode(POD, ['kubelet', 'containerd']),
      when: message({ action: 'CreateContainer', type: 'request' }),
    },
    {
      id: 'running',
      caption: text(
        'The kubelet patches pods/status: phase Running; PodScheduled, PodReadyToStartContainers, Initialized, ContainersReady and Ready are all True. `kubectl get pod` shows 1/1 Running.',
        'kubelet이 pods/status를 패치합니다: phase Running, PodScheduled·PodReadyToStartContainers·Initialized·ContainersReady·Ready 모두 True. `kubectl get pod` 결과는 1/1 Running.',
      ),
      focus: onBoundNode(POD, ['kubelet'], ['kube-apiserver', 'etcd']),
      // From the PATCH itself (sent once the container started), so the step holds the whole round trip.
      when: after(message({ action: 'StartContainer OK', object: POD }), message({ action: 'PATCH pod/status', object: POD })),
    },
  ];
}

function cues(params: ScenarioParams): readonly StepCue[] {
  const viaDeployment = params.variant === 'deployment';
  const front: StepCue[] = viaDeployment
    ? [
        {
          id: 'deployment-stored',
          caption: text(
            'kube-apiserver authenticates, authorizes and admits the Deployment, then stores it in etcd. No pod exists yet.',
            'kube-apiserver가 디플로이먼트를 인증·인가·어드미션한 뒤 etcd에 저장합니다. 아직 파드는 없습니다.',
          ),
          focus: ['kube-apiserver', 'etcd'],
          when: activity('kube-apiserver', 'authenticate'),
        },
        {
          id: 'deployment-controller',
          caption: text(
            'kube-controller-manager watches Deployments. The Deployment controller finds no ReplicaSet for this pod template and creates nginx-<hash>.',
            'kube-controller-manager는 디플로이먼트를 watch합니다. 디플로이먼트 컨트롤러가 이 파드 템플릿의 레플리카셋이 없음을 보고 nginx-<해시>를 만듭니다.',
          ),
          focus: ['kube-controller-manager', 'kube-apiserver'],
          when: activity('kube-controller-manager', 'deployment-controller/reconcile'),
        },
        {
          id: 'replicaset-controller',
          caption: text(
            'The ReplicaSet controller sees its new ReplicaSet through its own watch: 0 of 1 pods. It POSTs a pod as system:serviceaccount:kube-system:replicaset-controller — the step kubectl run does by hand.',
            '레플리카셋 컨트롤러가 자신의 watch로 새 레플리카셋을 봅니다: 파드 0개(원하는 수 1개). system:serviceaccount:kube-system:replicaset-controller 권한으로 파드를 POST합니다. kubectl run이 직접 하던 일을 컨트롤러가 합니다.',
          ),
          focus: ['kube-controller-manager', 'kube-apiserver'],
          when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
        },
        {
          id: 'admission',
          caption: text(
            'The pod goes through the same chain. Mutating admission visibly changes it: DefaultTolerationSeconds adds 300 s tolerations for not-ready and unreachable, ServiceAccount adds a token volume.',
            '파드도 같은 단계를 거칩니다. 변경 어드미션이 파드를 바꿉니다: DefaultTolerationSeconds가 not-ready·unreachable 300초 톨러레이션을, ServiceAccount가 토큰 볼륨을 추가합니다.',
          ),
          focus: ['kube-apiserver'],
          when: activity('kube-apiserver', 'admission:mutating', POD),
        },
      ]
    : [
        {
          id: 'authn-authz',
          caption: text(
            'kube-apiserver authenticates the caller (x509 client certificate of kubernetes-admin), then authorizes the request with RBAC.',
            'kube-apiserver가 호출자를 인증하고(kubernetes-admin의 x509 클라이언트 인증서), RBAC로 요청을 인가합니다.',
          ),
          focus: ['kube-apiserver'],
          when: activity('kube-apiserver', 'authenticate'),
        },
        {
          id: 'admission',
          caption: text(
            'Mutating admission changes the pod: DefaultTolerationSeconds adds 300 s tolerations for not-ready and unreachable; ServiceAccount adds a token volume. Then schema validation and validating admission.',
            '변경 어드미션이 파드를 바꿉니다: DefaultTolerationSeconds가 not-ready·unreachable 300초 톨러레이션을, ServiceAccount가 토큰 볼륨을 추가합니다. 이어서 스키마 검증과 검증 어드미션.',
          ),
          focus: ['kube-apiserver'],
          when: activity('kube-apiserver', 'admission:mutating'),
        },
      ];
  return [...front, ...commonCues()];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => buildCluster(context.cluster),
    submit: ({ context }) => {
      const { cluster, params } = context;
      if (params.variant === 'deployment') {
        cluster.step(
          'kubectl',
          text('`kubectl create deployment nginx --image=nginx:1.27` sends POST /apis/apps/v1/namespaces/default/deployments to kube-apiserver.', '`kubectl create deployment nginx --image=nginx:1.27`이 kube-apiserver에 POST /apis/apps/v1/namespaces/default/deployments를 보냅니다.'),
          ['kubectl', 'kube-apiserver'],
        );
        cluster.create(makeDeployment('nginx', 1, { image: 'nginx:1.27' }), 'POST deployment');
      } else {
        cluster.step(
          'kubectl',
          text('`kubectl run nginx --image=nginx:1.27` sends POST /api/v1/namespaces/default/pods to kube-apiserver, the only door into the cluster.', '`kubectl run nginx --image=nginx:1.27`이 클러스터의 유일한 출입구인 kube-apiserver에 POST /api/v1/namespaces/default/pods를 보냅니다.'),
          ['kubectl', 'kube-apiserver'],
        );
        cluster.create(makePod('nginx', { image: 'nginx:1.27' }), 'POST pod');
      }
    },
  },
  guards: {
    podRunning: ({ event }) => change(POD, 'status.phase', 'Running')(event.event),
  },
}).createMachine({
  id: 'pod-creation',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'ready',
  states: {
    ready: { after: { 400: 'submitted' } },
    submitted: {
      meta: waitingFor(text('the nginx pod to be Running', 'nginx 파드가 Running이 되는 것')),
      entry: 'submit', on: { trace: { guard: 'podRunning', target: 'settling' } },
    },
    // Let the last status write and watch pushes land before the end.
    settling: { after: { 1200: 'done' } },
    done: { type: 'final' },
  },
});

export const podCreation: ScenarioDefinition = {
  ...podCreationAbout,
  machine,
  cues,
  maxSimTimeMs: 120_000,
};
