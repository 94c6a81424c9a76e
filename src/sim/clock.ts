/**
 * The simulated clock: a discrete-event queue. It implements XState's Clock interface, so the
 * `after` delays and delayed sends of every component actor run on simulated time, and the run
 * loop advances time from one due callback to the next (same order every run: time, then FIFO).
 *
 * Callbacks due at one instant share a bucket, run in the order they were set (a big run has ~20
 * per simulated millisecond: message latencies are whole milliseconds); a heap orders only the
 * distinct instants. A callback set by `call` is two array slots, with no object of its own.
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';
import { TimeHeap } from './time-heap.ts';

/** XState's clock interface (not exported by name). */
type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

type Callback = (arg: unknown) => void;

/** Slots of SimClock.recent (a power of two). */
const RECENT = 16;

/** A cancellable callback (setTimeout's): its handle is the timer itself. */
class Timer {
  cancelled = false;
  constructor(readonly fn: () => void) {}
}

/** What setTimeout returns and clearTimeout takes. */
export type TimerHandle = Timer;

/** The slot's callback for a Timer (its argument): runs it unless it was cleared. */
const FIRE_TIMER: Callback = () => undefined;

/**
 * The callbacks due at one instant, in the order they were set: slots `head` to `size`. A bucket
 * is reused once run, its arrays kept at their length (emptied slots), so setting a callback
 * stores into a slot instead of growing an array from nothing again.
 */
class Bucket {
  at = 0;
  head = 0;
  size = 0;
  readonly fns: (Callback | undefined)[] = [];
  readonly args: unknown[] = [];
}

export class SimClock implements Clock {
  private readonly times = new TimeHeap();
  private readonly buckets = new Map<number, Bucket>();
  /** Emptied buckets, reused (their arrays keep their capacity). */
  private readonly spare: Bucket[] = [];
  /** The bucket set into last: most callbacks in a row are due at the same instant. */
  private last: Bucket | undefined = undefined;
  /**
   * Buckets by their instant's last bits (a bucket found here is checked for its instant): a
   * message arrives 1 to 6 ms from now, so the next few milliseconds' buckets are set into in
   * turn, and each was a lookup in `buckets`.
   */
  private readonly recent: (Bucket | undefined)[] = new Array<Bucket | undefined>(RECENT).fill(undefined);
  /** The earliest bucket (the heap's minimum), once looked up: the run loop reads it every step. */
  private front: Bucket | undefined = undefined;
  private current = 0;

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, timeout: number): TimerHandle {
    const timer = new Timer(fn);
    this.push(FIRE_TIMER, timer, timeout);
    return timer;
  }

  /** setTimeout without a handle (it cannot be cleared): no timer object per call. */
  after(fn: () => void, timeout: number): void {
    this.push(fn, undefined, timeout);
  }

  /** setTimeout(() => fn(arg), timeout) without a closure or a timer per call. */
  call<A>(fn: (arg: A) => void, arg: A, timeout: number): void {
    this.push(fn as Callback, arg, timeout);
  }

  clearTimeout(id: unknown): void {
    if (id instanceof Timer) id.cancelled = true;
  }

  /** Time of the next due callback, or undefined when nothing is scheduled. */
  peek(): number | undefined {
    return this.due()?.at;
  }

  /** Runs the next due callback, advancing time to it. False when the queue is empty. */
  step(): boolean {
    const b = this.due();
    if (b === undefined) return false;
    const i = b.head++;
    const fn = b.fns[i] as Callback;
    const arg = b.args[i];
    b.fns[i] = undefined;
    b.args[i] = undefined;
    this.current = b.at;
    if (fn === FIRE_TIMER) {
      const timer = arg as Timer;
      // Cancelled from now on: a clearTimeout after it ran is a no-op.
      timer.cancelled = true;
      timer.fn();
    } else fn(arg);
    return true;
  }

  /** The earliest bucket, its head on a callback still to run (cleared timers dropped); undefined when none is left. */
  private due(): Bucket | undefined {
    for (;;) {
      let b = this.front;
      if (b === undefined) {
        const at = this.times.min();
        if (at === undefined) return undefined;
        b = this.front = this.buckets.get(at) as Bucket;
      }
      const fns = b.fns;
      while (b.head < b.size) {
        if (fns[b.head] !== FIRE_TIMER || !(b.args[b.head] as Timer).cancelled) return b;
        fns[b.head] = undefined;
        b.args[b.head] = undefined;
        b.head++;
      }
      this.retire(b);
    }
  }

  private retire(b: Bucket): void {
    this.times.pop();
    this.buckets.delete(b.at);
    if (this.last === b) this.last = undefined;
    if (this.recent[b.at & (RECENT - 1)] === b) this.recent[b.at & (RECENT - 1)] = undefined;
    this.front = undefined;
    // Every slot was emptied as it ran or was skipped.
    b.head = 0;
    b.size = 0;
    this.spare.push(b);
  }

  private push(fn: Callback, arg: unknown, timeout: number): void {
    const at = this.current + Math.max(0, timeout);
    let b = this.last;
    if (b === undefined || b.at !== at) {
      const slot = at & (RECENT - 1);
      b = this.recent[slot];
      if (b === undefined || b.at !== at) b = this.buckets.get(at);
      if (b !== undefined) this.recent[slot] = b;
      else {
        b = this.spare.pop() ?? new Bucket();
        b.at = at;
        this.buckets.set(at, b);
        this.times.push(at);
        // Due before the front (at the current instant, whose bucket had run out): the new front.
        if (this.front !== undefined && at < this.front.at) this.front = undefined;
        this.recent[slot] = b;
      }
      this.last = b;
    }
    const i = b.size++;
    if (i < b.fns.length) {
      b.fns[i] = fn;
      b.args[i] = arg;
    } else {
      b.fns.push(fn);
      b.args.push(arg);
    }
  }
}
