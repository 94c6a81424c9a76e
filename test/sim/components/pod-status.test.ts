import { describe, expect, it } from 'vitest';
import { podCreation } from '../../../scenes/pod-creation.ts';
import type { K8sObject, Pod } from '../../../src/model/objects.ts';
import { makeContainer, makePod } from '../../../src/sim/builders.ts';
import { statusAccepted } from '../../../src/sim/components/pod-status.ts';
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
