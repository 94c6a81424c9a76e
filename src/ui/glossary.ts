/**
 * Glossary: short, correct definitions (per reference/kubernetes.md) of the terms captions use,
 * and a pure splitter that finds them in a caption so the UI can attach a hint to each.
 */
import type { Lang, Localized } from '../model/localized.ts';

export interface GlossaryTerm {
  readonly id: string;
  /** How the term is written, per language; matched case-insensitively on word boundaries. */
  readonly forms: Readonly<Record<Lang, readonly string[]>>;
  readonly definition: Localized;
}

const term = (id: string, en: readonly string[], ko: readonly string[], definition: Localized): GlossaryTerm => ({
  id,
  forms: { en, ko },
  definition,
});

export const GLOSSARY: readonly GlossaryTerm[] = [
  term('kube-apiserver', ['kube-apiserver', 'API server'], ['kube-apiserver', 'API 서버'], {
    en: 'The front door of the control plane: every component and kubectl talks to it over HTTPS (port 6443). It authenticates, authorizes, runs admission, and is the only component that reads and writes etcd.',
    ko: '컨트롤 플레인의 정문. 모든 구성요소와 kubectl이 HTTPS(6443 포트)로 이곳과 통신합니다. 인증, 인가, 어드미션을 거치며, etcd를 읽고 쓰는 유일한 구성요소입니다.',
  }),
  term('etcd', ['etcd'], ['etcd'], {
    en: 'A consistent, distributed key-value store that holds all cluster state (pods under /registry/pods/...). Clients use port 2379, members talk to each other on 2380.',
    ko: '클러스터의 모든 상태를 저장하는 일관성 있는 분산 키-값 저장소(예: /registry/pods/...). 클라이언트는 2379, 멤버끼리는 2380 포트를 씁니다.',
  }),
  term('kube-scheduler', ['kube-scheduler', 'scheduler'], ['kube-scheduler', '스케줄러'], {
    en: 'Watches for pods with no node yet, filters out nodes that cannot run them, scores the rest (0-100 per plugin) and binds the pod to the best node.',
    ko: '아직 노드가 정해지지 않은 파드를 지켜보다가, 실행할 수 없는 노드를 걸러내고(Filter) 남은 노드에 점수(플러그인별 0~100)를 매겨 가장 좋은 노드에 바인딩합니다.',
  }),
  term('kube-controller-manager', ['kube-controller-manager', 'controller manager'], ['kube-controller-manager', '컨트롤러 매니저'], {
    en: 'Runs the built-in controllers (ReplicaSet, Deployment, node lifecycle, EndpointSlice...). Each watches objects and acts to make the actual state match the desired state.',
    ko: 'ReplicaSet, Deployment, 노드 라이프사이클, EndpointSlice 등 기본 컨트롤러를 실행합니다. 각 컨트롤러는 오브젝트를 지켜보며 실제 상태를 원하는 상태에 맞춥니다.',
  }),
  term('kubelet', ['kubelet'], ['kubelet', '쿠블릿'], {
    en: 'The agent on every node, a systemd service (not a pod). It watches for pods bound to its node, runs them through the container runtime (CRI), reports their status and renews the node Lease.',
    ko: '모든 노드에서 도는 에이전트로, 파드가 아니라 systemd 서비스입니다. 자기 노드에 바인딩된 파드를 지켜보고 컨테이너 런타임(CRI)으로 실행하며, 상태를 보고하고 노드 Lease를 갱신합니다.',
  }),
  term('kube-proxy', ['kube-proxy'], ['kube-proxy'], {
    en: 'Runs on every node (a DaemonSet in kubeadm clusters). Watches Services and EndpointSlices and programs the node’s packet rules (iptables by default) so a Service IP reaches a ready pod.',
    ko: '모든 노드에서 실행됩니다(kubeadm에서는 DaemonSet). Service와 EndpointSlice를 지켜보고 노드의 패킷 규칙(기본 iptables)을 설정해 Service IP가 준비된 파드로 가게 합니다.',
  }),
  term('container-runtime', ['container runtime', 'containerd', 'CRI-O'], ['컨테이너 런타임', 'containerd', 'CRI-O'], {
    en: 'The software that actually runs containers. The kubelet talks to it over CRI; containerd is the common default, CRI-O another. Docker Engine needs cri-dockerd since v1.24.',
    ko: '실제로 컨테이너를 실행하는 소프트웨어. kubelet은 CRI로 통신하며 containerd가 흔한 기본값이고 CRI-O도 있습니다. Docker Engine은 v1.24부터 cri-dockerd가 필요합니다.',
  }),
  term('cri', ['CRI'], ['CRI'], {
    en: 'Container Runtime Interface: the gRPC API between the kubelet and the runtime (RunPodSandbox, PullImage, CreateContainer, StartContainer...).',
    ko: 'Container Runtime Interface: kubelet과 런타임 사이의 gRPC API(RunPodSandbox, PullImage, CreateContainer, StartContainer 등).',
  }),
  term('cni', ['CNI'], ['CNI'], {
    en: 'Container Network Interface: the plugin the runtime calls while creating the pod sandbox to give the pod its network and IP address.',
    ko: 'Container Network Interface: 런타임이 파드 샌드박스를 만들 때 호출해 파드에 네트워크와 IP를 주는 플러그인.',
  }),
  term('watch', ['watch', 'watches', 'watch event'], ['watch', '워치', '감시'], {
    en: 'A long-lived request: kube-apiserver pushes ADDED / MODIFIED / DELETED events to the watcher as objects change. Components watch instead of polling.',
    ko: '오래 유지되는 요청: 오브젝트가 바뀌면 kube-apiserver가 ADDED / MODIFIED / DELETED 이벤트를 감시자에게 밀어 줍니다. 구성요소들은 폴링하지 않고 watch합니다.',
  }),
  term('taint', ['taint', 'taints', 'tainted'], ['taint', '테인트'], {
    en: 'A mark on a node (key=value:effect) that repels pods. NoSchedule keeps new pods off, PreferNoSchedule avoids the node, NoExecute also evicts running pods that do not tolerate it.',
    ko: '노드에 붙여 파드를 밀어내는 표시(key=value:effect). NoSchedule은 새 파드를 막고, PreferNoSchedule은 되도록 피하며, NoExecute는 용인하지 않는 실행 중인 파드까지 내보냅니다.',
  }),
  term('toleration', ['toleration', 'tolerations', 'tolerate', 'tolerates'], ['toleration', '톨러레이션'], {
    en: 'A pod’s permission to run on a node with a matching taint. Admission adds not-ready and unreachable NoExecute tolerations of 300 s to every pod by default.',
    ko: '같은 taint가 있는 노드에서 실행되도록 허용하는 파드의 설정. 어드미션이 기본으로 모든 파드에 not-ready, unreachable NoExecute 톨러레이션(300초)을 넣습니다.',
  }),
  // "리스" alone would also match inside 리스트 (list): only with a particle after it.
  term('lease', ['Lease', 'Leases', 'lease renew'], ['Lease', '리스 갱신', '리스를', '리스가', '리스는', '리스의'], {
    en: 'A small object in kube-node-lease that each kubelet renews every 10 s as its heartbeat. No renewal for the grace period (50 s from v1.32, 40 s before) marks the node Unknown.',
    ko: 'kube-node-lease 네임스페이스의 작은 오브젝트로, 각 kubelet이 하트비트로 10초마다 갱신합니다. grace period(1.32부터 50초, 이전 40초) 동안 갱신이 없으면 노드가 Unknown이 됩니다.',
  }),
  term('admission', ['admission', 'mutating admission', 'validating admission'], ['어드미션', 'admission'], {
    en: 'Checks kube-apiserver runs on writes after authentication and authorization: mutating admission may change the object (e.g. add default tolerations), validating admission may reject it.',
    ko: '인증·인가 뒤 쓰기 요청에 kube-apiserver가 거는 검사. 변경(mutating) 어드미션은 오브젝트를 고칠 수 있고(기본 톨러레이션 추가 등), 검증(validating) 어드미션은 거부할 수 있습니다.',
  }),
  term('rbac', ['RBAC', 'authorization'], ['RBAC'], {
    en: 'Role-based access control: after authenticating the caller, kube-apiserver checks Roles and RoleBindings to decide whether it may do this verb on this resource.',
    ko: '역할 기반 접근 제어: 호출자를 인증한 뒤 kube-apiserver가 Role과 RoleBinding을 보고 이 리소스에 이 동작을 해도 되는지 판단합니다.',
  }),
  term('bind', ['bind', 'binding', 'bound'], ['바인딩', 'bind'], {
    en: 'The scheduler’s decision written to the API (POST pods/NAME/binding): kube-apiserver sets spec.nodeName and PodScheduled=True.',
    ko: '스케줄러의 결정을 API에 기록하는 것(POST pods/NAME/binding): kube-apiserver가 spec.nodeName과 PodScheduled=True를 설정합니다.',
  }),
  term('static-pod', ['static pod', 'static pods'], ['정적 파드', 'static pod'], {
    en: 'A pod the kubelet runs from a file in its staticPodPath (/etc/kubernetes/manifests in kubeadm). The API shows only a read-only mirror pod.',
    ko: 'kubelet이 staticPodPath(kubeadm에서는 /etc/kubernetes/manifests)의 파일로 직접 실행하는 파드(static pod). API에는 읽기 전용 미러 파드만 보입니다.',
  }),
  term('replicaset', ['ReplicaSet', 'ReplicaSets'], ['ReplicaSet', '레플리카셋'], {
    en: 'Keeps a number of identical pods running: its controller counts active pods (not ones being deleted) and creates or deletes the difference.',
    ko: '같은 파드를 정해진 수만큼 유지합니다. 컨트롤러가 삭제 중이 아닌 파드를 세어 모자라거나 남는 만큼 만들거나 지웁니다.',
  }),
  term('deployment', ['Deployment', 'Deployments'], ['Deployment', '디플로이먼트'], {
    en: 'Manages ReplicaSets to roll out new versions: by default at most 25% extra pods (maxSurge) and 25% unavailable (maxUnavailable) during an update.',
    ko: 'ReplicaSet을 관리해 새 버전을 배포합니다. 업데이트 중 기본으로 추가 파드 최대 25%(maxSurge), 사용 불가 최대 25%(maxUnavailable).',
  }),
  term('daemonset', ['DaemonSet', 'DaemonSets'], ['DaemonSet', '데몬셋'], {
    en: 'Runs one copy of a pod on every (matching) node, e.g. kube-proxy or a CNI agent.',
    ko: '조건에 맞는 모든 노드에 파드를 하나씩 실행합니다. 예: kube-proxy, CNI 에이전트.',
  }),
  term('pending', ['Pending'], ['Pending'], {
    en: 'Pod phase: accepted by the cluster but not all containers are running yet (not scheduled, or images still pulling).',
    ko: '파드 단계: 클러스터가 받아들였지만 아직 모든 컨테이너가 실행되지 않은 상태(미스케줄 또는 이미지 받는 중).',
  }),
  term('notready', ['NotReady', 'not-ready', 'unreachable'], ['NotReady', 'unreachable'], {
    en: 'A node the node lifecycle controller no longer trusts: Ready=False (not-ready) or Ready=Unknown (unreachable, no heartbeat). It gets a NoExecute taint of the same name.',
    ko: '노드 라이프사이클 컨트롤러가 더는 믿지 않는 노드: Ready=False(not-ready) 또는 Ready=Unknown(unreachable, 하트비트 없음). 같은 이름의 NoExecute taint가 붙습니다.',
  }),
  term('raft', ['Raft', 'quorum'], ['Raft', '쿼럼', '정족수'], {
    en: 'etcd’s consensus protocol: a leader replicates writes; a write commits once a quorum, floor(N/2)+1 members, has it. 3 members survive 1 failure, 5 survive 2.',
    ko: 'etcd의 합의 프로토콜: 리더가 쓰기를 복제하고, 과반수(floor(N/2)+1) 멤버가 받으면 확정됩니다. 3대는 1대, 5대는 2대의 장애를 견딥니다.',
  }),
  term('endpointslice', ['EndpointSlice', 'EndpointSlices', 'endpoints'], ['EndpointSlice', '엔드포인트'], {
    en: 'Lists the ready pods behind a Service; the EndpointSlice controller keeps it current and kube-proxy reads it.',
    ko: 'Service 뒤의 준비된 파드 목록. EndpointSlice 컨트롤러가 최신으로 유지하고 kube-proxy가 읽습니다.',
  }),
  term('kubectl', ['kubectl'], ['kubectl'], {
    en: 'The command-line client: it turns your command into REST calls to kube-apiserver, using the credentials in ~/.kube/config.',
    ko: '명령줄 클라이언트: ~/.kube/config의 자격 증명으로 명령을 kube-apiserver에 대한 REST 호출로 바꿉니다.',
  }),
];

