/**
 * scheduler-decision: kube-scheduler's arithmetic on four different nodes (reference/kubernetes.md
 * section 2): every Filter verdict with its reason, every Score per plugin, the weighted totals,
 * the winner and the bind. Variant: no node fits — Pending, PodScheduled=False, FailedScheduling
 * "0/4 nodes are available: ..." — until a new node joins and the next attempt places the pod.
 */
import { assign, setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import type { ScheduleDecision } from '../src/model/scheduler/types.ts';
import { makePod } from '../src/sim/builders.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { after, change, message } from './lib/match.ts';
import { onBoundNode } from './lib/bound-node.ts';
import { verdictCaption, winnerCaption } from './lib/verdicts.ts';
import { schedulerDecisionAbout } from './about/scheduler-decision.ts';

export const POD = 'Pod/default/web';
export const NODES = ['worker-1', 'worker-2', 'worker-3', 'worker-4'] as const;
export const NEW_NODE = 'worker-5';
const SSD = { disktype: 'ssd' };

/** Requests of the pod: it fits on worker-1 and worker-2, or (noFit) nowhere until worker-5 joins. */
export function requestsOf(params: ScenarioParams): { cpu: string; memory: string } {
  return params.noFit === true ? { cpu: '6', memory: '2Gi' } : { cpu: String(params.cpu ?? '1'), memory: '1Gi' };
}

function buildCluster(cluster: Cluster): void {
  cluster.addNode('worker-1', { cpu: '4', memory: '8Gi', labels: SSD });
  cluster.addNode('worker-2', { cpu: '8', memory: '16Gi', labels: SSD });
  cluster.addNode('worker-3', { cpu: '8', memory: '16Gi', labels: SSD, taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] });
  // Cordoned (kubectl cordon) and also an HDD node: Filter reports only the first plugin that fails.
  cluster.addNode('worker-4', { cpu: '4', memory: '8Gi', labels: { disktype: 'hdd' }, unschedulable: true });
  // Load already running: worker-1 is busier than worker-2.
  cluster.seedDeployment('api', 2, { image: 'registry.example/api:2.1', requests: { cpu: '1', memory: '1536Mi' } }, ['worker-1']);
  cluster.seedDeployment('cache', 3, { image: 'redis:7.4', requests: { cpu: '1', memory: '1Gi' } }, ['worker-2']);
}

