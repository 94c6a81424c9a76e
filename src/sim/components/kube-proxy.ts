/**
 * kube-proxy, each node's signal mast: it watches Services and EndpointSlices through
 * kube-apiserver and programs the node's packet rules (iptables chains KUBE-SERVICES ->
 * KUBE-SVC-* -> KUBE-SEP-* by default) so traffic to a ClusterIP reaches a ready backend.
 */
import { createActor, setup } from 'xstate';
import type { K8sKind } from '../../model/objects.ts';
import { text } from '../../model/localized.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import type { Watcher } from './apiserver.ts';

type ProxyEvent = { readonly type: 'deliver'; readonly envelope: Envelope } | { readonly type: 'stop' } | { readonly type: 'start' };

export const PROXY_WATCH: ReadonlySet<K8sKind> = new Set<K8sKind>(['Service', 'EndpointSlice']);

export function createKubeProxy(rt: Runtime, node: string, mode: 'iptables' | 'ipvs' | 'nftables' = 'iptables'): Watcher & { stop(): void; start(): void } {
  const id: ComponentId = `kube-proxy/${node}`;

  const sync = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind !== 'watch') return;
    const what = `${p.object.kind}/${p.object.metadata.name}`;
    rt.tracer.activity(id, 'sync-rules', 15, text(`${mode}: resync rules for ${what}`, `${mode}: ${what} 규칙 다시 동기화`), envelope.object);
  };

  const machine = setup({
    types: { events: {} as ProxyEvent },
    actions: {
      sync: (_, params: { envelope: Envelope }) => sync(params.envelope),
      markDown: () => rt.board.set(id, 'down'),
      markUp: () => rt.board.set(id, 'up'),
    },
  }).createMachine({
    id: 'kube-proxy',
    initial: 'running',
    states: {
      running: {
        on: {
          deliver: { actions: { type: 'sync', params: ({ event }) => ({ envelope: event.envelope }) } },
          stop: { target: 'stopped', actions: 'markDown' },
        },
      },
      stopped: { on: { start: { target: 'running', actions: 'markUp' } } },
    },
  });
  const actor = createActor(machine, { clock: rt.clock });
  actor.start();
  rt.board.set(id, 'up', true);
  rt.net.register(id, node, (envelope) => actor.send({ type: 'deliver', envelope }));
  return { id, kinds: PROXY_WATCH, stop: () => actor.send({ type: 'stop' }), start: () => actor.send({ type: 'start' }) };
}
