import { describe, expect, it } from 'vitest';
import type { SimulationRun } from '../../src/sim/run-core.ts';
import type { Trace } from '../../src/sim/trace.ts';
import { runInSlices, type SlicePace } from '../../src/ui/run-in-slices.ts';

const TRACE = { scenario: 'fake' } as unknown as Trace;

/** A run that ends after `looks` calls of advance, each costing `msPerLook` on the fake clock. */
function fakeRun(looks: number, clock: { ms: number }, msPerLook: number): SimulationRun & { cancelled: boolean; calls: number } {
  const run = {
    cancelled: false,
    calls: 0,
    get now() {
      return run.calls * 100;
    },
    advance(): Trace | undefined {
      if (run.cancelled) throw new Error('advanced after cancel');
      run.calls++;
      clock.ms += msPerLook;
      return run.calls >= looks ? TRACE : undefined;
    },
    cancel() {
      run.cancelled = true;
    },
  };
  return run;
}

function fakePace(clock: { ms: number }): SlicePace & { pauses: number } {
  const pace = {
    pauses: 0,
    now: () => clock.ms,
    pause: () => {
      pace.pauses++;
      return Promise.resolve();
    },
  };
  return pace;
}

describe('runInSlices: a big run with the page live', () => {
  it('pauses after about 50 ms of work each time, and gives the trace at the end', async () => {
    const clock = { ms: 0 };
    const pace = fakePace(clock);
    // 400 looks of 10 ms: 4 s of work, about 80 slices of 5 looks.
    const result = await runInSlices(fakeRun(400, clock, 10), { progress: () => undefined, cancelled: () => false }, pace);
    expect(result).toBe(TRACE);
    expect(pace.pauses).toBeGreaterThanOrEqual(75);
    expect(pace.pauses).toBeLessThanOrEqual(80);
  });

  it('tells the simulated time after 0.3 s, then at most once a second, going forward', async () => {
    const clock = { ms: 0 };
    const told: { at: number; sim: number }[] = [];
    await runInSlices(fakeRun(400, clock, 10), { progress: (sim) => told.push({ at: clock.ms, sim }), cancelled: () => false }, fakePace(clock));
    expect(told[0]?.at).toBeGreaterThanOrEqual(300);
    expect(told[0]?.at).toBeLessThan(400);
    expect(told.length).toBeGreaterThanOrEqual(4);
    expect(told.length).toBeLessThanOrEqual(5);
    for (let i = 1; i < told.length; i++) {
      expect((told[i]?.at ?? 0) - (told[i - 1]?.at ?? 0)).toBeGreaterThanOrEqual(1000);
      expect(told[i]?.sim).toBeGreaterThan(told[i - 1]?.sim ?? 0);
    }
  });

  it('a run that ends within its first slice never pauses', async () => {
    const clock = { ms: 0 };
    const pace = fakePace(clock);
    expect(await runInSlices(fakeRun(3, clock, 1), { progress: () => undefined, cancelled: () => false }, pace)).toBe(TRACE);
    expect(pace.pauses).toBe(0);
  });

  it('stops the run when cancelled between slices, and gives nothing', async () => {
    const clock = { ms: 0 };
    const pace = fakePace(clock);
    const run = fakeRun(400, clock, 10);
    const result = await runInSlices(run, { progress: () => undefined, cancelled: () => pace.pauses >= 2 }, pace);
    expect(result).toBeUndefined();
    expect(run.cancelled).toBe(true);
    expect(run.calls).toBeLessThan(20);
  });

  it('passes on what a broken run throws', async () => {
    const clock = { ms: 0 };
    const broken: SimulationRun = {
      now: 0,
      advance: () => {
        throw new Error('did not finish');
      },
      cancel: () => undefined,
    };
    await expect(runInSlices(broken, { progress: () => undefined, cancelled: () => false }, fakePace(clock))).rejects.toThrow('did not finish');
  });
});
