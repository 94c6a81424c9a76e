/**
 * A simulated cluster: the control plane (etcd, kube-apiserver, kube-scheduler,
 * kube-controller-manager) and worker nodes (kubelet, containerd, kube-proxy), each an XState
 * actor on one simulated clock. Scenarios set it up, act on it as a user would (kubectl) or as a
 * fault would (a node losing power), and mark narration steps.
 */
import type { Localized } from '../model/localized.ts';
import type { Deployment, K8sObject, ObjectRef, Pod, ReplicaSet } from '../model/objects.ts';

import { templateHash } from '../model/template-hash.ts';
import { scheduleOptionsForVersion } from '../model/scheduler/versions.ts';
import { timestamp } from '../model/time.ts';
import { withFields } from '../model/with-fields.ts';
import type { K8sVersion } from '../model/k8s/versions.ts';
import { SINGLE_ETCD_MEMBER } from '../model/kubectl/cluster-names.ts';
import type { NodeOptions, PodOptions } from './builders.ts';
import { hostIP, makeDeployment, makeLease, makeNode, PAUSE_IMAGE, podSubnet } from './builders.ts';
import { nodeImages } from './node-images.ts';
import { SimClock } from './clock.ts';
import { Disk } from './core/disk.ts';
import { StaticPodBoard } from './core/static-pod-board.ts';
import type { ApiServer, Watcher } from './components/apiserver.ts';
import { createApiServer } from './components/apiserver.ts';
import type { ApiAnswer } from './components/client.ts';
import { callApi } from './components/client.ts';
import type { Containerd } from './components/containerd.ts';
import { createContainerd } from './components/containerd.ts';
import type { ControllerManager } from './components/controller-manager.ts';
import { createControllerManager } from './components/controller-manager.ts';
import { firstRevisionAnnotations } from './components/controllers/deployment-util.ts';
import type { Etcd } from './components/etcd.ts';
import { createEtcd } from './components/etcd.ts';
import type { EtcdCluster, EtcdMemberSpec } from './components/etcd-cluster/etcd-cluster.ts';
import { createEtcdCluster } from './components/etcd-cluster/etcd-cluster.ts';
import type { KubeProxy, ProxyMode } from './components/kube-proxy.ts';
import { createKubeProxy } from './components/kube-proxy.ts';
import type { Kubelet } from './components/kubelet.ts';
import { createKubelet } from './components/kubelet.ts';
import { registerNode } from './components/kubelet-register.ts';
import type { Scheduler } from './components/scheduler.ts';
import { createScheduler } from './components/scheduler.ts';
import { createSchedulingAlgorithm } from './components/scheduling-algorithm.ts';
import type { SimConfig } from './core/config.ts';
import { configFor } from './core/config.ts';
import type { ApiRequest } from './core/messages.ts';
import { Network } from './core/network.ts';
import type { Runtime } from './core/runtime.ts';
import { nameSuffix, StatusBoard, uid } from './core/runtime.ts';
import { Tracer } from './core/tracer.ts';
import type { TracerOptions } from './core/tracer.ts';
import { createRng } from './rng.ts';
import type { ComponentId, Topology } from './trace.ts';

interface WorkerNode {
  readonly index: number;
  readonly kubelet: Kubelet;
  readonly containerd: Containerd;
  readonly proxy: KubeProxy;
}

export interface ClusterOptions {
  readonly seed: number;
  readonly k8sVersion: K8sVersion;
  readonly config?: Partial<SimConfig>;
  /** Whether the trace keeps its events and where it streams them (default: kept, no sink). */
  readonly trace?: TracerOptions;
}

const ADMIN = 'kubernetes-admin';
// Its home is the names a command can name (the app's shell reads it without the simulation).
export { SINGLE_ETCD_MEMBER };

export class Cluster {
  readonly rt: Runtime;
  private etcdImpl: Etcd | undefined;
  private etcdCluster: EtcdCluster | undefined;
  /** Components a scenario adds (an operator's shell on a node...), listed in the topology. */
  private readonly extraComponents: ComponentId[] = [];
  private readonly apiserver: ApiServer;
  private readonly scheduler: Scheduler;
  private readonly kcm: ControllerManager;
  private readonly workers = new Map<string, WorkerNode>();
  private started = false;
  private proxyMode: ProxyMode = 'iptables';
  private readonly kubectlWatches = new Set<(obj: K8sObject | undefined) => void>();
  /** Decisions still to carry every node's verdict although config.fullDecisions is off (verdictsForNext). */
  private verdictsLeft = 0;

