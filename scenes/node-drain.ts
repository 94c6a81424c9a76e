/**
 * node-drain: maintenance on worker-2. `kubectl cordon` sets spec.unschedulable (the node
 * lifecycle controller adds the node.kubernetes.io/unschedulable:NoSchedule taint) and nothing
 * running is touched. `kubectl drain --ignore-daemonsets` lists the node's pods, skips the
 * DaemonSet's kube-proxy pod and evicts the others through the Eviction API; their ReplicaSet
 * replaces them on the other nodes. `kubectl uncordon` makes the node schedulable again, and the
 * moved pods stay where they are. (src/sim/kubectl/drain.ts, components/eviction.ts.)
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import { drain, setCordon } from '../src/sim/kubectl/drain.ts';
import { kubeProxyDaemonSet, seedDaemonSet } from '../src/sim/seed-daemonset.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, decision, message } from './lib/match.ts';
import { appPods, isPodReady, settledAtDesired } from './lib/workload.ts';
import { nodeDrainAbout } from './about/node-drain.ts';

const APP = 'web';
const NODE = 'worker-2';
const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
const WEB_POD = /^Pod\/default\/web-/;
const KUBELETS: readonly ComponentId[] = NODES.map((n) => `kubelet/${n}` as const);

const replicasOf = (p: ScenarioParams): number => Number(p.replicas);
/** Seed placement of the web pods, in turn: worker-2 holds two of the first four. */
const SEED_NODES = ['worker-2', 'worker-1', 'worker-3', 'worker-2'] as const;
/** minAvailable of the PodDisruptionBudget, 0 for none; kept below replicas so the drain can finish. */
const minAvailableOf = (p: ScenarioParams): number => Math.min(Number(p.minAvailable), replicasOf(p) - 1);
/** With the budget, does one of worker-2's evictions have to wait for a replacement? */
function budgetBlocks(p: ScenarioParams): boolean {
  const min = minAvailableOf(p);
  if (min <= 0) return false;
  const onNode = Array.from({ length: replicasOf(p) }, (_, i) => SEED_NODES[i % SEED_NODES.length]).filter((n) => n === NODE).length;
  return onNode > replicasOf(p) - min;
}
/** Runs whose `kubectl drain` has printed "drained" (kubectl is a client: the trace has no such event). */
const drainedRuns = new WeakSet<Cluster>();
const webOnNode = (cluster: Cluster): number => appPods(cluster, APP).filter((p) => p.spec.nodeName === NODE).length;

