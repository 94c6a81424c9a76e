/**
 * The caption and focus of the step a learner's command starts: the command as typed, then what
 * the cluster does with it, in both languages. Timings come from the run's configuration, so a
 * caption never promises what the simulation does not do.
 */
import type { SandboxAction } from '../../model/kubectl/actions.ts';
import { withParticle } from '../../model/josa.ts';
import { formatCount } from '../../model/count.ts';
import { SANDBOX_MAX_PODS } from './pod-budget.ts';
import type { Localized } from '../../model/localized.ts';
import { text } from '../../model/localized.ts';
import type { SimConfig } from '../core/config.ts';
import type { ComponentId } from '../trace.ts';

export interface ActionNarration {
  readonly caption: Localized;
  readonly focus: readonly ComponentId[];
}

/** What Korean calls each kind of object in the captions. */
const KO_KIND: Readonly<Record<string, string>> = { deployment: '디플로이먼트', replicaset: '레플리카셋', pod: '파드', service: '서비스', node: '노드' };
const koKind = (resource: string): string => KO_KIND[resource] ?? resource;
const EN_KIND: Readonly<Record<string, string>> = { deployment: 'Deployment', replicaset: 'ReplicaSet', pod: 'Pod', service: 'Service', node: 'Node' };
const enKind = (resource: string): string => EN_KIND[resource] ?? resource;

const API: readonly ComponentId[] = ['kubectl', 'kube-apiserver'];
const CONTROLLERS: readonly ComponentId[] = ['kubectl', 'kube-apiserver', 'kube-controller-manager'];
/** A command that makes pods: kube-scheduler places them (and says why one fits nowhere). */
const PLACING: readonly ComponentId[] = [...CONTROLLERS, 'kube-scheduler'];

