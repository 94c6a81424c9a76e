/**
 * zone-outage: thousands of replicas on a couple of hundred nodes in three zones, and one zone
 * loses power. What changes at scale is the brake: the node lifecycle controller puts the NoExecute
 * taint (the one that leads to evictions) on one node at a time, at a per-zone rate that depends on
 * how much of the zone is down and how big the zone is (zone-disruption.ts; upstream
 * node_lifecycle_controller.go ComputeZoneState, setLimiterInZone, ReducedQPSFunc). Evictions then
 * come 300 s after each node's taint, and the replacements land in the zones that are up.
 */
import { setup } from 'xstate';
import { text, type Localized } from '../src/model/localized.ts';
import type { Node } from '../src/model/objects.ts';
import type { K8sVersion } from '../src/model/k8s/versions.ts';
import type { Cluster } from '../src/sim/cluster.ts';
import { configFor } from '../src/sim/core/config.ts';
import type { ComponentId } from '../src/sim/trace.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams, StepCue } from '../src/sim/scenario.ts';
import { waitingFor } from '../src/sim/scenario.ts';
import { activity, decision, nthDistinct } from './lib/match.ts';
import { outagePlan, type OutagePlan } from './lib/zone-plan.ts';
import { zoneOutageAbout } from './about/zone-outage.ts';

const ZONE_KEY = 'topology.kubernetes.io/zone';
const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
const WEB_POD = /^Pod\/default\/web-/;
/**
 * How many nodes' pods the story follows through eviction and replacement before it ends: the whole
 * dark zone at the normal rate (about 8 minutes for the default's 50), three nodes at the secondary
 * rate (100 s apart, the rest would take an hour more).
 */
const nodesToFollow = (plan: OutagePlan): number => (plan.rate >= 0.1 ? plan.down : Math.min(3, plan.down));

const replicasOf = (params: ScenarioParams): number => Number(params.nodes) * Number(params.perNode);
/** One plan per run (a run keeps its params object): the guards ask on every trace event. */
const plans = new WeakMap<ScenarioParams, Map<K8sVersion, OutagePlan>>();
function planOf(params: ScenarioParams, version: K8sVersion): OutagePlan {
  let byVersion = plans.get(params);
  if (byVersion === undefined) plans.set(params, (byVersion = new Map()));
  let plan = byVersion.get(version);
  if (plan === undefined) byVersion.set(version, (plan = outagePlan(Number(params.nodes), params.outage === 'part' ? 'part' : 'zone', configFor(version))));
  return plan;
}

const nodeIsDown = (node: Node): boolean => node.status?.conditions?.some((c) => c.type === 'Ready' && c.status !== 'True') ?? false;
const hasNoExecute = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.effect === 'NoExecute');
const hasUnreachableNoSchedule = (node: Node): boolean => (node.spec.taints ?? []).some((t) => t.key === UNREACHABLE_TAINT && t.effect === 'NoSchedule');

/** Nodes of the dark zone tainted NoExecute (the rate-limited queue has reached them). */
function darkTainted(cluster: Cluster, plan: OutagePlan): string[] {
  return plan.failing.filter((n) => {
    const node = cluster.get(`Node/${n}`);
    return node?.kind === 'Node' && hasNoExecute(node);
  });
}

/**
 * Of the dark nodes tainted NoExecute (darkTainted), those whose pods have all been evicted (they
 * stay Terminating: no kubelet is there to finish). Only a tainted node can have been emptied.
 */
function nodesEmptied(cluster: Cluster, tainted: readonly string[]): number {
  if (tainted.length === 0) return 0;
  const dark = new Set(tainted);
  const left = new Set<string>();
  for (const p of cluster.pods()) if (!p.metadata.deletionTimestamp && p.spec.nodeName !== undefined && dark.has(p.spec.nodeName)) left.add(p.spec.nodeName);
  return tainted.filter((n) => !left.has(n)).length;
}