function cues(params: ScenarioParams): readonly StepCue[] {
  const noFit = params.noFit === true;
  const r = requestsOf(params);
  const out: StepCue[] = [
    {
      id: 'queue',
      caption: text(
        'kube-scheduler’s informer receives the new pod (watch: ADDED) with no spec.nodeName and puts it in the active queue (PrioritySort: priority, then age).',
        'kube-scheduler의 인포머가 spec.nodeName이 없는 새 파드를 받아(watch: ADDED) 활성 큐에 넣습니다 (PrioritySort: 우선순위, 그다음 생성 순서).',
      ),
      focus: ['kube-apiserver', 'kube-scheduler'],
      when: message({ to: 'kube-scheduler', type: 'watch', object: POD }),
    },
    {
      id: 'filter',
      caption: text(
        `Filter, node by node, plugin by plugin: NodeUnschedulable (cordoned?), NodeName, TaintToleration (NoSchedule/NoExecute taints the pod does not tolerate), NodeAffinity (nodeSelector disktype=ssd), NodeResourcesFit (requests ${r.cpu} CPU, ${r.memory} must fit in allocatable minus what is already requested); NodePorts, PodTopologySpread and InterPodAffinity pass here.`,
        `필터: 노드마다 플러그인 순서대로 검사합니다. NodeUnschedulable(cordon 여부), NodeName, TaintToleration(파드가 허용하지 않는 NoSchedule/NoExecute 테인트), NodeAffinity(nodeSelector disktype=ssd), NodeResourcesFit(요청 CPU ${r.cpu}, 메모리 ${withParticle(r.memory, '이/가')} 할당 가능량에서 이미 요청된 양을 뺀 만큼에 들어가는지). NodePorts, PodTopologySpread, InterPodAffinity는 여기서 모두 통과합니다.`,
      ),
      focus: ['kube-scheduler'],
      when: (e) => e.kind === 'decision' && e.pod === POD,
    },
  ];
  if (noFit) {
    out.push(
      {
        id: 'unschedulable',
        caption: text(
          'kube-scheduler patches the pod’s status: PodScheduled=False, reason Unschedulable. The pod stays Pending in the unschedulable queue; preemption (PostFilter) finds no lower-priority pods to evict that would help.',
          'kube-scheduler가 파드 상태를 패치합니다: PodScheduled=False, reason Unschedulable. 파드는 Pending으로 unschedulable 큐에 남고, 프리엠션(PostFilter)도 도움이 될 낮은 우선순위 파드를 찾지 못합니다.',
        ),
        focus: ['kube-scheduler', 'kube-apiserver', 'etcd'],
        when: message({ from: 'kube-scheduler', action: 'PATCH pod/status' }),
      },
      {
        id: 'register',
        caption: text(
          `The kubelet on ${NEW_NODE} registers: POST /api/v1/nodes as system:node:${NEW_NODE} (the Node authorizer allows a node to create itself). The Node starts NotReady, and kube-apiserver’s TaintNodesAtCreation admission plugin adds the taint node.kubernetes.io/not-ready:NoSchedule; the kubelet also creates its Lease in kube-node-lease.`,
          `${NEW_NODE}의 kubelet이 등록합니다: system:node:${withParticle(NEW_NODE, '으로/로')} POST /api/v1/nodes (Node 인가자가 노드 자신의 생성을 허용). 노드는 NotReady 상태로 시작하고, kube-apiserver의 TaintNodesAtCreation 어드미션 플러그인이 node.kubernetes.io/not-ready:NoSchedule 테인트를 붙입니다. kubelet은 kube-node-lease에 리스도 만듭니다.`,
        ),
        focus: [`kubelet/${NEW_NODE}`, 'kube-apiserver', 'etcd'],
        when: message({ from: `kubelet/${NEW_NODE}`, action: 'POST node' }),
      },
      {
        id: 'node-added',
        caption: text(
          'kube-scheduler’s node informer gets watch: ADDED. A node event can make an unschedulable pod fit, so the pod moves back to the active queue and is tried again.',
          'kube-scheduler의 노드 인포머가 watch: ADDED를 받습니다. 노드 이벤트는 스케줄 불가 파드를 맞게 만들 수 있으므로, 파드가 활성 큐로 돌아가 다시 시도됩니다.',
        ),
        focus: ['kube-apiserver', 'kube-scheduler'],
        when: message({ to: 'kube-scheduler', type: 'watch', action: 'watch: ADDED', object: `Node/${NEW_NODE}` }),
      },
      {
        id: 'untaint',
        caption: text(
          `${NEW_NODE} reports Ready=True. The node lifecycle controller (kube-controller-manager) removes node.kubernetes.io/not-ready:NoSchedule; the node update sends the pod back to the active queue.`,
          `${withParticle(NEW_NODE, '이/가')} Ready=True를 보고합니다. 노드 라이프사이클 컨트롤러(kube-controller-manager)가 node.kubernetes.io/not-ready:NoSchedule 테인트를 제거하고, 이 노드 변경으로 파드가 다시 활성 큐로 갑니다.`,
        ),
        focus: ['kube-controller-manager', 'kube-apiserver', 'kube-scheduler'],
        when: message({ from: 'kube-controller-manager', action: 'PATCH node (untaint)' }),
      },
    );
  }
  out.push(
    {
      id: 'bind',
      caption: text(
        'Reserve and Permit, then the binding cycle: POST pods/web/binding. kube-apiserver sets spec.nodeName and PodScheduled=True in one write; the Event "Scheduled" says "Successfully assigned default/web to …".',
        'Reserve와 Permit 뒤 바인딩 사이클: POST pods/web/binding. kube-apiserver가 spec.nodeName과 PodScheduled=True를 한 번에 기록하고, "Scheduled" 이벤트에 "Successfully assigned default/web to …"가 남습니다.',
      ),
      focus: ['kube-scheduler', 'kube-apiserver', 'etcd'],
      when: message({ from: 'kube-scheduler', action: 'bind' }),
    },
    {
      id: 'kubelet',
      caption: text(
        'Only the chosen node’s kubelet hears of it: its watch selects pods with spec.nodeName = its node. It has containerd run web: the sandbox, the image if the node lacks it, the container.',
        '선택된 노드의 kubelet만 이 소식을 듣습니다. 그 watch는 spec.nodeName이 자기 노드인 파드만 고르기 때문입니다. kubelet이 containerd로 web을 실행합니다: 샌드박스, 노드에 없으면 이미지, 그리고 컨테이너.',
      ),
      focus: onBoundNode(POD, ['kubelet', 'containerd'], ['kube-apiserver']),
      when: message({ to: /^kubelet\//, type: 'watch', object: POD }),
    },
    {
      id: 'running',
      caption: text('The kubelet reports the pod’s status: phase Running, Ready.', 'kubelet이 파드 상태를 보고합니다: phase Running, Ready.'),
      focus: onBoundNode(POD, ['kubelet'], ['kube-apiserver']),
      // From the PATCH itself (sent once the container started), so the step shows the report it is about.
      when: after(message({ action: 'StartContainer OK', object: POD }), message({ action: 'PATCH pod/status', object: POD })),
    },
  );
  return out;
}

interface Context extends ScenarioInput {
  readonly decisions: number;
}

/** Marks one step per node and a closing one, right after kube-scheduler recorded its decision. */
function narrate(cluster: Cluster, d: ScheduleDecision, attempt: number): void {
  if (attempt === 1) {
    for (const v of d.nodes) cluster.step(`verdict-${v.name}`, verdictCaption(v, d), ['kube-scheduler', `kubelet/${v.name}`]);
  } else {
    const mine = d.nodes.find((v) => v.name === NEW_NODE);
    if (mine) cluster.step(`verdict-${NEW_NODE}-${attempt}`, verdictCaption(mine, d), ['kube-scheduler', `kubelet/${NEW_NODE}`]);
  }
  if (d.selected) {
    cluster.step(attempt === 1 ? 'winner' : `winner-${attempt}`, winnerCaption(d), ['kube-scheduler', `kubelet/${d.selected}`]);
    return;
  }
  const msg = d.failureMessage ?? '';
  cluster.step(
    attempt === 1 ? 'no-fit' : `no-fit-${attempt}`,
    text(
      `No node passes Filter. The FailedScheduling event reads: "${msg}" — one count per reason, as \`kubectl describe pod web\` shows it.`,
      `필터를 통과한 노드가 없습니다. FailedScheduling 이벤트: "${msg}". 이유별 노드 수이며, \`kubectl describe pod web\`에서 볼 수 있습니다.`,
    ),
    ['kube-scheduler'],
  );
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as Context, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => buildCluster(context.cluster),
    submit: ({ context }) => {
      const r = requestsOf(context.params);
      context.cluster.step(
        'kubectl',
        text(
          `\`kubectl apply -f web.yaml\`: a pod requesting ${r.cpu} CPU and ${r.memory}, with nodeSelector disktype=ssd. Four nodes: worker-1 (4 CPU, busy), worker-2 (8 CPU), worker-3 (8 CPU, taint dedicated=gpu:NoSchedule), worker-4 (cordoned).`,
          `\`kubectl apply -f web.yaml\`: CPU ${r.cpu}, 메모리 ${withParticle(r.memory, '을/를')} 요청하고 nodeSelector disktype=ssd인 파드. 노드 4개: worker-1(4 CPU, 바쁨), worker-2(8 CPU), worker-3(8 CPU, 테인트 dedicated=gpu:NoSchedule), worker-4(코든됨).`,
        ),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.create(makePod('web', { image: 'nginx:1.27', requests: r, nodeSelector: SSD }), 'POST pod');
    },
    join: ({ context }) => {
      context.cluster.step(
        'join',
        text(
          `A new node joins: \`kubeadm join\` on ${NEW_NODE} (8 CPU, 16Gi, disktype=ssd). containerd, kube-proxy and the kubelet start.`,
          `새 노드가 합류합니다: ${NEW_NODE}(8 CPU, 16Gi, disktype=ssd)에서 \`kubeadm join\`. containerd, kube-proxy, kubelet이 시작됩니다.`,
        ),
        [`kubelet/${NEW_NODE}`, `containerd/${NEW_NODE}`, `kube-proxy/${NEW_NODE}`],
      );
      context.cluster.joinNode(NEW_NODE, { cpu: '8', memory: '16Gi', labels: SSD });
    },
    onDecision: assign({
      decisions: ({ context, event }) => {
        const e = event.event;
        if (e.kind !== 'decision') return context.decisions;
        narrate(context.cluster, e.decision, context.decisions + 1);
        return context.decisions + 1;
      },
    }),
  },
  guards: {
    isDecision: ({ event }) => event.event.kind === 'decision' && event.event.pod === POD,
    podRunning: ({ event }) => change(POD, 'status.phase', 'Running')(event.event),
    failedScheduling: ({ event }) => message({ from: 'kube-scheduler', action: 'POST event (FailedScheduling)' })(event.event),
    noFit: ({ context }) => context.params.noFit === true,
  },
}).createMachine({
  id: 'scheduler-decision',
  context: ({ input }) => ({ ...input, decisions: 0 }),
  entry: 'build',
  initial: 'ready',
  on: { trace: { guard: 'isDecision', actions: 'onDecision' } },
  states: {
    ready: { after: { 400: { target: 'submitted', actions: 'submit' } } },
    submitted: {
      meta: waitingFor(text('the pod to be Running, or kube-scheduler to report it cannot place it (FailedScheduling)', '파드가 Running이 되거나, kube-scheduler가 배치할 수 없다고 알리는 것(FailedScheduling)')),
      on: {
        trace: [
          { guard: 'isDecision', actions: 'onDecision' },
          { guard: 'podRunning', target: 'settling' },
          { guard: 'failedScheduling', target: 'pending' },
        ],
      },
    },
    pending: { after: { 5000: { target: 'joining', actions: 'join' } } },
    joining: {
      meta: waitingFor(text('the pod to be Running on the node that joins', '파드가 새로 합류한 노드에서 Running이 되는 것')),
      on: {
        trace: [
          { guard: 'isDecision', actions: 'onDecision' },
          { guard: 'podRunning', target: 'settling' },
        ],
      },
    },
    settling: { after: { 1200: 'done' } },
    done: { type: 'final' },
  },
});

export const schedulerDecision: ScenarioDefinition = {
  ...schedulerDecisionAbout,
  machine,
  cues,
  maxSimTimeMs: 120_000,
};
