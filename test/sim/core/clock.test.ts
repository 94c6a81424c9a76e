import { describe, expect, it } from 'vitest';
import { SimClock } from '../../../src/sim/clock.ts';

describe('SimClock', () => {
  it('runs timers by time, then in the order they were set, skipping cancelled ones, also those set while running', () => {
    const clock = new SimClock();
    const ran: string[] = [];
    // A deterministic spread of delays, many sharing an instant.
    const handles = [];
    for (let i = 0; i < 200; i++) {
      const delay = (i * 7919) % 13;
      handles.push(clock.setTimeout(() => ran.push(`${clock.now()}:${i}`), delay));
    }
    for (let i = 0; i < 200; i += 9) clock.clearTimeout(handles[i]);
    clock.call(
      (tag: string) => {
        ran.push(`${clock.now()}:${tag}`);
        clock.setTimeout(() => ran.push(`${clock.now()}:zero`), 0);
        clock.setTimeout(() => ran.push(`${clock.now()}:later`), 1);
      },
      'call',
      5,
    );
    expect(clock.peek()).toBe(0);
    while (clock.step()) {
      // run every timer
    }
    expect(clock.peek()).toBeUndefined();
    const expected: { at: number; seq: number; tag: string }[] = [];
    for (let i = 0; i < 200; i++) if (i % 9 !== 0) expected.push({ at: (i * 7919) % 13, seq: i, tag: String(i) });
    expected.push({ at: 5, seq: 200, tag: 'call' }, { at: 5, seq: 1000, tag: 'zero' }, { at: 6, seq: 1001, tag: 'later' });
    expected.sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(ran).toEqual(expected.map((e) => `${e.at}:${e.tag}`));
  });

  it('a timer cleared after it ran, or cleared at the head of the queue, changes nothing else', () => {
    const clock = new SimClock();
    const ran: number[] = [];
    const first = clock.setTimeout(() => ran.push(1), 1);
    const second = clock.setTimeout(() => ran.push(2), 1);
    clock.setTimeout(() => ran.push(3), 2);
    clock.step();
    clock.clearTimeout(first);
    clock.clearTimeout(second);
    expect(clock.peek()).toBe(2);
    while (clock.step()) {
      // run every timer
    }
    expect(ran).toEqual([1, 3]);
    expect(clock.now()).toBe(2);
  });

  it('matches a plain (time, then order set) queue over a long random mix of calls, timers, clears and instants that share their last bits', () => {
    const clock = new SimClock();
    // A deterministic generator (no Math.random in the simulation's tests either).
    let x = 12345;
    const next = (n: number): number => {
      x = (Math.imul(x, 1103515245) + 12345) & 0x7fffffff;
      return x % n;
    };
    const ran: string[] = [];
    const expected: { at: number; seq: number; tag: string }[] = [];
    const live: { handle: ReturnType<SimClock['setTimeout']>; entry: { at: number; seq: number; tag: string } }[] = [];
    let seq = 0;
    const schedule = (depth: number): void => {
      // Delays in whole ms (near and 16 or 32 ms apart: the same last bits), sometimes fractional or zero.
      const kind = next(10);
      const delay = kind === 0 ? 0 : kind === 1 ? next(100) / 7 : kind < 4 ? 16 * next(4) + next(3) : next(7);
      const at = clock.now() + delay;
      const tag = `t${seq}`;
      const entry = { at, seq: seq++, tag };
      expected.push(entry);
      const fire = (): void => {
        ran.push(`${clock.now()}:${tag}`);
        if (depth < 3) for (let i = next(3); i > 0; i--) schedule(depth + 1);
      };
      if (next(2) === 0) clock.call((t: string) => (t === tag ? fire() : undefined), tag, delay);
      else live.push({ handle: clock.setTimeout(fire, delay), entry });
    };
    for (let i = 0; i < 300; i++) schedule(0);
    let steps = 0;
    do {
      // Now and then clear a pending timer (possibly one that already ran: a no-op).
      if (next(5) === 0 && live.length > 0) {
        const victim = live.splice(next(live.length), 1)[0];
        if (victim !== undefined && !ran.some((r) => r.endsWith(`:${victim.entry.tag}`))) {
          clock.clearTimeout(victim.handle);
          expected.splice(expected.indexOf(victim.entry), 1);
        }
      }
      // peek() between steps, then a timer set from outside: it may be due before the instant peeked.
      if (next(3) === 0) clock.peek();
      if (next(4) === 0) schedule(0);
      steps++;
    } while (clock.step());
    expect(steps).toBeGreaterThan(300);
    expected.sort((a, b) => a.at - b.at || a.seq - b.seq);
    expect(ran).toEqual(expected.map((e) => `${e.at}:${e.tag}`));
  });
});

