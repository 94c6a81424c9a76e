/**
 * The simulated clock: a discrete-event queue. It implements XState's Clock interface, so the
 * `after` delays and delayed sends of every component actor run on simulated time, and the run
 * loop advances time from one due callback to the next (same order every run: time, then FIFO).
 */
import type { ActorOptions, AnyActorLogic } from 'xstate';

/** XState's clock interface (not exported by name). */
type Clock = NonNullable<ActorOptions<AnyActorLogic>['clock']>;

interface Timer {
  readonly at: number;
  readonly seq: number;
  readonly fn: () => void;
  cancelled: boolean;
}

export class SimClock implements Clock {
  private heap: Timer[] = [];
  private seq = 0;
  private current = 0;
  private readonly byId = new Map<number, Timer>();

  now(): number {
    return this.current;
  }

  setTimeout(fn: (...args: unknown[]) => void, timeout: number): number {
    const id = ++this.seq;
    const timer: Timer = { at: this.current + Math.max(0, timeout), seq: id, fn, cancelled: false };
    this.byId.set(id, timer);
    this.push(timer);
    return id;
  }

  clearTimeout(id: unknown): void {
    if (typeof id !== 'number') return;
    const timer = this.byId.get(id);
    if (timer) {
      timer.cancelled = true;
      this.byId.delete(id);
    }
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
    this.byId.delete(timer.seq);
    this.current = timer.at;
    timer.fn();
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]?.cancelled) this.pop();
  }

  private before(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent] as Timer;
      if (!this.before(timer, p)) break;
      h[i] = p;
      i = parent;
    }
    h[i] = timer;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const child = r < h.length && this.before(h[r] as Timer, h[l] as Timer) ? r : l;
      if (!this.before(h[child] as Timer, last)) break;
      h[i] = h[child] as Timer;
      i = child;
    }
    h[i] = last;
    return top;
  }
}
