/**
 * What the info card says about each kind of component: its job, the ship analogy, and how to
 * look at it on a real (kubeadm) cluster. Facts follow reference/kubernetes.md sections 5-8.
 */
import type { Localized } from '../model/localized.ts';

export type ComponentKind =
  | 'kubectl'
  | 'kube-apiserver'
  | 'etcd'
  | 'kube-scheduler'
  | 'kube-controller-manager'
  | 'kubelet'
  | 'containerd'
  | 'kube-proxy'
  | 'coredns'
  | 'client'
  | 'node';

export interface ComponentInfo {
  readonly kind: ComponentKind;
  readonly name: string;
  readonly role: Localized;
  readonly ship: Localized;
  readonly runsAs: Localized;
  /** Commands to type; shown in monospace, never translated. */
  readonly commands: readonly string[];
  readonly files: readonly string[];
  readonly ports: readonly string[];
}

const STATIC_POD: Localized = {
  en: 'A static pod in kube-system on each control-plane node (hostNetwork), started by the kubelet from its manifest.',
  ko: '각 컨트롤 플레인 노드의 kube-system에 있는 정적 파드(hostNetwork). kubelet이 매니페스트 파일로 직접 띄웁니다.',
};

export const COMPONENT_INFO: Readonly<Record<ComponentKind, ComponentInfo>> = {
  kubectl: {
    kind: 'kubectl',
    name: 'kubectl',
    role: {
      en: 'The command-line client. It reads your kubeconfig, turns each command into REST calls to kube-apiserver and prints the answer.',
      ko: '명령줄 클라이언트. kubeconfig를 읽어 명령을 kube-apiserver에 대한 REST 호출로 바꾸고 결과를 보여 줍니다.',
    },
    ship: { en: 'You, on the quay, radioing orders to the flagship.', ko: '부두에 선 나. 기함에 무전으로 지시를 보냅니다.' },
    runsAs: { en: 'A program on your own machine; not part of the cluster.', ko: '내 컴퓨터의 프로그램. 클러스터의 일부가 아닙니다.' },
    commands: ['kubectl config view --minify', 'kubectl get pods -v=6', 'kubectl cluster-info'],
    files: ['~/.kube/config', '/etc/kubernetes/admin.conf'],
    ports: ['6443 → kube-apiserver'],
  },
  'kube-apiserver': {
    kind: 'kube-apiserver',
    name: 'kube-apiserver',
    role: {
      en: 'The only door into the cluster’s state. Every request is authenticated, authorized (RBAC), passed through mutating admission, schema validation and validating admission, then written to etcd. It pushes watch events to every component that watches. Only it talks to etcd.',
      ko: '클러스터 상태로 들어가는 유일한 문. 모든 요청은 인증, 인가(RBAC), 변경 어드미션, 스키마 검증, 검증 어드미션을 거쳐 etcd에 기록됩니다. watch하는 모든 구성요소에 이벤트를 밀어 주며, etcd와 통신하는 유일한 구성요소입니다.',
    },
    ship: { en: 'The bridge at the centre of the flagship: every order passes through it.', ko: '기함 한가운데의 함교. 모든 명령이 이곳을 거칩니다.' },
    runsAs: STATIC_POD,
    commands: [
      'kubectl get pods -n kube-system -l component=kube-apiserver',
      'cat /etc/kubernetes/manifests/kube-apiserver.yaml',
      'ps aux | grep kube-apiserver',
      'crictl ps --name kube-apiserver',
    ],
    files: ['/etc/kubernetes/manifests/kube-apiserver.yaml', '/etc/kubernetes/pki/apiserver.crt'],
    ports: ['6443 (HTTPS)'],
  },
  etcd: {
    kind: 'etcd',
    name: 'etcd',
    role: {
      en: 'A consistent, distributed key-value store holding all cluster state, e.g. /registry/pods/<ns>/<name>. Members agree through Raft; writes need a quorum (floor(N/2)+1). Back it up with etcdctl snapshot save; restore with etcdutl snapshot restore.',
      ko: '클러스터의 모든 상태를 담는 일관된 분산 키-값 저장소(예: /registry/pods/<ns>/<name>). 멤버들은 Raft로 합의하며 쓰기에는 과반수(floor(N/2)+1)가 필요합니다. 백업은 etcdctl snapshot save, 복원은 etcdutl snapshot restore.',
    },
    ship: { en: 'The ship’s log in the vault: what is written there is the truth.', ko: '금고 속 항해일지. 여기에 적힌 것이 곧 사실입니다.' },
    runsAs: STATIC_POD,
    commands: [
      'cat /etc/kubernetes/manifests/etcd.yaml',
      'etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key snapshot save /tmp/etcd.db',
      'etcdutl snapshot restore /tmp/etcd.db --data-dir /var/lib/etcd-restore',
    ],
    files: ['/etc/kubernetes/manifests/etcd.yaml', '/var/lib/etcd', '/etc/kubernetes/pki/etcd/'],
    ports: ['2379 (client)', '2380 (peer)'],
  },
  'kube-scheduler': {
    kind: 'kube-scheduler',
    name: 'kube-scheduler',
    role: {
      en: 'Watches for pods with no spec.nodeName. For each it filters out nodes that cannot run it (resources, taints, affinity, cordon), scores the rest 0-100 per plugin, and binds the pod to the highest total. If none fits, the pod stays Pending with FailedScheduling.',
      ko: 'spec.nodeName이 없는 파드를 지켜봅니다. 실행할 수 없는 노드(리소스, taint, 어피니티, cordon)를 걸러내고 남은 노드에 플러그인별 0~100 점수를 매겨 합계가 가장 높은 노드에 바인딩합니다. 맞는 노드가 없으면 파드는 FailedScheduling과 함께 Pending으로 남습니다.',
    },
    ship: { en: 'The navigator: decides which cargo ship carries each container.', ko: '항해사. 어떤 화물선이 어떤 컨테이너를 실을지 정합니다.' },
    runsAs: STATIC_POD,
    commands: [
      'kubectl get pods -n kube-system -l component=kube-scheduler',
      'cat /etc/kubernetes/manifests/kube-scheduler.yaml',
      'kubectl get events --field-selector reason=FailedScheduling',
    ],
    files: ['/etc/kubernetes/manifests/kube-scheduler.yaml', '/etc/kubernetes/scheduler.conf'],
    ports: ['10259 (HTTPS, health and metrics)'],
  },
  'kube-controller-manager': {
    kind: 'kube-controller-manager',
    name: 'kube-controller-manager',
    role: {
      en: 'Runs the built-in controllers in one process: ReplicaSet, Deployment, node lifecycle (marks silent nodes Unknown and taints them), EndpointSlice and more. Each watches objects and makes the actual state match the desired one.',
      ko: '기본 컨트롤러를 한 프로세스에서 실행합니다: ReplicaSet, Deployment, 노드 라이프사이클(응답 없는 노드를 Unknown으로 바꾸고 taint), EndpointSlice 등. 각 컨트롤러가 오브젝트를 지켜보며 실제 상태를 원하는 상태로 맞춥니다.',
    },
    ship: { en: 'The officers’ deck: each officer watches one duty and acts when it drifts.', ko: '사관 갑판. 각 사관이 한 가지 임무를 지켜보다가 어긋나면 조치합니다.' },
    runsAs: STATIC_POD,
    commands: [
      'kubectl get pods -n kube-system -l component=kube-controller-manager',
      'cat /etc/kubernetes/manifests/kube-controller-manager.yaml',
      'grep node-monitor /etc/kubernetes/manifests/kube-controller-manager.yaml',
    ],
    files: ['/etc/kubernetes/manifests/kube-controller-manager.yaml', '/etc/kubernetes/controller-manager.conf'],
    ports: ['10257 (HTTPS, health and metrics)'],
  },
  kubelet: {
    kind: 'kubelet',
    name: 'kubelet',
    role: {
      en: 'The agent on every node. It watches pods bound to its node, runs them through the container runtime over CRI, reports their status, renews the node Lease every 10 s, and runs the static pods in /etc/kubernetes/manifests.',
      ko: '모든 노드의 에이전트. 자기 노드에 바인딩된 파드를 지켜보고 CRI로 컨테이너 런타임에 실행을 맡기며, 상태를 보고하고 10초마다 노드 Lease를 갱신합니다. /etc/kubernetes/manifests의 정적 파드도 실행합니다.',
    },
    ship: { en: 'Each cargo ship’s captain: takes orders from the flagship and reports back.', ko: '각 화물선의 선장. 기함의 지시를 받아 수행하고 보고합니다.' },
    runsAs: {
      en: 'A systemd service on every node, not a pod: you will not find it in kubectl get pods.',
      ko: '모든 노드의 systemd 서비스이며 파드가 아닙니다. kubectl get pods에는 나오지 않습니다.',
    },
    commands: ['systemctl status kubelet', 'journalctl -u kubelet -f', 'cat /var/lib/kubelet/config.yaml', 'kubectl get lease -n kube-node-lease'],
    files: ['/var/lib/kubelet/config.yaml', '/etc/kubernetes/kubelet.conf', '/etc/kubernetes/manifests/ (staticPodPath)'],
    ports: ['10250 (kubelet API)'],
  },
  containerd: {
    kind: 'containerd',
    name: 'container runtime (containerd)',
    role: {
      en: 'Runs the containers. The kubelet calls it over CRI: RunPodSandbox (the CNI plugin gives the pod its IP here), then PullImage, CreateContainer, StartContainer. containerd is the common default, CRI-O another; Docker Engine needs cri-dockerd since dockershim was removed in v1.24.',
      ko: '컨테이너를 실제로 실행합니다. kubelet이 CRI로 RunPodSandbox(여기서 CNI 플러그인이 파드 IP를 줌), PullImage, CreateContainer, StartContainer를 호출합니다. containerd가 흔한 기본값이고 CRI-O도 있습니다. dockershim이 v1.24에서 제거되어 Docker Engine은 cri-dockerd가 필요합니다.',
    },
    ship: { en: 'The crane that lifts containers onto the deck.', ko: '컨테이너를 갑판에 올리는 크레인.' },
    runsAs: { en: 'A systemd service on every node.', ko: '모든 노드의 systemd 서비스.' },
    commands: ['systemctl status containerd', 'crictl ps', 'crictl pods', 'crictl images'],
    files: ['/etc/containerd/config.toml', '/run/containerd/containerd.sock'],
    ports: ['unix socket /run/containerd/containerd.sock'],
  },
  'kube-proxy': {
    kind: 'kube-proxy',
    name: 'kube-proxy',
    role: {
      en: 'Runs on every node, watches Services and EndpointSlices, and programs the node’s packet rules so traffic to a Service IP reaches a ready pod. iptables mode is the Linux default (KUBE-SERVICES → KUBE-SVC-* → KUBE-SEP-*); nftables is GA since v1.33.',
      ko: '모든 노드에서 Service와 EndpointSlice를 지켜보고, Service IP로 가는 트래픽이 준비된 파드에 닿도록 노드의 패킷 규칙을 설정합니다. 리눅스 기본은 iptables 모드(KUBE-SERVICES → KUBE-SVC-* → KUBE-SEP-*), nftables는 v1.33에서 GA.',
    },
    ship: { en: 'The signal mast: it tells its ship’s engine room how to steer traffic for each Service; the traffic itself never passes the mast.', ko: '신호 돛대. 서비스마다 트래픽을 어디로 보낼지 자기 배의 기관실에 알려 줍니다. 트래픽 자체는 돛대를 거치지 않습니다.' },
    runsAs: { en: 'A DaemonSet in kube-system (kubeadm clusters): one pod per node.', ko: 'kube-system의 DaemonSet(kubeadm 클러스터): 노드마다 파드 하나.' },
    commands: ['kubectl get daemonset kube-proxy -n kube-system', 'kubectl get configmap kube-proxy -n kube-system -o yaml', 'iptables -t nat -L KUBE-SERVICES | head'],
    files: ['ConfigMap kube-system/kube-proxy'],
    ports: ['10256 (health)', '10249 (metrics, localhost)'],
  },
  coredns: {
    kind: 'coredns',
    name: 'CoreDNS',
    role: {
      en: 'The cluster DNS: answers names like my-svc.my-ns.svc.cluster.local with the Service’s ClusterIP.',
      ko: '클러스터 DNS. my-svc.my-ns.svc.cluster.local 같은 이름에 Service의 ClusterIP로 답합니다.',
    },
    ship: { en: 'The harbour directory: tells you which berth a name belongs to.', ko: '항구 안내소. 이름이 어느 선석인지 알려 줍니다.' },
    runsAs: { en: 'A Deployment in kube-system behind the kube-dns Service.', ko: 'kube-dns Service 뒤에 있는 kube-system의 Deployment.' },
    commands: ['kubectl get deployment coredns -n kube-system', 'kubectl get configmap coredns -n kube-system -o yaml'],
    files: ['ConfigMap kube-system/coredns (Corefile)'],
    ports: ['53 (DNS, UDP and TCP)'],
  },
  client: {
    kind: 'client',
    name: 'client',
    role: {
      en: 'A program sending traffic to a Service: the node’s rules rewrite the Service IP to one ready pod’s IP.',
      ko: 'Service로 트래픽을 보내는 프로그램. 노드의 규칙이 Service IP를 준비된 파드 하나의 IP로 바꿉니다.',
    },
    ship: { en: 'A passenger asking for a destination, not a particular ship.', ko: '특정 배가 아니라 목적지를 찾는 승객.' },
    runsAs: { en: 'Any pod or process that calls the Service.', ko: 'Service를 호출하는 아무 파드나 프로세스.' },
    commands: ['kubectl get svc', 'kubectl get endpointslices'],
    files: [],
    ports: [],
  },
  node: {
    kind: 'node',
    name: 'kernel (netfilter)',
    role: {
      en: 'The node’s Linux kernel applies the rules kube-proxy wrote: a packet to a ClusterIP is DNATed to one ready pod’s IP (netfilter in iptables and nftables modes, IPVS in ipvs mode), and conntrack remembers the connection so the reply comes back from the ClusterIP.',
      ko: '노드의 리눅스 커널이 kube-proxy가 쓴 규칙을 적용합니다: ClusterIP로 가는 패킷은 준비된 파드 하나의 IP로 DNAT되고(iptables·nftables 모드는 netfilter, ipvs 모드는 IPVS), conntrack이 연결을 기억해 응답이 ClusterIP에서 온 것처럼 돌아갑니다.',
    },
    ship: { en: 'The engine room: it moves every packet, following the orders the signal mast (kube-proxy) gave.', ko: '기관실. 신호 돛대(kube-proxy)가 내린 지시대로 모든 패킷을 움직입니다.' },
    runsAs: { en: 'Part of the node’s operating system: not a pod and not a Kubernetes process.', ko: '노드 운영체제의 일부. 파드도 쿠버네티스 프로세스도 아닙니다.' },
    commands: ['iptables-save -t nat | grep KUBE-SVC', 'nft list table ip kube-proxy', 'ipvsadm -Ln', 'conntrack -L -d 10.96.0.10'],
    files: [],
    ports: [],
  },
};

/** `kubelet/node-1` -> kubelet; `etcd/etcd-2` -> etcd. Unknown ids return undefined. */
export function componentKind(id: string): ComponentKind | undefined {
  const base = id.split('/')[0] ?? '';
  return Object.hasOwn(COMPONENT_INFO, base) ? (base as ComponentKind) : undefined;
}

/** The part after the slash, e.g. the node a kubelet belongs to. */
export function componentInstance(id: string): string | undefined {
  const slash = id.indexOf('/');
  return slash < 0 ? undefined : id.slice(slash + 1);
}
