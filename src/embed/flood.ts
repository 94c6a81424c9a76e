/**
 * Flood control for the embed's protocol: a host (or a hostile page allowed by `origins=*`) may
 * post thousands of commands at once. `lang` and `theme` restyle the whole stage, so they are
 * coalesced: the last one wins and applies once per frame. Every other command is cheap alone but
 * not by the thousand, so a token bucket lets bursts through and drops the excess with an answer.
 */

/** Runs `apply` once, soon, however often `request` is called before it runs. */
export interface Coalescer {
  request(): void;
  /** Run now if a request is pending (e.g. when the stage becomes ready). */
  flush(): void;
}

export type Schedule = (run: () => void) => void;

/** The next animation frame, or 100 ms when frames do not come (a hidden tab or offscreen frame). */
export const nextFrame: Schedule = (run) => {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    run();
  };
  const frame = requestAnimationFrame(once);
  const timer = setTimeout(once, 100);
};

export function createCoalescer(apply: () => void, schedule: Schedule = nextFrame): Coalescer {
  let pending = false;
  const flush = (): void => {
    if (!pending) return;
    pending = false;
    apply();
  };
  return {
    request() {
      if (pending) return;
      pending = true;
      schedule(flush);
    },
    flush,
  };
}

export interface RateLimit {
  /** True when one more command may run now (and takes its token). */
  take(): boolean;
}

/** A token bucket: `burst` commands at once, refilled at `perSecond`. `now` is in milliseconds. */
export function createRateLimit(burst: number, perSecond: number, now: () => number = () => performance.now()): RateLimit {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
