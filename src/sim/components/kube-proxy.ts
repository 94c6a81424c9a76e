/**
 * kube-proxy, each node's signal mast: it watches Services and EndpointSlices through
 * kube-apiserver and programs the node's packet rules (iptables chains KUBE-SERVICES ->
 * KUBE-SVC-* -> KUBE-SEP-* by default) so traffic to a ClusterIP reaches a ready backend.
 */
import type { K8sKind } from '../../model/objects.ts';
import { text } from '../../model/localized.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import { startService } from '../core/service-machine.ts';
import type { ComponentId } from '../trace.ts';
import type { Watcher } from './apiserver.ts';


export const PROXY_WATCH: ReadonlySet<K8sKind> = new Set<K8sKind>(['Service', 'EndpointSlice']);

export function createKubeProxy(rt: Runtime, node: string, mode: 'iptables' | 'ipvs' | 'nftables' = 'iptables'): Watcher & { stop(): void; start(): void } {
  const id: ComponentId = `kube-proxy/${node}`;

  const sync = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch') return;
    const what = `${p.object.kind}/${p.object.metadata.name}`;
    rt.tracer.activity(id, 'sync-rules', 15, text(`${mode}: resync rules for ${what}`, `${mode}: ${what} 규칙 다시 동기화`), envelope.object);
  };

  const actor = startService(rt.clock, { onDown: () => rt.board.set(id, 'down'), onUp: () => rt.board.set(id, 'up') });
  rt.board.set(id, 'up', true);
  // Messages go straight to the handler while the actor is running (XState runs the lifecycle and
  // every timer; routing each delivery through it cost ~50 µs a message in bench:sim).
  rt.net.register(id, node, (envelope) => {
    if (actor.getSnapshot().matches('serving')) sync(envelope);
  });
  return { id, kinds: PROXY_WATCH, stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
