import { describe, expect, it } from 'vitest';
import { actionTime, outcomeFor } from '../../src/ui/action-list.ts';
import { applyCompletion, commonPrefix } from '../../src/ui/command-bar.ts';

describe('Tab in the command bar', () => {
  it('completes the only candidate and adds a space', () => {
    expect(applyCompletion('kubectl cord', 12, ['cordon'])).toEqual({ line: 'kubectl cordon ', cursor: 15 });
  });

  it('extends to what every candidate shares, mid-line too', () => {
    expect(applyCompletion('kubectl cordon wor --x', 18, ['worker-1', 'worker-2'])).toEqual({ line: 'kubectl cordon worker- --x', cursor: 22 });
  });

  it('adds nothing when the candidates share nothing more', () => {
    expect(applyCompletion('kubectl scale deploy', 20, ['deploy', 'deployment', 'deployments'])).toBeUndefined();
    expect(applyCompletion('kubectl x', 9, [])).toBeUndefined();
  });

  it('finds the common prefix', () => {
    expect(commonPrefix(['worker-1', 'worker-2', 'worker-10'])).toBe('worker-');
    expect(commonPrefix([])).toBe('');
    expect(commonPrefix(['a', 'b'])).toBe('');
  });
});

describe('the action list', () => {
  it('writes simulated time the way the clock counts it', () => {
    expect(actionTime(12_500)).toBe('t=12.5s');
    expect(actionTime(0)).toBe('t=0.0s');
    // A create at 0 and the scale that waited for its answer: not both "t=0.0s".
    expect(actionTime(19)).toBe('t=0.019s');
    expect(actionTime(2345)).toBe('t=2.345s');
  });

  it('matches each command to its outcome by position, else by time and text', () => {
    const actions = [
      { at: 1, command: 'wait 1s' },
      { at: 2, command: 'kubectl cordon worker-9' },
    ];
    const ok = { at: 1, command: 'wait 1s', ok: true, output: [] };
    const refused = { at: 2, command: 'kubectl cordon worker-9', ok: false, output: ['Error from server (NotFound): nodes "worker-9" not found'] };
    expect(outcomeFor(actions, [ok, refused], 1)).toBe(refused);
    expect(outcomeFor(actions, [refused, ok], 0)).toBe(ok);
    expect(outcomeFor(actions, [ok], 1)).toBeUndefined();
  });
});