  constructor(opts: ClusterOptions) {
    const clock = new SimClock();
    const rng = createRng(opts.seed);
    const tracer = new Tracer(clock, opts.trace);
    const net = new Network(clock, rng, tracer);
    const config = configFor(opts.k8sVersion, opts.config);
    this.rt = { clock, rng, tracer, net, config, board: new StatusBoard(tracer), disk: new Disk(tracer), staticPods: new StaticPodBoard(tracer) };
    this.rt.board.set('kubectl', 'up', true);
    this.apiserver = createApiServer(this.rt);
    this.scheduler = createScheduler(this.rt, createSchedulingAlgorithm(undefined, () => this.takeVerdicts(), scheduleOptionsForVersion(config.k8sVersion)));
    this.kcm = createControllerManager(this.rt);
    this.apiserver.addWatcher(this.scheduler.watcher);
    this.apiserver.addWatcher(this.kcm.watcher);
  }

  /** The single etcd, created when first needed unless the scenario chose an etcd cluster. */
  private get etcd(): Etcd {
    return (this.etcdImpl ??= createEtcd(this.rt));
  }

  /**
   * Set-up, before any node or object: an HA etcd of several members (one per control-plane
   * node) instead of the single etcd; kube-apiserver's etcd client follows its leader.
   */
  useEtcdCluster(members: readonly EtcdMemberSpec[]): EtcdCluster {
    if (this.etcdImpl) throw new Error('useEtcdCluster must come first in set-up');
    const ec = createEtcdCluster(this.rt, members);
    this.etcdImpl = ec;
    this.etcdCluster = ec;
    this.apiserver.useEtcd(() => ec.endpoint());
    return ec;
  }

  /** etcd and kube-apiserver themselves, for scenarios about running them (static pods, backup). */
  get controlPlane(): { readonly etcd: Etcd; readonly apiserver: ApiServer } {
    return { etcd: this.etcd, apiserver: this.apiserver };
  }

  /** A watch through kube-apiserver for a component a scenario adds (a control-plane node's kubelet). */
  addWatcher(watcher: Watcher): void {
    this.apiserver.addWatcher(watcher);
  }

  /** Lists a component a scenario drives itself (e.g. `client/operator`) in the topology. */
  addComponent(id: ComponentId): void {
    if (!this.extraComponents.includes(id)) this.extraComponents.push(id);
  }

  get now(): number {
    return this.rt.clock.now();
  }

  get nodeNames(): readonly string[] {
    return [...this.workers.keys()];
  }

  topology(): Topology {
    const components: ComponentId[] = ['kubectl', 'kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager'];
    if (this.etcdCluster) components.splice(2, 1, ...this.etcdCluster.members.map((m) => m.id));
    for (const n of this.workers.keys()) components.push(`kubelet/${n}`, `containerd/${n}`, `kube-proxy/${n}`);
    components.push(...this.extraComponents);
    const files = this.rt.disk.startFiles();
    const staticPods = this.rt.staticPods.startPods();
    // Only scenarios that show files or static pods list them: the others' traces stay as they were.
    return { nodes: this.nodeNames, components, ...(files.length > 0 ? { files } : {}), ...(staticPods.length > 0 ? { staticPods } : {}) };
  }

  /**
   * The next `count` scheduling decisions carry every node's verdict (which nodes Filter examined,
   * why each failed, the scores) although config.fullDecisions is off: a big run's story can show
   * the one decision it walks through. What the scheduler decides does not change.
   */
  verdictsForNext(count: number): void {
    this.verdictsLeft = Math.max(0, Math.floor(count));
  }

  /** Whether the decision being made records every node's verdict (asked once per decision). */
  private takeVerdicts(): boolean {
    if (this.rt.config.fullDecisions) return true;
    if (this.verdictsLeft === 0) return false;
    this.verdictsLeft -= 1;
    return true;
  }

