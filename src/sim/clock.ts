/**
 * The simulated clock: a discrete-event queue. It implements XState's Clock interface, so the
 * `after` delays and delayed sends of every component actor run on simulated time, and the run
 * loop advances time from one due callback to the next (same order every run: time, then FIFO).
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState's clock interface (not exported by name). */
type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

/**
 * A scheduled callback. Its handle is the timer itself (no id -> timer map to keep in step: a
 * long run schedules a million of them). `arg` is passed to `fn`, so a hot caller (the network's
 * delivery of every message) needs no closure per call.
 */
class Timer {
  cancelled = false;
  constructor(
    readonly at: number,
    readonly seq: number,
    readonly fn: (arg: unknown) => void,
    readonly arg: unknown,
  ) {}
}

/** What setTimeout returns and clearTimeout takes. */
export type TimerHandle = Timer;

export class SimClock implements Clock {
  private heap: Timer[] = [];
  private seq = 0;
  private current = 0;

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, timeout: number): TimerHandle {
    return this.push(new Timer(this.current + Math.max(0, timeout), ++this.seq, fn, undefined));
  }

  /** setTimeout(() => fn(arg), timeout) without a closure per call. */
  call<A>(fn: (arg: A) => void, arg: A, timeout: number): void {
    this.push(new Timer(this.current + Math.max(0, timeout), ++this.seq, fn as (arg: unknown) => void, arg));
  }

  clearTimeout(id: unknown): void {
    if (id instanceof Timer) id.cancelled = true;
  }

  /** Time of the next due callback, or undefined when nothing is scheduled. */
  peek(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  /** Runs the next due callback, advancing time to it. False when the queue is empty. */
  step(): boolean {
    this.dropCancelled();
    const timer = this.pop();
    if (!timer) return false;
    // Cancelled from now on: a clearTimeout after it ran is a no-op, as it was with the id map.
    timer.cancelled = true;
    this.current = timer.at;
    timer.fn(timer.arg);
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]?.cancelled) this.pop();
  }

  private push(timer: Timer): Timer {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Timer;
      if (!before(timer, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = timer;
    return timer;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    const n = h.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(h[r] as Timer, h[l] as Timer) ? r : l;
      if (!before(h[child] as Timer, last)) break;
      h[i] = h[child] as Timer;
      i = child;
    }
    h[i] = last;
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
