/**
 * static-pods: a kubeadm control-plane node boots. Its kubelet (a systemd service, not a pod)
 * runs the manifests in /etc/kubernetes/manifests through containerd: etcd, kube-apiserver,
 * kube-controller-manager, kube-scheduler. Once kube-apiserver answers, it registers the node and
 * creates a read-only mirror pod <name>-<node> for each. Deleting a mirror changes nothing;
 * removing the manifest stops the pod (reference/kubernetes.md section 7).
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ControlPlaneKubelet } from '../src/sim/components/static-pods/control-plane-kubelet.ts';
import { addControlPlaneNode } from '../src/sim/components/static-pods/control-plane-node.ts';
import type { ControlPlaneComponent } from '../src/sim/components/static-pods/manifests.ts';
import { isMirror, manifestFile, STATIC_POD_PATH } from '../src/sim/components/static-pods/manifests.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, component, deleted, message } from './lib/match.ts';
import { withParticle } from '../src/model/josa.ts';
import { staticPodsAbout } from './about/static-pods.ts';

const NODE = 'controlplane';
const KUBELET: ComponentId = `kubelet/${NODE}`;
const RUNTIME: ComponentId = `containerd/${NODE}`;
const OPERATOR: ComponentId = 'client/operator';

const kubelets = new WeakMap<Cluster, ControlPlaneKubelet>();
const target = (params: ScenarioParams): ControlPlaneComponent => (params.component === 'kube-controller-manager' ? 'kube-controller-manager' : 'kube-scheduler');
const mirrorRef = (params: ScenarioParams): string => `Pod/kube-system/${target(params)}-${NODE}`;

function kubeletOf(cluster: Cluster): ControlPlaneKubelet {
  const k = kubelets.get(cluster);
  if (!k) throw new Error('static-pods: no control-plane kubelet');
  return k;
}

const runningMirrors = (cluster: Cluster): number => cluster.pods().filter((p) => isMirror(p) && p.status?.phase === 'Running' && !p.metadata.deletionTimestamp).length;

function cues(params: ScenarioParams): readonly StepCue[] {
  const c = target(params);
  const ref = mirrorRef(params);
  return [
    {
      id: 'read-manifests',
      caption: text(
        `The kubelet's config (/var/lib/kubelet/config.yaml) sets staticPodPath: ${STATIC_POD_PATH}. kubeadm wrote four manifests there: etcd.yaml, kube-apiserver.yaml, kube-controller-manager.yaml, kube-scheduler.yaml. The kubelet runs them without any API server.`,
        `kubelet 설정(/var/lib/kubelet/config.yaml)의 staticPodPath는 ${STATIC_POD_PATH}입니다. kubeadm이 매니페스트 네 개(etcd.yaml, kube-apiserver.yaml, kube-controller-manager.yaml, kube-scheduler.yaml)를 써 두었고, kubelet은 API 서버 없이 이것들을 실행합니다.`,
      ),
      focus: [KUBELET],
      when: activity(KUBELET, 'static:read'),
    },
    {
      id: 'cri',
      caption: text(
        'For each manifest the kubelet calls containerd over CRI: RunPodSandbox, CreateContainer, StartContainer. hostNetwork: true — the sandbox shares the node’s network, no CNI (there is no pod network yet). kubeadm pulled the images beforehand.',
        '매니페스트마다 kubelet이 CRI로 containerd를 호출합니다: RunPodSandbox, CreateContainer, StartContainer. hostNetwork: true라서 샌드박스가 노드 네트워크를 그대로 쓰고, CNI를 거치지 않습니다(아직 파드 네트워크가 없습니다). 이미지는 kubeadm이 미리 받아 두었습니다.',
      ),
      focus: [KUBELET, RUNTIME],
      when: message({ from: KUBELET, action: 'RunPodSandbox' }),
    },
    {
      id: 'etcd-up',
      caption: text('etcd is serving on 2379.', 'etcd가 2379 포트에서 서비스를 시작했습니다.'),
      focus: ['etcd'],
      when: component('etcd', 'up'),
    },
    {
      id: 'apiserver-up',
      caption: text(
        'kube-apiserver is serving on 6443. It needs etcd: started before etcd answers, it would fail and the kubelet would restart it.',
        'kube-apiserver가 6443 포트에서 서비스를 시작했습니다. etcd가 필요해서, etcd가 응답하기 전에 뜨면 실패하고 kubelet이 다시 시작합니다.',
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: component('kube-apiserver', 'up'),
    },
    {
      id: 'register',
      caption: text(`Now the kubelet can reach kube-apiserver: it registers the Node ${NODE} as system:node:${NODE}.`, `이제 kubelet이 kube-apiserver에 닿으므로 system:node:${withParticle(NODE, '으로/로')} 노드 ${withParticle(NODE, '을/를')} 등록합니다.`),
      focus: [KUBELET, 'kube-apiserver'],
      when: message({ from: KUBELET, action: 'POST node (register)' }),
    },
    {
      id: 'mirror',
      caption: text(
        `For each static pod the kubelet creates a mirror pod in kube-system named <name>-<nodeName>: etcd-${NODE}, kube-apiserver-${NODE}, … \`kubectl get pods -n kube-system\` lists them (their dashed boxes turn solid). A mirror is read-only: the API cannot change the static pod.`,
        `정적 파드마다 kubelet이 kube-system에 <이름>-<노드이름> 형식의 미러 파드를 만듭니다: etcd-${NODE}, kube-apiserver-${NODE}, … \`kubectl get pods -n kube-system\`에 보입니다(점선 상자가 실선이 됩니다). 미러 파드는 읽기 전용이라 API로 정적 파드를 바꿀 수 없습니다.`,
      ),
      focus: [KUBELET, 'kube-apiserver', 'etcd'],
      when: message({ from: KUBELET, action: 'POST pod (mirror)' }),
    },
    {
      id: 'mirror-deleted',
      caption: text(
        `The kubelet sees its mirror marked for deletion. The static pod was never touched: ${c} keeps running. The kubelet removes the old mirror and creates a new one (new UID, AGE starts again).`,
        `kubelet이 미러 파드에 삭제 표시가 된 것을 봅니다. 정적 파드는 그대로이므로 ${withParticle(c, '은/는')} 계속 실행 중입니다. kubelet이 옛 미러 파드를 지우고 새 미러 파드를 만듭니다(UID가 새로 생기고 AGE가 다시 시작).`,
      ),
      focus: [KUBELET, 'kube-apiserver'],
      when: activity(KUBELET, 'mirror:deleted'),
    },
    {
      id: 'manifest-removed',
      caption: text(
        `The kubelet notices the file is gone (it watches the directory with inotify) and stops the static pod: StopContainer, StopPodSandbox, RemovePodSandbox. ${c} is no longer running.`,
        `kubelet이 파일이 사라진 것을 알아챕니다(inotify로 디렉터리를 감시). 정적 파드를 멈춥니다: StopContainer, StopPodSandbox, RemovePodSandbox. ${withParticle(c, '은/는')} 더 이상 실행되지 않습니다.`,
      ),
      focus: [KUBELET, RUNTIME, c],
      when: activity(KUBELET, 'static:manifest'),
    },
    {
      id: 'mirror-gone',
      caption: text(
        `…and deletes its mirror pod: ${c}-${NODE} disappears from \`kubectl get pods -n kube-system\`.${c === 'kube-scheduler' ? ' New pods would now stay Pending.' : ''}`,
        `…그리고 미러 파드를 지웁니다: \`kubectl get pods -n kube-system\`에서 ${c}-${withParticle(NODE, '이/가')} 사라집니다.${c === 'kube-scheduler' ? ' 이제 새 파드를 만들면 Pending으로 남습니다.' : ''}`,
      ),
      focus: [KUBELET, 'kube-apiserver'],
      when: deleted(ref),
    },
    {
      id: 'back',
      caption: text(`The manifest is back: the kubelet has started ${c} again and created its mirror pod, and ${c} is up. Editing a manifest works the same way — the kubelet restarts the pod.`, `매니페스트가 돌아왔습니다. kubelet이 ${withParticle(c, '을/를')} 다시 시작하고 미러 파드를 만들었고, ${withParticle(c, '이/가')} 다시 동작합니다. 매니페스트를 고쳐도 같은 방식으로 kubelet이 파드를 다시 시작합니다.`),
      focus: [KUBELET, c],
      // When the component is up again, not when its mirror first says Running (a quarter second
      // before): the step's first frame showed a Running mirror beside a crossed-out card (reviewer).
      when: component(c, 'up'),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster } = context;
      kubelets.set(cluster, addControlPlaneNode(cluster, NODE, false));
      cluster.addComponent(OPERATOR);
      cluster.rt.board.set(OPERATOR, 'up', true);
    },
    boot: ({ context }) => {
      context.cluster.step(
        'boot',
        text(
          `The control-plane node ${NODE} powers on. systemd starts containerd and the kubelet. The kubelet is not a pod: it is a systemd service on every node (\`systemctl status kubelet\`).`,
          `컨트롤 플레인 노드 ${NODE}의 전원이 켜집니다. systemd가 containerd와 kubelet을 시작합니다. kubelet은 파드가 아니라 모든 노드에 설치된 systemd 서비스입니다(\`systemctl status kubelet\`).`,
        ),
        [KUBELET, RUNTIME],
      );
      kubeletOf(context.cluster).boot();
    },
    deleteMirror: ({ context }) => {
      const c = target(context.params);
      context.cluster.step('delete-mirror', text(`\`kubectl delete pod ${c}-${NODE} -n kube-system\`: what happens to a static pod deleted through the API?`, `\`kubectl delete pod ${c}-${NODE} -n kube-system\`: API로 정적 파드를 지우면 어떻게 될까요?`), ['kubectl', 'kube-apiserver']);
      context.cluster.delete(`Pod/kube-system/${c}-${NODE}`, 'DELETE pod');
    },
    removeManifest: ({ context }) => {
      const c = target(context.params);
      context.cluster.step('remove-manifest', text(`On ${NODE}: \`mv ${STATIC_POD_PATH}/${manifestFile(c)} /tmp/\` — the manifest leaves the directory.`, `${NODE}에서 \`mv ${STATIC_POD_PATH}/${manifestFile(c)} /tmp/\`로 매니페스트를 디렉터리에서 빼냅니다.`), [OPERATOR, KUBELET]);
      context.cluster.rt.tracer.activity(OPERATOR, 'shell', 100, text(`mv ${STATIC_POD_PATH}/${manifestFile(c)} /tmp/`, `mv ${STATIC_POD_PATH}/${manifestFile(c)} /tmp/`));
      kubeletOf(context.cluster).removeManifest(manifestFile(c), OPERATOR);
    },
    restoreManifest: ({ context }) => {
      const c = target(context.params);
      const k = kubeletOf(context.cluster);
      context.cluster.step('restore-manifest', text(`\`mv /tmp/${manifestFile(c)} ${STATIC_POD_PATH}/\` — the manifest is back.`, `\`mv /tmp/${manifestFile(c)} ${STATIC_POD_PATH}/\`로 매니페스트를 되돌려 놓습니다.`), [OPERATOR, KUBELET]);
      context.cluster.rt.tracer.activity(OPERATOR, 'shell', 100, text(`mv /tmp/${manifestFile(c)} ${STATIC_POD_PATH}/`, `mv /tmp/${manifestFile(c)} ${STATIC_POD_PATH}/`));
      const saved = removedManifests.get(context.cluster);
      if (saved) k.writeManifest(manifestFile(c), saved, OPERATOR);
    },
    keepManifest: ({ context }) => {
      const m = kubeletOf(context.cluster).manifest(manifestFile(target(context.params)));
      if (m) removedManifests.set(context.cluster, m);
    },
  },
  guards: {
    allMirrors: ({ context }) => runningMirrors(context.cluster) === 4,
    mirrorBack: ({ context, event }) => change(mirrorRef(context.params), 'status.phase', 'Running')(event.event),
    mirrorGone: ({ context, event }) => deleted(mirrorRef(context.params))(event.event),
  },
}).createMachine({
  id: 'static-pods',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'off',
  states: {
    off: { after: { 300: { target: 'booting', actions: 'boot' } } },
    booting: {
      meta: waitingFor(text('the four control-plane mirror pods Running', '컨트롤 플레인 미러 파드 네 개가 Running이 되는 것')),
      on: { trace: { guard: 'allMirrors', target: 'booted' } },
    },
    booted: { after: { 1500: { target: 'deletingMirror', actions: 'deleteMirror' } } },
    deletingMirror: {
      meta: waitingFor(text('the kubelet to make the mirror pod again, Running', 'kubelet이 미러 파드를 다시 만들어 Running이 되는 것')),
      on: { trace: { guard: 'mirrorBack', target: 'mirrorBack' } },
    },
    mirrorBack: { after: { 1500: { target: 'removing', actions: ['keepManifest', 'removeManifest'] } } },
    removing: {
      meta: waitingFor(text('the mirror pod deleted once its manifest is gone', '매니페스트가 사라진 뒤 미러 파드가 삭제되는 것')),
      on: { trace: { guard: 'mirrorGone', target: 'removed' } },
    },
    removed: { after: { 2000: { target: 'restoring', actions: 'restoreManifest' } } },
    restoring: {
      meta: waitingFor(text('the mirror pod back, Running, once the manifest is restored', '매니페스트를 되돌린 뒤 미러 파드가 다시 Running이 되는 것')),
      on: { trace: { guard: 'mirrorBack', target: 'settling' } },
    },
    settling: { after: { 1000: 'done' } },
    done: { type: 'final' },
  },
});

/** The manifest the operator moved to /tmp, per running scenario. */
const removedManifests = new WeakMap<Cluster, NonNullable<ReturnType<ControlPlaneKubelet['manifest']>>>();

export const staticPods: ScenarioDefinition = {
  ...staticPodsAbout,
  machine,
  cues,
  config: { recordEvents: false },
  maxSimTimeMs: 120_000,
};
