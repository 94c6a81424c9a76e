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
});
