/**
 * `keys=host`: navigation keys pressed inside the frame go to the host page as `key` events
 * instead of driving the embed, so a deck keeps its arrows after a click into the frame.
 */
import { HOST_KEYS, type HostKey } from './protocol.ts';

export interface ForwardedKey {
  readonly key: HostKey;
  readonly shift: boolean;
  readonly alt: boolean;
  readonly ctrl: boolean;
  readonly meta: boolean;
}

const isHostKey = (key: string): key is HostKey => (HOST_KEYS as readonly string[]).includes(key);

/** The key to forward for a key press, or undefined to leave it alone (browser shortcuts, typing into a field). */
export function hostKeyFor(event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>): ForwardedKey | undefined {
  if (event.ctrlKey || event.metaKey || !isHostKey(event.key)) return undefined;
  const target = event.target;
  if (target instanceof HTMLElement) {
    const typing = target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && target.type !== 'range') || target.isContentEditable;
    if (typing) return undefined;
  }
  return { key: event.key, shift: event.shiftKey, alt: event.altKey, ctrl: event.ctrlKey, meta: event.metaKey };
}

/** Listens before the embed's own keyboard handling and swallows the keys it forwards. */
export function forwardKeys(win: Window, send: (key: ForwardedKey) => void): () => void {
  const onKey = (event: KeyboardEvent): void => {
    const key = hostKeyFor(event);
    if (!key) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    send(key);
  };
  win.addEventListener('keydown', onKey, { capture: true });
  return () => win.removeEventListener('keydown', onKey, { capture: true });
}
