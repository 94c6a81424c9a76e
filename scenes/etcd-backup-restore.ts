/**
 * etcd-backup-restore: an operator on the control-plane node saves an etcd snapshot with etcdctl,
 * a Deployment is deleted by mistake, `etcdutl snapshot restore` writes a new data directory, the
 * etcd static pod manifest is pointed at it, the kubelet restarts etcd, and the cluster is back as
 * it was at the snapshot (reference/kubernetes.md sections 6 and 7).
 */
import { setup } from 'xstate';
import { text } from '../src/model/localized.ts';
import { desiredReplicas } from './lib/workload.ts';
import type { K8sObject } from '../src/model/objects.ts';
import { simTimeOf } from '../src/model/time.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ControlPlaneKubelet } from '../src/sim/components/static-pods/control-plane-kubelet.ts';
import type { EtcdDataDirs } from '../src/sim/components/static-pods/control-plane-node.ts';
import { addControlPlaneNode } from '../src/sim/components/static-pods/control-plane-node.ts';
import { manifestFile, STATIC_POD_PATH, staticPodManifest } from '../src/sim/components/static-pods/manifests.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, change, component, message } from './lib/match.ts';
import { withParticle } from '../src/model/josa.ts';
import { etcdBackupRestoreAbout } from './about/etcd-backup-restore.ts';

const NODE = 'controlplane';
const OPERATOR: ComponentId = 'client/operator';
const KUBELET: ComponentId = `kubelet/${NODE}`;
const SNAPSHOT = '/opt/snapshot.db';
const RESTORED = '/var/lib/etcd-from-backup';
const WORKERS = ['worker-1', 'worker-2'] as const;
const WEB_POD = /^Pod\/default\/web-/;

const CERTS = '--cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';
export const SAVE_COMMAND = `etcdctl snapshot save ${SNAPSHOT} --endpoints=https://127.0.0.1:2379 ${CERTS}`;
export const RESTORE_COMMAND = `etcdutl snapshot restore ${SNAPSHOT} --data-dir ${RESTORED}`;

interface Run {
  readonly kubelet: ControlPlaneKubelet;
  readonly dataDirs: EtcdDataDirs;
  snapshot?: readonly K8sObject[];
  restoredAt?: number;
}
const runs = new WeakMap<Cluster, Run>();
function runOf(cluster: Cluster): Run {
  const r = runs.get(cluster);
  if (!r) throw new Error('etcd-backup-restore: not set up');
  return r;
}

const webPods = (cluster: Cluster) => cluster.pods().filter((p) => p.metadata.name.startsWith('web-'));
const shell = (cluster: Cluster, command: string, ms = 100): void => cluster.rt.tracer.activity(OPERATOR, 'shell', ms, text(command, command));

