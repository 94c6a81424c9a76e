/**
 * sandbox: an empty cluster (the nodes the learner picks, each with its kube-proxy pod) where
 * everything comes from the learner's commands. The story itself only introduces the cluster;
 * what follows is what the learner types (src/sim/sandbox).
 */
import { setup } from 'xstate';
import { text, type Localized } from '../src/model/localized.ts';
import { kubeProxyDaemonSet, seedDaemonSet } from '../src/sim/seed-daemonset.ts';
import type { ScenarioDefinition, ScenarioEvent, ScenarioInput, ScenarioParams } from '../src/sim/scenario.ts';
import { sandboxAbout } from './about/sandbox.ts';

const ZONE_KEY = 'topology.kubernetes.io/zone';
const nodesOf = (p: ScenarioParams): number => Number(p.nodes);
/** Two zones, nodes alternating between them, so spreading and affinity have something to act on. */
const zoneOf = (index: number): string => (index % 2 === 0 ? 'zone-a' : 'zone-b');

/** The sandbox's cluster, as `sandboxAsFile` (scenes/sandbox-file.ts) writes it out too. */
export const SANDBOX_NODE = { cpu: '4', memory: '8Gi' } as const;
export const INTRO_STEP = 'empty-cluster';
/**
 * The intro is the cluster's first moment: a command given at 0 ms (the first thing a learner
 * types, or a link's `do=0~`) comes after it. At 500 ms it came after such a command, and the
 * "empty cluster" caption played last, over the learner's pods.
 */
export const INTRO_AT_MS = 0;
/** The intro, then a few quiet seconds of leases and heartbeats: the cluster at rest. */
export const IDLE_MS = 5000;
export const INTRO_FOCUS = ['kubectl', 'kube-apiserver'] as const;
export const sandboxNodeName = (index: number): string => `worker-${index + 1}`;
export { zoneOf as sandboxZoneOf };

export function introCaption(n: number): Localized {
  return text(
    `An empty cluster: the control plane and ${n} worker node${n === 1 ? '' : 's'} (4 CPU, 8 GiB each, in zone-a and zone-b), each running only its kube-proxy pod. Everything else is yours: type a command below, for example \`kubectl create deployment web --image=nginx --replicas=3\`.`,
    `빈 클러스터입니다. 컨트롤 플레인과 워커 노드 ${n}대(각각 CPU 4개·메모리 8GiB, zone-a와 zone-b에 나뉘어)가 있고, 노드마다 kube-proxy 파드만 돌고 있습니다. 나머지는 직접 만들어 보세요. 아래 명령줄에 입력해 보세요. 예: \`kubectl create deployment web --image=nginx --replicas=3\``,
  );
}

const machine = setup({
  types: { input: {} as ScenarioInput, context: {} as ScenarioInput, events: {} as ScenarioEvent },
  actions: {
    build: ({ context }) => {
      const { cluster, params } = context;
      for (let i = 0; i < nodesOf(params); i++) cluster.addNode(sandboxNodeName(i), { ...SANDBOX_NODE, labels: { [ZONE_KEY]: zoneOf(i) } });
      seedDaemonSet(cluster, kubeProxyDaemonSet(cluster.rt.config.k8sVersion));
    },
    introduce: ({ context }) => context.cluster.step(INTRO_STEP, introCaption(nodesOf(context.params)), INTRO_FOCUS),
  },
}).createMachine({
  id: 'sandbox',
  context: ({ input }) => input,
  entry: 'build',
  initial: 'starting',
  states: {
    // At 0 ms, its timer set before the cluster starts and before any command's: the intro comes first.
    starting: { after: { [INTRO_AT_MS]: { target: 'idle', actions: 'introduce' } } },
    idle: { after: { [IDLE_MS]: 'done' } },
    done: { type: 'final' },
  },
});

export const sandbox: ScenarioDefinition = {
  ...sandboxAbout,
  machine,
  maxSimTimeMs: 60_000,
  example: [
    { at: 5000, command: 'kubectl create deployment web --image=nginx:1.27 --replicas=3 --port=80' },
    { at: 5000, command: 'kubectl expose deployment web --port=80' },
    { at: 20_000, command: 'kubectl scale deployment web --replicas=5' },
  ],
};
