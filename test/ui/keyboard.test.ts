import { describe, expect, it } from 'vitest';
import { UI_STRINGS } from '../../src/ui/i18n.ts';
import { commandForKey } from '../../src/ui/keyboard.ts';

const key = (k: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('commandForKey', () => {
  it.each([
    [' ', 'toggle'],
    ['ArrowLeft', 'stepBack'],
    ['ArrowRight', 'stepForward'],
    // A presenter's remote clicker sends Page Down / Page Up.
    ['PageUp', 'stepBack'],
    ['PageDown', 'stepForward'],
    ['Home', 'restart'],
    ['End', 'end'],
    ['+', 'faster'],
    ['=', 'faster'],
    ['-', 'slower'],
    ['Escape', 'close'],
  ])('%j -> %s', (k, command) => {
    expect(commandForKey(key(k))).toBe(command);
  });

  it('goes to the command bar on : or /, and takes a command back on Ctrl+Z or Cmd+Z', () => {
    expect(commandForKey(key(':'))).toBe('command');
    expect(commandForKey(key('/'))).toBe('command');
    expect(commandForKey(key('z', { ctrlKey: true }))).toBe('undo');
    expect(commandForKey(key('z', { metaKey: true }))).toBe('undo');
    expect(commandForKey(key('z'))).toBeUndefined();
    expect(commandForKey({ ...key('Z', { ctrlKey: true }), shiftKey: true })).toBeUndefined();
  });

  it('leaves browser shortcuts alone', () => {
    expect(commandForKey(key('ArrowLeft', { altKey: true }))).toBeUndefined();
    expect(commandForKey(key('+', { ctrlKey: true }))).toBeUndefined();
    expect(commandForKey(key('a'))).toBeUndefined();
    expect(commandForKey(key('ArrowRight', { metaKey: true }))).toBeUndefined();
  });
});

describe('the footer key hint', () => {
  it.each(['en', 'ko'] as const)('names every key the map answers (%s)', (lang) => {
    const hint = UI_STRINGS.keyboardHelp[lang];
    for (const k of ['→', '←', 'Space', 'Home/End', '+/−', ': ', 'Esc']) expect(hint).toContain(k);
    expect(commandForKey(key('ArrowRight'))).toBe('stepForward');
  });
});
