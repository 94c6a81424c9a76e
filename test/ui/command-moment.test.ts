import { describe, expect, it } from 'vitest';
import { commandMoment } from '../../src/ui/command-moment.ts';
import type { CommandOutcome } from '../../src/sim/sandbox/timed-command.ts';

const outcome = (at: number, doneAt: number | undefined): CommandOutcome => ({ at, command: `cmd@${at}`, ok: true, output: [], ...(doneAt === undefined ? {} : { doneAt }) });

describe('when a command typed in the bar runs', () => {
  it('runs at the frame on screen when no earlier command is still waiting', () => {
    expect(commandMoment(1234.4, [])).toBe(1234);
    expect(commandMoment(500, [outcome(0, 19)])).toBe(500);
    expect(commandMoment(-3, [])).toBe(0);
  });

  it('waits for the answer of a command given at or before that moment, as a shell runs the next line', () => {
    // `kubectl create deployment web` at 0 answered at 19 ms; the scale typed while the stage is at 5 ms.
    expect(commandMoment(5, [outcome(0, 19)])).toBe(19);
    expect(commandMoment(0, [outcome(0, 19)])).toBe(19);
  });

  it('follows a chain of waiting commands to the last answer', () => {
    expect(commandMoment(2, [outcome(0, 19), outcome(19, 37)])).toBe(37);
    // The order of the list does not matter.
    expect(commandMoment(2, [outcome(19, 37), outcome(0, 19)])).toBe(37);
  });

  it('is not held by a later command, nor by one that never had its answer', () => {
    expect(commandMoment(10, [outcome(50, 90)])).toBe(10);
    expect(commandMoment(10, [outcome(0, undefined)])).toBe(10);
  });
});
