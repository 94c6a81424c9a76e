import { describe, expect, it } from 'vitest';
import { replayFromZero, stateAt } from '../../src/timeline/state.ts';
import type { ClusterState } from '../../src/timeline/state.ts';
import { podCreationSample as trace } from '../fixtures/traces/pod-creation.sample.ts';
import type { Pod } from '../../src/model/objects.ts';

const plain = (s: ClusterState) => ({ objects: Object.fromEntries(s.objects), components: Object.fromEntries(s.components), raft: Object.fromEntries(s.raft) });

describe('stateAt', () => {
  it('equals a replay from zero at every event index', () => {
    for (let n = 0; n <= trace.events.length; n++) {
      expect(plain(stateAt(trace, { eventCount: n }))).toEqual(plain(replayFromZero(trace, n)));
    }
  });

  it('equals the snapshot at each step start', () => {
    for (const snap of trace.snapshots) {
      const s = stateAt(trace, { eventCount: snap.eventIndex });
      expect(Object.fromEntries(s.objects)).toEqual(snap.objects);
    }
  });

  it('accepts a simulated time and includes events at that time', () => {
    const before = stateAt(trace, { simTime: 12 });
    expect(before.objects.has('Pod/default/web')).toBe(false);
    const at = stateAt(trace, { simTime: 13 });
    const pod = at.objects.get('Pod/default/web') as Pod | undefined;
    expect(pod?.status?.phase).toBe('Pending');
    const end = stateAt(trace, { simTime: trace.endTime });
    expect((end.objects.get('Pod/default/web') as Pod | undefined)?.status?.phase).toBe('Running');
    expect(end.components.get('kubelet/worker-3')).toBe('down');
    expect(end.components.get('kubelet/worker-1')).toBe('up');
  });

  it('removes deleted objects', () => {
    const base = stateAt(trace, { simTime: trace.endTime });
    const withDelete = {
      ...trace,
      events: [...trace.events, { kind: 'state' as const, t: trace.endTime + 1, seq: trace.events.length, object: 'Pod/default/web', op: 'deleted' as const, changes: [] }],
    };
    expect(base.objects.has('Pod/default/web')).toBe(true);
    expect(stateAt(withDelete, { eventCount: withDelete.events.length }).objects.has('Pod/default/web')).toBe(false);
  });
});
