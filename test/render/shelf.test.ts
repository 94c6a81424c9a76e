import { describe, expect, it } from 'vitest';
import type { Deployment, EndpointSlice, K8sObject, Pod, ReplicaSet, Service } from '../../src/model/objects.ts';
import { rect, overlaps, contains } from '../../src/render/layout.ts';
import { buildShelf, imageForms, rolloutBand } from '../../src/render/objects/shelf-model.ts';
import { layoutShelf } from '../../src/render/objects/shelf-layout.ts';

const template = (image: string): Deployment['spec']['template'] => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } }) as unknown as Deployment['spec']['template'];

function deployment(replicas: number, maxSurge?: number | string, maxUnavailable?: number | string): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'default' },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template('nginx:1.28'), strategy: { type: 'RollingUpdate', rollingUpdate: { ...(maxSurge === undefined ? {} : { maxSurge }), ...(maxUnavailable === undefined ? {} : { maxUnavailable }) } } },
  };
}

function rs(name: string, revision: number, image: string, replicas: number, ready: number): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', annotations: { 'deployment.kubernetes.io/revision': String(revision) }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'u', controller: true }] },
    spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: template(image) },
    status: { replicas, readyReplicas: ready, availableReplicas: ready },
  };
}

const pod = (name: string, owner: string): Pod => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: owner, uid: 'x', controller: true }] }, spec: { containers: [{ name: 'web', image: 'nginx' }] } }) as unknown as Pod;

describe('rollout band (ResolveFenceposts: maxSurge rounds up, maxUnavailable rounds down)', () => {
  it('25%/25% of 4: one pod either way, 3..5', () => {
    expect(rolloutBand(deployment(4, '25%', '25%'))).toMatchObject({ surge: 1, unavailable: 1, minAvailable: 3, maxTotal: 5 });
  });
  it('25% of 10 is 2.5: surge 3 (up), unavailable 2 (down)', () => {
    expect(rolloutBand(deployment(10, '25%', '25%'))).toMatchObject({ surge: 3, unavailable: 2, minAvailable: 8, maxTotal: 13 });
  });
  it('the defaults are 25%/25%; 25% of 1 gives surge 1, unavailable 0', () => {
    expect(rolloutBand(deployment(1))).toMatchObject({ surge: 1, unavailable: 0, minAvailable: 1, maxTotal: 2 });
  });
  it('both resolving to 0 makes maxUnavailable 1 (surge might be blocked by quota)', () => {
    expect(rolloutBand(deployment(3, 0, '10%'))).toMatchObject({ surge: 0, unavailable: 1, minAvailable: 2, maxTotal: 3 });
  });
  it('absolute numbers are taken as they are', () => {
    expect(rolloutBand(deployment(6, 2, 0))).toMatchObject({ surge: 2, unavailable: 0, minAvailable: 6, maxTotal: 8 });
  });
});

function cluster(): Map<string, K8sObject> {
  const svc: Service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { clusterIP: '10.96.0.20', selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] } };
  const slice: EndpointSlice = {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
    addressType: 'IPv4',
    endpoints: [
      { addresses: ['10.244.1.5'], conditions: { ready: true, serving: true, terminating: false } },
      { addresses: ['10.244.2.6'], conditions: { ready: false, serving: false, terminating: false } },
      { addresses: ['10.244.2.7'], conditions: { ready: false, serving: true, terminating: true } },
    ],
  };
  return new Map<string, K8sObject>([
    ['Deployment/default/web', deployment(4, '25%', '25%')],
    ['ReplicaSet/default/web-old', rs('web-old', 1, 'nginx:1.27', 3, 3)],
    ['ReplicaSet/default/web-new', rs('web-new', 2, 'nginx:1.28', 2, 1)],
    ['Pod/default/web-old-a', pod('web-old-a', 'web-old')],
    ['Pod/default/web-new-a', pod('web-new-a', 'web-new')],
    ['Service/default/web', svc],
    ['EndpointSlice/default/web-abcde', slice],
  ]);
}

