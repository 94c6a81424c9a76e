/**
 * CoreDNS, the cluster DNS (a Deployment in kube-system behind the kube-dns Service 10.96.0.10).
 * Its kubernetes plugin watches Services through kube-apiserver and answers
 * <service>.<namespace>.svc.cluster.local with the Service's ClusterIP.
 */
import { text } from '../../model/localized.ts';
import type { ObjectRef } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import type { Watcher } from './apiserver.ts';

const ID: ComponentId = 'coredns';

export const fqdn = (name: string, namespace: string): string => `${name}.${namespace}.svc.cluster.local`;

export function createCoreDns(rt: Runtime, host: string): Watcher {
  const records = new Map<string, string>();
  const byRef = new Map<ObjectRef, string>();

  const handle = (envelope: Envelope): void => {
    const p = envelope.payload;
    if (p.kind === 'watch' && p.object.kind === 'Service') {
      const svc = p.object;
      const ref = refOf(svc);
      const old = byRef.get(ref);
      if (old) records.delete(old);
      if (p.eventType !== 'DELETED' && svc.spec.clusterIP) {
        const name = fqdn(svc.metadata.name, svc.metadata.namespace ?? 'default');
        records.set(name, svc.spec.clusterIP);
        byRef.set(ref, name);
      }
      return;
    }
    if (p.kind !== 'packet' || p.packet.proto !== 'dns-query') return;
    const name = p.packet.name;
    const ip = records.get(name);
    rt.tracer.activity(ID, 'dns', 2, ip ? text(`kubernetes plugin: ${name} -> A ${ip}`, `kubernetes 플러그인: ${name} -> A ${ip}`) : text(`${name}: NXDOMAIN`, `${name}: NXDOMAIN`));
    rt.clock.setTimeout(() => {
      rt.net.send({ from: ID, to: envelope.from, type: 'signal', action: ip ? `DNS A ${ip}` : 'DNS NXDOMAIN', payload: { kind: 'packet', packet: { proto: 'dns-answer', name, ...(ip ? { ip } : {}) } } });
    }, 2);
  };

  rt.board.set(ID, 'up', true);
  rt.net.register(ID, host, handle);
  return { id: ID, kinds: new Set(['Service']) };
}