function cues(params: ScenarioParams): readonly StepCue[] {
  const separate = params.cordonFirst === true;
  const min = minAvailableOf(params);
  const retryCue: StepCue = {
    id: 'budget-retry',
    caption: text(
      `The other eviction was refused: 429 Too Many Requests, "Cannot evict pod as it would violate the pod's disruption budget" (fewer than ${min} would stay Ready). kubectl retried every 5 s. Now the replacement is Ready, the disruption controller allows a disruption again, and the eviction goes through.`,
      `다른 축출은 거부되었습니다: 429 Too Many Requests, "Cannot evict pod as it would violate the pod's disruption budget"(Ready 파드가 ${min}개 밑으로 내려가므로). kubectl은 5초마다 다시 시도했습니다. 이제 대체 파드가 Ready가 되어 디스럽션 컨트롤러가 다시 중단을 허용하고, 축출이 통과합니다.`,
    ),
    focus: ['kubectl', 'kube-apiserver', 'kube-controller-manager'],
    when: message({ from: 'kubectl', action: 'POST pod/eviction (retry)' }),
  };
  const taintCue: StepCue = {
    id: 'unschedulable-taint',
    caption: text(
      `The node lifecycle controller sees the change and adds the taint node.kubernetes.io/unschedulable:NoSchedule. NoSchedule, not NoExecute: the pods already on ${NODE} keep running. \`kubectl get nodes\` shows Ready,SchedulingDisabled.`,
      `노드 라이프사이클 컨트롤러가 변경을 보고 node.kubernetes.io/unschedulable:NoSchedule 테인트를 붙입니다. NoExecute가 아니라 NoSchedule이므로 ${NODE}에서 실행 중인 파드는 그대로입니다. \`kubectl get nodes\`에는 Ready,SchedulingDisabled로 보입니다.`,
    ),
    focus: ['kube-controller-manager', 'kube-apiserver'],
    when: activity('kube-controller-manager', 'node-lifecycle-controller/taint', `Node/${NODE}`),
  };
  return [
    {
      id: 'unschedulable',
      caption: text(
        `kube-apiserver stores spec.unschedulable: true on ${NODE}. kube-scheduler's NodeUnschedulable filter now turns it down for every new pod (unless the pod tolerates node.kubernetes.io/unschedulable).${separate ? '' : ' The node lifecycle controller also adds that taint, NoSchedule: running pods are not touched by it.'}`,
        `kube-apiserver가 ${NODE}에 spec.unschedulable: true를 저장합니다. 이제 kube-scheduler의 NodeUnschedulable 필터가 새 파드마다 이 노드를 거릅니다(node.kubernetes.io/unschedulable을 허용하는 파드는 예외).${separate ? '' : ' 노드 라이프사이클 컨트롤러도 이 테인트를 NoSchedule로 붙이지만, 실행 중인 파드에는 영향이 없습니다.'}`,
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: change(`Node/${NODE}`, 'spec.unschedulable', true),
    },
    // Within drain, kubectl may list the pods before the taint lands: the taint gets its own step only after a separate cordon.
    ...(separate ? [taintCue] : []),
    {
      id: 'list-pods',
      caption: text(
        `kubectl lists the pods on the node (fieldSelector spec.nodeName=${NODE}) and filters them: the kube-proxy pod belongs to a DaemonSet, so with --ignore-daemonsets it is skipped ("Warning: ignoring DaemonSet-managed Pods"). Its DaemonSet would only put it back.`,
        `kubectl이 노드의 파드를 조회하고(fieldSelector spec.nodeName=${NODE}) 걸러 냅니다. kube-proxy 파드는 데몬셋 소속이라 --ignore-daemonsets로 건너뜁니다("Warning: ignoring DaemonSet-managed Pods"). 지워도 데몬셋이 다시 만들 뿐입니다.`,
      ),
      focus: ['kubectl', 'kube-apiserver'],
      when: message({ from: 'kubectl', action: /^LIST pods/ }),
    },
    {
      id: 'eviction',
      // The Ready pods as the first eviction comes (a what-if may have scaled the Deployment).
      caption: (cluster) => {
        const ready = appPods(cluster, APP).filter((pod) => !pod.metadata.deletionTimestamp && isPodReady(pod)).length;
        return min > 0
          ? text(
              `For each remaining pod kubectl POSTs an Eviction (pods/{name}/eviction), not a plain DELETE: kube-apiserver first checks the PodDisruptionBudget web-pdb (minAvailable ${min}). ${ready} Ready, ${min} required: ${Math.max(0, ready - min)} disruption(s) allowed, and each eviction uses one.`,
              `남은 파드마다 kubectl은 단순 DELETE가 아니라 Eviction(pods/{name}/eviction)을 POST합니다. kube-apiserver는 먼저 PodDisruptionBudget web-pdb(minAvailable ${min})를 확인합니다. Ready ${ready}개, 필요 ${min}개이니 허용 중단은 ${Math.max(0, ready - min)}개이고, 축출할 때마다 하나씩 씁니다.`,
            )
          : text(
              'For each remaining pod kubectl POSTs an Eviction (pods/{name}/eviction), not a plain DELETE: kube-apiserver first checks the PodDisruptionBudgets covering the pod. None here, so it is allowed.',
              '남은 파드마다 kubectl은 단순 DELETE가 아니라 Eviction(pods/{name}/eviction)을 POST합니다. kube-apiserver는 먼저 그 파드에 해당하는 PodDisruptionBudget을 확인합니다. 여기에는 없으니 허용됩니다.',
            );
      },
      focus: ['kubectl', 'kube-apiserver'],
      when: message({ from: 'kubectl', action: 'POST pod/eviction' }),
    },
    {
      id: 'disruption-target',
      caption: text(
        'The evicted pod gets the condition DisruptionTarget=True (reason EvictionByEvictionAPI) and a deletionTimestamp: it terminates gracefully, within terminationGracePeriodSeconds.',
        '축출된 파드에는 DisruptionTarget=True 조건(사유 EvictionByEvictionAPI)과 deletionTimestamp가 붙습니다. 파드는 terminationGracePeriodSeconds 안에서 정상 종료됩니다.',
      ),
      focus: ['kube-apiserver', 'etcd', `kubelet/${NODE}`],
      when: change(WEB_POD, 'metadata.deletionTimestamp'),
    },
    {
      id: 'replace',
      caption: text(
        'The ReplicaSet controller no longer counts pods being deleted and creates replacements, as it would for any deletion.',
        '레플리카셋 컨트롤러는 삭제 중인 파드를 세지 않으므로, 여느 삭제 때처럼 대체 파드를 만듭니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
    },
    {
      id: 'elsewhere',
      caption: text(
        `kube-scheduler rejects ${NODE} ("node(s) were unschedulable") and places the replacements on the other nodes.`,
        `kube-scheduler는 ${withParticle(NODE, '을/를')} 거르고("node(s) were unschedulable") 대체 파드를 다른 노드에 배치합니다.`,
      ),
      focus: ['kube-scheduler'],
      when: decision(WEB_POD),
    },
    {
      id: 'poll',
      caption: text(
        'kubectl waits: it GETs each evicted pod every second until it is gone, then prints "pod/… evicted".',
        'kubectl은 기다립니다. 축출한 파드가 사라질 때까지 1초마다 GET하고, 사라지면 "pod/… evicted"를 출력합니다.',
      ),
      focus: ['kubectl', 'kube-apiserver'],
      when: message({ from: 'kubectl', action: 'GET pod' }),
    },
    ...(budgetBlocks(params) ? [retryCue] : []),
    {
      id: 'untaint',
      caption: text(
        `The node lifecycle controller removes the unschedulable taint. New pods may land on ${NODE} again, but nothing moves back by itself: the scheduler only places new pods.`,
        `노드 라이프사이클 컨트롤러가 unschedulable 테인트를 제거합니다. 이제 새 파드는 다시 ${NODE}에 배치될 수 있지만, 옮겨진 파드가 저절로 돌아오지는 않습니다. 스케줄러는 새 파드만 배치합니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: (e) => e.kind === 'activity' && e.action === 'node-lifecycle-controller/taint' && e.label.en.includes('uncordoned'),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      NODES.forEach((n) => cluster.addNode(n, { cpu: '4', memory: '8Gi' }));
      seedDaemonSet(cluster, kubeProxyDaemonSet(cluster.rt.config.k8sVersion));
      // worker-2 holds two of the web pods, so the drain has something to move.
      cluster.seedDeployment(APP, replicasOf(params), { image: 'nginx:1.27', requests: { cpu: '250m', memory: '256Mi' } }, SEED_NODES);
      const min = minAvailableOf(params);
      if (min > 0) {
        const n = replicasOf(params);
        cluster.seed({
          apiVersion: 'policy/v1',
          kind: 'PodDisruptionBudget',
          metadata: { name: 'web-pdb', namespace: 'default' },
          spec: { minAvailable: min, selector: { matchLabels: { app: APP } } },
          status: { currentHealthy: n, desiredHealthy: min, disruptionsAllowed: n - min, expectedPods: n },
        });
      }
    },
    narrateSteady: ({ context }) =>
      context.cluster.step(
        'steady',
        text(
          `${NODE} needs maintenance (a kernel upgrade). It runs web pods and, like every node, a kube-proxy pod from the kube-proxy DaemonSet in kube-system.`,
          `${NODE}에 유지보수(커널 업그레이드)가 필요합니다. 이 노드에서는 web 파드와, 다른 노드처럼 kube-system의 kube-proxy 데몬셋 파드가 실행 중입니다.`,
        ),
        [`kubelet/${NODE}`, 'kube-apiserver'],
      ),
    cordon: ({ context }) => {
      context.cluster.step(
        'kubectl-cordon',
        text(`\`kubectl cordon ${NODE}\`: kubectl GETs the node and PATCHes spec.unschedulable to true.`, `\`kubectl cordon ${NODE}\`: kubectl이 노드를 GET한 뒤 spec.unschedulable을 true로 PATCH합니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      setCordon(context.cluster, NODE, true);
    },
    drain: ({ context }) => {
      const separate = context.params.cordonFirst === true;
      context.cluster.step(
        'kubectl-drain',
        text(
          `\`kubectl drain ${NODE} --ignore-daemonsets\`. ${separate ? 'Drain cordons first; the node is already cordoned, so it only GETs it.' : 'Drain starts by cordoning the node: GET, then PATCH spec.unschedulable.'}`,
          `\`kubectl drain ${NODE} --ignore-daemonsets\`. ${separate ? '드레인은 먼저 코든합니다. 이미 코든된 노드라 GET만 합니다.' : '드레인은 노드 코든으로 시작합니다: GET 후 spec.unschedulable을 PATCH.'}`,
        ),
        ['kubectl', 'kube-apiserver'],
      );
      const { cluster } = context;
      drain(cluster, NODE, { ignoreDaemonSets: true }, undefined, (ok) => {
        if (ok) drainedRuns.add(cluster);
      });
    },
    narrateDrained: ({ context }) =>
      context.cluster.step(
        'drained',
        text(
          `"node/${NODE} drained": every web pod runs on the other nodes; only the kube-proxy DaemonSet pod is left on ${NODE}. Now the maintenance (reboot, upgrade) can happen.`,
          `"node/${NODE} drained": web 파드는 모두 다른 노드에서 실행되고, ${NODE}에는 kube-proxy 데몬셋 파드만 남았습니다. 이제 유지보수(재부팅, 업그레이드)를 할 수 있습니다.`,
        ),
        ['kubectl', ...KUBELETS],
      ),
    uncordon: ({ context }) => {
      context.cluster.step(
        'kubectl-uncordon',
        text(`Maintenance done. \`kubectl uncordon ${NODE}\` PATCHes spec.unschedulable away.`, `유지보수가 끝났습니다. ${withParticle(`\`kubectl uncordon ${NODE}\``, '이/가')} spec.unschedulable을 PATCH로 없앱니다.`),
        ['kubectl', 'kube-apiserver'],
      );
      setCordon(context.cluster, NODE, false);
    },
  },
  guards: {
    cordoned: ({ context }) => {
      const node = context.cluster.get(`Node/${NODE}`);
      return node?.kind === 'Node' && (node.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable');
    },
    drained: ({ context }) => drainedRuns.has(context.cluster) && webOnNode(context.cluster) === 0 && settledAtDesired(context.cluster, APP, replicasOf(context.params)),
    uncordoned: ({ context }) => {
      const node = context.cluster.get(`Node/${NODE}`);
      return node?.kind === 'Node' && node.spec.unschedulable !== true && !(node.spec.taints ?? []).some((t) => t.key === 'node.kubernetes.io/unschedulable');
    },
    cordonFirst: ({ context }) => context.params.cordonFirst === true,
  },
}).createMachine({
  id: 'node-drain',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 500: { target: 'ready', actions: 'narrateSteady' } } },
    ready: {
      after: {
        3000: [
          { guard: 'cordonFirst', target: 'cordoning', actions: 'cordon' },
          { target: 'draining', actions: 'drain' },
        ],
      },
    },
    cordoning: {
      meta: waitingFor(text('worker-2 to be cordoned (its node.kubernetes.io/unschedulable taint)', 'worker-2가 코든되는 것(node.kubernetes.io/unschedulable 테인트)')),
      on: { trace: { guard: 'cordoned', target: 'cordoned' } },
    },
    cordoned: { after: { 3000: { target: 'draining', actions: 'drain' } } },
    draining: {
      meta: waitingFor(text('worker-2 to hold no web pod, and the web pods to settle elsewhere: as many as the Deployment asks for, all Ready, none Terminating', 'worker-2에 web 파드가 하나도 남지 않고, 다른 노드에서 web 파드가 디플로이먼트가 원하는 수만큼 모두 Ready이며 Terminating인 파드가 없는 것')),
      on: { trace: { guard: 'drained', target: 'drained', actions: 'narrateDrained' } },
    },
    // The maintenance window.
    drained: { after: { 5000: { target: 'uncordoning', actions: 'uncordon' } } },
    uncordoning: {
      meta: waitingFor(text('worker-2 to be schedulable again (its unschedulable taint removed)', 'worker-2가 다시 스케줄 가능해지는 것(unschedulable 테인트 제거)')),
      on: { trace: { guard: 'uncordoned', target: 'settling' } },
    },
    settling: { after: { 1500: 'done' } },
    done: { type: 'final' },
  },
});

export const nodeDrain: ScenarioDefinition = {
  ...nodeDrainAbout,
  machine,
  cues,
  maxSimTimeMs: 5 * 60_000,
};
