/**
 * A client process in a pod (`kubectl exec curl -- curl http://web`): it resolves the Service name
 * through CoreDNS, then sends to the ClusterIP. Its node's rules (programmed by kube-proxy; the
 * kernel applies them) DNAT the packet to one backend pod, and the pod network carries it to the
 * backend's node. Packets are `signal` messages between `client/<name>` and the backend node
 * (drawn at `kubelet/<node>`, object = the backend Pod); the reply comes back un-DNATed by conntrack.
 */
import { text } from '../../model/localized.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import type { KubeProxy } from './kube-proxy.ts';
import type { Packet } from './packets.ts';
import { withParticle } from '../../model/josa.ts';

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
  const mast: ComponentId = `kube-proxy/${node}`;
  let onPacket: ((p: Packet) => void) | undefined;

  const send = (to: ComponentId, action: string, packet: Packet, object?: string, from: ComponentId = id): number => {
    rt.net.send({ from, to, type: 'signal', action, ...(object ? { object } : {}), payload: { kind: 'packet', packet } });
    const last = rt.tracer.events.at(-1);
    return last?.kind === 'message' ? last.arrive : rt.clock.now();
  };

  const connect = (ip: string, port: number, done: (r: CallResult) => void): void => {
    const rules = proxy();
    const route = rules?.route(ip, port);
    if (!rules || route === undefined || route === 'no-endpoints') {
      rt.tracer.activity(mast, 'reject', 5, text(`${ip}:${port} has no ready endpoints: REJECT (connection refused)`, `${ip}:${port}에 준비된 엔드포인트 없음: REJECT (연결 거부)`));
      done({ status: 0 });
      return;
    }
    const { backend, rules: r, index } = route;
    const label =
      rules.mode === 'ipvs'
        ? text(`IPVS on ${node}: ${ip}:${port} rr -> ${backend.ip}:${backend.port}`, `${node}의 IPVS: ${ip}:${port} rr -> ${backend.ip}:${backend.port}`)
        : text(
            `netfilter on ${node} (rules kube-proxy wrote): ${ip}:${port} KUBE-SERVICES -> ${r.svcChain} -> ${r.sepChains[index] ?? ''} (endpoint ${index + 1} of ${r.backends.length}, random): DNAT to ${backend.ip}:${backend.port}`,
            `${node}의 netfilter (kube-proxy가 쓴 규칙): ${ip}:${port} KUBE-SERVICES -> ${r.svcChain} -> ${r.sepChains[index] ?? ''} (엔드포인트 ${r.backends.length}개 중 ${index + 1}번, 무작위): ${backend.ip}:${withParticle(backend.port, '으로/로')} DNAT`,
          );
    rt.tracer.activity(mast, 'dnat', 3, label, `Service/${r.service.split(':')[0] ?? ''}`);
    const target: ComponentId = `kubelet/${backend.node ?? node}`;
    const podRef = backend.pod ? `Pod/${backend.namespace ?? 'default'}/${backend.pod}` : undefined;
    rt.clock.setTimeout(() => {
      const arrive = send(target, `TCP ${podIP} -> ${backend.ip}:${backend.port} GET /`, { proto: 'http-request', dst: `${backend.ip}:${backend.port}` }, podRef);
      onPacket = (p) => {
        if (p.proto !== 'http-response') return;
        onPacket = undefined;
        done({ status: p.status, ...(backend.pod ? { pod: backend.pod } : {}), ...(backend.node ? { node: backend.node } : {}) });
      };
      // nginx answers; conntrack rewrites the source back to the ClusterIP on the way home.
      rt.clock.setTimeout(() => send(id, `HTTP 200 OK (from ${ip}:${port} after un-DNAT)`, { proto: 'http-response', status: 200 }, podRef, target), arrive - rt.clock.now() + 2);
    }, 3);
  };

  rt.board.set(id, 'up', true);
  rt.net.register(id, node, (envelope) => {
    if (envelope.payload.kind === 'packet') onPacket?.(envelope.payload.packet);
  });

  return {
    id,
    call(host, port, onDone) {
      const name = host.includes('.') ? host : `${host}.default.svc.cluster.local`;
      onPacket = (p) => {
        if (p.proto !== 'dns-answer') return;
        onPacket = undefined;
        if (!p.ip) return onDone?.({ status: 0 });
        connect(p.ip, port, (r) => onDone?.(r));
      };
      send('coredns', `DNS A? ${name}`, { proto: 'dns-query', name }, dnsPod);
    },
  };
}