/**
 * The Deployment is whole again as far as the story goes: as many active pods as replicas, and every
 * one of them Ready except those still waiting on a dark node for their eviction.
 */
function replacementsReady(cluster: Cluster, replicas: number): boolean {
  const up = (name: string): boolean => {
    const node = cluster.get(`Node/${name}`);
    return node?.kind === 'Node' && !nodeIsDown(node);
  };
  let active = 0;
  for (const p of cluster.pods()) {
    if (!p.metadata.name.startsWith('web-') || p.metadata.deletionTimestamp) continue;
    active++;
    const ready = p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
    if (!ready && (p.spec.nodeName === undefined || up(p.spec.nodeName))) return false;
  }
  return active >= replicas;
}

const kubeletsOf = (nodes: readonly string[], n: number): ComponentId[] => nodes.slice(0, n).map((name): ComponentId => `kubelet/${name}`);

/** "c-02", "c-02 and c-05", "c-02, c-05 and 3 more" (and the Korean, with the particle). */
function nodeList(names: readonly string[]): Localized {
  const shown = names.slice(0, 2);
  const more = names.length - shown.length;
  return text(
    more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(' and '),
    more > 0 ? `${shown.join(', ')} 외 ${more}대` : shown.join(', '),
  );
}

/**
 * Dark nodes already tainted NoExecute before the zone's new state took hold. Heartbeats stop at
 * staggered points of each kubelet's 10 s renewal cycle, so the controller finds the dark nodes
 * silent over two of its passes; in the first, too few of the zone's nodes were silent for the zone
 * to count as disrupted, and the node found first got its taint at --node-eviction-rate then.
 */
function earlyCaption(early: readonly string[], plan: OutagePlan): Localized {
  const names = nodeList(early);
  const one = early.length === 1;
  return text(
    `${names.en} got ${one ? 'its' : 'their'} NoExecute taint at once: kubelets renew at different moments, and in the controller's first pass that found silence too few of ${plan.zone}'s nodes were silent for the zone to count as disrupted, so --node-eviction-rate (${plan.normalRate}/s) applied. `,
    `${names.ko}에는 곧바로 NoExecute 테인트가 붙었습니다. kubelet마다 리스 갱신 시점이 달라, 컨트롤러가 처음 침묵을 찾은 확인에서는 ${plan.zone}의 꺼진 노드가 아직 적어 영역이 장애로 취급되지 않았고, --node-eviction-rate(${plan.normalRate}/s)가 적용되었습니다. `,
  );
}

