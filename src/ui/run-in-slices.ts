/**
 * Runs a simulation to its end in slices of about SLICE_MS of the main thread, and lets the page
 * paint and take input between them: a big cluster's seconds of simulation no longer freeze it.
 * The slices change nothing in the trace (src/sim/run-core.ts: SimulationRun).
 */
import type { SimulationRun } from '../sim/run-core.ts';
import { afterPaint } from './after-paint.ts';
import type { Trace } from '../sim/trace.ts';
import { formatClock } from '../timeline/schedule.ts';

/** Main-thread time per slice: short enough for input and a progress line to stay live. */
const SLICE_MS = 50;
/** Clock callbacks between looks at the time (a callback costs microseconds). */
const CALLBACKS_PER_LOOK = 500;
/** When the progress is first told (a short run says nothing), then how often (a status line read aloud must not chatter). */
const PROGRESS_FIRST_MS = 300;
const PROGRESS_EVERY_MS = 1000;

export interface SliceHooks {
  /** The simulated time reached (ms): after PROGRESS_FIRST_MS, then at most once every PROGRESS_EVERY_MS. */
  progress(simMs: number): void;
  /** Checked between slices: true stops the run (the result is then undefined). */
  cancelled(): boolean;
}

/** Wall time and the wait between slices; the browser's by default, a test's own otherwise. */
export interface SlicePace {
  now(): number;
  pause(): Promise<void>;
}

/** Between slices, a frame (so what the page says reaches the screen), then a task. */
const BROWSER_PACE: SlicePace = { now: () => performance.now(), pause: afterPaint };

/** The run's trace; undefined when cancelled. Throws what the run throws (a broken scenario). */
export async function runInSlices(run: SimulationRun, hooks: SliceHooks, pace: SlicePace = BROWSER_PACE): Promise<Trace | undefined> {
  let trace: Trace | undefined;
  let tellAt = pace.now() + PROGRESS_FIRST_MS;
  const finished = await inSlices(
    () => (trace = run.advance(CALLBACKS_PER_LOOK)) !== undefined,
    {
      between: () => {
        if (pace.now() < tellAt) return;
        tellAt = pace.now() + PROGRESS_EVERY_MS;
        hooks.progress(run.now);
      },
      cancelled: hooks.cancelled,
    },
    pace,
  );
  if (!finished) {
    run.cancel();
    return undefined;
  }
  return trace;
}

/**
 * Calls `step` (a few milliseconds of work; true once all is done) in slices of about SLICE_MS,
 * a paint between slices: `between` runs before each pause, `cancelled` after it (true stops the
 * work, and the result is false). Also what lays a big trace out (the stage's layOut).
 */
export async function inSlices(step: () => boolean, hooks: { between?(): void; cancelled(): boolean }, pace: SlicePace = BROWSER_PACE): Promise<boolean> {
  for (;;) {
    const start = pace.now();
    do {
      if (step()) return true;
    } while (pace.now() - start < SLICE_MS);
    hooks.between?.();
    await pace.pause();
    if (hooks.cancelled()) return false;
  }
}

/** How far a run's cluster clock got, as the progress line says it ("07:55": no milliseconds). */
export const clockReached = (simMs: number): string => formatClock(simMs).replace(/\.\d+$/, '');

/**
 * Lays a big trace out on the stage ahead of its load() (Stage.layOut), in slices; false when
 * `cancelled` turned true meanwhile. The kubedeck:laid-out mark tells the browser tests and the
 * bench where the sliced part ended and load()'s one block began.
 */
export async function layOutInSlices(stage: { layOut(trace: Trace): { advance(): boolean } }, trace: Trace, cancelled: () => boolean): Promise<boolean> {
  const work = stage.layOut(trace);
  const laid = (await inSlices(() => work.advance(), { cancelled })) && !cancelled();
  if (laid) performance.mark('kubedeck:laid-out');
  return laid;
}
