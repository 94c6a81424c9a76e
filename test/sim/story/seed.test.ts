/** A file's objects seeded as already running, each kind as the built-ins seed it. */
import { describe, expect, it } from 'vitest';
import { loadStoryOrThrow } from '../../../src/model/story/load.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { compileStory } from '../../../src/sim/story/compile.ts';

const STORY = `apiVersion: kubedeck.dev/v1alpha1
kind: Scenario
id: every-kind
title: { en: Every kind, ko: 모든 종류 }
summary: { en: Seeded objects, ko: 처음부터 있는 오브젝트 }
cluster:
  nodes:
    - { name: worker-1, zone: zone-a, labels: { disk: ssd } }
    - { name: worker-2, zone: zone-b, taints: [{ key: dedicated, value: batch, effect: NoSchedule }] }
objects: |
  apiVersion: v1
  kind: Pod
  metadata: { name: pinned, labels: { app: pinned } }
  spec:
    nodeName: worker-2
    containers: [{ name: c, image: busybox:1.36 }]
  ---
  apiVersion: v1
  kind: Service
  metadata: { name: pinned }
  spec:
    selector: { app: pinned }
    ports: [{ port: 80 }]
  ---
  apiVersion: policy/v1
  kind: PodDisruptionBudget
  metadata: { name: pinned }
  spec:
    maxUnavailable: 1
    selector: { matchLabels: { app: pinned } }
steps:
  - id: look
    after: 3s
    caption: { en: Look, ko: 보세요 }
`;

describe('seeding a file', () => {
  const trace = runScenario(compileStory(loadStoryOrThrow(STORY, 'every-kind.yaml')));
  const first = trace.snapshots[0] as unknown as { readonly objects: Record<string, { readonly kind: string; readonly metadata: { readonly labels?: Record<string, string> }; readonly spec: Record<string, unknown>; readonly status?: Record<string, unknown> }> };

  it('nodes carry their zone, labels and taints', () => {
    expect(first.objects['Node/worker-1']?.metadata.labels).toMatchObject({ disk: 'ssd', 'topology.kubernetes.io/zone': 'zone-a' });
    expect(first.objects['Node/worker-2']?.spec['taints']).toEqual([{ key: 'dedicated', value: 'batch', effect: 'NoSchedule' }]);
  });

  it('a Pod with a nodeName runs there from the start; the Service has its defaults; all are in default', () => {
    expect(first.objects['Pod/default/pinned']?.status).toMatchObject({ phase: 'Running', hostIP: '192.168.56.12' });
    expect(first.objects['Service/default/pinned']?.spec['ports']).toEqual([{ protocol: 'TCP', port: 80, targetPort: 80 }]);
    expect(first.objects['PodDisruptionBudget/default/pinned']).toBeDefined();
  });
});

describe('a Pod without spec.nodeName among the objects', () => {
  it('is refused: objects run from the start', () => {
    const text = STORY.replace('    nodeName: worker-2\n', '');
    expect(() => loadStoryOrThrow(text, 'every-kind.yaml')).toThrow(/^every-kind\.yaml:10:10: objects: document 1: a Pod among the objects runs from the start: give it spec\.nodeName/);
  });
});