function rateCaption(plan: OutagePlan, early: readonly string[]): Localized {
  const { zoneSize, down, threshold, large } = plan;
  const share = `${down} of ${zoneSize}`;
  const shareKo = `${zoneSize}대 중 ${down}대`;
  const before = early.length > 0 && plan.state !== 'normal' ? earlyCaption(early, plan) : text('', '');
  const withEarly = (en: string, ko: string): Localized => text(`${before.en}${en}`, `${before.ko}${ko}`);
  if (plan.state === 'full') {
    return withEarly(
      `Every node of ${plan.zone} is down: the zone is in full disruption. The other zones are healthy, so the controller does not blame its own network; it adds the NoExecute taint at --node-eviction-rate (${plan.rate}/s): one node every ${plan.everyS} s, about ${plan.totalMin} min for the whole zone.`,
      `${plan.zone}의 노드가 모두 내려갔습니다. 영역 전체 장애(full disruption)입니다. 다른 영역은 정상이므로 컨트롤러는 자기 네트워크를 의심하지 않고 --node-eviction-rate(${plan.rate}/s)에 따라 NoExecute 테인트를 붙입니다. ${plan.everyS}초마다 노드 한 대씩, 영역 전체에 약 ${plan.totalMin}분이 걸립니다.`,
    );
  }
  if (plan.state === 'partial' && plan.rate > 0) {
    return withEarly(
      `${share} nodes of ${plan.zone} are down, at least --unhealthy-zone-threshold (${Math.round(threshold * 100)}%): the zone is partially disrupted. It has more than --large-cluster-size-threshold (${large}) nodes, so the NoExecute taint slows to --secondary-node-eviction-rate (${plan.rate}/s): one node every ${plan.everyS} s.`,
      `${plan.zone}에서 ${shareKo}가 내려가 --unhealthy-zone-threshold(${Math.round(threshold * 100)}%) 이상입니다. 영역 부분 장애(partial disruption)입니다. 노드가 --large-cluster-size-threshold(${large}대)보다 많으므로 NoExecute 테인트가 --secondary-node-eviction-rate(${plan.rate}/s)로 느려집니다. ${plan.everyS}초마다 노드 한 대씩입니다.`,
    );
  }
  if (plan.state === 'partial') {
    return early.length > 0
      ? withEarly(
          `Now ${share} nodes of ${plan.zone} are down, at least --unhealthy-zone-threshold (${Math.round(threshold * 100)}%): the zone is partially disrupted. It has no more than --large-cluster-size-threshold (${large}) nodes, so the rate is 0: no further NoExecute taint. The other nodes' pods stay put, NotReady, until the nodes come back or someone acts.`,
          `이제 ${plan.zone}에서 ${shareKo}가 내려가 --unhealthy-zone-threshold(${Math.round(threshold * 100)}%) 이상입니다. 영역 부분 장애(partial disruption)입니다. 노드가 --large-cluster-size-threshold(${large}대) 이하이므로 속도는 0입니다. NoExecute 테인트는 더 붙지 않습니다. 나머지 노드의 파드는 노드가 돌아오거나 누군가 조치할 때까지 NotReady로 그 자리에 남습니다.`,
        )
      : text(
          `${share} nodes of ${plan.zone} are down, at least --unhealthy-zone-threshold (${Math.round(threshold * 100)}%): the zone is partially disrupted. It has no more than --large-cluster-size-threshold (${large}) nodes, so the rate is 0: no NoExecute taint, no eviction. The pods stay put, NotReady, until the nodes come back or someone acts.`,
          `${plan.zone}에서 ${shareKo}가 내려가 --unhealthy-zone-threshold(${Math.round(threshold * 100)}%) 이상입니다. 영역 부분 장애(partial disruption)입니다. 노드가 --large-cluster-size-threshold(${large}대) 이하이므로 속도는 0입니다. NoExecute 테인트도 축출도 없습니다. 노드가 돌아오거나 누군가 조치할 때까지 파드는 NotReady로 그 자리에 남습니다.`,
        );
  }
  return text(
    `Only ${share} nodes of ${plan.zone} are down, under --unhealthy-zone-threshold (${Math.round(threshold * 100)}%): the zone counts as normal and gets the NoExecute taint at --node-eviction-rate (${plan.rate}/s), one node every ${plan.everyS} s.`,
    `${plan.zone}에서 ${shareKo}만 내려가 --unhealthy-zone-threshold(${Math.round(threshold * 100)}%) 미만입니다. 영역은 정상으로 취급되어 --node-eviction-rate(${plan.rate}/s)에 따라 ${plan.everyS}초마다 노드 한 대씩 NoExecute 테인트를 붙입니다.`,
  );
}

