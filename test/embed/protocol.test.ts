import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKubedeckMessage, originAllowed, parseCommand, parseOrigins, PROTOCOL_VERSION } from '../../src/embed/protocol.ts';

describe('embed protocol: commands', () => {
  it('accepts every well-formed command', () => {
    const good: unknown[] = [
      { kubedeck: 1, type: 'play' },
      { kubedeck: 1, type: 'step', id: 'r1' },
      { kubedeck: 1, type: 'seek', time: 12.5 },
      { kubedeck: 1, type: 'goto', step: 3 },
      { kubedeck: 1, type: 'goto', step: 3, play: true },
      { kubedeck: 1, type: 'speed', speed: 0.5 },
      { kubedeck: 1, type: 'lang', lang: 'ko' },
      { kubedeck: 1, type: 'theme', theme: 'contrast' },
      { kubedeck: 1, type: 'load', scenario: 'node-failure', k8s: '1.31', step: 2, params: { replicas: 3, returns: true } },
      { kubedeck: 1, type: 'load', scenario: 'node-failure', k8s: '1.35.2' },
    ];
    for (const msg of good) expect(parseCommand(msg)).toMatchObject({ ok: true, command: msg });
  });

  it('refuses malformed, unknown and smuggled commands without throwing', () => {
    const bad: unknown[] = [
      null,
      'play',
      [],
      { kubedeck: 1 },
      { kubedeck: 1, type: 'eval', code: 'alert(1)' },
      { kubedeck: 1, type: 'seek', time: -1 },
      { kubedeck: 1, type: 'seek', time: Number.NaN },
      { kubedeck: 1, type: 'goto', step: 1.5 },
      { kubedeck: 1, type: 'goto', step: 1, play: 'yes' },
      { kubedeck: 1, type: 'speed', speed: 3 },
      { kubedeck: 1, type: 'lang', lang: 'fr' },
      { kubedeck: 1, type: 'play', extra: true },
      { kubedeck: 1, type: 'load', scenario: '<img src=x onerror=alert(1)>' },
      { kubedeck: 1, type: 'load', scenario: 'pod-creation', params: { __proto__: 1, 'a b': 2 } },
    ];
    for (const msg of bad) expect(parseCommand(msg)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('names a newer protocol version instead of calling it malformed, and echoes the id', () => {
    expect(parseCommand({ kubedeck: 2, type: 'play', id: 'x' })).toEqual(expect.objectContaining({ ok: false, code: 'unsupported-version', id: 'x' }));
    expect(parseCommand({ kubedeck: PROTOCOL_VERSION, type: 'nope', id: 'q' })).toEqual(expect.objectContaining({ ok: false, code: 'malformed', id: 'q' }));
  });

  it('never throws: a version that cannot be turned into text, odd ids, anything at all', () => {
    const odd: unknown[] = [
      { kubedeck: { toString: 1 }, type: 'play' },
      { kubedeck: { toString: () => { throw new Error('x'); } }, type: 'play' },
      { kubedeck: Object.create(null) as unknown, type: 'play' },
      { kubedeck: Symbol('v'), type: 'play' },
      { kubedeck: 10n, type: 'play' },
      { kubedeck: 1, type: { toString: 1 } },
      { kubedeck: 1, type: 'goto', step: { valueOf: 1 } },
      { kubedeck: 1, type: 'play', id: { toString: 1 } },
    ];
    for (const msg of odd) {
      const parsed = parseCommand(msg);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.message.length).toBeLessThanOrEqual(200);
    }
    expect(parseCommand(odd[0])).toMatchObject({ code: 'unsupported-version', message: 'protocol version an object is not supported (this embed speaks 1)' });
    expect(parseCommand(Object.assign(Object.create(null) as object, { kubedeck: 1, type: 'play' }))).toMatchObject({ ok: true });
  });

  it('fuzz: any message is either a valid command or a refusal with a short message', () => {
    const field = fc.oneof(fc.constantFrom('kubedeck', 'type', 'id', 'step', 'time', 'speed', 'lang', 'theme', 'loop', 'play', 'scenario', 'params', 'k8s', 'toString', '__proto__', 'constructor', 'valueOf'), fc.string());
    const types = fc.constantFrom('play', 'pause', 'toggle', 'step', 'back', 'seek', 'goto', 'speed', 'loop', 'lang', 'theme', 'load', 'getState', 'eval', '');
    const value = fc.oneof(fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true, withDate: true }), types, fc.constant(1), fc.constant({ toString: 1 }), fc.constant({ valueOf: 1, toString: 1 }));
    const message = fc.oneof(
      fc.anything({ withNullPrototype: true, withBigInt: true, withBoxedValues: true }),
      fc.dictionary(field, value),
      fc.record({ kubedeck: fc.oneof(fc.constant(1), value), type: fc.oneof(types, value) }, { requiredKeys: [] }).chain((base) => fc.dictionary(field, value).map((extra) => ({ ...extra, ...base }))),
    );
    fc.assert(
      fc.property(message, (msg) => {
        const parsed = parseCommand(msg);
        if (parsed.ok) return parsed.command.kubedeck === PROTOCOL_VERSION && typeof parsed.command.type === 'string';
        return ['malformed', 'unsupported-version'].includes(parsed.code) && parsed.message.length > 0 && parsed.message.length <= 200;
      }),
      { numRuns: 5_000 },
    );
  });

  it('tells kubedeck messages from other page traffic', () => {
    expect(isKubedeckMessage({ kubedeck: 1, type: 'play' })).toBe(true);
    expect(isKubedeckMessage({ namespace: 'reveal', eventName: 'slidechanged' })).toBe(false);
    expect(isKubedeckMessage('hello')).toBe(false);
  });
});

describe('embed protocol: allowed origins', () => {
  it('defaults to anyone and parses exact origins, dropping junk', () => {
    expect(parseOrigins(null)).toBe('*');
    expect(parseOrigins('*')).toBe('*');
    expect(parseOrigins(' * ')).toBe('*');
    // Empty allows no one: only an explicit * opens the embed to every page.
    expect(parseOrigins('')).toEqual(new Set());
    expect(parseOrigins(' , ')).toEqual(new Set());
    expect(originAllowed(parseOrigins(''), 'https://any.example')).toBe(false);
    const allowed = parseOrigins('https://slides.example.com, http://127.0.0.1:8000/, javascript:alert(1), https://a.example/path, null');
    expect(allowed).toEqual(new Set(['https://slides.example.com', 'http://127.0.0.1:8000', 'null']));
    expect(originAllowed(allowed, 'https://slides.example.com')).toBe(true);
    expect(originAllowed(allowed, 'https://evil.example')).toBe(false);
  });
});
