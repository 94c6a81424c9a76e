import { describe, expect, it } from 'vitest';
import { nodeLook, podLook } from '../../src/render/looks.ts';
import { componentInfo, controllerOf, etcdMembers, shipNodes } from '../../src/render/ids.ts';
import { contrastRatio, PALETTES, THEMES } from '../../src/render/theme.ts';
import type { Node, Pod } from '../../src/model/objects.ts';

const pod = (over: Partial<Pod> = {}): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [] }, ...over });

describe('podLook', () => {
  it('follows the phase and conditions', () => {
    expect(podLook(pod())).toBe('Pending');
    expect(podLook(pod({ spec: { containers: [], nodeName: 'n' }, status: { phase: 'Pending' } }))).toBe('Pending');
    expect(
      podLook(
        pod({
          spec: { containers: [], nodeName: 'n' },
          status: { phase: 'Pending', containerStatuses: [{ name: 'c', image: 'i', ready: false, state: { waiting: { reason: 'ContainerCreating' } } }] },
        }),
      ),
    ).toBe('ContainerCreating');
    expect(podLook(pod({ status: { phase: 'Running' } }))).toBe('Running');
    expect(podLook(pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] } }))).toBe('Ready');
    expect(podLook(pod({ status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] } }))).toBe('Running');
    expect(podLook(pod({ status: { phase: 'Unknown' } }))).toBe('Unknown');
    expect(podLook(pod({ metadata: { name: 'p', deletionTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Running' } }))).toBe('Terminating');
  });
});

describe('nodeLook', () => {
  const node = (ready: 'True' | 'False' | 'Unknown', spec: Node['spec'] = {}): Node => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n' },
    spec,
    status: { conditions: [{ type: 'Ready', status: ready }] },
  });
  it('reads readiness, cordon and taints', () => {
    expect(nodeLook(node('True')).readiness).toBe('Ready');
    expect(nodeLook(node('False')).readiness).toBe('NotReady');
    expect(nodeLook(node('Unknown')).readiness).toBe('Unknown');
    expect(nodeLook(undefined).readiness).toBe('Unregistered');
    const l = nodeLook(
      node('Unknown', {
        unschedulable: true,
        taints: [
          { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
          { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
        ],
      }),
    );
    expect(l.cordoned).toBe(true);
    expect(l.cordonTainted).toBe(true);
    expect(l.taints).toEqual(['unreachable:NoSchedule,NoExecute']);
  });

  it('tells the cordon from its taint: cordoned before the controller taints, the taint alone after an uncordon until it is removed', () => {
    const taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' } as const;
    expect(nodeLook(node('True', { unschedulable: true })).cordonTainted).toBeUndefined();
    expect(nodeLook(node('True', { unschedulable: true, taints: [taint] })).cordonTainted).toBe(true);
    const uncordoned = nodeLook(node('True', { taints: [taint] }));
    expect(uncordoned.cordoned).toBe(false);
    expect(uncordoned.taints).toEqual(['unschedulable:NoSchedule']);
  });

  it('writes a taint with its value as kubectl describe does (a toleration with operator Equal must match it)', () => {
    const l = nodeLook(node('True', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }));
    expect(l.taints).toEqual(['dedicated=gpu:NoSchedule']);
  });
});

describe('ids', () => {
  it('maps component ids to roles and nodes', () => {
    expect(componentInfo('kubelet/worker-2')).toMatchObject({ role: 'kubelet', node: 'worker-2', station: 'kubelet' });
    expect(componentInfo('containerd/w')).toMatchObject({ role: 'runtime' });
    expect(componentInfo('kube-proxy/w')).toMatchObject({ role: 'proxy' });
    expect(componentInfo('etcd')).toMatchObject({ role: 'etcd' });
    expect(componentInfo('kubectl')).toMatchObject({ role: 'user' });
  });
  it('draws a ship for every node a kubelet lives on, and lists etcd members', () => {
    expect(shipNodes({ nodes: ['w1'], components: ['kubelet/w1', 'kubelet/controlplane', 'containerd/controlplane', 'kube-apiserver'] })).toEqual(['w1', 'controlplane']);
    expect(etcdMembers(['etcd/etcd-1', 'etcd/etcd-2', 'kube-apiserver'])).toEqual(['etcd-1', 'etcd-2']);
  });
  it('finds the controller an activity is about', () => {
    expect(controllerOf('reconcile:endpointslice', 'EndpointSlice controller', undefined)).toBe('endpointslice');
    expect(controllerOf('reconcile', 'ReplicaSet controller', 'ReplicaSet/default/web')).toBe('replicaset');
    expect(controllerOf('monitor', 'node lifecycle', 'Node/w')).toBe('nodelifecycle');
    expect(controllerOf('evict', 'taint eviction', 'Pod/default/x')).toBe('tainteviction');
  });
});

describe('themes', () => {
  it('text meets WCAG AA (4.5:1) on cards and the background in every theme', () => {
    for (const name of THEMES) {
      const p = PALETTES[name];
      expect(contrastRatio(p.text, p.card), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(p.text, p.sky), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(p.muted, p.card), name).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(p.text, p.deck), name).toBeGreaterThanOrEqual(4.5);
    }
  });
  it('role colours are readable as text on cards (3:1 large text; 4.5:1 in high contrast)', () => {
    for (const name of THEMES) {
      const p = PALETTES[name];
      const min = name === 'contrast' ? 4.5 : 3;
      for (const [role, c] of Object.entries(p.role)) expect(contrastRatio(c, p.card), `${name} ${role}`).toBeGreaterThanOrEqual(min);
      for (const c of [p.error, p.success, p.warning, p.info]) expect(contrastRatio(c, p.card), name).toBeGreaterThanOrEqual(min);
    }
  });
  it('keeps one hue per role across themes', () => {
    const hue = (rgb: number) => {
      const r = ((rgb >> 16) & 255) / 255;
      const g = ((rgb >> 8) & 255) / 255;
      const b = (rgb & 255) / 255;
      const max = Math.max(r, g, b);
      const min = Math.min(r, g, b);
      const d = max - min;
      if (d === 0) return 0;
      const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
      return (h * 60 + 360) % 360;
    };
    for (const role of ['control', 'etcd', 'scheduler', 'controllers', 'kubelet', 'proxy'] as const) {
      const hs = [PALETTES.dark.role[role], PALETTES.light.role[role], PALETTES.contrast.role[role]].map(hue);
      const spread = Math.max(...hs) - Math.min(...hs);
      expect(spread, role).toBeLessThan(25);
    }
  });
});
