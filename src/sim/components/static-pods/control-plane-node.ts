/**
 * A kubeadm control-plane node: its kubelet runs etcd, kube-apiserver, kube-controller-manager
 * and kube-scheduler as static pods, and what each static pod runs is the simulated component
 * itself (the etcd container starting is etcd starting). Either booting now, or running already.
 */
import { text } from '../../../model/localized.ts';
import { diffObjects } from '../../../model/diff.ts';
import type { K8sVersion } from '../../../model/k8s/versions.ts';
import type { K8sObject, Node, ObjectRef } from '../../../model/objects.ts';
import { refOf } from '../../../model/objects.ts';
import { timestamp } from '../../../model/time.ts';
import { makeLease, makeNode } from '../../builders.ts';
import type { Cluster } from '../../cluster.ts';
import { createContainerd } from '../containerd.ts';
import { statusAccepted, statusRunning, statusSandboxReady } from '../pod-status.ts';
import type { ControlPlaneKubelet } from './control-plane-kubelet.ts';
import { createControlPlaneKubelet } from './control-plane-kubelet.ts';
import type { ControlPlaneComponent } from './manifests.ts';
import { CONTROL_PLANE_COMPONENTS, ETCD_DATA_DIR, etcdDataDirOf, manifestFile, mirrorPod, staticPodManifest } from './manifests.ts';

/** etcd data directories on the node's disk (hostPath -> keyspace), e.g. one etcdutl restored. */
export type EtcdDataDirs = Map<string, readonly K8sObject[]>;

export const CONTROL_PLANE_IP = '192.168.56.10';

/** How long a component takes from its container starting to serving. */
const WARM_UP_MS: Readonly<Record<ControlPlaneComponent, number>> = { etcd: 300, 'kube-apiserver': 1_200, 'kube-controller-manager': 400, 'kube-scheduler': 300 };

function controlPlaneNodeObject(name: string, release: K8sVersion): Node {
  const node = makeNode(name, -1, { release, controlPlane: true, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
  return { ...node, metadata: { ...node.metadata, uid: `node-${name}` } };
}

export function addControlPlaneNode(cluster: Cluster, name: string, running: boolean, dataDirs: EtcdDataDirs = new Map()): ControlPlaneKubelet {
  const { rt } = cluster;
  const { etcd, apiserver } = cluster.controlPlane;
  const serving = (c: ControlPlaneComponent): boolean => rt.board.isUp(c);
  let dataDir = ETCD_DATA_DIR;

  /** etcd starts on another data directory: what it serves is that directory's keyspace. */
  const openDataDir = (path: string): void => {
    if (path === dataDir) return;
    dataDir = path;
    const next = new Map((dataDirs.get(path) ?? []).map((o) => [refOf(o), o] as const));
    for (const o of [...etcd.store.values()]) {
      const ref = refOf(o);
      if (next.has(ref)) continue;
      rt.tracer.state(ref, 'deleted', [], undefined);
      etcd.store.delete(ref);
    }
    for (const [ref, o] of next) {
      const current = etcd.store.get(ref);
      if (current === o) continue;
      rt.tracer.state(ref, current ? 'modified' : 'added', current ? diffObjects(current, o) : [], o);
      etcd.store.set(o);
    }
    // kube-apiserver's watch on etcd broke when etcd stopped: it re-lists, and every watcher hears the differences.
    rt.clock.after(() => {
      rt.tracer.activity('kube-apiserver', 'relist', 20, text(`etcd is back with the data of ${path}: re-list and push the differences to watchers`, `etcd가 ${path}의 데이터로 돌아옴: 다시 list하고 차이를 watcher에게 전달`));
      apiserver.relist([...etcd.store.values()]);
    }, 50);
  };

  const start = (c: ControlPlaneComponent, pod: ObjectRef): void => {
    rt.clock.after(() => {
      // kube-apiserver cannot serve without etcd: it retries (and restarts) until etcd answers.
      if (c === 'kube-apiserver' && !serving('etcd')) return start(c, pod);
      if (c === 'etcd') {
        const manifest = kubelet.manifest(manifestFile('etcd'));
        openDataDir((manifest === undefined ? undefined : etcdDataDirOf(manifest)) ?? ETCD_DATA_DIR);
        etcd.start();
      }
      else if (c === 'kube-apiserver') apiserver.start();
      else rt.board.set(c, 'up');
      rt.staticPods.ready(pod);
    }, WARM_UP_MS[c]);
  };
  const stop = (c: ControlPlaneComponent): void => {
    if (c === 'etcd') etcd.stop();
    else if (c === 'kube-apiserver') apiserver.stop();
    else rt.board.set(c, 'down');
  };

  createContainerd(rt, name, '10.244.0');
  const kubelet = createControlPlaneKubelet(rt, name, CONTROL_PLANE_IP, {
    started: start,
    stopped: stop,
    apiUp: () => serving('kube-apiserver') && serving('etcd'),
    node: () => controlPlaneNodeObject(name, rt.config.k8sVersion),
  });
  // kubeadm wrote the manifests and etcd's data directory before (kubeadm init).
  for (const c of CONTROL_PLANE_COMPONENTS) kubelet.writeManifest(manifestFile(c), staticPodManifest(c, ETCD_DATA_DIR, rt.config.k8sVersion));
  rt.disk.write({ node: name, path: ETCD_DATA_DIR, dir: true });
  cluster.addWatcher(kubelet.watcher);
  cluster.addComponent(kubelet.id);
  cluster.addComponent(`containerd/${name}`);

  if (running) {
    const node = cluster.seed(controlPlaneNodeObject(name, rt.config.k8sVersion));
    cluster.seed(makeLease(name));
    const at = timestamp(0);
    for (const c of CONTROL_PLANE_COMPONENTS) {
      const mirror = mirrorPod(staticPodManifest(c, ETCD_DATA_DIR, rt.config.k8sVersion), name, node.metadata.uid ?? '');
      cluster.seed(statusRunning(at)(statusSandboxReady(CONTROL_PLANE_IP, at)(statusAccepted(CONTROL_PLANE_IP, at)(mirror))));
    }
    kubelet.seedRunning(node.metadata.uid ?? '');
  } else {
    // The node is off: nothing of the control plane runs yet.
    for (const c of CONTROL_PLANE_COMPONENTS) stop(c);
  }
  return kubelet;
}
