/**
 * ClusterIP allocation: kube-apiserver's Service REST storage gives a new ClusterIP Service a free
 * address from --service-cluster-ip-range (kubeadm default 10.96.0.0/12), picked at random.
 * 10.96.0.1 (kubernetes) and 10.96.0.10 (kube-dns) are taken in a kubeadm cluster.
 */
import type { K8sObject } from '../../model/objects.ts';
import type { Rng } from '../rng.ts';

const TAKEN = new Set(['10.96.0.1', '10.96.0.10']);

export function withClusterIP(obj: K8sObject, rng: Rng, used: ReadonlySet<string>): K8sObject {
  if (obj.kind !== 'Service' || obj.spec.clusterIP) return obj;
  const draw = (): string => `10.${96 + rng.intBelow(16)}.${rng.intBelow(256)}.${1 + rng.intBelow(254)}`;
  let ip = draw();
  while (TAKEN.has(ip) || used.has(ip)) ip = draw();
  return { ...obj, spec: { ...obj.spec, type: obj.spec.type ?? 'ClusterIP', clusterIP: ip } };
}
