import { describe, expect, it } from 'vitest';
import { daemonset } from '../../scenes/daemonset.ts';
import { staticPods } from '../../scenes/static-pods.ts';
import type { K8sObject } from '../../src/model/objects.ts';
import { runScenario } from '../../src/sim/run.ts';
import { finalObjects } from './helpers.ts';

const images = (objects: Map<string, K8sObject>): string[] =>
  [...objects.values()].flatMap((o) => (o.kind === 'Pod' ? o.spec.containers.map((c) => c.image) : o.kind === 'DaemonSet' ? o.spec.template.spec.containers.map((c) => c.image) : []));
const kubeletVersions = (objects: Map<string, K8sObject>): string[] => [...objects.values()].flatMap((o) => (o.kind === 'Node' ? [o.status?.nodeInfo?.kubeletVersion ?? ''] : []));

describe('the picked release shows in the objects', () => {
  it.each([
    [undefined, 'v1.37.0'],
    ['1.31', 'v1.31.0'],
    ['v1.35.4', 'v1.35.0'],
  ])('k8s %s: kubelets report %s and kube-proxy runs that tag', (k8sVersion, tag) => {
    const trace = runScenario(daemonset, k8sVersion === undefined ? {} : { k8sVersion });
    const objects = finalObjects(trace);
    expect(new Set(kubeletVersions(objects))).toEqual(new Set([tag]));
    expect(images(objects)).toContain(`registry.k8s.io/kube-proxy:${tag}`);
  });

  it('static pods: the control-plane images carry the release tag, etcd keeps its own', () => {
    const objects = finalObjects(runScenario(staticPods, { k8sVersion: '1.33' }));
    const all = images(objects);
    for (const c of ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) expect(all).toContain(`registry.k8s.io/${c}:v1.33.0`);
    expect(all).toContain('registry.k8s.io/etcd:3.5.21-0');
  });
});
