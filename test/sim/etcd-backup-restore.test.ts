import { describe, expect, it } from 'vitest';
import { etcdBackupRestore, RESTORE_COMMAND, SAVE_COMMAND } from '../../scenes/etcd-backup-restore.ts';
import { configHash, staticPodManifest } from '../../src/sim/components/static-pods/manifests.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { StepEvent, TraceEvent } from '../../src/sim/trace.ts';
import { finalObjects, indexOf, inOrder, messages, msg, states } from './helpers.ts';

const captions = (events: readonly TraceEvent[]): string[] => events.filter((e): e is StepEvent => e.kind === 'step').flatMap((e) => [e.caption.en, e.caption.ko]);

describe.each([3, 2])('etcd-backup-restore with %i replicas', (replicas) => {
  const trace = runScenario(etcdBackupRestore, { params: { replicas } });
  const ev = trace.events;
  const snapshotUids = new Map<string, string | undefined>();
  for (const [ref, o] of Object.entries(trace.snapshots[0]?.objects ?? {})) snapshotUids.set(ref, o.metadata.uid);

  it('shows the exact commands, in English and Korean, and says ETCDCTL_API=3 is the default since 3.4', () => {
    expect(SAVE_COMMAND).toBe('etcdctl snapshot save /opt/snapshot.db --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key');
    expect(RESTORE_COMMAND).toBe('etcdutl snapshot restore /opt/snapshot.db --data-dir /var/lib/etcd-from-backup');
    const all = captions(ev);
    for (const command of [SAVE_COMMAND, RESTORE_COMMAND]) expect(all.filter((c) => c.includes(command))).toHaveLength(2);
    expect(all.some((c) => c.includes('ETCDCTL_API=3') && c.includes('3.4'))).toBe(true);
    expect(all.some((c) => c.includes('etcdctl snapshot restore') && c.includes('3.5'))).toBe(true);
  });

  it('only kube-apiserver and etcdctl (client/operator, on the control-plane node) talk to etcd', () => {
    const senders = new Set(messages(trace).filter((m) => m.to === 'etcd').map((m) => m.from));
    expect(senders).toEqual(new Set(['kube-apiserver', 'client/operator']));
    const fromOperator = messages(trace).filter((m) => m.from === 'client/operator');
    expect(fromOperator.map((m) => m.action)).toEqual(['Snapshot (etcdctl snapshot save)']);
    const answer = messages(trace).find((m) => m.replyTo === fromOperator[0]?.id);
    expect(answer?.action).toMatch(/^snapshot rev \d+ \(\d+ keys\)$/);
  });

  it('the mistaken delete cascades: Deployment, then ReplicaSet, then its pods, through the garbage collector', () => {
    const gone = inOrder(trace, [
      (e) => e.kind === 'state' && e.op === 'deleted' && e.object === 'Deployment/default/web',
      (e) => e.kind === 'activity' && e.action === 'generic-garbage-collector/cascade',
      (e) => e.kind === 'state' && e.op === 'deleted' && e.object.startsWith('ReplicaSet/default/web-'),
      (e) => e.kind === 'state' && e.op === 'deleted' && e.object.startsWith('Pod/default/web-'),
    ]);
    const restore = indexOf(trace, (e) => e.kind === 'step' && e.id === 'restore');
    const podsDeleted = states(trace).filter((s) => s.op === 'deleted' && s.object.startsWith('Pod/default/web-') && ev.indexOf(s) < restore);
    expect(podsDeleted).toHaveLength(replicas);
    expect(gone[3]).toBeLessThan(restore);
  });

  it('the kubelet restarts etcd from the edited manifest, kube-apiserver re-lists, the kubelets start the restored pods', () => {
    inOrder(trace, [
      (e) => e.kind === 'step' && e.id === 'edit-manifest',
      (e) => e.kind === 'activity' && e.action === 'static:manifest' && e.label.en.includes('etcd.yaml changed'),
      msg('kubelet/controlplane', 'containerd/controlplane', 'StopContainer'),
      (e) => e.kind === 'component' && e.component === 'etcd' && e.status === 'down',
      msg('kubelet/controlplane', 'containerd/controlplane', 'RunPodSandbox'),
      (e) => e.kind === 'state' && e.op === 'added' && e.object === 'Deployment/default/web',
      (e) => e.kind === 'component' && e.component === 'etcd' && e.status === 'up',
      (e) => e.kind === 'activity' && e.component === 'kube-apiserver' && e.action === 'relist',
      (e) => e.kind === 'message' && e.type === 'watch' && e.to === 'kube-controller-manager' && e.object === 'Deployment/default/web',
      (e) => e.kind === 'activity' && e.action === 'syncPod',
    ]);
  });

  it('ends as it was at the snapshot: the same Deployment, ReplicaSet and pods (same UIDs), Ready again', () => {
    const end = finalObjects(trace);
    const web = [...end.entries()].filter(([ref]) => /^(Deployment|ReplicaSet|Pod)\/default\/web/.test(ref));
    expect(web).toHaveLength(2 + replicas);
    for (const [ref, o] of web) expect(o.metadata.uid).toBe(snapshotUids.get(ref));
    for (const [, o] of web) if (o.kind === 'Pod') expect(o.status?.conditions?.find((c) => c.type === 'Ready')?.status).toBe('True');
  });

  it('the etcd mirror pod is replaced to match the edited manifest (hostPath /var/lib/etcd-from-backup)', () => {
    const mirror = finalObjects(trace).get('Pod/kube-system/etcd-controlplane');
    expect(mirror?.kind === 'Pod' && mirror.spec.volumes?.find((v) => v.name === 'etcd-data')?.hostPath?.path).toBe('/var/lib/etcd-from-backup');
    expect(mirror?.metadata.annotations?.['kubernetes.io/config.mirror']).toBe(configHash(staticPodManifest('etcd', '/var/lib/etcd-from-backup')));
  });
});

describe('etcd-backup-restore captions say what a plain restore leaves behind', () => {
  const trace = runScenario(etcdBackupRestore);
  const caption = (id: string) => trace.events.find((e) => e.kind === 'step' && e.id === id);

  it('the revision goes backwards and watch caches can stay stale unless the API servers restart or the restore bumps the revision (--bump-revision takes an amount, with --mark-compacted)', () => {
    const step = caption('relist');
    if (step?.kind !== 'step') throw new Error('no relist step');
    expect(step.caption.en).toMatch(/revision backwards.*stale until the API servers restart.*--bump-revision 1000000000 --mark-compacted/);
    expect(step.caption.ko).toMatch(/리비전이 뒤로.*재시작할 때까지.*--bump-revision 1000000000 --mark-compacted/);
  });
});
