import { describe, expect, it } from 'vitest';
import { COMPONENT_INFO, componentInstance, componentKind } from '../../src/ui/component-info.ts';

describe('component info cards', () => {
  it('map component ids to kinds', () => {
    expect(componentKind('kubelet/worker-1')).toBe('kubelet');
    expect(componentInstance('kubelet/worker-1')).toBe('worker-1');
    expect(componentKind('etcd/etcd-2')).toBe('etcd');
    expect(componentKind('kube-apiserver')).toBe('kube-apiserver');
    expect(componentKind('toString')).toBeUndefined();
    expect(componentKind('unknown/x')).toBeUndefined();
  });

  // Facts from reference/kubernetes.md sections 5-8 that learners are tested on.
  it('say the kubelet is a systemd service, not a pod', () => {
    const kubelet = COMPONENT_INFO.kubelet;
    expect(kubelet.commands).toContain('systemctl status kubelet');
    expect(kubelet.files).toContain('/var/lib/kubelet/config.yaml');
    expect(kubelet.runsAs.en).toMatch(/systemd service/);
    expect(kubelet.runsAs.en).toMatch(/not a pod/);
    expect(kubelet.runsAs.ko).toMatch(/systemd/);
  });

  it('give the control-plane static pod manifests and ports', () => {
    expect(COMPONENT_INFO['kube-apiserver'].files).toContain('/etc/kubernetes/manifests/kube-apiserver.yaml');
    expect(COMPONENT_INFO['kube-apiserver'].ports.join()).toMatch(/6443/);
    expect(COMPONENT_INFO.etcd.ports.join()).toMatch(/2379/);
    expect(COMPONENT_INFO.etcd.ports.join()).toMatch(/2380/);
    expect(COMPONENT_INFO.etcd.commands.join('\n')).toMatch(/etcdutl snapshot restore/);
    for (const kind of ['kube-apiserver', 'kube-scheduler', 'kube-controller-manager', 'etcd'] as const) {
      expect(COMPONENT_INFO[kind].runsAs.en, kind).toMatch(/static pod/);
      expect(COMPONENT_INFO[kind].files.join(), kind).toContain(`/etc/kubernetes/manifests/${kind}.yaml`);
    }
  });

  it('describe kube-proxy as a DaemonSet and the runtime through crictl', () => {
    expect(COMPONENT_INFO['kube-proxy'].runsAs.en).toMatch(/DaemonSet/);
    expect(COMPONENT_INFO['kube-proxy'].commands.join()).toMatch(/daemonset/);
    expect(COMPONENT_INFO.containerd.commands).toContain('crictl ps');
    expect(COMPONENT_INFO.containerd.role.en).toMatch(/cri-dockerd/);
  });

  it('have every text in both languages', () => {
    for (const info of Object.values(COMPONENT_INFO)) {
      for (const field of [info.role, info.ship, info.runsAs]) {
        expect(field.en.length, info.kind).toBeGreaterThan(10);
        expect(field.ko, info.kind).toMatch(/[가-힣]/);
      }
    }
  });
});
