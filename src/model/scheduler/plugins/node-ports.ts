/**
 * NodePorts (upstream pkg/scheduler/framework/plugins/nodeports): Filter rejects a node where a pod
 * already holds a host port the pod asks for. A port is (hostIP, protocol, hostPort); hostIP ""
 * means 0.0.0.0 and conflicts with every IP, protocol "" means TCP. Only ports with hostPort > 0
 * count, of containers and of sidecars (init containers with restartPolicy Always), as upstream's
 * GetHostPorts. A pod without host ports skips the plugin (PreFilter Skip). Unschedulable:
 * preemption can free the port.
 */
import type { ContainerPort, Pod } from '../../objects.ts';
import type { NodeInfo } from '../node-info.ts';
import type { PodContext } from '../pod-context.ts';
import { reject, type Rejection } from '../status.ts';

export const ERR_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
const REJECTED = reject('NodePorts', 'Unschedulable', ERR_REASON_NODE_PORTS);

const BIND_ALL = '0.0.0.0';

/** A host port with its defaults filled in (upstream sanitize). */
export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

function sanitized(p: ContainerPort): HostPort {
  return { ip: p.hostIP === undefined || p.hostIP === '' ? BIND_ALL : p.hostIP, protocol: p.protocol === undefined || p.protocol === '' ? 'TCP' : p.protocol, port: p.hostPort ?? 0 };
}

/** The host ports a pod holds on its node: containers' and sidecars' ports with hostPort > 0. */
export function hostPorts(pod: Pod): HostPort[] {
  const out: HostPort[] = [];
  const sidecars = (pod.spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const c of [...sidecars, ...pod.spec.containers]) for (const p of c.ports ?? []) if ((p.hostPort ?? 0) > 0) out.push(sanitized(p));
  return out;
}

/** Upstream HostPortInfo.CheckConflict: 0.0.0.0 on either side conflicts with any IP; otherwise the same IP. */
export function portsConflict(want: HostPort, used: HostPort): boolean {
  if (want.port <= 0 || want.port !== used.port || want.protocol !== used.protocol) return false;
  return want.ip === BIND_ALL || used.ip === BIND_ALL || want.ip === used.ip;
}

export function nodePortsFilter(ctx: PodContext, info: NodeInfo): Rejection | null {
  if (ctx.hostPorts.length === 0) return null;
  for (const { pod } of info.pods.values()) {
    for (const used of hostPorts(pod)) for (const want of ctx.hostPorts) if (portsConflict(want, used)) return REJECTED;
  }
  return null;
}
