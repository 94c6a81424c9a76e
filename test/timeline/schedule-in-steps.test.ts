import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { buildSchedule, scheduleInSteps, type Schedule } from '../../src/timeline/schedule.ts';
import type { Trace } from '../../src/sim/trace.ts';

/** Every piece of scheduleInSteps, and what the last one returns. */
function inPieces(trace: Trace): { readonly pieces: number; readonly schedule: Schedule } {
  const steps = scheduleInSteps(trace);
  for (let pieces = 0; ; pieces++) {
    const next = steps.next();
    if (next.done === true) return { pieces, schedule: next.value };
  }
}

describe('scheduleInSteps: a big trace laid out a piece at a time (the page paints between pieces)', () => {
  it('cuts each pass over a big cluster\'s events into pieces of a few thousand, and ends with buildSchedule\'s schedule', () => {
    const zoneOutage = SCENARIOS.find((s) => s.id === 'zone-outage');
    if (zoneOutage === undefined) throw new Error('zone-outage is not among the scenarios');
    // 60 nodes, 600 replicas: ~45,000 events.
    const trace = runScenario(zoneOutage, { params: { nodes: 60, perNode: 10 } });
    expect(trace.events.length).toBeGreaterThan(40_000);
    const { pieces, schedule } = inPieces(trace);
    // Five passes over the events (keys, moments, background, pacing, items), each paused every
    // 4,096 events: no piece holds the page for a whole pass.
    expect(pieces).toBeGreaterThan((5 * trace.events.length) / 4096);
    expect(schedule).toEqual(buildSchedule(trace));
  });

  it('a teaching scenario\'s trace takes a handful of pieces', () => {
    const podCreation = SCENARIOS.find((s) => s.id === 'pod-creation');
    if (podCreation === undefined) throw new Error('pod-creation is not among the scenarios');
    const trace = runScenario(podCreation);
    const { pieces, schedule } = inPieces(trace);
    expect(pieces).toBeLessThan(20);
    expect(schedule.steps.length).toBe(trace.steps);
  });
});