function cues(): readonly StepCue[] {
  return [
    {
      id: 'etcdctl',
      caption: text(
        'etcdctl on the control-plane node talks to etcd directly on https://127.0.0.1:2379 — besides kube-apiserver, the only client that does (etcd runs with hostNetwork, so its port is the node’s). TLS both ways: --cacert checks etcd’s certificate, --cert and --key prove who etcdctl is. API v3 is the default since etcd 3.4; older notes `export ETCDCTL_API=3` first.',
        'etcdctl은 컨트롤 플레인 노드에서 https://127.0.0.1:2379로 etcd와 직접 통신합니다. kube-apiserver 말고는 유일한 클라이언트입니다(etcd가 hostNetwork로 떠 있어 포트가 곧 노드의 포트). 양쪽 모두 TLS: --cacert로 etcd 인증서를 확인하고 --cert, --key로 etcdctl의 신원을 증명합니다. etcd 3.4부터 API v3가 기본이라, 예전 자료처럼 `export ETCDCTL_API=3`을 먼저 할 필요가 없습니다.',
      ),
      focus: [OPERATOR, 'etcd'],
      when: message({ from: OPERATOR, to: 'etcd' }),
    },
    {
      id: 'saved',
      // The pods stored as the snapshot is taken (a what-if may have scaled the Deployment).
      caption: (cluster) => {
        const pods = webPods(cluster).length;
        return text(
          `etcd streams its whole keyspace at the current revision into ${SNAPSHOT}: every object of the cluster, including Deployment web and its ${pods} pods.`,
          `etcd가 현재 리비전의 키 공간 전체를 ${SNAPSHOT}에 스트리밍합니다: 디플로이먼트 web과 파드 ${pods}개를 포함한 클러스터의 모든 객체.`,
        );
      },
      focus: [OPERATOR, 'etcd'],
      when: message({ from: 'etcd', to: OPERATOR }),
    },
    {
      id: 'cascade',
      caption: text(
        'The garbage collector in kube-controller-manager deletes what the Deployment owned (ownerReferences, background cascading deletion): the ReplicaSet, then its pods.',
        'kube-controller-manager의 가비지 컬렉터가 디플로이먼트가 소유하던 것을 지웁니다(ownerReferences, 백그라운드 연쇄 삭제): 레플리카셋, 이어서 그 파드들.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'generic-garbage-collector/cascade'),
    },
    {
      id: 'pods-stop',
      caption: text('The kubelets stop the containers and confirm the deletion. Nothing in the cluster will bring web back: the API no longer knows it.', 'kubelet들이 컨테이너를 멈추고 삭제를 확정합니다. 클러스터 안의 어떤 것도 web을 되살리지 않습니다: API가 더 이상 모르니까요.'),
      focus: WORKERS.map((w) => `kubelet/${w}` as const),
      when: message({ action: 'StopContainer' }),
    },
    {
      id: 'manifest-changed',
      caption: text(
        `The kubelet notices etcd.yaml changed: it stops the old etcd pod and starts a new one, with ${RESTORED} mounted where etcd keeps its data (/var/lib/etcd inside the container).`,
        `kubelet이 etcd.yaml이 바뀐 것을 알아챕니다. 옛 etcd 파드를 멈추고, ${withParticle(RESTORED, '을/를')} etcd의 데이터 위치(컨테이너 안 /var/lib/etcd)에 마운트한 새 파드를 시작합니다.`,
      ),
      focus: [KUBELET, `containerd/${NODE}`, 'etcd'],
      when: activity(KUBELET, 'static:manifest'),
    },
    {
      id: 'etcd-down',
      caption: text('etcd is down for a moment: kube-apiserver can neither read nor write, so kubectl commands fail until etcd is back.', 'etcd가 잠시 내려갑니다. kube-apiserver가 읽지도 쓰지도 못하므로 etcd가 돌아올 때까지 kubectl 명령이 실패합니다.'),
      focus: ['etcd', 'kube-apiserver'],
      when: component('etcd', 'down'),
    },
    {
      id: 'etcd-back',
      caption: text('etcd is back, serving the restored data: the keyspace exactly as it was at the snapshot. Deployment web, its ReplicaSet and its pods exist again.', 'etcd가 복원된 데이터로 돌아왔습니다: 스냅샷 시점 그대로의 키 공간. 디플로이먼트 web과 레플리카셋, 파드가 다시 존재합니다.'),
      focus: ['etcd'],
      when: component('etcd', 'up'),
    },
    {
      id: 'relist',
      caption: text(
        'kube-apiserver’s watch on etcd broke when etcd stopped; here it re-lists and pushes the differences to every watcher. A real restore is less tidy: it takes etcd’s revision backwards, so watch caches and informers can stay stale until the API servers restart. The docs advise stopping kube-apiserver during a restore and restarting the controllers after; `etcdutl snapshot restore … --bump-revision 1000000000 --mark-compacted` makes every watcher re-list.',
        'etcd가 멈출 때 kube-apiserver의 etcd watch가 끊겼고, 여기서는 다시 list해서 달라진 점을 모든 watcher에게 보냅니다. 실제 복원은 이만큼 깔끔하지 않습니다. etcd의 리비전이 뒤로 돌아가서, API 서버를 재시작할 때까지 watch 캐시와 인포머가 오래된 데이터를 붙들고 있을 수 있습니다. 공식 문서는 복원하는 동안 kube-apiserver를 멈추고 복원 뒤에 컨트롤러들을 재시작하라고 권합니다. `etcdutl snapshot restore … --bump-revision 1000000000 --mark-compacted`로 복원하면 모든 watcher가 다시 list합니다.',
      ),
      focus: ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'],
      when: activity('kube-apiserver', 'relist'),
    },
    {
      id: 'restarted',
      caption: text(
        'Each kubelet sees the restored pods bound to its node again and starts their containers: web runs as it did when the snapshot was taken.',
        '각 kubelet이 자기 노드에 바인딩된 복원된 파드를 다시 보고 컨테이너를 시작합니다: web이 스냅샷 때처럼 실행됩니다.',
      ),
      focus: [...WORKERS.map((w) => `kubelet/${w}` as const), 'kube-apiserver'],
      when: change(WEB_POD, 'status.conditions.Ready.status', 'True'),
    },
  ];
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      const dataDirs: EtcdDataDirs = new Map();
      const kubelet = addControlPlaneNode(cluster, NODE, true, dataDirs);
      for (const w of WORKERS) cluster.addNode(w, { cpu: '4', memory: '8Gi' });
      cluster.seedDeployment('web', Number(params.replicas), { image: 'nginx:1.27', requests: { cpu: '250m', memory: '256Mi' } }, WORKERS);
      cluster.addComponent(OPERATOR);
      cluster.rt.board.set(OPERATOR, 'up', true);
      // The operator's shell is on the control-plane node, next to etcd.
      cluster.rt.net.register(OPERATOR, 'control-plane', () => undefined);
      runs.set(cluster, { kubelet, dataDirs });
    },
    intro: ({ context }) =>
      context.cluster.step(
        'cluster',
        text(
          `A kubeadm cluster. etcd runs as a static pod on ${NODE} (${STATIC_POD_PATH}/etcd.yaml) and keeps its data in the hostPath /var/lib/etcd. Deployment web runs ${String(context.params.replicas)} pods.`,
          `kubeadm 클러스터입니다. etcd는 ${NODE}에서 정적 파드(${STATIC_POD_PATH}/etcd.yaml)로 돌고, 데이터는 hostPath /var/lib/etcd에 둡니다. 디플로이먼트 web이 파드 ${String(context.params.replicas)}개를 실행 중입니다.`,
        ),
        ['etcd', KUBELET],
      ),
    save: ({ context }) => {
      const { cluster } = context;
      cluster.step('snapshot-save', text(`Back up first. On ${NODE}: \`${SAVE_COMMAND}\``, `먼저 백업합니다. ${NODE}에서: \`${SAVE_COMMAND}\``), [OPERATOR, 'etcd']);
      shell(cluster, SAVE_COMMAND);
      cluster.rt.net.send({ from: OPERATOR, to: 'etcd', type: 'request', action: 'Snapshot (etcdctl snapshot save)', payload: { kind: 'etcd-snapshot' } }, (answer) => {
        if (answer.payload.kind !== 'etcd-response') return;
        runOf(cluster).snapshot = answer.payload.items ?? [];
        cluster.rt.disk.write({ node: NODE, path: SNAPSHOT }, OPERATOR);
        shell(cluster, `Snapshot saved at ${SNAPSHOT}`, 50);
      });
    },
    disaster: ({ context }) => {
      context.cluster.step('disaster', text('A mistake: `kubectl delete deployment web` (meant for another namespace).', '실수: `kubectl delete deployment web` (다른 네임스페이스에 하려던 명령).'), ['kubectl', 'kube-apiserver']);
      context.cluster.delete('Deployment/default/web', 'DELETE deployment');
    },
    restore: ({ context }) => {
      const { cluster } = context;
      const run = runOf(cluster);
      cluster.step(
        'restore',
        text(
          `Restore: \`${RESTORE_COMMAND}\`. etcdutl works on files — no running etcd is involved — and writes a new data directory, whose revision is the snapshot’s: lower than what kube-apiserver has already seen. (\`etcdctl snapshot restore\` is deprecated since etcd 3.5.)`,
          `복원: \`${RESTORE_COMMAND}\`. etcdutl은 파일만 다루므로 실행 중인 etcd와 상관없이 새 데이터 디렉터리를 만듭니다. 그 리비전은 스냅샷의 리비전이라, kube-apiserver가 이미 본 리비전보다 낮습니다. (\`etcdctl snapshot restore\`는 etcd 3.5부터 사용 중단 예정(deprecated)입니다.)`,
        ),
        [OPERATOR],
      );
      shell(cluster, RESTORE_COMMAND, 800);
      run.dataDirs.set(RESTORED, run.snapshot ?? []);
      cluster.rt.disk.write({ node: NODE, path: RESTORED, dir: true }, OPERATOR);
    },
    editManifest: ({ context }) => {
      const { cluster } = context;
      const run = runOf(cluster);
      cluster.step(
        'edit-manifest',
        text(
          `Point etcd at it: in ${STATIC_POD_PATH}/etcd.yaml, the etcd-data volume’s hostPath.path becomes ${RESTORED}.`,
          `etcd가 그 디렉터리를 쓰게 합니다: ${STATIC_POD_PATH}/etcd.yaml에서 etcd-data 볼륨의 hostPath.path를 ${withParticle(RESTORED, '으로/로')} 바꿉니다.`,
        ),
        [OPERATOR, KUBELET],
      );
      shell(cluster, `vi ${STATIC_POD_PATH}/etcd.yaml  # volumes: etcd-data hostPath.path: ${RESTORED}`, 300);
      run.restoredAt = cluster.now;
      run.kubelet.writeManifest(manifestFile('etcd'), staticPodManifest('etcd', RESTORED), OPERATOR);
    },
  },
  guards: {
    saved: ({ context }) => runOf(context.cluster).snapshot !== undefined,
    allGone: ({ context }) => webPods(context.cluster).length === 0 && context.cluster.get('Deployment/default/web') === undefined,
    back: ({ context }) => {
      const since = runOf(context.cluster).restoredAt ?? Infinity;
      const pods = webPods(context.cluster);
      const startedAgain = pods.filter((p) => p.status?.containerStatuses?.every((c) => 'running' in c.state && simTimeOf(c.state.running.startedAt) >= Math.floor(since / 1000) * 1000 && c.ready));
      // As many as the restored Deployment asks for (a what-if may have scaled it before the snapshot).
      return pods.length === desiredReplicas(context.cluster, 'web', Number(context.params.replicas)) && startedAgain.length === pods.length && context.cluster.get('Deployment/default/web') !== undefined;
    },
  },
}).createMachine({
  id: 'etcd-backup-restore',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'start',
  states: {
    start: { after: { 300: { target: 'intro', actions: 'intro' } } },
    intro: { after: { 1200: { target: 'saving', actions: 'save' } } },
    saving: {
      meta: waitingFor(text('etcdctl snapshot save to write /opt/snapshot.db', 'etcdctl snapshot save가 /opt/snapshot.db를 다 쓰는 것')),
      on: { trace: { guard: 'saved', target: 'saved' } },
    },
    saved: { after: { 1500: { target: 'deleting', actions: 'disaster' } } },
    deleting: {
      meta: waitingFor(text('the web Deployment and every web pod to be gone', 'web 디플로이먼트와 web 파드가 모두 사라지는 것')),
      on: { trace: { guard: 'allGone', target: 'gone' } },
    },
    gone: { after: { 1500: { target: 'restoring', actions: 'restore' } } },
    restoring: { after: { 1500: { target: 'recovering', actions: 'editManifest' } } },
    recovering: {
      meta: waitingFor(text('the web Deployment back from the restored data, with all its pods started again, Running and Ready', '복원한 데이터에서 web 디플로이먼트가 돌아오고, 그 파드가 모두 다시 시작해 Running, Ready가 되는 것')),
      on: { trace: { guard: 'back', target: 'settling' } },
    },
    settling: { after: { 1500: 'done' } },
    done: { type: 'final' },
  },
});

export const etcdBackupRestore: ScenarioDefinition = {
  ...etcdBackupRestoreAbout,
  machine,
  cues,
  config: { recordEvents: false },
  maxSimTimeMs: 180_000,
};
