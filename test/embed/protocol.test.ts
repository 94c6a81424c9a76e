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
    const allowed = parseOrigins('https://slides.example.com, http://127.0.0.1:8000/, javascript:alert(1), https://a.example/path, null');
    expect(allowed).toEqual(new Set(['https://slides.example.com', 'http://127.0.0.1:8000', 'null']));
    expect(originAllowed(allowed, 'https://slides.example.com')).toBe(true);
    expect(originAllowed(allowed, 'https://evil.example')).toBe(false);
  });
});
