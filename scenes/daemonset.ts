/**
 * daemonset: one pod per node. kube-proxy is a DaemonSet already running everywhere; a new
 * DaemonSet (a log agent) gets one pod per eligible node from the DaemonSet controller, placed by
 * kube-scheduler through a matchFields node affinity; the control-plane node's taint
 * node-role.kubernetes.io/control-plane:NoSchedule keeps it off unless it tolerates it; a node
 * that joins gets its daemon pods (reference/kubernetes.md sections 5 and 7).
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { withParticle } from '../src/model/josa.ts';
import type { DaemonSet, Toleration } from '../src/model/objects.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { kubeProxyDaemonSet, seedDaemonSet } from '../src/sim/seed-daemonset.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, message } from './lib/match.ts';
import { daemonsetAbout } from './about/daemonset.ts';

export const CONTROL_PLANE = 'controlplane';
export const WORKERS = ['worker-1', 'worker-2'] as const;
export const NEW_NODE = 'worker-3';
export const CP_TAINT = 'node-role.kubernetes.io/control-plane';
const AGENT = 'log-agent';
const AGENT_NS = 'logging';
const AGENT_POD = /^Pod\/logging\/log-agent-/;

const tolerates = (params: ScenarioParams): boolean => params.tolerateControlPlane !== false;


export function logAgentDaemonSet(tolerateControlPlane: boolean): DaemonSet {
  const labels = { app: AGENT };
  const tolerations: Toleration[] = tolerateControlPlane ? [{ key: CP_TAINT, operator: 'Exists', effect: 'NoSchedule' }] : [];
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: AGENT, namespace: AGENT_NS, labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name: 'fluent-bit', image: 'fluent/fluent-bit:3.2', resources: { requests: { cpu: '100m', memory: '128Mi' } } }],
          ...(tolerations.length > 0 ? { tolerations } : {}),
        },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
    },
  };
}

function buildCluster(cluster: Cluster): void {
  cluster.addNode(CONTROL_PLANE, { cpu: '2', memory: '4Gi', controlPlane: true, taints: [{ key: CP_TAINT, effect: 'NoSchedule' }] });
  for (const n of WORKERS) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
  seedDaemonSet(cluster, kubeProxyDaemonSet(cluster.rt.config.k8sVersion));
}

/** Daemon pods of `name` Running and Ready, per node. */
function runningOn(cluster: Cluster, name: string): Set<string> {
  const out = new Set<string>();
  for (const p of cluster.pods()) {
    if (!p.metadata.name.startsWith(`${name}-`) || p.metadata.deletionTimestamp || p.status?.phase !== 'Running') continue;
    if (p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') && p.spec.nodeName) out.add(p.spec.nodeName);
  }
  return out;
}

export function expectedAgentNodes(params: ScenarioParams, joined: boolean): string[] {
  return [...(tolerates(params) ? [CONTROL_PLANE] : []), ...WORKERS, ...(joined ? [NEW_NODE] : [])];
}

const KUBELETS: readonly ComponentId[] = [CONTROL_PLANE, ...WORKERS].map((n) => `kubelet/${n}` as const);

function cues(params: ScenarioParams): readonly StepCue[] {
  const tol = tolerates(params);
  return [
    {
      id: 'controller',
      caption: tol
        ? text(
            'The DaemonSet controller (kube-controller-manager) checks every node: does the template’s node selector match, and are its NoSchedule/NoExecute taints tolerated? The log agent tolerates node-role.kubernetes.io/control-plane:NoSchedule, so all three nodes should run it.',
            '데몬셋 컨트롤러(kube-controller-manager)가 노드마다 확인합니다: 템플릿의 노드 셀렉터가 맞는가, NoSchedule/NoExecute 테인트를 허용하는가? 로그 에이전트는 node-role.kubernetes.io/control-plane:NoSchedule을 허용하므로 세 노드 모두에서 실행되어야 합니다.',
          )
        : text(
            'The DaemonSet controller (kube-controller-manager) checks every node: does the template’s node selector match, and are its NoSchedule/NoExecute taints tolerated? The control-plane node carries node-role.kubernetes.io/control-plane:NoSchedule and the log agent has no toleration for it: only the two workers should run it.',
            '데몬셋 컨트롤러(kube-controller-manager)가 노드마다 확인합니다: 템플릿의 노드 셀렉터가 맞는가, NoSchedule/NoExecute 테인트를 허용하는가? 컨트롤 플레인 노드에는 node-role.kubernetes.io/control-plane:NoSchedule 테인트가 있고 로그 에이전트에는 이를 허용하는 톨러레이션이 없으니, 두 워커에서만 실행되어야 합니다.',
          ),
      focus: ['kube-controller-manager'],
      when: activity('kube-controller-manager', 'daemon-set-controller/reconcile', `DaemonSet/${AGENT_NS}/${AGENT}`),
    },
    {
      id: 'create-pods',
      caption: text(
        'It creates one pod per node, without spec.nodeName: each pod gets a required node affinity matchFields metadata.name In [<node>] (since v1.12 kube-scheduler places daemon pods), plus the tolerations every daemon pod gets — not-ready and unreachable NoExecute with no time limit, disk-, memory-, pid-pressure and unschedulable NoSchedule.',
        '노드마다 파드를 하나씩 만들되 spec.nodeName은 비워 둡니다. 각 파드에는 필수 노드 어피니티 matchFields metadata.name In [<노드>]가 붙고(v1.12부터 데몬 파드도 kube-scheduler가 배치), 모든 데몬 파드가 받는 톨러레이션도 추가됩니다. 시간 제한 없는 not-ready·unreachable NoExecute와 disk/memory/pid-pressure·unschedulable NoSchedule입니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: message({ from: 'kube-controller-manager', action: 'POST pod', object: AGENT_POD }),
    },
    {
      id: 'schedule',
      caption: text(
        'kube-scheduler binds each daemon pod: NodeAffinity’s PreFilter narrows the candidates to the one node in matchFields (the others: "node(s) didn\'t satisfy plugin(s) [NodeAffinity]"), so the pod is bound to the node it was made for.',
        'kube-scheduler가 데몬 파드를 하나씩 바인딩합니다: NodeAffinity의 PreFilter가 후보를 matchFields의 노드 하나로 좁히므로(나머지는 "node(s) didn\'t satisfy plugin(s) [NodeAffinity]") 파드는 만들어진 목적의 노드에 바인딩됩니다.',
      ),
      focus: ['kube-scheduler', 'kube-apiserver'],
      when: (e) => e.kind === 'decision' && AGENT_POD.test(e.pod),
    },
    {
      id: 'agents-running',
      caption: text(
        `The kubelets pull fluent-bit and start the pods, one node after another; once all are Running, \`kubectl get ds -n ${AGENT_NS}\` says DESIRED ${tol ? 3 : 2}, CURRENT ${tol ? 3 : 2}, READY ${tol ? 3 : 2}.${tol ? '' : ' The control-plane node has none — just as ordinary pods stay off it.'}`,
        `kubelet들이 fluent-bit 이미지를 받아 노드마다 차례로 파드를 시작합니다. 모두 Running이 되면 \`kubectl get ds -n ${AGENT_NS}\`에 DESIRED ${tol ? 3 : 2}, CURRENT ${tol ? 3 : 2}, READY ${tol ? 3 : 2}로 보입니다.${tol ? '' : ' 일반 파드처럼 컨트롤 플레인 노드에는 하나도 없습니다.'}`,
      ),
      focus: ['kube-apiserver', ...KUBELETS],
      when: change(AGENT_POD, 'status.phase', 'Running'),
    },
    {
      id: 'register',
      caption: text(
        `${NEW_NODE}’s kubelet registers its Node, NotReady; kube-apiserver’s TaintNodesAtCreation admission plugin adds the taint node.kubernetes.io/not-ready:NoSchedule. Both DaemonSets are re-checked for the new node.`,
        `${NEW_NODE}의 kubelet이 노드를 NotReady 상태로 등록하고, kube-apiserver의 TaintNodesAtCreation 어드미션 플러그인이 node.kubernetes.io/not-ready:NoSchedule 테인트를 붙입니다. 두 데몬셋 모두 새 노드에 대해 다시 확인됩니다.`,
      ),
      focus: [`kubelet/${NEW_NODE}`, 'kube-apiserver', 'kube-controller-manager'],
      when: message({ from: `kubelet/${NEW_NODE}`, action: 'POST node' }),
    },
    {
      id: 'kube-proxy-first',
      caption: text(
        'kube-proxy tolerates every taint (operator: Exists), even not-ready: its pod is created and bound while the node is still NotReady — a node needs its proxy and network agents before it can be useful.',
        'kube-proxy는 모든 테인트를 허용(operator: Exists)하므로 not-ready도 허용합니다: 노드가 아직 NotReady인 동안에도 파드가 만들어져 바인딩됩니다. 노드가 제 역할을 하려면 프록시와 네트워크 에이전트가 먼저 있어야 하기 때문입니다.',
      ),
      focus: ['kube-controller-manager', 'kube-scheduler'],
      when: activity('kube-controller-manager', 'daemon-set-controller/reconcile', 'DaemonSet/kube-system/kube-proxy'),
    },
    {
      id: 'untaint',
      caption: text(
        `${NEW_NODE} reports Ready; the node lifecycle controller removes the not-ready taint. Now the log agent (which does not tolerate not-ready:NoSchedule) gets its pod there too.`,
        `${withParticle(NEW_NODE, '이/가')} Ready를 보고하고 노드 라이프사이클 컨트롤러가 not-ready 테인트를 제거합니다. 이제 not-ready:NoSchedule을 허용하지 않는 로그 에이전트도 그 노드에 파드를 받습니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: message({ from: 'kube-controller-manager', action: 'PATCH node (untaint)' }),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => buildCluster(context.cluster),
    intro: ({ context }) =>
      context.cluster.step(
        'kube-proxy',
        text(
          'kube-proxy is a DaemonSet: `kubectl get daemonset -n kube-system` shows kube-proxy with DESIRED 3, CURRENT 3, READY 3 — one pod per node, the control-plane node included, because kubeadm’s kube-proxy tolerates every taint.',
          'kube-proxy는 데몬셋입니다: `kubectl get daemonset -n kube-system` 에 kube-proxy가 DESIRED 3, CURRENT 3, READY 3으로 보입니다. 컨트롤 플레인 노드를 포함해 노드마다 파드가 하나씩 있습니다. kubeadm의 kube-proxy는 모든 테인트를 허용하기 때문입니다.',
        ),
        ['kube-apiserver', ...KUBELETS],
      ),
    apply: ({ context }) => {
      const tol = tolerates(context.params);
      context.cluster.step(
        'apply',
        tol
          ? text(`\`kubectl apply -f log-agent.yaml\`: a DaemonSet "${AGENT}" in the namespace ${AGENT_NS}, with the toleration {key: ${CP_TAINT}, operator: Exists, effect: NoSchedule}.`, `\`kubectl apply -f log-agent.yaml\`: ${AGENT_NS} 네임스페이스의 데몬셋 "${AGENT}", 톨러레이션 {key: ${CP_TAINT}, operator: Exists, effect: NoSchedule} 포함.`)
          : text(`\`kubectl apply -f log-agent.yaml\`: a DaemonSet "${AGENT}" in the namespace ${AGENT_NS}, with no tolerations.`, `\`kubectl apply -f log-agent.yaml\`: ${AGENT_NS} 네임스페이스의 데몬셋 "${AGENT}", 톨러레이션 없음.`),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.create(logAgentDaemonSet(tol), 'POST daemonset');
    },
    join: ({ context }) => {
      context.cluster.step('join', text(`A new worker joins: \`kubeadm join\` on ${NEW_NODE}. containerd and the kubelet start.`, `새 워커가 합류합니다: ${NEW_NODE}에서 \`kubeadm join\`. containerd와 kubelet이 시작됩니다.`), [`kubelet/${NEW_NODE}`, `containerd/${NEW_NODE}`]);
      context.cluster.joinNode(NEW_NODE, { cpu: '4', memory: '8Gi' });
    },
    outro: ({ context }) => {
      const n = expectedAgentNodes(context.params, true).length;
      context.cluster.step(
        'all-nodes',
        text(`Every node runs its daemon pods: kube-proxy 4/4, ${AGENT} ${n}/${n}. Nobody ran kubectl for ${NEW_NODE}: joining was enough. (\`kubectl drain\` stops with an error on a node running such pods unless given --ignore-daemonsets, which skips them: their controller would recreate them there at once, as they tolerate the cordon.)`, `모든 노드가 데몬 파드를 실행합니다: kube-proxy 4/4, ${AGENT} ${n}/${n}. ${withParticle(NEW_NODE, '을/를')} 위해 kubectl을 실행한 사람은 없습니다: 합류만으로 충분했습니다. (이런 파드가 있는 노드에서 \`kubectl drain\`은 --ignore-daemonsets 없이는 오류를 내고 멈춥니다. 이 옵션을 주면 이 파드들은 건너뜁니다. 코든을 허용하는 파드라서 지워도 컨트롤러가 그 자리에 곧바로 다시 만들기 때문입니다.)`),
        ['kube-apiserver', ...KUBELETS, `kubelet/${NEW_NODE}`],
      );
    },
  },
  guards: {
    agentsRunning: ({ context }) => {
      const on = runningOn(context.cluster, AGENT);
      return expectedAgentNodes(context.params, false).every((n) => on.has(n));
    },
    allRunning: ({ context }) => {
      const agents = runningOn(context.cluster, AGENT);
      const proxies = runningOn(context.cluster, 'kube-proxy');
      return expectedAgentNodes(context.params, true).every((n) => agents.has(n)) && proxies.has(NEW_NODE);
    },
  },
}).createMachine({
  id: 'daemonset',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 300: { target: 'intro', actions: 'intro' } } },
    intro: { after: { 1500: { target: 'applied', actions: 'apply' } } },
    applied: {
      meta: waitingFor(text('a log-agent pod Running and Ready on every node the DaemonSet should run on', 'DaemonSet이 실행되어야 할 모든 노드에서 log-agent 파드가 Running, Ready가 되는 것')),
      on: { trace: { guard: 'agentsRunning', target: 'settled' } },
    },
    settled: { after: { 3000: { target: 'joining', actions: 'join' } } },
    joining: {
      meta: waitingFor(text('log-agent and kube-proxy Running and Ready on the node that joins (worker-3), and log-agent on every other node it should run on', '새로 합류한 노드(worker-3)에서 log-agent와 kube-proxy가, 그리고 나머지 대상 노드에서 log-agent가 Running, Ready가 되는 것')),
      on: { trace: { guard: 'allRunning', target: 'settling', actions: 'outro' } },
    },
    settling: { after: { 1000: 'done' } },
    done: { type: 'final' },
  },
});

export const daemonset: ScenarioDefinition = {
  ...daemonsetAbout,
  machine,
  cues,
  maxSimTimeMs: 120_000,
};