function explain(action: SandboxAction, config: SimConfig): ActionNarration {
  const graceS = Math.round(config.nodeMonitorGraceMs / 1000);
  const tolS = config.defaultTolerationSeconds;
  switch (action.kind) {
    case 'run':
      return {
        caption: text(
          `kubectl POSTs Pod ${action.name}. kube-apiserver stores it in etcd with no node; kube-scheduler picks one, and that node's kubelet starts it.`,
          `kubectl이 파드 ${withParticle(action.name, '을/를')} POST합니다. kube-apiserver가 노드 없이 etcd에 저장하면 kube-scheduler가 노드를 고르고, 그 노드의 kubelet이 파드를 시작합니다.`,
        ),
        focus: [...API, 'kube-scheduler'],
      };
    case 'create-deployment':
      return {
        caption: text(
          // The pods are the ReplicaSet's count when its controller gets to it, not the command's:
          // a `kubectl scale` a few ms later is already in the Deployment the ReplicaSet is made from.
          `kubectl POSTs Deployment ${action.name} (replicas: ${formatCount(action.replicas)}). The deployment controller creates a ReplicaSet, the ReplicaSet controller creates the pods it asks for, and kube-scheduler places each on a node with room (one that fits nowhere stays Pending).`,
          `kubectl이 디플로이먼트 ${withParticle(action.name, '을/를')} POST합니다(replicas: ${formatCount(action.replicas)}). 디플로이먼트 컨트롤러가 레플리카셋을, 레플리카셋 컨트롤러가 레플리카셋이 원하는 수만큼 파드를 만들고, kube-scheduler가 자리가 있는 노드에 하나씩 배치합니다(들어갈 곳이 없는 파드는 Pending으로 남습니다).`,
        ),
        focus: PLACING,
      };
    case 'apply':
      return {
        caption: text(
          'kubectl apply sends each object of the manifest: POST when it is new, PATCH when it exists. The controllers then work toward what it declares.',
          'kubectl apply가 매니페스트의 오브젝트를 하나씩 보냅니다. 새것이면 POST, 이미 있으면 PATCH합니다. 그다음은 컨트롤러들이 선언된 상태를 향해 일합니다.',
        ),
        focus: CONTROLLERS,
      };
    case 'scale':
      return action.target.resource === 'deployment'
        ? {
            caption: text(
              `kubectl PATCHes the scale subresource of Deployment ${action.target.name} to ${formatCount(action.replicas)}. The deployment controller passes the count to its ReplicaSet, whose controller creates or deletes pods to match.`,
              `kubectl이 디플로이먼트 ${action.target.name}의 scale 하위 리소스를 ${withParticle(formatCount(action.replicas), '으로/로')} PATCH합니다. 디플로이먼트 컨트롤러가 그 수를 레플리카셋에 넘기고, 레플리카셋 컨트롤러가 파드를 만들거나 지워 맞춥니다.`,
            ),
            focus: PLACING,
          }
        : {
            caption: text(
              `kubectl PATCHes ReplicaSet ${action.target.name} to ${formatCount(action.replicas)} replicas and its controller makes the pods match. If a Deployment owns it, the deployment controller sets the count back.`,
              `kubectl이 레플리카셋 ${action.target.name}의 레플리카를 ${withParticle(formatCount(action.replicas), '으로/로')} PATCH하고, 컨트롤러가 파드 수를 맞춥니다. 디플로이먼트가 소유한 레플리카셋이라면 디플로이먼트 컨트롤러가 수를 되돌립니다.`,
            ),
            focus: PLACING,
          };
    case 'set-image':
      return {
        caption: text(
          `kubectl PATCHes the pod template of Deployment ${action.deployment}. A new template means a new ReplicaSet: the deployment controller moves pods over within maxSurge and maxUnavailable.`,
          `kubectl이 디플로이먼트 ${action.deployment}의 파드 템플릿을 PATCH합니다. 템플릿이 바뀌면 레플리카셋도 새로 생기고, 디플로이먼트 컨트롤러가 maxSurge와 maxUnavailable 안에서 파드를 옮겨 갑니다.`,
        ),
        focus: CONTROLLERS,
      };
    case 'rollout-undo':
      return {
        caption: text(
          `kubectl finds the ReplicaSet of ${action.toRevision === undefined ? 'the previous revision' : `revision ${action.toRevision}`} and PATCHes its pod template back into Deployment ${action.deployment}: a rollback is another rollout.`,
          `kubectl이 ${action.toRevision === undefined ? '이전 리비전' : `리비전 ${action.toRevision}`}의 레플리카셋을 찾아 그 파드 템플릿을 디플로이먼트 ${action.deployment}에 다시 PATCH합니다. 롤백도 또 하나의 롤아웃입니다.`,
        ),
        focus: CONTROLLERS,
      };
    case 'rollout-status':
      return {
        caption: text(
          `kubectl GETs Deployment ${action.deployment}, then watches it and prints its progress until every replica is updated and available.`,
          `kubectl이 디플로이먼트 ${withParticle(action.deployment, '을/를')} GET한 뒤 watch하며, 모든 레플리카가 갱신되고 사용 가능해질 때까지 진행 상황을 출력합니다.`,
        ),
        focus: API,
      };
    case 'delete': {
      const kinds = new Set(action.targets.map((t) => t.resource));
      const en: string[] = [];
      const ko: string[] = [];
      if (kinds.has('pod')) {
        en.push(action.force ? 'A forced delete removes the pod object at once, without waiting for its kubelet.' : 'A deleted pod gets a deletionTimestamp and its kubelet stops the containers within the grace period. A ReplicaSet that owns it creates a replacement.');
        ko.push(action.force ? '강제 삭제는 kubelet을 기다리지 않고 파드 오브젝트를 바로 지웁니다.' : '삭제된 파드에는 deletionTimestamp가 붙고, kubelet이 유예 기간 안에 컨테이너를 멈춥니다. 파드를 소유한 레플리카셋은 대체 파드를 만듭니다.');
      }
      if (kinds.has('deployment') || kinds.has('replicaset')) {
        en.push('The garbage collector deletes what the deleted object owned (ownerReferences): its ReplicaSets and pods.');
        ko.push('가비지 컬렉터가 지워진 오브젝트가 소유하던 것(ownerReferences), 곧 레플리카셋과 파드를 지웁니다.');
      }
      if (kinds.has('service')) {
        en.push('Without the Service, its EndpointSlices go and kube-proxy removes its rules on every node.');
        ko.push('서비스가 사라지면 그 엔드포인트슬라이스도 지워지고, kube-proxy가 모든 노드에서 규칙을 지웁니다.');
      }
      return { caption: text(`kubectl sends DELETE. ${en.join(' ')}`, `kubectl이 DELETE를 보냅니다. ${ko.join(' ')}`), focus: CONTROLLERS };
    }
    case 'expose':
      return {
        caption: text(
          `kubectl reads the selector of ${enKind(action.target.resource)} ${action.target.name} and POSTs a ${action.type} Service. The EndpointSlice controller lists the Ready pods it selects; kube-proxy on every node programs rules for its ClusterIP.`,
          `kubectl이 ${koKind(action.target.resource)} ${action.target.name}의 셀렉터를 읽어 ${action.type} 서비스를 POST합니다. 엔드포인트슬라이스 컨트롤러가 셀렉터에 맞는 Ready 파드를 모으고, 모든 노드의 kube-proxy가 ClusterIP 규칙을 씁니다.`,
        ),
        focus: CONTROLLERS,
      };
    case 'cordon':
      return {
        caption: text(
          `kubectl PATCHes spec.unschedulable: true on ${action.node}. kube-scheduler stops placing new pods there; the pods already running stay.`,
          `kubectl이 ${action.node}에 spec.unschedulable: true를 PATCH합니다. kube-scheduler는 새 파드를 더 이상 그 노드에 두지 않지만, 실행 중인 파드는 그대로입니다.`,
        ),
        focus: API,
      };
    case 'uncordon':
      return {
        caption: text(
          `kubectl PATCHes spec.unschedulable away from ${action.node}: it takes new pods again. Nothing moves back by itself.`,
          `kubectl이 ${action.node}의 spec.unschedulable을 PATCH로 없앱니다. 새 파드는 다시 이 노드에 올 수 있지만, 옮겨 간 파드가 저절로 돌아오지는 않습니다.`,
        ),
        focus: API,
      };
    case 'drain':
      return {
        caption: text(
          `kubectl cordons ${action.node}, lists its pods and evicts each one through the Eviction API, which honours PodDisruptionBudgets; their controllers recreate them elsewhere.${action.ignoreDaemonsets ? ' DaemonSet pods stay (--ignore-daemonsets).' : ''}`,
          `kubectl이 ${withParticle(action.node, '을/를')} 코든하고, 그 노드의 파드를 조회해 Eviction API로 하나씩 축출합니다. Eviction API는 PodDisruptionBudget을 지키고, 컨트롤러가 파드를 다른 곳에 다시 만듭니다.${action.ignoreDaemonsets ? ' 데몬셋 파드는 남습니다(--ignore-daemonsets).' : ''}`,
        ),
        focus: API,
      };
    case 'taint': {
      const effects = new Set(action.add.map((t) => t.effect));
      const en = action.add.length === 0 ? 'The taint is gone: pods that did not tolerate it may be scheduled there again.' : effects.has('NoExecute') ? 'NoExecute: pods already running there that do not tolerate it are evicted too.' : effects.has('NoSchedule') ? 'NoSchedule: kube-scheduler no longer places pods there unless they tolerate it; running pods stay.' : 'PreferNoSchedule: kube-scheduler avoids the node when it can.';
      const ko = action.add.length === 0 ? '테인트가 사라졌으니, 이를 허용하지 않던 파드도 다시 이 노드에 배치될 수 있습니다.' : effects.has('NoExecute') ? 'NoExecute: 이미 실행 중이더라도 허용(toleration)하지 않는 파드는 축출됩니다.' : effects.has('NoSchedule') ? 'NoSchedule: 허용하지 않는 파드는 kube-scheduler가 더 이상 이 노드에 두지 않고, 실행 중인 파드는 그대로입니다.' : 'PreferNoSchedule: kube-scheduler가 가능하면 이 노드를 피합니다.';
      return { caption: text(`kubectl PATCHes the taints of ${action.nodes.join(', ')}. ${en}`, `kubectl이 ${action.nodes.join(', ')}의 테인트를 PATCH합니다. ${ko}`), focus: [...API, 'kube-scheduler'] };
    }
    case 'label':
      return {
        caption: text(
          `kubectl PATCHes the labels of ${enKind(action.resource)} ${action.names.join(', ')}. Selectors match labels (Services, ReplicaSets, nodeSelector), so what selects it can change.`,
          `kubectl이 ${koKind(action.resource)} ${action.names.join(', ')}의 레이블을 PATCH합니다. 셀렉터(서비스, 레플리카셋, nodeSelector)는 레이블로 고르므로, 이 오브젝트를 고르는 대상이 바뀔 수 있습니다.`,
        ),
        focus: API,
      };
    case 'node-power-off':
      return {
        caption: text(
          `${action.node} loses power: kubelet, runtime and containers stop at once, and nothing tells the control plane. Its Lease stops being renewed; after ${graceS} s the node lifecycle controller sets its Ready condition to Unknown (NotReady in \`kubectl get nodes\`) and taints it node.kubernetes.io/unreachable, and ${tolS} s later its pods are evicted (unless every zone is down: then nothing is evicted).`,
          `${withParticle(action.node, '이/가')} 전원을 잃습니다. kubelet, 런타임, 컨테이너가 한꺼번에 멈추고, 컨트롤 플레인에는 아무도 알리지 않습니다. 리스 갱신이 끊기고 ${graceS}초 뒤 노드 라이프사이클 컨트롤러가 Ready 조건을 Unknown(\`kubectl get nodes\`에서는 NotReady)으로 바꾸고 node.kubernetes.io/unreachable 테인트를 붙이며, ${tolS}초 뒤 파드가 축출됩니다(모든 영역의 노드가 내려가 있으면 아무것도 축출하지 않습니다).`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-controller-manager'],
      };
    case 'node-power-on':
      return {
        caption: text(
          `Power is back on ${action.node}: its runtime and kubelet start, the kubelet renews its Lease and reports Ready, and lists the pods bound to it.`,
          `${action.node}에 전원이 돌아옵니다. 런타임과 kubelet이 시작하고, kubelet이 리스를 갱신해 Ready를 보고하며 이 노드에 배정된 파드를 조회합니다.`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-apiserver'],
      };
    case 'kubelet-stop':
      return {
        caption: text(
          `The kubelet on ${action.node} stops; its containers keep running, but nobody renews the Lease or reports on them. After ${graceS} s its Ready condition is Unknown (NotReady in \`kubectl get nodes\`).`,
          `${action.node}의 kubelet이 멈춥니다. 컨테이너는 계속 돌지만 리스를 갱신하거나 상태를 보고하는 주체가 없습니다. ${graceS}초 뒤 Ready 조건이 Unknown(\`kubectl get nodes\`에서는 NotReady)이 됩니다.`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-controller-manager'],
      };
    case 'kubelet-start':
      return {
        caption: text(
          `The kubelet on ${action.node} starts again: it renews the Lease, reports Ready and lists its pods; containers that kept running are simply found again.`,
          `${action.node}의 kubelet이 다시 시작합니다. 리스를 갱신하고 Ready를 보고하며 파드를 조회합니다. 계속 돌던 컨테이너는 그대로 다시 찾습니다.`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-apiserver'],
      };
    case 'node-disconnect':
      return {
        caption: text(
          `${action.node} is cut off from the control plane. Its containers keep running, but its Lease renewals never arrive: after ${graceS} s it is NotReady (unreachable), and its pods are evicted ${tolS} s later, even though they still run.`,
          `${withParticle(action.node, '이/가')} 컨트롤 플레인과 끊깁니다. 컨테이너는 계속 돌지만 리스 갱신이 닿지 않아 ${graceS}초 뒤 NotReady(unreachable)가 되고, ${tolS}초 뒤에는 파드가 아직 돌고 있어도 축출됩니다.`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-controller-manager'],
      };
    case 'node-reconnect':
      return {
        caption: text(
          `The network to ${action.node} is back: the kubelet renews its Lease, reports Ready and lists its pods again.`,
          `${action.node}의 네트워크가 돌아옵니다. kubelet이 리스를 갱신하고 Ready를 보고하며 파드를 다시 조회합니다.`,
        ),
        focus: [`kubelet/${action.node}`, 'kube-apiserver'],
      };
    case 'etcd-stop':
      return {
        caption: text(
          `etcd member ${action.member} stops. With quorum left, writes go on; without it, kube-apiserver answers writes with errors and nothing in the cluster can change.`,
          `etcd 멤버 ${withParticle(action.member, '이/가')} 멈춥니다. 쿼럼이 남아 있으면 쓰기가 계속되고, 쿼럼이 깨지면 kube-apiserver가 쓰기에 오류로 답해 클러스터의 어떤 것도 바뀔 수 없습니다.`,
        ),
        focus: ['kube-apiserver', 'etcd'],
      };
    case 'etcd-start':
      return {
        caption: text(`etcd member ${action.member} starts again and catches up from the leader.`, `etcd 멤버 ${withParticle(action.member, '이/가')} 다시 시작해 리더를 따라잡습니다.`),
        focus: ['kube-apiserver', 'etcd'],
      };
    case 'wait':
      return { caption: text(`Time passes: ${action.seconds} s of cluster time.`, `시간이 흐릅니다: 클러스터 시간으로 ${action.seconds}초.`), focus: [] };
  }
}

/** The step for a learner's command: `$ command` on the first line, then what happens. */
export function narrateAction(command: string, action: SandboxAction, config: SimConfig): ActionNarration {
  const { caption, focus } = explain(action, config);
  return { caption: text(`You: \`${command}\`. ${caption.en}`, `직접 입력: \`${command}\`. ${caption.ko}`), focus };
}

/**
 * The step for a command that was refused, and nothing changes: by kubectl itself (a typo, a bad
 * flag) or, for an object that does not exist, by kube-apiserver's 404.
 */
export function narrateRefusal(command: string, error: string): ActionNarration {
  const server = error.startsWith('Error from server');
  return server
    ? {
        caption: text(`You: \`${command}\`. kube-apiserver answers 404: \`${error}\`. Nothing changes.`, `직접 입력: \`${command}\`. kube-apiserver가 404로 답합니다: \`${error}\`. 아무것도 바뀌지 않습니다.`),
        focus: ['kubectl', 'kube-apiserver'],
      }
    : {
        caption: text(`You: \`${command}\`. kubectl refuses: \`${error}\`. Nothing changes.`, `직접 입력: \`${command}\`. kubectl이 거부합니다: \`${error}\`. 아무것도 바뀌지 않습니다.`),
        focus: ['kubectl'],
      };
}

/**
 * `kubectl drain` that stopped after its cordon (a DaemonSet pod without --ignore-daemonsets, a
 * pod no controller owns without --force...): the step its command started said it would evict
 * and recreate, so the failure gets a step of its own saying that nothing was evicted.
 */
export function narrateDrainStopped(node: string, error: string): ActionNarration {
  return {
    caption: text(
      `kubectl drain stops after the cordon: \`${error}\`. No pod is evicted; ${node} stays cordoned (\`kubectl uncordon ${node}\` takes that back).`,
      `kubectl drain이 코든까지만 하고 멈춥니다: \`${error}\`. 축출된 파드는 없고 ${withParticle(node, '은/는')} 코든된 채로 남습니다(\`kubectl uncordon ${node}\`로 되돌립니다).`,
    ),
    focus: ['kubectl', 'kube-apiserver'],
  };
}

/** A command that would ask for more pods than the sandbox simulates (pod-budget.ts): kubedeck's limit, which a real cluster does not have. */
export function narrateOverBudget(command: string, asked: number): ActionNarration {
  const max = formatCount(SANDBOX_MAX_PODS);
  return {
    caption: text(
      `You: \`${command}\`. Not run: kubedeck's sandbox simulates at most ${max} pods, in your browser, and with this the cluster would ask for ${formatCount(asked)} in all. A real cluster would take the command. Nothing changes.`,
      `직접 입력: \`${command}\`. 실행하지 않았습니다. kubedeck 샌드박스는 브라우저에서 파드를 ${max}개까지만 시뮬레이션하는데, 이 명령을 실행하면 클러스터 전체 파드가 ${formatCount(asked)}개가 됩니다. 실제 클러스터라면 받아들이는 명령입니다. 아무것도 바뀌지 않습니다.`,
    ),
    focus: ['kubectl'],
  };
}

/** Follow-up steps of a node fault, when the control plane reacts (insert-commands.ts). */
export function narrateNodeUnknown(node: string, config: SimConfig): ActionNarration {
  const graceS = Math.round(config.nodeMonitorGraceMs / 1000);
  return {
    caption: text(
      `No heartbeat from ${node} for ${graceS} s: the node lifecycle controller sets its Ready condition to Unknown, marks its pods Ready=False (they leave Service endpoints) and taints it node.kubernetes.io/unreachable. Its pods tolerate that taint for ${config.defaultTolerationSeconds} s.`,
      `${graceS}초 동안 ${node}의 하트비트가 없습니다. 노드 라이프사이클 컨트롤러가 Ready 조건을 Unknown으로 바꾸고, 파드를 Ready=False로 표시해 서비스 엔드포인트에서 빼고, node.kubernetes.io/unreachable 테인트를 붙입니다. 파드는 이 테인트를 ${config.defaultTolerationSeconds}초 동안 허용합니다.`,
    ),
    focus: ['kube-controller-manager', `kubelet/${node}`],
  };
}

export function narrateNodeEvictions(node: string, config: SimConfig): ActionNarration {
  return {
    caption: text(
      `${config.defaultTolerationSeconds} s of tolerating the unreachable taint are up: the taint-eviction controller deletes the pods on ${node}. Their ReplicaSets create replacements, which kube-scheduler places on Ready nodes with room (any that fit nowhere wait Pending); the old pods stay Terminating until ${node}'s kubelet is back.`,
      `unreachable 테인트를 허용하던 ${config.defaultTolerationSeconds}초가 지났습니다. 테인트 축출 컨트롤러가 ${node}의 파드를 삭제하고, 레플리카셋이 대체 파드를 만들면 kube-scheduler가 자리가 있는 Ready 노드에 배치합니다(들어갈 곳이 없으면 Pending으로 기다립니다). 옛 파드는 ${node}의 kubelet이 돌아올 때까지 Terminating으로 남습니다.`,
    ),
    focus: ['kube-controller-manager', 'kube-scheduler'],
  };
}
