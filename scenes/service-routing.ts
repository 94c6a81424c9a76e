/**
 * service-routing: a Deployment and a ClusterIP Service (reference/kubernetes.md section 5). The
 * EndpointSlice controller lists the pods; kube-proxy on every node programs its rules; a client
 * pod resolves the Service through CoreDNS and its node's rules DNAT the packet to a backend on
 * another node. Then a backend's readiness probe fails: the pod leaves the ready endpoints and
 * kube-proxy resyncs.
 */
import { setup } from 'xstate';
import type { Localized } from '../src/model/localized.ts';
import { text } from '../src/model/localized.ts';
import type { Pod, Service } from '../src/model/objects.ts';
import { hostIP } from '../src/sim/builders.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import type { ClientPod } from '../src/sim/components/client-pod.ts';
import { createClientPod } from '../src/sim/components/client-pod.ts';
import { corednsPod, createCoreDns } from '../src/sim/components/coredns.ts';
import type { ProxyMode } from '../src/sim/trace.ts';
import { failReadiness } from '../src/sim/components/readiness-failure.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import { activity, message } from './lib/match.ts';
import { withParticle } from '../src/model/josa.ts';
import { serviceRoutingAbout } from './about/service-routing.ts';

export const NODES = ['worker-1', 'worker-2', 'worker-3'] as const;
export const CLIENT_NODE = 'worker-1';
export const CLIENT_IP = '10.244.1.50';
const BACKEND_NODES = ['worker-2', 'worker-3'];
const SERVICE = 'Service/default/web';
/** The coredns Deployment's pods: name, node, node index, pod IP. */
const COREDNS = [
  ['coredns-668d6bf9bc-7xk2p', 'worker-1', 0, '10.244.1.2'],
  ['coredns-668d6bf9bc-q9vzt', 'worker-3', 2, '10.244.3.2'],
] as const;
const PROXIES: readonly ComponentId[] = NODES.map((n) => `kube-proxy/${n}` as const);

const modeOf = (params: ScenarioParams): ProxyMode => (params.proxyMode === 'ipvs' || params.proxyMode === 'nftables' ? params.proxyMode : 'iptables');

export function webService(): Service {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default', labels: { app: 'web' } }, spec: { type: 'ClusterIP', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 80, protocol: 'TCP' }] } };
}

function curlPod(): Pod {
  const at = '2025-01-01T00:00:00Z';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'curl', namespace: 'default', labels: { run: 'curl' } },
    spec: { nodeName: CLIENT_NODE, containers: [{ name: 'curl', image: 'curlimages/curl:8.11.0' }], schedulerName: 'default-scheduler', priority: 0, serviceAccountName: 'default' },
    status: {
      phase: 'Running',
      hostIP: hostIP(0),
      podIP: CLIENT_IP,
      startTime: at,
      conditions: ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type: type as 'Ready', status: 'True' as const, lastTransitionTime: at })),
      containerStatuses: [{ name: 'curl', image: 'curlimages/curl:8.11.0', ready: true, started: true, state: { running: { startedAt: at } } }],
    },
  };
}

interface Context extends ScenarioInput {
  readonly client: ClientPod;
}

function build(cluster: Cluster, params: ScenarioParams): ClientPod {
  cluster.useProxyMode(modeOf(params));
  for (const n of NODES) cluster.addNode(n, { cpu: '4', memory: '8Gi' });
  cluster.seedDeployment('web', Number(params.replicas), { image: 'nginx:1.27', requests: { cpu: '100m', memory: '128Mi' }, readinessProbe: { periodSeconds: 10 } }, BACKEND_NODES);
  cluster.seedRunningPod(curlPod());
  // kubeadm's CoreDNS: two pods of the coredns Deployment on workers; queries to the kube-dns
  // Service (10.96.0.10) reach one of them, here the one on worker-3.
  for (const [name, node, index, ip] of COREDNS) cluster.seedRunningPod(corednsPod(name, node, hostIP(index), ip));
  const dnsPod = `Pod/kube-system/${COREDNS[1][0]}`;
  cluster.addWatcher(createCoreDns(cluster.rt, COREDNS[1][1], dnsPod));
  cluster.addComponent('coredns');
  cluster.addComponent('client/curl');
  // Every node's kernel holds the rules its kube-proxy writes; the client's node DNATs the packet.
  for (const n of NODES) cluster.addComponent(`node/${n}`);
  return createClientPod(cluster.rt, 'curl', CLIENT_NODE, CLIENT_IP, () => cluster.proxyOf(CLIENT_NODE), dnsPod);
}