describe('shelf model', () => {
  it('groups ReplicaSets under their Deployment, newest revision first, with image and counts; the rollout shows its band', () => {
    const m = buildShelf(cluster());
    const d = m.deployments[0];
    expect(d?.sets.map((s) => [s.revision, s.image, s.desired, s.current, s.ready])).toEqual([
      [2, 'nginx:1.28', 2, 2, 1],
      [1, 'nginx:1.27', 3, 3, 3],
    ]);
    expect(d?.rollingOut).toBe(true);
    expect([d?.total, d?.available]).toEqual([5, 4]);
  });
  it('colours pods by their ReplicaSet revision (ownerReferences)', () => {
    const m = buildShelf(cluster());
    expect(m.podRevision.get('Pod/default/web-old-a')).toBe(1);
    expect(m.podRevision.get('Pod/default/web-new-a')).toBe(2);
  });
  it('a rolled-back ReplicaSet keeps the colour of the revision it was made as (revision-history), while its card says its new revision', () => {
    const back = rs('web-old', 3, 'nginx:1.27', 4, 4);
    const rolledBack: ReplicaSet = { ...back, metadata: { ...back.metadata, annotations: { 'deployment.kubernetes.io/revision': '3', 'deployment.kubernetes.io/revision-history': '1' } } };
    const objects = new Map<string, K8sObject>([
      ['Deployment/default/web', deployment(4)],
      ['ReplicaSet/default/web-old', rolledBack],
      ['ReplicaSet/default/web-new', rs('web-new', 2, 'nginx:1.28', 0, 0)],
      ['Pod/default/web-old-a', pod('web-old-a', 'web-old')],
    ]);
    const m = buildShelf(objects);
    expect(m.deployments[0]?.sets.map((c) => [c.name, c.revision, c.firstRevision])).toEqual([
      ['web-old', 3, 1],
      ['web-new', 2, 2],
    ]);
    expect(m.podRevision.get('Pod/default/web-old-a')).toBe(1);
  });
  it('a pod gets a scale-view band only when its Deployment has more than one revision', () => {
    const two = buildShelf(cluster());
    expect(two.podRevisionBand.get('Pod/default/web-old-a')).toBe(1);
    expect(two.podRevisionBand.get('Pod/default/web-new-a')).toBe(2);
    const objs = cluster();
    objs.delete('ReplicaSet/default/web-new');
    objs.delete('Pod/default/web-new-a');
    const one = buildShelf(objs);
    // One colour under every pod says nothing; the pod card's edge (podRevision) keeps it.
    expect(one.podRevisionBand.size).toBe(0);
    expect(one.podRevision.get('Pod/default/web-old-a')).toBe(1);
  });
  it('a Service carries its ClusterIP, ports and its slices rows with their conditions', () => {
    const s = buildShelf(cluster()).services[0];
    expect(s?.clusterIP).toBe('10.96.0.20');
    expect(s?.ports).toEqual(['80→8080/TCP']);
    expect(s?.slices[0]?.rows.map((r) => [r.ip, r.state])).toEqual([
      ['10.244.1.5', 'ready'],
      ['10.244.2.6', 'not-ready'],
      ['10.244.2.7', 'terminating'],
    ]);
  });
  it('a finished rollout (one ReplicaSet holding every ready pod) shows no band', () => {
    const objs = cluster();
    objs.set('ReplicaSet/default/web-old', rs('web-old', 1, 'nginx:1.27', 0, 0));
    objs.set('ReplicaSet/default/web-new', rs('web-new', 2, 'nginx:1.28', 4, 4));
    expect(buildShelf(objs).deployments[0]?.rollingOut).toBe(false);
  });
  it('a pod failing its readiness probe with no rollout going on shows no band either', () => {
    const objs = cluster();
    objs.set('ReplicaSet/default/web-old', rs('web-old', 1, 'nginx:1.27', 0, 0));
    objs.set('ReplicaSet/default/web-new', rs('web-new', 2, 'nginx:1.28', 4, 3));
    expect(buildShelf(objs).deployments[0]?.rollingOut).toBe(false);
  });
});

describe('shelf layout', () => {
  const area = rect(12, 214, 224, 340);
  it('one card per object, inside the area, none overlapping, ReplicaSets and slices indented under their parent', () => {
    const m = buildShelf(cluster());
    const l = layoutShelf(m, area, 1);
    expect(l.cards.map((c) => c.kind)).toEqual(['Deployment', 'ReplicaSet', 'ReplicaSet', 'Service', 'EndpointSlice']);
    for (const c of l.cards) expect(contains(area, c.box)).toBe(true);
    const boxes = l.cards.map((c) => c.box);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(l.cards[1]?.box.x).toBeGreaterThan(l.cards[0]?.box.x ?? Infinity);
    expect(l.cards[0]?.band).toBeDefined();
    // Every row is at least 14 px text high: 3 endpoint rows + the slice name.
    expect(l.cards[4]?.box.h).toBeGreaterThanOrEqual(4 * 18);
  });
  it('a short area drops to compact cards and still fits them', () => {
    const m = buildShelf(cluster());
    const full = layoutShelf(m, area, 1);
    const bottom = Math.max(...full.cards.map((c) => c.box.y + c.box.h));
    const short = rect(area.x, area.y, area.w, bottom - area.y - 30);
    const l = layoutShelf(m, short, 1);
    expect(l.compact).toBe(true);
    expect(l.fits).toBe(true);
    expect(l.cards).toHaveLength(5);
    for (const c of l.cards) expect(contains(short, c.box)).toBe(true);
  });
});

describe('image words on a ReplicaSet card', () => {
  it('drops the registry and path before anything is cut, and never for a short image', () => {
    expect(imageForms('rev 1 · ', 'registry.example/api:2.1')).toEqual(['rev 1 · registry.example/api:2.1', 'rev 1 · api:2.1']);
    expect(imageForms('리비전 2 · ', 'nginx:1.28')).toEqual(['리비전 2 · nginx:1.28']);
  });
});
