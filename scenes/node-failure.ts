/**
 * node-failure: a worker stops heartbeating. After the node-monitor grace period (50 s from
 * v1.32, 40 s before) the node lifecycle controller sets Ready=Unknown and taints it unreachable;
 * 300 s later the taint-eviction controller deletes its pods and the ReplicaSet controller's
 * replacements are scheduled on the healthy nodes (reference/kubernetes.md section 3).
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import { nodeMonitorGraceMs } from '../src/model/k8s/facts.ts';
import type { K8sVersion } from '../src/model/k8s/versions.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { activity, change, decision, message } from './lib/match.ts';
import { nodeFailureAbout } from './about/node-failure.ts';
import { desiredReplicas } from './lib/workload.ts';
import { imageLocalityZero } from './lib/image-locality.ts';

const FAILING = 'worker-2';
const IMAGE = 'nginx:1.27';
const IMAGE_LOCALITY = imageLocalityZero(IMAGE);
const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
const WEB_POD = /^Pod\/default\/web-/;

/** Pods of the Deployment that are Running and Ready on a healthy node, not being deleted. */
function healthyReplicas(cluster: Cluster): number {
  return cluster.pods().filter((p) => p.metadata.name.startsWith('web-') && !p.metadata.deletionTimestamp && p.spec.nodeName !== FAILING && p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
}

function podsLeftOnFailedNode(cluster: Cluster): number {
  return cluster.pods().filter((p) => p.spec.nodeName === FAILING).length;
}

function cues(params: ScenarioParams, k8sVersion: K8sVersion): readonly StepCue[] {
  const grace = nodeMonitorGraceMs(k8sVersion) / 1000;
  const out: StepCue[] = [
    {
      id: 'unknown',
      caption: text(
        `The node lifecycle controller checks every 5 s. ${FAILING} has been silent longer than --node-monitor-grace-period (${grace} s here; 50 s since v1.32, 40 s before, as in most course notes): its conditions become Unknown.`,
        `노드 라이프사이클 컨트롤러는 5초마다 확인합니다. ${withParticle(FAILING, '이/가')} --node-monitor-grace-period(${grace}초. v1.32부터 기본값 50초, 이전 버전과 대부분의 강의 자료에서는 40초)보다 오래 응답이 없었으므로 상태가 Unknown이 됩니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'node-lifecycle-controller/monitor'),
    },
    {
      id: 'taint',
      caption: text(
        `Its pods are marked Ready=False, so they leave Service endpoints, and the node is tainted node.kubernetes.io/unreachable (NoSchedule and NoExecute). \`kubectl get nodes\` prints NotReady, though the Ready condition itself is Unknown, as the node's badge shows.`,
        `이 노드의 파드는 Ready=False로 표시되어 서비스 엔드포인트에서 빠지고, 노드에는 node.kubernetes.io/unreachable 테인트(NoSchedule, NoExecute)가 붙습니다. \`kubectl get nodes\`에는 NotReady로 나오지만, Ready 컨디션의 실제 값은 노드 배지에 표시된 대로 Unknown입니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      when: message({ action: 'PATCH node (taint)' }),
    },
    {
      id: 'tolerate',
      caption: text(
        'Eviction is taint-based: every pod tolerates unreachable for 300 s (added at admission by DefaultTolerationSeconds), so the taint-eviction controller schedules the eviction instead of acting now. The old --pod-eviction-timeout (5 min) was removed in v1.27.',
        '축출은 테인트 기반입니다. 모든 파드에는 어드미션 때 DefaultTolerationSeconds가 넣은 300초 unreachable 톨러레이션이 있어, 테인트 축출 컨트롤러는 바로 지우지 않고 축출을 예약합니다. 예전의 --pod-eviction-timeout(5분)은 v1.27에서 제거되었습니다.',
      ),
      focus: ['kube-controller-manager'],
      when: activity('kube-controller-manager', 'taint-eviction-controller/schedule'),
    },
    {
      id: 'evict',
      caption: text(
        '300 s after the taint, the tolerations run out: the pods get DisruptionTarget and a deletionTimestamp. With the kubelet gone they stay Terminating.',
        '테인트 후 300초가 지나 톨러레이션이 만료됩니다. 파드에 DisruptionTarget과 deletionTimestamp가 붙지만, kubelet이 없으니 Terminating 상태로 남습니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'taint-eviction-controller/evict'),
    },
    {
      id: 'replace',
      caption: text(
        'The ReplicaSet controller does not count pods being deleted: fewer active pods than replicas, so it creates replacements.',
        '레플리카셋 컨트롤러는 삭제 중인 파드를 세지 않습니다. 활성 파드가 레플리카 수보다 적으니 대체 파드를 만듭니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
    },
    {
      id: 'reschedule',
      caption: text(
        `kube-scheduler filters ${FAILING} out (untolerated taint node.kubernetes.io/unreachable) and places the replacement on a healthy node.${IMAGE_LOCALITY.en}`,
        `kube-scheduler는 ${withParticle(FAILING, '을/를')} 걸러내고(허용되지 않은 테인트 node.kubernetes.io/unreachable) 정상 노드에 대체 파드를 배치합니다.${IMAGE_LOCALITY.ko}`,
      ),
      focus: ['kube-scheduler'],
      when: decision(WEB_POD),
    },
    {
      id: 'recovered',
      caption: text('The replacement is Running and Ready: the Deployment has all its replicas again, on the healthy nodes.', '대체 파드가 Running, Ready가 되어 디플로이먼트의 레플리카가 정상 노드에서 모두 복구되었습니다.'),
      focus: ['kubelet/worker-1', 'kubelet/worker-3', 'kube-apiserver'],
      when: change(WEB_POD, 'status.phase', 'Running'),
    },
  ];
  if (params.nodeReturns === true) {
    out.push({
      id: 'untaint',
      caption: text(
        `${FAILING} reports Ready=True again; the node lifecycle controller removes the unreachable taints. The kubelet finds its old pods marked for deletion, stops them and deletes them for good.`,
        `${withParticle(FAILING, '이/가')} 다시 Ready=True를 보고하자 노드 라이프사이클 컨트롤러가 unreachable 테인트를 제거합니다. kubelet은 삭제 표시된 옛 파드를 멈추고 완전히 지웁니다.`,
      ),
      focus: ['kube-controller-manager', `kubelet/${FAILING}`, 'kube-apiserver'],
      when: message({ action: 'PATCH node (untaint)' }),
    });
  }
  return out;
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      for (const n of NODES) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
      cluster.seedDeployment('web', Number(params.replicas), { image: IMAGE, requests: { cpu: '250m', memory: '256Mi' } });
    },
    narrateSteady: ({ context }) =>
      context.cluster.step(
        'steady',
        text(
          'A healthy cluster: a Deployment "web" spread over three nodes. Each kubelet renews its Lease in kube-node-lease every 10 s — the heartbeat.',
          '정상 클러스터: 디플로이먼트 "web"이 세 노드에 퍼져 있습니다. 각 kubelet은 10초마다 kube-node-lease의 리스를 갱신합니다. 이것이 하트비트입니다.',
        ),
        ['kubelet/worker-1', 'kubelet/worker-2', 'kubelet/worker-3', 'kube-apiserver'],
      ),
    powerOff: ({ context }) => {
      context.cluster.step(
        'power-off',
        text(`${FAILING} loses power. Its kubelet stops renewing the Lease; nothing in the control plane is told — it has to notice the silence.`, `${FAILING}의 전원이 꺼집니다. kubelet이 리스 갱신을 멈추지만 아무도 컨트롤 플레인에 알리지 않으므로, 컨트롤 플레인이 스스로 침묵을 알아채야 합니다.`),
        [`kubelet/${FAILING}`, `containerd/${FAILING}`, `kube-proxy/${FAILING}`],
      );
      context.cluster.stopNode(FAILING);
    },
    powerOn: ({ context }) => {
      context.cluster.step('node-back', text(`${FAILING} boots again: containerd, kube-proxy and the kubelet start; the kubelet posts its status and renews its Lease.`, `${withParticle(FAILING, '이/가')} 다시 부팅됩니다. containerd, kube-proxy, kubelet이 시작되고 kubelet이 상태를 보고하며 리스를 갱신합니다.`), [`kubelet/${FAILING}`, 'kube-apiserver']);
      context.cluster.startNode(FAILING);
    },
  },
  guards: {
    // As many healthy as the Deployment asks for now (a what-if may have scaled it).
    recovered: ({ context }) => healthyReplicas(context.cluster) >= desiredReplicas(context.cluster, 'web', Number(context.params.replicas)),
    returns: ({ context }) => context.params.nodeReturns === true,
    cleanedUp: ({ context }) => podsLeftOnFailedNode(context.cluster) === 0,
  },
}).createMachine({
  id: 'node-failure',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 500: { target: 'running', actions: 'narrateSteady' } } },
    running: { after: { 4000: { target: 'failed', actions: 'powerOff' } } },
    failed: {
      meta: waitingFor(text('as many healthy web pods as the Deployment asks for', '디플로이먼트가 원하는 수만큼 web 파드가 정상인 것')),
      on: { trace: { guard: 'recovered', target: 'recovered' } },
    },
    recovered: {
      always: { guard: 'returns', target: 'waitingToReturn' },
      after: { 2000: 'done' },
    },
    waitingToReturn: { after: { 20_000: { target: 'returned', actions: 'powerOn' } } },
    returned: {
      meta: waitingFor(text('no pod left on worker-2 (its kubelet confirms the old pods are gone)', 'worker-2에 파드가 하나도 남지 않는 것(kubelet이 이전 파드가 사라졌다고 확인)')),
      on: { trace: { guard: 'cleanedUp', target: 'settling' } },
    },
    settling: { after: { 1500: 'done' } },
    done: { type: 'final' },
  },
});

export const nodeFailure: ScenarioDefinition = {
  ...nodeFailureAbout,
  machine,
  cues,
  maxSimTimeMs: 15 * 60_000,
};
