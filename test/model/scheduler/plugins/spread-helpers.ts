/** Compact builders for PodTopologySpread / InterPodAffinity tables, after upstream's st.MakeNode() / st.MakePod(). */
import type { LabelSelector, Node, Pod, TopologySpreadConstraint } from '../../../../src/model/objects.ts';
import { buildNodeInfos, type NodeInfo } from '../../../../src/model/scheduler/node-info.ts';

/** st.MakeNode().Name(name).Label(k, v)... */
export function node(name: string, labels: Record<string, string>): Node {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: {}, status: { allocatable: { cpu: '10', memory: '10Gi', pods: '110' } } };
}

export interface PodBits {
  readonly node?: string;
  readonly labels?: Record<string, string>;
  readonly namespace?: string;
  readonly terminating?: boolean;
  readonly spread?: readonly TopologySpreadConstraint[];
  readonly spec?: Partial<Pod['spec']>;
}

/** st.MakePod().Name(name).Node(node).Label(...)... */
export function pod(name: string, bits: PodBits = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: bits.namespace ?? 'default',
      uid: `${bits.namespace ?? 'default'}/${name}`,
      labels: bits.labels ?? {},
      ...(bits.terminating === true ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
    },
    spec: {
      containers: [{ name: 'c', image: 'i' }],
      ...(bits.node === undefined ? {} : { nodeName: bits.node }),
      ...(bits.spread === undefined ? {} : { topologySpreadConstraints: bits.spread }),
      ...bits.spec,
    },
    status: { phase: bits.node === undefined ? 'Pending' : 'Running' },
  };
}

/** st.MakeLabelSelector().Exists(key) */
export const exists = (...keys: string[]): LabelSelector => ({ matchExpressions: keys.map((key) => ({ key, operator: 'Exists' as const })) });

/** SpreadConstraint(maxSkew, key, mode, selector) */
export function constraint(maxSkew: number, topologyKey: string, mode: TopologySpreadConstraint['whenUnsatisfiable'], labelSelector: LabelSelector | undefined, extra: Partial<TopologySpreadConstraint> = {}): TopologySpreadConstraint {
  return { maxSkew, topologyKey, whenUnsatisfiable: mode, ...(labelSelector === undefined ? {} : { labelSelector }), ...extra };
}

export const infos = (nodes: readonly Node[], pods: readonly Pod[]): NodeInfo[] => buildNodeInfos(nodes, pods);

/** The usual four nodes: node-a, node-b in zone1, node-x, node-y in zone2, each labelled node=<name>. */
export const FOUR_NODES: readonly Node[] = [
  node('node-a', { zone: 'zone1', node: 'node-a' }),
  node('node-b', { zone: 'zone1', node: 'node-b' }),
  node('node-x', { zone: 'zone2', node: 'node-x' }),
  node('node-y', { zone: 'zone2', node: 'node-y' }),
];

/** Existing pods named p-<node letter><n> on node-<letter>, all labelled foo="". */
export const fooPods = (...names: string[]): Pod[] => names.map((n) => pod(n, { node: `node-${n.charAt(2)}`, labels: { foo: '' } }));
