import { describe, expect, it } from 'vitest';
import { commandForKey } from '../../src/ui/keyboard.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('commandForKey', () => {
  it.each([
    [' ', 'toggle'],
    ['ArrowLeft', 'stepBack'],
    ['ArrowRight', 'stepForward'],
    ['Home', 'restart'],
    ['End', 'end'],
    ['+', 'faster'],
    ['=', 'faster'],
    ['-', 'slower'],
    ['Escape', 'close'],
  ])('%j -> %s', (k, command) => {
    expect(commandForKey(key(k))).toBe(command);
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandForKey(key('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(commandForKey(key('+', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('a'))).toBeUndefined();
  });
});