  /** Adds a worker node that is already registered and Ready when the scenario starts. */
  addNode(name: string, opts: NodeOptions = {}): void {
    if (this.started) throw new Error('addNode is for set-up; a node joining later is joinNode');
    const index = this.workers.size;
    this.seed(makeNode(name, index, { ...opts, release: this.rt.config.k8sVersion }));
    this.seed(makeLease(name));
    const kubelet = createKubelet(this.rt, { node: name, hostIP: hostIP(index), images: [PAUSE_IMAGE], firstRenewMs: 1_000 + this.rt.rng.intBelow(9_000) });
    const containerd = createContainerd(this.rt, name, podSubnet(index));
    const proxy = createKubeProxy(this.rt, name, this.proxyMode);
    this.apiserver.addWatcher(kubelet.watcher);
    this.apiserver.addWatcher(proxy);
    this.workers.set(name, { index, kubelet, containerd, proxy });
  }

  /**
   * A node joins while the scenario runs: its containerd, kube-proxy and kubelet start, and the
   * kubelet registers the Node (POST nodes as system:node:<name>), creates its Lease and turns Ready.
   */
  joinNode(name: string, opts: NodeOptions = {}, onReady?: () => void): void {
    if (!this.started) throw new Error('joinNode is for a running scenario; set-up uses addNode');
    if (this.workers.has(name)) throw new Error(`node ${name} exists`);
    const index = this.workers.size;
    const containerd = createContainerd(this.rt, name, podSubnet(index));
    const proxy = createKubeProxy(this.rt, name, this.proxyMode);
    const kubelet = createKubelet(this.rt, { node: name, hostIP: hostIP(index), images: [PAUSE_IMAGE], firstRenewMs: this.rt.config.leaseRenewMs });
    this.apiserver.addWatcher(kubelet.watcher);
    this.apiserver.addWatcher(proxy);
    this.workers.set(name, { index, kubelet, containerd, proxy });
    registerNode(this.rt, name, index, opts, onReady);
  }

  /** Set-up: the mode of kube-proxy on the nodes added after this (iptables by default). */
  useProxyMode(mode: ProxyMode): void {
    this.proxyMode = mode;
  }

  /** A node's kube-proxy: what its rules do with a packet (service-routing). */
  proxyOf(node: string): KubeProxy | undefined {
    return this.workers.get(node)?.proxy;
  }

  /** Stores an object as if it had been created before the scenario began (no trace). */
  seed(obj: K8sObject): K8sObject {
    const withMeta = {
      ...obj,
      // Fields the metadata may lack: by withFields, not a spread (src/model/with-fields.ts says why).
      metadata: withFields(obj.metadata, { uid: obj.metadata.uid ?? uid(this.rt), creationTimestamp: obj.metadata.creationTimestamp ?? timestamp(0) }),
    } as K8sObject;
    const stored = this.etcd.store.put(withMeta);
    this.apiserver.seed(stored);
    return stored;
  }

  /**
   * A Deployment that has been running for a while: its ReplicaSet and Ready pods, spread over
   * `nodes` in turn (as the default scheduler spreads equal pods over equal nodes).
   */
  seedDeployment(name: string, replicas: number, podOpts: PodOptions, nodes: readonly string[] = this.nodeNames): void {
    this.seedDeploymentObject(makeDeployment(name, replicas, podOpts), nodes);
  }

