/** Component ids (src/sim/trace.ts) -> role, node and display name. Pure. */
import type { ComponentId } from '../sim/trace.ts';
import type { Role } from './theme.ts';

export type Station = 'kubectl' | 'apiserver' | 'etcd' | 'scheduler' | 'controller-manager' | 'kubelet' | 'runtime' | 'proxy' | 'kernel' | 'other';

export interface ComponentInfo {
  readonly id: ComponentId;
  readonly station: Station;
  readonly role: Role;
  /** The worker node this component lives on, if any. */
  readonly node?: string;
  readonly name: string;
}

export function componentInfo(id: ComponentId): ComponentInfo {
  const slash = id.indexOf('/');
  const head = slash < 0 ? id : id.slice(0, slash);
  const node = slash < 0 ? undefined : id.slice(slash + 1);
  switch (head) {
    case 'kubectl':
      return { id, station: 'kubectl', role: 'user', name: 'kubectl' };
    case 'kube-apiserver':
      return { id, station: 'apiserver', role: 'control', name: 'kube-apiserver' };
    case 'etcd':
      return { id, station: 'etcd', role: 'etcd', name: node === undefined ? 'etcd' : `etcd ${node}` };
    case 'kube-scheduler':
      return { id, station: 'scheduler', role: 'scheduler', name: 'kube-scheduler' };
    case 'kube-controller-manager':
      return { id, station: 'controller-manager', role: 'controllers', name: 'kube-controller-manager' };
    case 'kubelet':
      return { id, station: 'kubelet', role: 'kubelet', node, name: 'kubelet' };
    case 'containerd':
      return { id, station: 'runtime', role: 'runtime', node, name: 'containerd' };
    case 'kube-proxy':
      return { id, station: 'proxy', role: 'proxy', node, name: 'kube-proxy' };
    case 'node':
      // The node's kernel, which applies the rules kube-proxy wrote: drawn in kube-proxy's colour.
      return { id, station: 'kernel', role: 'proxy', node, name: 'kernel' };
    default:
      return { id, station: 'other', role: 'user', node, name: id };
  }
}

/** The node a node component lives on (kubelet/c-07, containerd/, kube-proxy/, node/ -> c-07), else undefined. */
export function nodeOfComponent(id: ComponentId): string | undefined {
  const info = componentInfo(id);
  return info.station === 'kubelet' || info.station === 'runtime' || info.station === 'proxy' || info.station === 'kernel' ? info.node : undefined;
}

/** The controllers kube-controller-manager may show on the officers' deck, and how an activity names them. */
export const CONTROLLERS = [
  { id: 'nodelifecycle', label: 'node lifecycle', match: /node.?lifecycle|nodelifecycle|node-monitor/i },
  { id: 'deployment', label: 'Deployment', match: /deployment/i },
  { id: 'replicaset', label: 'ReplicaSet', match: /replica.?set/i },
  { id: 'daemonset', label: 'DaemonSet', match: /daemon.?set/i },
  { id: 'tainteviction', label: 'taint-eviction', match: /taint.?eviction|evict/i },
  { id: 'endpointslice', label: 'EndpointSlice', match: /endpoint.?slice|endpoints/i },
  { id: 'garbagecollector', label: 'garbage collector', match: /garbage.?collector/i },
  { id: 'disruption', label: 'disruption', match: /disruption/i },
] as const;
export type ControllerId = (typeof CONTROLLERS)[number]['id'];

/** How many chips the officers' deck holds by default, and the ones it shows when a trace uses fewer. */
export const DECK_SIZE = 4;
const DEFAULT_DECK: readonly ControllerId[] = ['nodelifecycle', 'replicaset', 'tainteviction', 'endpointslice'];

/**
 * The deck for a trace: every controller it uses (a chip that lights must be there), topped up with
 * the defaults while there is room (`capacity`, from the layout), in CONTROLLERS order.
 */
export function deckControllers(used: ReadonlySet<ControllerId>, capacity: number = DECK_SIZE): ControllerId[] {
  const pick = new Set<ControllerId>(used);
  for (const d of DEFAULT_DECK) if (pick.size < Math.min(capacity, DECK_SIZE)) pick.add(d);
  return CONTROLLERS.filter((c) => pick.has(c.id)).map((c) => c.id);
}

/**
 * Which controller an activity of kube-controller-manager is about: by its action first (the
 * controller's own name, "deployment-controller/reconcile"), else by label or object kind.
 */
export function controllerOf(action: string, label: string, object: string | undefined): ControllerId | undefined {
  for (const c of CONTROLLERS) if (c.match.test(action)) return c.id;
  const hay = `${label} ${object ?? ''}`;
  for (const c of CONTROLLERS) if (c.match.test(hay)) return c.id;
  return undefined;
}

interface TopologyLike {
  readonly nodes: readonly string[];
  readonly components: readonly ComponentId[];
  readonly files?: readonly { readonly node: string; readonly path: string }[];
}

/**
 * The control-plane node, when the trace shows one (a node whose disk holds static pod manifests):
 * it is drawn as the flagship itself (its kubelet, containerd, static pods and files aboard), never
 * as a cargo ship of its own.
 */
export function controlPlaneNode(topology: TopologyLike): string | undefined {
  return topology.files?.find((f) => f.path.startsWith('/etc/kubernetes/manifests/'))?.node;
}

/**
 * The ships to draw (the control-plane node aside): the topology's worker nodes, then any other node a component lives on
 * (a control-plane node whose kubelet runs static pods has a kubelet but may not be a worker).
 */
export function shipNodes(topology: TopologyLike): string[] {
  const cp = controlPlaneNode(topology);
  const out = topology.nodes.filter((n) => n !== cp);
  for (const c of topology.components) {
    const info = componentInfo(c);
    if (info.node !== undefined && info.node !== cp && (info.station === 'kubelet' || info.station === 'runtime' || info.station === 'proxy') && !out.includes(info.node)) out.push(info.node);
  }
  return out;
}

/** Nodes whose kernel the scenario draws (`node/<node>` in the topology, on a ship of its own). */
export function kernelNodes(topology: TopologyLike): string[] {
  const ships = shipNodes(topology);
  return topology.components.filter((c) => c.startsWith('node/')).map((c) => c.slice('node/'.length)).filter((n) => ships.includes(n));
}

/** etcd members drawn side by side in the ship's log when the cluster runs several. */
export function etcdMembers(components: readonly ComponentId[]): string[] {
  return components.filter((c) => c.startsWith('etcd/')).map((c) => c.slice('etcd/'.length));
}
