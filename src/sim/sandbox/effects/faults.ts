/**
 * Things that happen to a cluster rather than commands to it: a node loses power, its kubelet
 * stops, it is cut off from the control plane, an etcd member stops. Each prints one line, as an
 * operator's shell would report it, and is refused when it would change nothing.
 */
import type { EtcdFaultAction, NodeFaultAction } from '../../../model/kubectl/actions.ts';
import type { Cluster } from '../../cluster.ts';
import type { EffectContext } from './context.ts';

type NodeState = 'off' | 'kubelet-stopped' | 'disconnected';

/** Per run: what has happened to each node and etcd member (a run's cluster is its key). */
const nodeStates = new WeakMap<Cluster, Map<string, Set<NodeState>>>();
const stoppedMembers = new WeakMap<Cluster, Set<string>>();

function statesOf(cluster: Cluster, node: string): Set<NodeState> {
  let byNode = nodeStates.get(cluster);
  if (!byNode) nodeStates.set(cluster, (byNode = new Map()));
  let states = byNode.get(node);
  if (!states) byNode.set(node, (states = new Set()));
  return states;
}

interface FaultRule {
  /** The state the fault sets (true) or clears (false). */
  readonly state: NodeState;
  readonly sets: boolean;
  readonly apply: (cluster: Cluster, node: string) => void;
  readonly done: string;
  readonly already: string;
}

const NODE_FAULTS: Record<NodeFaultAction['kind'], FaultRule> = {
  'node-power-off': { state: 'off', sets: true, apply: (c, n) => c.stopNode(n), done: 'node/%s powered off', already: 'node/%s is already powered off' },
  'node-power-on': { state: 'off', sets: false, apply: (c, n) => c.startNode(n), done: 'node/%s powered on', already: 'node/%s is already powered on' },
  'kubelet-stop': { state: 'kubelet-stopped', sets: true, apply: (c, n) => c.stopKubelet(n), done: 'kubelet on %s stopped', already: 'kubelet on %s is already stopped' },
  'kubelet-start': { state: 'kubelet-stopped', sets: false, apply: (c, n) => c.startKubelet(n), done: 'kubelet on %s started', already: 'kubelet on %s is already running' },
  'node-disconnect': { state: 'disconnected', sets: true, apply: (c, n) => c.disconnectNode(n), done: 'node/%s disconnected from the control plane', already: 'node/%s is already disconnected' },
  'node-reconnect': { state: 'disconnected', sets: false, apply: (c, n) => c.reconnectNode(n), done: 'node/%s reconnected', already: 'node/%s is already connected' },
};

export function nodeFault(ctx: EffectContext, a: NodeFaultAction): void {
  const rule = NODE_FAULTS[a.kind];
  const states = statesOf(ctx.cluster, a.node);
  const say = (template: string): void => ctx.print(template.replace('%s', a.node));
  // A powered-off machine runs no kubelet to stop or start.
  if (states.has('off') && (a.kind === 'kubelet-stop' || a.kind === 'kubelet-start')) {
    say('node/%s is powered off');
    return ctx.done(false);
  }
  if (states.has(rule.state) === rule.sets) {
    say(rule.already);
    return ctx.done(false);
  }
  if (rule.sets) states.add(rule.state);
  else states.delete(rule.state);
  // Power coming back starts the kubelet too, whatever `kubelet stop` said before.
  if (a.kind === 'node-power-on') states.delete('kubelet-stopped');
  rule.apply(ctx.cluster, a.node);
  say(rule.done);
  ctx.done(true);
}

export function etcdFault(ctx: EffectContext, a: EtcdFaultAction): void {
  let stopped = stoppedMembers.get(ctx.cluster);
  if (!stopped) stoppedMembers.set(ctx.cluster, (stopped = new Set()));
  const stopping = a.kind === 'etcd-stop';
  if (stopped.has(a.member) === stopping) {
    ctx.print(`etcd member ${a.member} is already ${stopping ? 'stopped' : 'running'}`);
    return ctx.done(false);
  }
  if (stopping) {
    stopped.add(a.member);
    ctx.cluster.stopEtcdMember(a.member);
  } else {
    stopped.delete(a.member);
    ctx.cluster.startEtcdMember(a.member);
  }
  ctx.print(`etcd member ${a.member} ${stopping ? 'stopped' : 'started'}`);
  ctx.done(true);
}
