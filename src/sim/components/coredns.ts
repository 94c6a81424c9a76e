/**
 * CoreDNS, the cluster DNS (a Deployment in kube-system behind the kube-dns Service 10.96.0.10).
 * Its kubernetes plugin watches Services through kube-apiserver and answers
 * <service>.<namespace>.svc.cluster.local with the Service's ClusterIP.
 */
import { text } from '../../model/localized.ts';
import type { ObjectRef, Pod } from '../../model/objects.ts';
import { refOf } from '../../model/objects.ts';
import type { Envelope } from '../core/messages.ts';
import type { Runtime } from '../core/runtime.ts';
import type { ComponentId } from '../trace.ts';
import type { Watcher } from './apiserver.ts';

const ID: ComponentId = 'coredns';

export const fqdn = (name: string, namespace: string): string => `${name}.${namespace}.svc.cluster.local`;

/** The kube-dns Service's ClusterIP (kubeadm: the tenth address of 10.96.0.0/12), in every pod's resolv.conf. */
export const KUBE_DNS_IP = '10.96.0.10';

/**
 * A running pod of kubeadm's coredns Deployment (2 replicas in kube-system, label k8s-app=kube-dns,
 * spread over nodes by a preferred anti-affinity). `name` is coredns-<pod-template-hash>-<suffix>.
 */
export function corednsPod(name: string, node: string, hostIP: string, podIP: string): Pod {
  const at = '2025-01-01T00:00:00Z';
  const image = 'registry.k8s.io/coredns/coredns:v1.12.0';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: { nodeName: node, containers: [{ name: 'coredns', image }], schedulerName: 'default-scheduler', priority: 2_000_000_000, priorityClassName: 'system-cluster-critical', serviceAccountName: 'coredns' },
    status: {
      phase: 'Running',
      hostIP,
      podIP,
      startTime: at,
      conditions: ['PodScheduled', 'PodReadyToStartContainers', 'Initialized', 'ContainersReady', 'Ready'].map((type) => ({ type: type as 'Ready', status: 'True' as const, lastTransitionTime: at })),
      containerStatuses: [{ name: 'coredns', image, ready: true, started: true, state: { running: { startedAt: at } } }],
    },
  };
}

/**
 * CoreDNS as one simulated server: `host` is the node of the pod that answers (`pod`), the one a
 * query to 10.96.0.10 is sent to; its messages name that pod so it is drawn there.
 */
export function createCoreDns(rt: Runtime, host: string, pod?: ObjectRef): Watcher {
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
    rt.clock.after(() => {
      rt.net.send({ from: ID, to: envelope.from, type: 'signal', action: ip ? `DNS A ${ip}` : 'DNS NXDOMAIN', ...(pod === undefined ? {} : { object: pod }), payload: { kind: 'packet', packet: { proto: 'dns-answer', name, ...(ip ? { ip } : {}) } } });
    }, 2);
  };

  rt.board.set(ID, 'up', true);
  rt.net.register(ID, host, handle);
  return { id: ID, kinds: new Set(['Service']) };
}
