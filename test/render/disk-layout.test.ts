/**
 * The control-plane node's files in the flagship's hull: the manifest directory, its files, then
 * the other paths. A manifest carried over to another line lines up under its siblings, and the
 * next directory starts a line of its own ("kube-scheduler.yaml /var/lib/etcd/" on one line read
 * as a file of /var/lib/etcd).
 */
import { describe, expect, it } from 'vitest';
import { diskItemWidth, planDisk } from '../../src/render/disk-layout.ts';

const FILES = [
  { path: '/etc/kubernetes/manifests', dir: true },
  ...['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler'].map((n) => ({ path: `/etc/kubernetes/manifests/${n}.yaml`, dir: false })),
  { path: '/var/lib/etcd', dir: true },
];

const at = (plan: ReturnType<typeof planDisk>, text: string): { x: number; y: number } => {
  const item = plan.items.find((i) => i.text === text);
  if (item === undefined) throw new Error(`no ${text}`);
  return item.rect;
};

describe('planDisk', () => {
  it('on a wide hull: one line, manifests first, then the data directory', () => {
    const plan = planDisk(FILES, 0, 0, 2000, 100, 1);
    expect(plan.lines).toBe(1);
    expect(plan.items.map((i) => i.text)).toEqual(['/etc/kubernetes/manifests/', 'etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml', 'kube-scheduler.yaml', '/var/lib/etcd/']);
  });

  it('on a narrower hull: a manifest carried over lines up under the first file, and /var/lib/etcd/ gets its own line', () => {
    // Room for the directory and three files after a 100 px name, not the fourth.
    const w = 100 + ['/etc/kubernetes/manifests/', 'etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml'].reduce((sum, t) => sum + diskItemWidth(t, 1) + 6, 0) + 20;
    const plan = planDisk(FILES, 0, 0, w, 100, 1);
    const first = at(plan, 'etcd.yaml');
    const carried = at(plan, 'kube-scheduler.yaml');
    expect(carried.y).toBeGreaterThan(first.y);
    expect(carried.x).toBe(first.x);
    const data = at(plan, '/var/lib/etcd/');
    expect(data.y).toBeGreaterThan(carried.y);
    expect(data.x).toBe(0);
    expect(plan.lines).toBe(3);
  });

  it("'flow' (a hull without room for more lines) starts every line at the left, as many lines as before", () => {
    const w = 100 + ['/etc/kubernetes/manifests/', 'etcd.yaml', 'kube-apiserver.yaml', 'kube-controller-manager.yaml'].reduce((sum, t) => sum + diskItemWidth(t, 1) + 6, 0) + 20;
    const flow = planDisk(FILES, 0, 0, w, 100, 1, 'flow');
    expect(at(flow, 'kube-scheduler.yaml').x).toBe(0);
    expect(flow.lines).toBe(2);
    expect(planDisk(FILES, 0, 0, w, 100, 1, 'indented').lines).toBe(2);
  });
});