/** The web pod that answered the first call: the one whose readiness will fail. */
function firstBackend(cluster: Cluster): Pod | undefined {
  // The packet after DNAT: the one addressed to a pod (before it, the client addressed the Service).
  const hit = cluster.rt.tracer.events.find((e) => e.kind === 'message' && e.action.startsWith('TCP ') && e.object?.startsWith('Pod/') === true);
  const ref = hit?.kind === 'message' ? hit.object : undefined;
  const pod = ref ? cluster.get(ref) : undefined;
  return pod?.kind === 'Pod' ? pod : undefined;
}

/** Words that differ with kube-proxy's mode: how it writes the rules, how the kernel applies them, what a resync drops. */
const MODE_WORDS: Record<ProxyMode, { readonly rules: Localized; readonly dnat: Localized; readonly resync: Localized }> = {
  iptables: {
    rules: text(
      'kube-proxy on every node writes iptables rules: KUBE-SERVICES matches the ClusterIP and jumps to KUBE-SVC-…, which picks one KUBE-SEP-… chain at random (probability 1/n, 1/(n-1)…); each KUBE-SEP DNATs to one pod. At most one sync per second (--iptables-min-sync-period).',
      '모든 노드의 kube-proxy가 iptables 규칙을 씁니다: KUBE-SERVICES가 ClusterIP를 잡아 KUBE-SVC-…로 보내고, 여기서 KUBE-SEP-… 체인 하나를 무작위로(확률 1/n, 1/(n-1)…) 고릅니다. KUBE-SEP마다 파드 하나로 DNAT합니다. 동기화는 초당 최대 한 번(--iptables-min-sync-period).',
    ),
    dnat: text(
      `The packet to the ClusterIP meets ${CLIENT_NODE}’s own netfilter rules: KUBE-SERVICES -> KUBE-SVC -> one KUBE-SEP, DNAT to a pod IP. kube-proxy is not in the path; the kernel applies the rules kube-proxy wrote.`,
      `ClusterIP로 가는 패킷은 ${CLIENT_NODE} 자신의 netfilter 규칙을 만납니다: KUBE-SERVICES -> KUBE-SVC -> KUBE-SEP 하나, 파드 IP로 DNAT. kube-proxy는 경로에 없고, 커널이 kube-proxy가 쓴 규칙을 적용합니다.`,
    ),
    resync: text('kube-proxy on every node gets the change through its watch and resyncs: the not-ready pod’s KUBE-SEP chain is gone from the Service’s rules.', '모든 노드의 kube-proxy가 watch로 변경을 받아 다시 동기화합니다: not-ready 파드의 KUBE-SEP 체인이 서비스 규칙에서 빠집니다.'),
  },
  nftables: {
    rules: text(
      'kube-proxy in nftables mode (GA since v1.33) writes one table on every node, ip kube-proxy: its service-ips map sends ClusterIP . tcp . 80 to the chain service-HASH-default/web/tcp/, where numgen random mod n picks one endpoint-HASH-… chain; each endpoint chain DNATs to one pod. Each sync is one nft transaction, at most one per second.',
      'nftables 모드(v1.33부터 GA)의 kube-proxy는 모든 노드에 ip kube-proxy 테이블 하나를 씁니다: service-ips 맵이 ClusterIP . tcp . 80을 service-HASH-default/web/tcp/ 체인으로 보내고, 여기서 numgen random mod n이 endpoint-HASH-… 체인 하나를 고릅니다. endpoint 체인마다 파드 하나로 DNAT합니다. 동기화는 한 번의 nft 트랜잭션이며 초당 최대 한 번입니다.',
    ),
    dnat: text(
      `The packet to the ClusterIP meets ${CLIENT_NODE}’s own nftables rules: the service-ips map matches ClusterIP . tcp . 80, numgen random picks one endpoint chain, and it DNATs to a pod IP. kube-proxy is not in the path; the kernel applies the rules kube-proxy wrote.`,
      `ClusterIP로 가는 패킷은 ${CLIENT_NODE} 자신의 nftables 규칙을 만납니다: service-ips 맵이 ClusterIP . tcp . 80을 찾고, numgen random이 endpoint 체인 하나를 골라 파드 IP로 DNAT합니다. kube-proxy는 경로에 없고, 커널이 kube-proxy가 쓴 규칙을 적용합니다.`,
    ),
    resync: text('kube-proxy on every node gets the change through its watch and resyncs: the not-ready pod’s endpoint chain leaves the numgen vmap of the Service’s chain.', '모든 노드의 kube-proxy가 watch로 변경을 받아 다시 동기화합니다: not-ready 파드의 endpoint 체인이 서비스 체인의 numgen vmap에서 빠집니다.'),
  },
  ipvs: {
    rules: text(
      'kube-proxy (ipvs mode) on every node turns the Service into an IPVS virtual server 10.96.…:80 with one real server per ready endpoint, scheduler rr, and binds the ClusterIP to the dummy interface kube-ipvs0. (ipvs mode is deprecated since v1.35.)',
      'ipvs 모드의 kube-proxy가 모든 노드에서 서비스를 IPVS 가상 서버 10.96.…:80으로 만들고, 준비된 엔드포인트마다 실제 서버를 등록합니다(스케줄러 rr). ClusterIP는 더미 인터페이스 kube-ipvs0에 바인딩됩니다. (ipvs 모드는 v1.35부터 사용 중단 예정)',
    ),
    dnat: text(
      `The packet to the ClusterIP never leaves ${CLIENT_NODE} unchanged: IPVS in its kernel picks the next real server (round robin) and rewrites the destination. kube-proxy is not in the path; it only wrote the configuration.`,
      `ClusterIP로 가는 패킷은 ${withParticle(CLIENT_NODE, '을/를')} 그대로 떠나지 않습니다: 커널의 IPVS가 다음 실제 서버(라운드 로빈)를 골라 목적지를 바꿉니다. kube-proxy는 경로에 없고 설정만 썼습니다.`,
    ),
    resync: text('kube-proxy on every node gets the change through its watch and resyncs: the not-ready pod is no longer a real server of the virtual server.', '모든 노드의 kube-proxy가 watch로 변경을 받아 다시 동기화합니다: not-ready 파드가 가상 서버의 실제 서버에서 빠집니다.'),
  },
};

