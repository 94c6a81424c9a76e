/**
 * A client process in a pod (`kubectl exec curl -- curl http://web`): it resolves the Service name
 * through CoreDNS, then sends to the ClusterIP. The packet first meets its own node's kernel
 * (`node/<node>`), where the rules kube-proxy programmed (netfilter or IPVS) DNAT it to one backend
 * pod; the pod network then carries it to the backend's node. Packets are `signal` messages: client
 * -> its node's kernel (destination the ClusterIP), kernel -> the backend node (drawn at
 * `kubelet/<node>`, object = the backend Pod; destination the pod IP). The reply comes back
 * un-DNATed by conntrack.
 */
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import type { KubeProxy } from './kube-proxy.ts';
import type { Packet } from './packets.ts';
import { dnatWords, refusedWords, unruledWords } from './proxy-words.ts';

export interface CallResult {
  readonly status: number;
  /** The backend pod that answered. */
  readonly pod?: string;
  readonly node?: string;
}

export interface ClientPod {
  readonly id: ComponentId;
  /** curl http://<host>:<port>/ from this pod. */
  call(host: string, port: number, onDone?: (result: CallResult) => void): void;
}

/** `dnsPod`: the CoreDNS pod the kube-dns Service sends this pod's queries to (drawn as the query's end). */
export function createClientPod(rt: Runtime, name: string, node: string, podIP: string, proxy: () => KubeProxy | undefined, dnsPod?: string): ClientPod {
  const id: ComponentId = `client/${name}`;
  // The node's kernel applies the rules; kube-proxy only wrote them and is not on the data path.
  const kernel: ComponentId = `node/${node}`;
  let onPacket: ((p: Packet) => void) | undefined;
  let onDone: ((r: CallResult) => void) | undefined;

  const send = (to: ComponentId, action: string, packet: Packet, object?: string, from: ComponentId = id): number => {
    rt.net.send({ from, to, type: 'signal', action, ...(object ? { object } : {}), payload: { kind: 'packet', packet } });
    const last = rt.tracer.last;
    return last?.kind === 'message' ? last.arrive : rt.clock.now();
  };

  /** In the kernel of the client's node: the rules DNAT the packet to a backend (or refuse it). */
  const translate = (ip: string, port: number): void => {
    const done = onDone ?? (() => undefined);
    onDone = undefined;
    const route = proxy()?.route(ip, port);
    if (route?.kind !== 'dnat') {
      const label = route ? refusedWords(route.rules) : unruledWords(ip, port);
      rt.tracer.activity(kernel, 'reject', 5, label);
      done({ status: 0 });
      return;
    }
    const { backend, rules: r, index } = route;
    // The head (before the first ": ") is what the kernel's strip shows: the rewrite itself.
    const label = dnatWords(r, index, node);
    rt.tracer.activity(kernel, 'dnat', 3, label, `Service/${r.service.split(':')[0] ?? ''}`);
    const target: ComponentId = `kubelet/${backend.node ?? node}`;
    const podRef = backend.pod ? `Pod/${backend.namespace ?? 'default'}/${backend.pod}` : undefined;
    rt.clock.after(() => {
      // The token's label is the destination after DNAT (short enough to be read whole); the source is podIP.
      const arrive = send(target, `TCP → ${backend.ip}:${backend.port}`, { proto: 'http-request', src: podIP, dst: `${backend.ip}:${backend.port}` }, podRef, kernel);
      onPacket = (p) => {
        if (p.proto !== 'http-response') return;
        onPacket = undefined;
        done({ status: p.status, ...(backend.pod ? { pod: backend.pod } : {}), ...(backend.node ? { node: backend.node } : {}) });
      };
      // nginx answers; conntrack rewrites the source back to the ClusterIP on the way home.
      rt.clock.after(() => send(id, `HTTP 200 OK (from ${ip}:${port} after un-DNAT)`, { proto: 'http-response', status: 200 }, podRef, target), arrive - rt.clock.now() + 2);
    }, 3);
  };

  /** The packet leaves the pod addressed to the ClusterIP (the Service is its object). */
  const connect = (ip: string, port: number, service: string, done: (r: CallResult) => void): void => {
    onDone = done;
    send(kernel, `TCP → ${ip}:${port}`, { proto: 'http-request', src: podIP, dst: `${ip}:${port}` }, service);
  };

  rt.board.set(id, 'up', true);
  rt.net.register(id, node, (envelope) => {
    if (envelope.payload.kind === 'packet') onPacket?.(envelope.payload.packet);
  });
  if (!rt.net.isRegistered(kernel)) {
    rt.net.register(kernel, node, (envelope) => {
      const p = envelope.payload.kind === 'packet' ? envelope.payload.packet : undefined;
      if (p?.proto !== 'http-request') return;
      const colon = p.dst.lastIndexOf(':');
      translate(p.dst.slice(0, colon), Number(p.dst.slice(colon + 1)));
    });
  }

  return {
    id,
    call(host, port, whenDone) {
      const name = host.includes('.') ? host : `${host}.default.svc.cluster.local`;
      // "web" or "web.default.svc.cluster.local": the Service the packet is addressed to.
      const [service = host, namespace = 'default'] = host.split('.');
      onPacket = (p) => {
        if (p.proto !== 'dns-answer') return;
        onPacket = undefined;
        if (!p.ip) return whenDone?.({ status: 0 });
        connect(p.ip, port, `Service/${namespace}/${service}`, (r) => whenDone?.(r));
      };
      send('coredns', `DNS A? ${name}`, { proto: 'dns-query', name }, dnsPod);
    },
  };
}
