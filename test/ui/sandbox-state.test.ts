import { describe, expect, it } from 'vitest';
import { createSandboxSession, insertAction, removeAction, UNDO_DEPTH } from '../../src/ui/sandbox-state.ts';

const a = (at: number, command = `wait ${at}`) => ({ at, command });

describe('the learner’s commands in a session', () => {
  it('inserts a command in time order, after the ones given at the same moment', () => {
    const list = [a(1000, 'first'), a(5000)];
    expect(insertAction(list, a(1000, 'second'))).toEqual([a(1000, 'first'), a(1000, 'second'), a(5000)]);
    expect(insertAction(list, a(0))).toEqual([a(0), ...list]);
    expect(insertAction(list, a(9000))).toEqual([...list, a(9000)]);
    expect(list).toHaveLength(2); // not changed in place
  });

  it('removes one command by position', () => {
    expect(removeAction([a(1), a(2), a(3)], 1)).toEqual([a(1), a(3)]);
    expect(removeAction([a(1)], 5)).toEqual([a(1)]);
  });

  it('undo walks back adds and removals, each with the trace it had', () => {
    const session = createSandboxSession<string>();
    expect(session.canUndo()).toBe(false);
    session.change([a(1)], 'plain');
    session.change([a(1), a(2)], 'one');
    session.change([a(2)], 'two');
    expect(session.actions()).toEqual([a(2)]);
    expect(session.undo()).toEqual({ actions: [a(1), a(2)], trace: 'two' });
    expect(session.actions()).toEqual([a(1), a(2)]);
    expect(session.undo()).toEqual({ actions: [a(1)], trace: 'one' });
    expect(session.undo()).toEqual({ actions: [], trace: 'plain' });
    expect(session.actions()).toEqual([]);
    expect(session.undo()).toBeUndefined();
  });

  it('starts again from a link’s commands with nothing to undo', () => {
    const session = createSandboxSession<string>([a(3)]);
    session.change([], 'x');
    session.reset([a(7)]);
    expect(session.actions()).toEqual([a(7)]);
    expect(session.canUndo()).toBe(false);
  });

  it('keeps a bounded undo history', () => {
    const session = createSandboxSession<number>();
    for (let i = 0; i < UNDO_DEPTH + 10; i++) session.change([a(i)], i);
    let undone = 0;
    while (session.undo()) undone++;
    expect(undone).toBe(UNDO_DEPTH);
  });
});