function cues(params: ScenarioParams): readonly StepCue[] {
  const words = MODE_WORDS[modeOf(params)];
  const out: StepCue[] = [
    {
      id: 'cluster-ip',
      caption: text(
        'kube-apiserver stores the Service with a ClusterIP allocated from --service-cluster-ip-range (kubeadm: 10.96.0.0/12). The IP belongs to no pod and no network interface: it exists only in the nodes’ rules.',
        'kube-apiserver가 --service-cluster-ip-range(kubeadm: 10.96.0.0/12)에서 ClusterIP를 할당해 서비스를 저장합니다. 이 IP는 어떤 파드나 네트워크 인터페이스의 것도 아니며, 노드의 규칙 안에만 존재합니다.',
      ),
      focus: ['kube-apiserver', 'etcd'],
      when: message({ from: 'kube-apiserver', to: 'etcd', write: true, object: SERVICE }),
    },
    {
      id: 'watchers',
      caption: text(
        'Watch events go out: kube-controller-manager (the EndpointSlice controller), kube-proxy on every node, and CoreDNS, which now answers web.default.svc.cluster.local.',
        'watch 이벤트가 나갑니다: kube-controller-manager(EndpointSlice 컨트롤러), 모든 노드의 kube-proxy, 그리고 이제 web.default.svc.cluster.local에 답하는 CoreDNS.',
      ),
      focus: ['kube-apiserver', 'kube-controller-manager', 'coredns', ...PROXIES],
      when: message({ type: 'watch', object: SERVICE }),
    },
    {
      id: 'endpointslice',
      caption: text(
        'The EndpointSlice controller selects the pods with app=web and writes an EndpointSlice labelled kubernetes.io/service-name=web: each pod’s IP, node, and conditions ready/serving/terminating.',
        'EndpointSlice 컨트롤러가 app=web 파드를 골라 kubernetes.io/service-name=web 레이블의 EndpointSlice를 씁니다: 파드마다 IP, 노드, ready/serving/terminating 상태.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver', 'etcd'],
      when: activity('kube-controller-manager', 'endpointslice-controller/sync'),
    },
    {
      id: 'rules',
      caption: words.rules,
      focus: PROXIES,
      when: (e) => e.kind === 'activity' && e.action === 'sync-rules' && !e.label.en.includes('no endpoints') && !e.label.en.includes('no real servers'),
    },
    {
      id: 'dns',
      caption: text(
        'The pod’s /etc/resolv.conf points at the kube-dns Service (10.96.0.10) with search default.svc.cluster.local …; "web" has fewer than 5 dots, so the first name tried is web.default.svc.cluster.local. The query to 10.96.0.10 is DNATed to a CoreDNS pod by the node’s rules, as the web request will be (drawn here as one hop). CoreDNS answers with the ClusterIP.',
        '파드의 /etc/resolv.conf는 kube-dns 서비스(10.96.0.10)를 가리키고 search default.svc.cluster.local …을 가집니다. "web"은 점이 5개보다 적으니 먼저 web.default.svc.cluster.local을 묻습니다. 10.96.0.10으로 가는 질의도 뒤의 web 요청처럼 노드의 규칙이 CoreDNS 파드로 DNAT합니다(여기서는 한 번에 그림). CoreDNS가 ClusterIP로 답합니다.',
      ),
      focus: ['client/curl', 'coredns'],
      when: message({ from: 'client/curl', to: 'coredns' }),
    },
    {
      id: 'dnat',
      caption: words.dnat,
      // The actor is the client node's kernel (netfilter/IPVS), not kube-proxy: kube-proxy stays out of the focus.
      focus: ['client/curl', `node/${CLIENT_NODE}`],
      when: message({ from: 'client/curl', action: /^TCP / }),
    },
    {
      id: 'pod-network',
      caption: text(
        'The pod network (the CNI plugin’s routes or overlay) carries the packet from 10.244.1.x to the backend pod on another node; nginx answers, and conntrack rewrites the reply’s source back to the ClusterIP.',
        '파드 네트워크(CNI 플러그인의 라우팅 또는 오버레이)가 패킷을 10.244.1.x에서 다른 노드의 백엔드 파드로 나릅니다. nginx가 답하고, conntrack이 응답의 출발지를 다시 ClusterIP로 바꿉니다.',
      ),
      // The packet goes pod to pod: no kubelet is on the data path.
      focus: ['client/curl', `node/${CLIENT_NODE}`],
      when: message({ from: `node/${CLIENT_NODE}`, action: /^TCP / }),
    },
  ];
  if (params.readinessFailure !== false) {
    out.push(
      {
        id: 'not-ready',
        caption: text(
          'After the third failure in a row (failureThreshold 3) the kubelet reports the container not ready: the pod is Ready=False but keeps running — readiness failures never restart a container.',
          '연속 세 번째 실패(failureThreshold 3) 뒤 kubelet이 컨테이너를 not ready로 보고합니다: 파드는 Ready=False지만 계속 실행됩니다. 레디니스 실패는 컨테이너를 재시작하지 않습니다.',
        ),
        focus: ['kubelet/worker-2', 'kubelet/worker-3', 'kube-apiserver'],
        when: (e) => e.kind === 'message' && e.to === 'kube-apiserver' && e.from.startsWith('kubelet/') && e.action === 'PATCH pod/status' && e.t > 5_000,
      },
      {
        id: 'slice-update',
        caption: text(
          'The EndpointSlice controller updates the slice: that endpoint stays listed with ready: false (so `kubectl get endpoints` would show it under notReadyAddresses).',
          'EndpointSlice 컨트롤러가 슬라이스를 갱신합니다: 그 엔드포인트는 ready: false로 남습니다 (`kubectl get endpoints`에서는 notReadyAddresses에 보입니다).',
        ),
        focus: ['kube-controller-manager', 'kube-apiserver'],
        when: message({ from: 'kube-controller-manager', action: 'PUT endpointslice' }),
      },
      {
        id: 'resync',
        caption: words.resync,
        focus: PROXIES,
        when: (e) => e.kind === 'activity' && e.action === 'sync-rules' && e.t > 5_000,
      },
    );
  }
  return out;
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as Context, events: {} as ScenarioEvent },
  actions: {
    expose: ({ context }) => {
      context.cluster.step(
        'expose',
        text(
          `\`kubectl expose deployment web --port=80\`: a ClusterIP Service selecting app=web. ${String(context.params.replicas)} web pods run on worker-2 and worker-3; a curl pod runs on worker-1.`,
          `\`kubectl expose deployment web --port=80\`: app=web을 선택하는 ClusterIP 서비스. web 파드 ${String(context.params.replicas)}개가 worker-2와 worker-3에서, curl 파드가 worker-1에서 실행 중입니다.`,
        ),
        ['kubectl', 'kube-apiserver'],
      );
      context.cluster.create(webService(), 'POST service');
    },
    curl: ({ context }) => {
      context.cluster.step('curl', text('`kubectl exec curl -- curl -s http://web`: the client pod calls the Service by name.', '`kubectl exec curl -- curl -s http://web`: 클라이언트 파드가 이름으로 서비스를 호출합니다.'), ['client/curl', 'coredns']);
      context.client.call('web', 80);
    },
    curlAgain: ({ context }) => {
      context.cluster.step('curl-again', text('The same call again: only ready endpoints are in the rules, so the packet goes to a backend that is still Ready.', '같은 호출을 다시 합니다: 규칙에는 준비된 엔드포인트만 있으므로 패킷은 아직 Ready인 백엔드로 갑니다.'), ['client/curl', `node/${CLIENT_NODE}`]);
      context.client.call('web', 80);
    },
    failProbe: ({ context }) => {
      const pod = firstBackend(context.cluster);
      if (!pod) return;
      context.cluster.step(
        'probe-fails',
        text(`The pod that answered, ${pod.metadata.name} on ${pod.spec.nodeName ?? ''}, starts returning 503 on its readiness probe. The kubelet probes every 10 s (periodSeconds) and records the Warning event Unhealthy.`, `방금 답한 파드 ${pod.metadata.name}(${pod.spec.nodeName ?? ''})의 레디니스 프로브가 503을 반환하기 시작합니다. kubelet은 10초(periodSeconds)마다 검사하고 Warning 이벤트 Unhealthy를 남깁니다.`),
        [`kubelet/${pod.spec.nodeName ?? ''}`],
      );
      failReadiness(context.cluster.rt, pod);
    },
  },
  guards: {
    answered: ({ event }) => event.event.kind === 'message' && event.event.to === 'client/curl' && event.event.action.startsWith('HTTP '),
    resynced: ({ event }) => event.event.kind === 'activity' && event.event.action === 'sync-rules' && event.event.t > 5_000,
    probes: ({ context }) => context.params.readinessFailure !== false,
  },
}).createMachine({
  id: 'service-routing',
  context: ({ input }) => ({ ...input, client: build(input.cluster, input.params) }),
  initial: 'ready',
  states: {
    ready: { after: { 400: { target: 'exposed', actions: 'expose' } } },
    exposed: { after: { 3000: { target: 'calling', actions: 'curl' } } },
    calling: {
      meta: waitingFor(text('curl\'s HTTP answer from a web pod', 'web 파드가 보낸 curl의 HTTP 응답')),
      on: { trace: { guard: 'answered', target: 'answered' } },
    },
    answered: { after: { 1500: [{ guard: 'probes', target: 'failing', actions: 'failProbe' }, { target: 'done' }] } },
    failing: {
      meta: waitingFor(text('kube-proxy to sync its rules after the EndpointSlice change', 'EndpointSlice가 바뀐 뒤 kube-proxy가 규칙을 동기화하는 것')),
      on: { trace: { guard: 'resynced', target: 'resynced' } },
    },
    resynced: { after: { 1500: { target: 'callingAgain', actions: 'curlAgain' } } },
    callingAgain: {
      meta: waitingFor(text('curl\'s HTTP answer from a web pod', 'web 파드가 보낸 curl의 HTTP 응답')),
      on: { trace: { guard: 'answered', target: 'settling' } },
    },
    settling: { after: { 500: 'done' } },
    done: { type: 'final' },
  },
});

export const serviceRouting: ScenarioDefinition = {
  ...serviceRoutingAbout,
  machine,
  cues,
  maxSimTimeMs: 180_000,
};