  /** seedDeployment for a Deployment written out (a scenario file's manifest): spec.replicas Ready pods. */
  seedDeploymentObject(written: Deployment, nodes: readonly string[] = this.nodeNames): void {
    const deployment = this.seed(written);
    if (deployment.kind !== 'Deployment') return;
    const { name } = deployment.metadata;
    const { replicas } = deployment.spec;
    const hash = templateHash(deployment.spec.template);
    const labels = { ...(deployment.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash };
    const rs = this.seed({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: `${name}-${hash}`, namespace: 'default', labels, annotations: firstRevisionAnnotations(deployment).replicaSet, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name, uid: deployment.metadata.uid ?? '', controller: true }] },
      spec: { replicas, selector: { matchLabels: { ...(deployment.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } }, template: { metadata: { labels }, spec: deployment.spec.template.spec } },
      status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
    } satisfies ReplicaSet);
    this.seed({ ...deployment, metadata: { ...deployment.metadata, annotations: firstRevisionAnnotations(deployment).deployment }, status: { replicas, updatedReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas } });
    const at = timestamp(0);
    // Addresses .100 + i, as small seeds always had; past 154 pods that would leave the node's /24,
    // so a big seed numbers each node's pods from .2 (a node holds at most 110).
    const perNodeIPs = 100 + replicas > 254;
    for (let i = 0; i < replicas; i++) {
      const nodeName = nodes[i % nodes.length] ?? '';
      const worker = this.workers.get(nodeName);
      // Thousands of random 5-character suffixes do collide; the apiserver would refuse the second.
      let podName = `${rs.metadata.name}-${nameSuffix(this.rt)}`;
      while (this.etcd.store.get(`Pod/default/${podName}`) !== undefined) podName = `${rs.metadata.name}-${nameSuffix(this.rt)}`;
      const host = perNodeIPs ? 2 + Math.floor(i / Math.max(1, nodes.length)) : 100 + i;
      // Fields the template's spec lacks: by withFields, not a spread (a hidden class per seeded pod; with-fields.ts).
      const spec = withFields(deployment.spec.template.spec, { nodeName, schedulerName: 'default-scheduler', priority: 0, serviceAccountName: 'default', tolerations: defaultTolerations(this.rt.config.defaultTolerationSeconds) });
      const pod = this.seed({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: podName, namespace: 'default', labels, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata.name, uid: rs.metadata.uid ?? '', controller: true }] },
        spec,
        status: {
          phase: 'Running',
          hostIP: worker ? hostIP(worker.index) : '',
          podIP: worker ? `${podSubnet(worker.index)}.${host}` : '',
          startTime: at,
          conditions: ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type: type as 'Ready', status: 'True' as const, lastTransitionTime: at })),
          containerStatuses: spec.containers.map((c) => ({ name: c.name, image: c.image, ready: true, started: true, state: { running: { startedAt: at } } })),
        },
      });
      if (pod.kind === 'Pod') worker?.kubelet.seedRunning(pod);
    }
  }

  /** A pod already running on its node when the scenario starts: stored, and known to that node's kubelet. */
  seedRunningPod(pod: Pod): void {
    const stored = this.seed(pod);
    if (stored.kind === 'Pod') this.workers.get(stored.spec.nodeName ?? '')?.kubelet.seedRunning(stored);
  }

  /** Ends set-up: informers list what exists, and the trace starts from this state. */
  start(): void {
    if (this.started) return;
    this.started = true;
    // The images of the pods seeded on each node are on it: its Node reports them from the start.
    for (const [name, worker] of this.workers) {
      const node = this.etcd.store.get(`Node/${name}`);
      if (node?.kind === 'Node') this.seed({ ...node, status: { ...node.status, images: nodeImages(worker.kubelet.reportImages()) } });
    }
    this.rt.disk.freeze();
    this.rt.staticPods.freeze();
    const all = [...this.etcd.store.values()];
    this.scheduler.seed(all);
    this.kcm.seed(all);
    const ec = this.etcdCluster;
    this.rt.tracer.attach({ objects: () => this.etcd.store.asRecord(), components: () => this.rt.board.all(), ...(ec ? { raft: () => ec.raftStates() } : {}) });
  }

  // --- what a user does -------------------------------------------------------------------

  /** A kubectl command: one REST call to kube-apiserver as kubernetes-admin. */
  kubectl(action: string, request: ApiRequest, onAnswer?: (answer: ApiAnswer) => void, user = ADMIN): void {
    callApi(this.rt, 'kubectl', user, action, request, onAnswer);
  }

  /**
   * kubectl's watch of one object (`kubectl rollout status`: a watch with the field selector
   * metadata.name). `onChange` hears each version kube-apiserver pushes; the returned function closes it.
   */
  watchAsKubectl(kind: K8sObject['kind'], ref: ObjectRef, onChange: (obj: K8sObject | undefined) => void): () => void {
    const watcher: Watcher = { id: 'kubectl', kinds: new Set([kind]), only: ref };
    this.kubectlWatches.add(onChange);
    if (!this.rt.net.isRegistered('kubectl')) {
      this.rt.net.register('kubectl', 'workstation', (envelope) => {
        const p = envelope.payload;
        if (p.kind !== 'watch') return;
        for (const listener of [...this.kubectlWatches]) listener(p.eventType === 'DELETED' ? undefined : p.object);
      });
    }
    this.apiserver.addWatcher(watcher);
    return () => {
      this.kubectlWatches.delete(onChange);
      this.apiserver.removeWatcher(watcher);
    };
  }

  create(obj: K8sObject, action = `POST ${obj.kind.toLowerCase()}`): void {
    this.kubectl(action, { verb: 'create', object: obj });
  }

  delete(ref: ObjectRef, action = `DELETE ${ref.split('/')[0]?.toLowerCase() ?? ''}`): void {
    this.kubectl(action, { verb: 'delete', ref });
  }

  scale(deployment: string, replicas: number, onAnswer?: (answer: ApiAnswer) => void): void {
    this.kubectl('PATCH deployment/scale', {
      verb: 'update',
      method: 'PATCH',
      ref: `Deployment/default/${deployment}`,
      summary: `replicas ${replicas}`,
      mutate: (o) => (o.kind === 'Deployment' ? { ...o, spec: { ...o.spec, replicas } } : o),
    }, onAnswer);
  }

  // --- faults ------------------------------------------------------------------------------

  /** The node loses power or network: its kubelet, runtime and kube-proxy stop answering. */
  stopNode(name: string): void {
    const w = this.workers.get(name);
    if (!w) throw new Error(`no node ${name}`);
    w.kubelet.stop();
    w.containerd.stop();
    w.proxy.stop();
  }

  /** The node is back: its runtime, kube-proxy and kubelet start again. */
  startNode(name: string): void {
    const w = this.workers.get(name);
    if (!w) throw new Error(`no node ${name}`);
    w.containerd.start();
    w.proxy.start();
    w.kubelet.start();
  }

  /** Only the node's kubelet stops (systemctl stop kubelet): its containers keep running. */
  stopKubelet(name: string): void {
    this.worker(name).kubelet.stopProcess();
  }

  startKubelet(name: string): void {
    this.worker(name).kubelet.start();
  }

  /** The node is cut off from the control plane (a partition): it keeps running what it has. */
  disconnectNode(name: string): void {
    this.worker(name);
    this.rt.net.cut(name, (host) => !this.workers.has(host));
  }

  /** The network is back: the kubelet reports, renews its Lease and re-lists its pods. */
  reconnectNode(name: string): void {
    const w = this.worker(name);
    this.rt.net.mend(name);
    w.kubelet.reconnect();
  }

  isDisconnected(name: string): boolean {
    return this.rt.net.isCut(name);
  }

  /**
   * The etcd members by name: the HA cluster's, or the single etcd's, which kubeadm names after its
   * control-plane node.
   */
  get etcdMemberNames(): readonly string[] {
    return this.etcdCluster ? this.etcdCluster.members.map((m) => m.name) : [SINGLE_ETCD_MEMBER];
  }

  stopEtcdMember(name: string): void {
    if (this.etcdCluster) this.etcdCluster.member(name).crash();
    else if (name === SINGLE_ETCD_MEMBER) this.etcd.stop();
    else throw new Error(`no etcd member ${name}`);
  }

  startEtcdMember(name: string): void {
    if (this.etcdCluster) this.etcdCluster.member(name).restart();
    else if (name === SINGLE_ETCD_MEMBER) this.etcd.start();
    else throw new Error(`no etcd member ${name}`);
  }

  private worker(name: string): WorkerNode {
    const w = this.workers.get(name);
    if (!w) throw new Error(`no node ${name}`);
    return w;
  }

  // --- narration ---------------------------------------------------------------------------

  step(id: string, caption: Localized, focus: readonly ComponentId[]): void {
    this.rt.tracer.step(id, caption, focus);
  }

  get(ref: ObjectRef): K8sObject | undefined {
    return this.etcd.store.get(ref);
  }

  pods(): Pod[] {
    const out: Pod[] = [];
    for (const o of this.etcd.store.values()) if (o.kind === 'Pod') out.push(o);
    return out;
  }

  objects(): Readonly<Record<ObjectRef, K8sObject>> {
    return this.etcd.store.asRecord();
  }
}

function defaultTolerations(seconds: number): { key: string; operator: 'Exists'; effect: 'NoExecute'; tolerationSeconds: number }[] {
  return ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'].map((key) => ({ key, operator: 'Exists' as const, effect: 'NoExecute' as const, tolerationSeconds: seconds }));
}
