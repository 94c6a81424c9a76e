import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOST_KEYS } from '../../src/embed/protocol.ts';
import { KEY_CODES, parseHostEvent, targetOrigin } from '../../src/embed/host-events.ts';

const status = { kubedeck: 1, scenario: 'pod-creation', step: 2, steps: 13, time: 4, duration: 31, playing: false, speed: 1, lang: 'en', theme: 'dark' };

describe('host side of the embed protocol', () => {
  it('recognises status events and forwarded keys of this version', () => {
    expect(parseHostEvent({ ...status, type: 'ready' })?.type).toBe('ready');
    expect(parseHostEvent({ ...status, type: 'stepchange' })).toMatchObject({ step: 2, steps: 13 });
    expect(parseHostEvent({ kubedeck: 1, type: 'key', key: 'ArrowRight', shift: true })).toEqual({ kubedeck: 1, type: 'key', key: 'ArrowRight', shift: true, alt: false, ctrl: false, meta: false });
  });

  it('ignores other versions, other traffic, impossible steps and keys a deck does not navigate with', () => {
    for (const data of [
      { ...status, type: 'ready', kubedeck: 2 },
      'slide:start',
      null,
      [status],
      { ...status, type: 'stepchange', step: 13 },
      { ...status, type: 'stepchange', step: -1 },
      { ...status, type: 'stepchange', step: 1.5 },
      { ...status, type: 'stepchange', steps: '13' },
      { kubedeck: 1, type: 'key', key: 'a' },
      { kubedeck: 1, type: 'key', key: 'toString' },
      { kubedeck: 1, type: 'error', code: 'malformed', message: 'x' },
    ]) {
      expect(parseHostEvent(data)).toBeUndefined();
    }
  });

  it('has a keyCode for every key the embed forwards', () => {
    expect(Object.keys(KEY_CODES).sort()).toEqual([...HOST_KEYS].sort());
    expect(KEY_CODES.ArrowRight).toBe(39);
  });

  it("addresses an http(s) embed at its origin, anything else at '*'", () => {
    expect(targetOrigin('https://talks.example.com/kd/embed.html?scenario=x', 'https://deck.example.org/')).toBe('https://talks.example.com');
    expect(targetOrigin('embed.html', 'http://127.0.0.1:8080/deck/')).toBe('http://127.0.0.1:8080');
    expect(targetOrigin('kubedeck.html?embed=1', 'file:///home/me/deck/index.html')).toBe('*');
    expect(targetOrigin('http://[bad', 'file:///x')).toBe('*');
  });

  it('fuzz: never throws on any message a page may receive', () => {
    const value = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }), fc.constant({ toString: 1 }), fc.constantFrom('ready', 'stepchange', 'state', 'ended', 'key', 'ArrowRight', 1));
    const message = fc.oneof(value, fc.dictionary(fc.constantFrom('kubedeck', 'type', 'step', 'steps', 'key', 'shift', 'toString', '__proto__'), value));
    fc.assert(
      fc.property(message, (data) => {
        parseHostEvent(data);
      }),
      { numRuns: 3_000 },
    );
  });
});