function cues(params: ScenarioParams, k8sVersion: K8sVersion): readonly StepCue[] {
  const plan = planOf(params, k8sVersion);
  const grace = configFor(k8sVersion).nodeMonitorGraceMs / 1000;
  const dark = new Set(plan.failing);
  const out: StepCue[] = [
    {
      id: 'unknown',
      caption: text(
        `${grace} s after a node's last renewal (--node-monitor-grace-period), the node lifecycle controller, checking every 5 s, marks it Ready=Unknown and its pods Ready=False, and taints it NoSchedule (the amber slash): none of this is rate-limited. The kubelets last renewed at different moments, so the ${plan.down} silent nodes are found over a few seconds.`,
        `노드가 마지막으로 리스를 갱신한 뒤 ${grace}초(--node-monitor-grace-period)가 지나면, 5초마다 확인하는 노드 라이프사이클 컨트롤러가 노드를 Ready=Unknown으로, 파드를 Ready=False로 표시하고 NoSchedule 테인트(주황 빗금)를 붙입니다. 속도 제한은 없습니다. 갱신 시점이 노드마다 달라 ${plan.down}대가 몇 초에 걸쳐 발견됩니다.`,
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'node-lifecycle-controller/monitor'),
    },
    {
      id: 'no-schedule',
      caption: text(
        'Every dark node now carries the NoSchedule taint node.kubernetes.io/unreachable: kube-scheduler\'s TaintToleration filter keeps new pods off them. NoSchedule evicts nothing; NoExecute does, and that one is rate-limited per zone.',
        '이제 꺼진 노드마다 NoSchedule 테인트 node.kubernetes.io/unreachable이 붙어 있어, kube-scheduler의 TaintToleration 필터가 새 파드를 그 노드들에 두지 않습니다. NoSchedule은 축출하지 않습니다. 축출은 NoExecute 테인트가 일으키며, 이 테인트는 영역별로 속도 제한을 받습니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver', 'kube-scheduler'],
      // When the last dark node's NoSchedule taint is stored (they are found over one or two passes,
      // and each taint lands a few hops after its PATCH): from this step's first frame, every dark
      // tile shows the slash the caption speaks of.
      when: nthDistinct(plan.down, (e) => (e.kind === 'state' && e.value?.kind === 'Node' && dark.has(e.value.metadata.name) && hasUnreachableNoSchedule(e.value) ? e.object : undefined)),
    },
  ];
  // The rate is narrated by the machine once the dark nodes are all Unknown (it says which were
  // tainted before the zone's state changed); at rate 0 the story ends before any eviction.
  if (plan.rate === 0) return out;
  out.push(
    {
      id: 'evict',
      caption: text(
        '300 s after a node\'s NoExecute taint, its pods\' tolerations (added by DefaultTolerationSeconds) run out and the taint-eviction controller deletes them, node by node, at the pace the taints went on.',
        '노드에 NoExecute 테인트가 붙고 300초가 지나면 파드의 톨러레이션(DefaultTolerationSeconds가 넣은 것)이 만료되어 테인트 축출 컨트롤러가 파드를 지웁니다. 테인트가 붙은 속도 그대로 노드 한 대씩 차례로 파드가 지워집니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'taint-eviction-controller/evict'),
    },
    {
      id: 'replace',
      caption: text(
        'The ReplicaSet controller counts fewer active pods than replicas and creates replacements, a node\'s worth at a time instead of a zone\'s worth at once.',
        '레플리카셋 컨트롤러는 활성 파드가 레플리카 수보다 적은 것을 보고 대체 파드를 만듭니다. 영역 하나 분량을 한꺼번에 만들지 않고 노드 한 대 분량씩 만듭니다.',
      ),
      focus: ['kube-controller-manager', 'kube-apiserver'],
      when: activity('kube-controller-manager', 'replicaset-controller/reconcile'),
    },
    {
      id: 'schedule',
      caption: text(
        `kube-scheduler filters out the dark nodes (untolerated unreachable taint) and, with ${plan.nodes} nodes, stops after finding ${plan.feasible} feasible ones (percentageOfNodesToScore, adaptive above 100 nodes): the replacements land on nodes that are up.`,
        `kube-scheduler는 꺼진 노드를 걸러내고(파드가 unreachable 테인트를 허용하지 않으므로), 노드가 ${plan.nodes}대이므로 배치 가능한 노드를 ${plan.feasible}대 찾으면 거기서 멈춥니다(percentageOfNodesToScore, 100대를 넘으면 자동 조정). 대체 파드는 켜져 있는 노드에 자리 잡습니다.`,
      ),
      focus: ['kube-scheduler'],
      when: decision(WEB_POD),
    },
    {
      // The wave gets a caption of its own: the scheduler's step is the first node's replacements,
      // and the minutes of evictions after it (49 nodes at the default) play under this one.
      id: 'wave',
      caption: waveCaption(plan),
      focus: ['kube-controller-manager', 'kube-apiserver', 'kube-scheduler'],
      // Cues are matched in turn: this one looks from the first replacement's decision on, after
      // the first node's pods were all evicted (at one instant, their tolerations ran out
      // together), so the eviction it meets is the next node's.
      when: activity('kube-controller-manager', 'taint-eviction-controller/evict'),
    },
  );
  return out;
}

function waveCaption(plan: OutagePlan): Localized {
  const followed = nodesToFollow(plan);
  const whole = followed === plan.down;
  return text(
    `Then the same again, node after node: every ${plan.everyS} s another node of ${plan.zone} reaches 300 s since its taint, its pods are deleted (they stay Terminating: no kubelet is left to confirm they stopped), and their replacements are created and placed in the zones that are up. ${
      whole ? `${plan.down} nodes at that pace: about ${plan.totalMin} minutes in all.` : `The story follows ${followed} of the ${plan.down} nodes.`
    }`,
    `이후 같은 일이 노드마다 되풀이됩니다. ${plan.everyS}초마다 ${plan.zone}의 다른 노드에 테인트가 붙은 지 300초가 되어 파드가 지워지고(종료를 확인할 kubelet이 없어 Terminating으로 남습니다), 대체 파드가 만들어져 켜져 있는 영역에 배치됩니다. ${
      whole ? `노드 ${plan.down}대를 이 속도로 비우는 데 모두 약 ${plan.totalMin}분이 걸립니다.` : `이야기는 노드 ${plan.down}대 중 ${followed}대를 따라갑니다.`
    }`,
  );
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      const plan = planOf(params, cluster.rt.config.k8sVersion);
      for (const [zone, names] of plan.zones) for (const name of names) cluster.addNode(name, { cpu: '16', memory: '64Gi', labels: { [ZONE_KEY]: zone } });
      cluster.seedDeployment('web', replicasOf(params), { image: 'nginx:1.27', requests: { cpu: '100m', memory: '128Mi' } });
    },
    narrateSteady: ({ context }) => {
      const { cluster, params } = context;
      const plan = planOf(params, cluster.rt.config.k8sVersion);
      const replicas = replicasOf(params);
      context.cluster.step(
        'at-scale',
        text(
          `${replicas.toLocaleString('en')} replicas of "web" on ${plan.nodes} nodes in three zones. Every kubelet renews its Lease every 10 s: ${plan.nodes / 10} heartbeats a second reach kube-apiserver, and the node lifecycle controller checks them all every 5 s.`,
          `디플로이먼트 "web"의 레플리카 ${replicas.toLocaleString('en')}개가 세 영역의 노드 ${plan.nodes}대에 있습니다. 각 kubelet은 10초마다 리스를 갱신하므로 초당 ${plan.nodes / 10}번의 하트비트가 kube-apiserver에 도착하고, 노드 라이프사이클 컨트롤러는 5초마다 전부 확인합니다.`,
        ),
        ['kube-apiserver', 'kube-controller-manager'],
      );
    },
    powerOff: ({ context }) => {
      const { cluster, params } = context;
      const plan = planOf(params, cluster.rt.config.k8sVersion);
      const what = plan.down === plan.zoneSize ? text(`${plan.zone} loses power`, `${plan.zone}의 전원이 나갑니다`) : text(`${plan.down} of the ${plan.zoneSize} nodes in ${plan.zone} lose power`, `${plan.zone}의 노드 ${plan.zoneSize}대 중 ${plan.down}대의 전원이 나갑니다`);
      cluster.step(
        'power-off',
        text(`${what.en}: ${plan.down} kubelets stop renewing their Leases at once. Nothing tells the control plane; it has to notice the silence.`, `${what.ko}. kubelet ${plan.down}개가 한꺼번에 리스 갱신을 멈춥니다. 이를 컨트롤 플레인에 알려 주는 것은 없습니다. 컨트롤 플레인이 스스로 침묵을 알아채야 합니다.`),
        kubeletsOf(plan.failing, 6),
      );
      for (const name of plan.failing) cluster.stopNode(name);
    },
    narrateHeld: ({ context }) => {
      // The rate is 0 because the zone has no more nodes than --large-cluster-size-threshold
      // (ReducedQPSFunc): a lower threshold would give it the secondary rate, a higher one not.
      const plan = planOf(context.params, context.cluster.rt.config.k8sVersion);
      const early = darkTainted(context.cluster, plan);
      const change = text(
        `Lowering --large-cluster-size-threshold below this zone's ${plan.zoneSize} nodes, or losing the whole zone, would change that; so would the nodes coming back.`,
        `--large-cluster-size-threshold를 이 영역의 노드 수(${plan.zoneSize}대)보다 낮추거나 영역 전체가 꺼지면 달라지고, 노드가 돌아와도 달라집니다.`,
      );
      const names = nodeList(early);
      context.cluster.step(
        'held',
        early.length === 0
          ? text(`Minutes later, still nothing is evicted. ${change.en}`, `몇 분이 지나도 축출된 파드가 없습니다. ${change.ko}`)
          : text(
              `Minutes later, no other node has been tainted. ${names.en}'s pods leave 300 s after ${early.length === 1 ? 'its' : 'their'} taint, when their tolerations run out; the other ${plan.down - early.length} nodes' pods stay. ${change.en}`,
              `몇 분이 지나도 다른 노드에는 테인트가 붙지 않습니다. ${names.ko}의 파드는 테인트 후 300초가 지나 톨러레이션이 만료되면 떠나고, 나머지 노드 ${plan.down - early.length}대의 파드는 남습니다. ${change.ko}`,
            ),
        ['kube-controller-manager'],
      );
    },
    narrateRate: ({ context }) => {
      const plan = planOf(context.params, context.cluster.rt.config.k8sVersion);
      context.cluster.step('rate', rateCaption(plan, darkTainted(context.cluster, plan)), ['kube-controller-manager']);
      // No pod is created between here and the first eviction: the next decision is the first
      // replacement's, the one step 'schedule' walks through. It carries every node's verdict, so
      // the tiles show which nodes Filter rejected and which it never had to look at.
      context.cluster.verdictsForNext(1);
    },
    narrateDone: ({ context }) => {
      const { cluster, params } = context;
      const plan = planOf(params, cluster.rt.config.k8sVersion);
      const emptied = nodesEmptied(cluster, darkTainted(cluster, plan));
      const rest = Math.max(0, plan.down - emptied);
      cluster.step(
        'pace',
        rest === 0
          ? text(
              `All ${plan.down} nodes of ${plan.zone} had their pods evicted, one every ${plan.everyS} s, and every replica is Ready again in the other zones. The rate limit spreads the evictions out: replacements come a node's worth at a time, and a node that is only cut off for a while keeps its pods longer. Only when every zone looks down does the controller blame its own view of the network and stop evicting.`,
              `${plan.zone}의 노드 ${plan.down}대에서 ${plan.everyS}초마다 한 대씩 파드가 모두 축출되었고, 모든 레플리카가 다른 영역에서 다시 Ready입니다. 속도 제한 덕분에 축출이 분산됩니다. 대체 파드는 노드 한 대 분량씩 만들어지고, 잠시 끊겼을 뿐인 노드는 파드를 더 오래 지킵니다. 모든 영역이 꺼진 듯 보일 때에만 컨트롤러는 자기 네트워크를 의심하고 축출을 멈춥니다.`,
            )
          : text(
              `${emptied} nodes had their pods evicted (they stay Terminating: no kubelet is there to finish them) and the replacements are Ready on nodes that are up. The other ${rest} follow at the same pace, one every ${plan.everyS} s: about ${Math.round((rest * plan.everyS) / 60)} more minutes. The brake is deliberate: when much of a zone looks down, the control plane may be the one that cannot see it.`,
              `노드 ${emptied}대의 파드가 축출되었고(종료를 마칠 kubelet이 없어 Terminating으로 남습니다), 대체 파드는 켜져 있는 노드에서 Ready가 되었습니다. 나머지 ${rest}대도 ${plan.everyS}초마다 한 대씩 같은 속도로 이어져 약 ${Math.round((rest * plan.everyS) / 60)}분이 더 걸립니다. 이 속도 제한은 일부러 걸어 둔 브레이크입니다. 영역의 많은 노드가 꺼져 보일 때는 컨트롤 플레인 쪽이 노드를 못 보는 것일 수도 있습니다.`,
            ),
        ['kube-controller-manager', 'kube-scheduler'],
      );
    },
  },
  guards: {
    rateZero: ({ context }) => planOf(context.params, context.cluster.rt.config.k8sVersion).rate === 0,
    followed: ({ context }) => {
      const plan = planOf(context.params, context.cluster.rt.config.k8sVersion);
      // Cheapest first: only a node tainted NoExecute can be emptied, and the rate limiter taints one
      // every 10 or 100 s, so most checks end after fifty Node reads, before any walk over the pods.
      const enough = nodesToFollow(plan);
      const tainted = darkTainted(context.cluster, plan);
      return tainted.length >= enough && nodesEmptied(context.cluster, tainted) >= enough && replacementsReady(context.cluster, replicasOf(context.params));
    },
  },
}).createMachine({
  id: 'zone-outage',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'steady',
  states: {
    steady: { after: { 500: { target: 'running', actions: 'narrateSteady' } } },
    running: { after: { 6000: { target: 'dark', actions: 'powerOff' } } },
    // Decided once, on the way in: an eventless transition would be re-checked on every event.
    dark: { always: [{ guard: 'rateZero', target: 'holding' }, { target: 'tainting' }] },
    // Power went off at 6.5 s; the nodes are Unknown and tainted NoSchedule by ~60 s (grace 50 s,
    // found over the controller's passes at 55 and 60 s): the rate is told once they all are.
    tainting: { after: { 60_000: { target: 'evicting', actions: 'narrateRate' } } },
    // Checked every 5 simulated seconds (the node lifecycle controller's own period) rather than on
    // each of the ~200,000 events of the evictions: each check reads every pod.
    evicting: {
      meta: waitingFor(text('enough of the dark zone\'s nodes tainted and emptied, and the replacements Ready in the other zones', '어두워진 영역의 노드가 충분히 테인트되어 비워지고, 대체 파드가 다른 영역에서 Ready가 되는 것')),
      after: { 5000: [{ guard: 'followed', target: 'followed' }, { target: 'evicting', reenter: true }] },
    },
    holding: { after: { 60_000: { target: 'held', actions: 'narrateRate' } } },
    held: { after: { 120_000: { target: 'settling', actions: 'narrateHeld' } } },
    followed: { after: { 1000: { target: 'settling', actions: 'narrateDone' } } },
    settling: { after: { 4000: 'done' } },
    done: { type: 'final' },
  },
});

export const zoneOutage: ScenarioDefinition = {
  ...zoneOutageAbout,
  machine,
  cues,
  // Every node's verdicts in every decision would be most of the trace: the score table is for small clusters.
  config: { recordEvents: false, fullDecisions: false },
  maxSimTimeMs: 30 * 60_000,
};
