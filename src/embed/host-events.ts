/**
 * The host's side of the protocol (src/embed/protocol.ts) without zod, so a host script such as
 * the reveal.js plugin stays a few KB: recognise the events an embed sends, and turn a forwarded
 * key back into a keyboard event for the host page.
 */
import type { Command, EmbedEvent, HostKey, PROTOCOL_VERSION } from './protocol.ts';

/** Checked against the protocol's version by the type system. */
export const VERSION: typeof PROTOCOL_VERSION = 1;

/** Legacy keyCodes of the forwarded keys (reveal.js and many decks still read `keyCode`). */
export const KEY_CODES: Readonly<Record<HostKey, number>> = {
  ArrowLeft: 37,
  ArrowUp: 38,
  ArrowRight: 39,
  ArrowDown: 40,
  PageUp: 33,
  PageDown: 34,
  ' ': 32,
  Home: 36,
  End: 35,
  Escape: 27,
  n: 78,
  p: 80,
  f: 70,
  o: 79,
  b: 66,
  '.': 190,
};

const STATUS_TYPES = new Set(['ready', 'stepchange', 'state', 'ended']);
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 100_000;
const isHostKey = (v: unknown): v is HostKey => typeof v === 'string' && Object.hasOwn(KEY_CODES, v);

export type StatusEvent = Extract<EmbedEvent, { type: 'ready' | 'stepchange' | 'state' | 'ended' }>;
export type KeyEvent = Extract<EmbedEvent, { type: 'key' }>;

/**
 * The event in `data` if it is one a host acts on (a status event or a forwarded key) of this
 * protocol version, else undefined. Only the fields a host reads are checked.
 */
export function parseHostEvent(data: unknown): StatusEvent | KeyEvent | undefined {
  if (!isRecord(data) || data['kubedeck'] !== VERSION || typeof data['type'] !== 'string') return undefined;
  if (STATUS_TYPES.has(data['type'])) {
    const { step, steps } = data;
    if (!isCount(step) || !isCount(steps) || (steps > 0 && step >= steps)) return undefined;
    return data as unknown as StatusEvent;
  }
  if (data['type'] === 'key' && isHostKey(data['key'])) {
    const flag = (name: string): boolean => data[name] === true;
    return { kubedeck: VERSION, type: 'key', key: data['key'], shift: flag('shift'), alt: flag('alt'), ctrl: flag('ctrl'), meta: flag('meta') };
  }
  return undefined;
}

/** A keydown for the host page that looks like the key the viewer pressed inside the embed. */
export function hostKeyboardEvent(event: KeyEvent): KeyboardEvent {
  const keyCode = KEY_CODES[event.key];
  const init = { key: event.key, keyCode, which: keyCode, shiftKey: event.shift, altKey: event.alt, ctrlKey: event.ctrl, metaKey: event.meta, bubbles: true, cancelable: true };
  const keyboard = new KeyboardEvent('keydown', init);
  // Browsers that ignore the legacy fields in the init dictionary leave keyCode at 0.
  if (keyboard.keyCode !== keyCode) {
    Object.defineProperty(keyboard, 'keyCode', { value: keyCode });
    Object.defineProperty(keyboard, 'which', { value: keyCode });
  }
  return keyboard;
}

/**
 * The origin to address an embed at `src` with: its own for http(s), else any (`*`): a file://
 * page's origin is opaque ("null") and cannot be named, though `new URL()` calls it "file://".
 */
export function targetOrigin(src: string, base: string): string {
  try {
    const url = new URL(src, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : '*';
  } catch {
    return '*';
  }
}

/** A command as the embed expects it. */
export function command(body: DistributiveOmit<Command, 'kubedeck'>): Command {
  return { kubedeck: VERSION, ...body } as Command;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
