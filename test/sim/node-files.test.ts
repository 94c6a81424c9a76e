/**
 * Files on the control-plane node's disk, as the trace records them: the manifests kubeadm wrote,
 * etcd's data directory, the snapshot etcdctl saves and the data directory etcdutl restores.
 */
import { describe, expect, it } from 'vitest';
import { etcdBackupRestore } from '../../scenes/etcd-backup-restore.ts';
import { serviceRouting } from '../../scenes/service-routing.ts';
import { staticPods } from '../../scenes/static-pods.ts';
import { podCreation } from '../../scenes/pod-creation.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { FileEvent, Trace } from '../../src/sim/trace.ts';

const MANIFESTS = ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((c) => `/etc/kubernetes/manifests/${c}.yaml`);
const fileEvents = (trace: Trace): FileEvent[] => trace.events.filter((e): e is FileEvent => e.kind === 'file');
const stepOf = (trace: Trace, e: FileEvent): string | undefined => {
  let id: string | undefined;
  for (const x of trace.events) {
    if (x === e) return id;
    if (x.kind === 'step') id = x.id;
  }
  return undefined;
};

describe('files on the control-plane node', () => {
  it('static-pods starts with the four manifests and /var/lib/etcd; moving a manifest away and back is traced', () => {
    const trace = runScenario(staticPods, { params: { component: 'kube-scheduler' } });
    const start = trace.topology.files ?? [];
    expect(start.map((f) => f.path).sort()).toEqual([...MANIFESTS, '/var/lib/etcd'].sort());
    expect(start.every((f) => f.node === 'controlplane')).toBe(true);
    expect(start.find((f) => f.path.endsWith('etcd.yaml'))?.note).toBe('etcd-data hostPath: /var/lib/etcd');
    const changes = fileEvents(trace).map((e) => [e.op, e.file.path, e.by, stepOf(trace, e)]);
    expect(changes).toEqual([
      ['deleted', '/etc/kubernetes/manifests/kube-scheduler.yaml', 'client/operator', 'remove-manifest'],
      ['added', '/etc/kubernetes/manifests/kube-scheduler.yaml', 'client/operator', 'restore-manifest'],
    ]);
  });

  it('etcd-backup-restore: the snapshot after the save, the restored data dir after the restore, etcd.yaml pointed at it', () => {
    const trace = runScenario(etcdBackupRestore);
    const changes = fileEvents(trace).map((e) => [e.op, e.file.path, e.file.note, e.by]);
    expect(changes).toEqual([
      ['added', '/opt/snapshot.db', undefined, 'client/operator'],
      ['added', '/var/lib/etcd-from-backup', undefined, 'client/operator'],
      ['modified', '/etc/kubernetes/manifests/etcd.yaml', 'etcd-data hostPath: /var/lib/etcd-from-backup', 'client/operator'],
    ]);
    // The snapshot exists once etcd has streamed it back to etcdctl.
    const saved = trace.events.findIndex((e) => e.kind === 'file' && e.file.path === '/opt/snapshot.db');
    const streamed = trace.events.findIndex((e) => e.kind === 'message' && e.from === 'etcd' && e.to === 'client/operator');
    expect(streamed).toBeGreaterThanOrEqual(0);
    expect(saved).toBeGreaterThan(streamed);
  });

  it('scenarios without files carry none', () => {
    const trace = runScenario(podCreation);
    expect(trace.topology.files).toBeUndefined();
    expect(fileEvents(trace)).toEqual([]);
  });
});

describe('CoreDNS in service-routing', () => {
  const trace = runScenario(serviceRouting);
  it('runs as two pods of the coredns Deployment on workers, and DNS queries go to one of them', () => {
    const initial = trace.snapshots[0]?.objects ?? {};
    const pods = Object.values(initial).filter((o) => o.kind === 'Pod' && o.metadata.namespace === 'kube-system' && o.metadata.labels?.['k8s-app'] === 'kube-dns');
    expect(pods).toHaveLength(2);
    const nodes = pods.map((p) => (p.kind === 'Pod' ? p.spec.nodeName : undefined));
    expect(new Set(nodes).size).toBe(2);
    for (const n of nodes) expect(trace.topology.nodes).toContain(n);
    const query = trace.events.find((e) => e.kind === 'message' && e.to === 'coredns' && e.action.startsWith('DNS A?'));
    expect(query?.kind === 'message' ? query.object : undefined).toMatch(/^Pod\/kube-system\/coredns-/);
  });
});
