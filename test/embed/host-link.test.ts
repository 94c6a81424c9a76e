import { describe, expect, it } from 'vitest';
import { broadcastOrigin, connectHost } from '../../src/embed/host-link.ts';
import type { Command } from '../../src/embed/protocol.ts';

/** A window as connectHost sees it: a message listener, a parent, postMessage. */
function fakeWindows() {
  const posted: { message: unknown; origin: string }[] = [];
  const parent = { window: {}, postMessage: (message: unknown, origin: string) => posted.push({ message, origin }) };
  let listener: ((event: MessageEvent<unknown>) => void) | undefined;
  const win = {
    parent,
    addEventListener: (_type: string, l: (event: MessageEvent<unknown>) => void) => (listener = l),
    removeEventListener: () => (listener = undefined),
  };
  const deliver = (data: unknown, origin: string): void => listener?.({ data, origin, source: parent } as unknown as MessageEvent<unknown>);
  return { win: win as unknown as Window, posted, deliver };
}

describe('the embed end of the postMessage protocol', () => {
  it('runs valid commands from allowed origins and answers the rest with an error', () => {
    const { win, posted, deliver } = fakeWindows();
    const run: Command[] = [];
    connectHost(win, new Set(['https://deck.example']), (command) => run.push(command));
    deliver({ kubedeck: 1, type: 'goto', step: 2 }, 'https://deck.example');
    deliver({ kubedeck: 1, type: 'goto', step: 3, id: 'x' }, 'https://evil.example');
    deliver({ kubedeck: 1, type: 'goto', step: -1 }, 'https://deck.example');
    deliver({ kubedeck: 9, type: 'play' }, 'https://deck.example');
    deliver({ namespace: 'reveal', eventName: 'ready' }, 'https://deck.example');
    deliver('hello', 'https://deck.example');
    expect(run).toEqual([{ kubedeck: 1, type: 'goto', step: 2 }]);
    expect(posted.map((p) => [(p.message as { code: string }).code, p.origin])).toEqual([
      ['origin', 'https://evil.example'],
      ['malformed', 'https://deck.example'],
      ['unsupported-version', 'https://deck.example'],
    ]);
    expect(posted[0]?.message).toMatchObject({ kubedeck: 1, type: 'error', id: 'x' });
  });

  it('a command that throws becomes an error event, not a crash', () => {
    const { win, posted, deliver } = fakeWindows();
    connectHost(win, '*', () => {
      throw new Error('boom');
    });
    deliver({ kubedeck: 1, type: 'play' }, 'https://any.example');
    expect(posted[0]?.message).toMatchObject({ type: 'error', code: 'internal', message: 'boom' });
  });

  it('answers a message whose version cannot be turned into text, and never throws', () => {
    const { win, posted, deliver } = fakeWindows();
    const run: Command[] = [];
    connectHost(win, '*', (command) => run.push(command));
    expect(() => deliver({ kubedeck: { toString: 1 }, type: 'play' }, 'https://any.example')).not.toThrow();
    expect(run).toEqual([]);
    expect(posted[0]?.message).toMatchObject({ type: 'error', code: 'unsupported-version' });
  });

  it('addresses events to the one allowed origin, else to anyone', () => {
    expect(broadcastOrigin('*')).toBe('*');
    expect(broadcastOrigin(new Set(['https://deck.example']))).toBe('https://deck.example');
    expect(broadcastOrigin(new Set(['https://a.example', 'https://b.example']))).toBe('*');
    expect(broadcastOrigin(new Set(['null']))).toBe('*');
    const { win, posted } = fakeWindows();
    connectHost(win, new Set(['https://deck.example']), () => undefined).broadcast({ type: 'key', key: 'ArrowRight', shift: false, alt: false, ctrl: false, meta: false });
    expect(posted).toEqual([{ message: { type: 'key', key: 'ArrowRight', shift: false, alt: false, ctrl: false, meta: false, kubedeck: 1 }, origin: 'https://deck.example' }]);
  });
});
