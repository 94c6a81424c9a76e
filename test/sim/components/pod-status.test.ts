import { describe, expect, it } from 'vitest';
import { podCreation } from '../../../scenes/pod-creation.ts';
import type { K8sObject, Pod } from '../../../src/model/objects.ts';
import { makeContainer, makePod } from '../../../src/sim/builders.ts';
import { statusAccepted, statusRunning, statusSandboxReady } from '../../../src/sim/components/pod-status.ts';
import { runScenario } from '../../../src/sim/run.ts';
import { states } from '../helpers.ts';

const initializedOf = (obj: K8sObject | undefined): unknown => (obj?.kind === 'Pod' ? obj.status?.conditions?.find((c) => c.type === 'Initialized') : undefined);

describe("the kubelet's first pod status (pkg/kubelet/status/generate.go)", () => {
  const at = '2025-01-01T00:00:00Z';

  it('a pod without init containers is Initialized=True from the start', () => {
    expect(initializedOf(statusAccepted('10.0.0.11', at)(makePod('web')))).toMatchObject({ status: 'True' });
  });

  it('a pod with init containers is Initialized=False (ContainersNotInitialized) until they have run', () => {
    const base = makePod('web');
    const pod: Pod = { ...base, spec: { ...base.spec, initContainers: [makeContainer('migrate', {})] } };
    expect(initializedOf(statusAccepted('10.0.0.11', at)(pod))).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized' });
  });

  it('in pod-creation, the status the kubelet first writes already says Initialized=True', () => {
    const trace = runScenario(podCreation);
    const first = states(trace).find((s) => s.object.startsWith('Pod/') && s.changes.some((c) => c.path === 'status.hostIP'));
    expect(initializedOf(first?.value)).toMatchObject({ status: 'True' });
  });
});

describe('pod statuses share what pods reaching a stage in the same second have alike', () => {
  const statusOf = (obj: K8sObject): NonNullable<Pod['status']> => {
    if (obj.kind !== 'Pod' || obj.status === undefined) throw new Error('no pod status');
    return obj.status;
  };
  const template = makePod('web');
  const sibling = (name: string): Pod => ({ ...template, metadata: { ...template.metadata, name }, spec: { ...template.spec } });

  it('gives two pods of one template the same condition objects and container statuses, equal to their own copies', () => {
    const at = '2026-01-01T09:00:01Z';
    const a = statusOf(statusAccepted('10.0.0.11', at)(sibling('a')));
    const b = statusOf(statusAccepted('10.0.0.12', at)(sibling('b')));
    expect(b.containerStatuses).toBe(a.containerStatuses);
    expect(a.containerStatuses).toEqual(template.spec.containers.map((c) => ({ name: c.name, image: c.image, ready: false, started: false, state: { waiting: { reason: 'ContainerCreating' } } })));
    a.conditions?.forEach((c, i) => expect(b.conditions?.[i]).toBe(c));
    expect(a.conditions).toEqual([
      { type: 'PodReadyToStartContainers', status: 'False', lastTransitionTime: at },
      { type: 'Initialized', status: 'True', lastTransitionTime: at },
      { type: 'ContainersReady', status: 'False', lastTransitionTime: at, reason: 'ContainersNotReady' },
      { type: 'Ready', status: 'False', lastTransitionTime: at, reason: 'ContainersNotReady' },
    ]);
  });

  it('makes new ones for another second, and running statuses per second', () => {
    const first = statusOf(statusRunning('2026-01-01T09:00:02Z')(statusSandboxReady('10.244.0.2', '2026-01-01T09:00:02Z')(sibling('a'))));
    const again = statusOf(statusRunning('2026-01-01T09:00:02Z')(sibling('b')));
    const later = statusOf(statusRunning('2026-01-01T09:00:03Z')(sibling('c')));
    expect(again.containerStatuses).toBe(first.containerStatuses);
    expect(later.containerStatuses).not.toBe(first.containerStatuses);
    expect(later.containerStatuses?.[0]?.state).toEqual({ running: { startedAt: '2026-01-01T09:00:03Z' } });
    const ready = (s: typeof first): unknown => s.conditions?.find((c) => c.type === 'Ready');
    expect(ready(again)).toBe(ready(first));
    expect(ready(later)).toEqual({ type: 'Ready', status: 'True', lastTransitionTime: '2026-01-01T09:00:03Z' });
    // The sandbox's PodReadyToStartContainers=True differs from the first status's False: its own object.
    expect(first.conditions?.find((c) => c.type === 'PodReadyToStartContainers')).toEqual({ type: 'PodReadyToStartContainers', status: 'True', lastTransitionTime: '2026-01-01T09:00:02Z' });
  });
});