export interface Segment {
  readonly text: string;
  /** Set when this piece of text is a glossary term. */
  readonly termId?: string;
}

const WORD = /[A-Za-z0-9_-]/;

/** Latin forms need word boundaries; Korean forms cannot (particles attach directly). */
function boundaryOk(text: string, start: number, end: number, form: string): boolean {
  if (!/^[\x20-\x7e]+$/.test(form)) return true;
  const before = text[start - 1];
  const after = text[end];
  return (before === undefined || !WORD.test(before)) && (after === undefined || !WORD.test(after));
}

interface Candidate {
  readonly form: string;
  readonly lower: string;
  readonly id: string;
}

function candidates(lang: Lang, terms: readonly GlossaryTerm[]): Candidate[] {
  // Longest first, so "kube-apiserver" wins over "API server" and "watch event" over "watch".
  return terms
    .flatMap((entry) => entry.forms[lang].map((form) => ({ form, lower: form.toLowerCase(), id: entry.id })))
    .sort((a, b) => b.form.length - a.form.length);
}

/** Splits `text` into plain pieces and glossary terms; each term is marked once per caption. */
export function findTerms(text: string, lang: Lang, terms: readonly GlossaryTerm[] = GLOSSARY): Segment[] {
  const forms = candidates(lang, terms);
  const lower = text.toLowerCase();
  const seen = new Set<string>();
  const segments: Segment[] = [];
  let plainStart = 0;
  let i = 0;
  while (i < text.length) {
    const hit = forms.find((c) => !seen.has(c.id) && lower.startsWith(c.lower, i) && boundaryOk(text, i, i + c.form.length, c.form));
    if (!hit) {
      i += 1;
      continue;
    }
    if (i > plainStart) segments.push({ text: text.slice(plainStart, i) });
    segments.push({ text: text.slice(i, i + hit.form.length), termId: hit.id });
    seen.add(hit.id);
    i += hit.form.length;
    plainStart = i;
  }
  if (plainStart < text.length) segments.push({ text: text.slice(plainStart) });
  return segments;
}

export function glossaryEntry(id: string): GlossaryTerm | undefined {
  return GLOSSARY.find((entry) => entry.id === id);
}
