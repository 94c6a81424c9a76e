/**
 * The embed's side of the postMessage protocol (protocol.ts): listens for commands, drops other
 * page traffic silently, refuses senders outside the allowlist and malformed commands with an
 * `error` event (never executing them), and posts events to the host.
 *
 * Where events go: answers to a command (its `error`, the `state` for getState) go back to the
 * window that sent it; everything else (ready, stepchange, ended, key) goes to window.parent,
 * addressed to the single allowed origin when the embed is restricted to one, else to '*'
 * (events carry no secrets).
 */
import { isKubedeckMessage, originAllowed, parseCommand, PROTOCOL_VERSION, type Command, type EmbedEvent, type ErrorCode } from './protocol.ts';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An event without its version field (the link adds it). */
export type EventBody = DistributiveOmit<EmbedEvent, 'kubedeck'>;

export interface Reply {
  /** Answer the sender of the command being handled. */
  send(event: EventBody): void;
  error(code: ErrorCode, message: string): void;
}

export interface HostLink {
  /** Post an event to the host page (no-op when the embed is not framed). */
  broadcast(event: EventBody): void;
  destroy(): void;
}

/** Where broadcast events are addressed: the one allowed origin, or anyone. */
export function broadcastOrigin(allowed: ReadonlySet<string> | '*'): string {
  if (allowed === '*' || allowed.size !== 1) return '*';
  const [only] = allowed;
  // A file:// host has origin "null", which postMessage cannot address.
  return only === undefined || only === 'null' ? '*' : only;
}

export function connectHost(win: Window, allowed: ReadonlySet<string> | '*', onCommand: (command: Command, reply: Reply) => void): HostLink {
  const post = (target: MessageEventSource | null, origin: string, event: EventBody): void => {
    if (!target || target === win) return;
    const message = { ...event, kubedeck: PROTOCOL_VERSION };
    try {
      // A MessagePort or ServiceWorker source has no targetOrigin argument.
      if ('window' in target) target.postMessage(message, origin);
      else target.postMessage(message);
    } catch {
      // A host that went away, or an origin that does not match any more: nothing to tell.
    }
  };

  const onMessage = (message: MessageEvent<unknown>): void => {
    try {
      receive(message);
    } catch {
      // parseCommand and the reply never throw; this keeps it so for whatever a page posts.
    }
  };

  const receive = (message: MessageEvent<unknown>): void => {
    if (!isKubedeckMessage(message.data)) return;
    // Our own broadcasts when the embed is not framed (parent === window) are not commands.
    if (message.source === win) return;
    const replyOrigin = message.origin === 'null' || message.origin === '' ? '*' : message.origin;
    const parsed = parseCommand(message.data);
    const id = parsed.ok ? parsed.command.id : parsed.id;
    const reply: Reply = {
      send: (event) => post(message.source, replyOrigin, event),
      error: (code, text) => post(message.source, replyOrigin, { type: 'error', code, message: text, ...(id === undefined ? {} : { id }) }),
    };
    if (!originAllowed(allowed, message.origin)) {
      reply.error('origin', `origin ${message.origin.slice(0, 100)} may not control this embed`);
      return;
    }
    if (!parsed.ok) {
      reply.error(parsed.code, parsed.message);
      return;
    }
    try {
      onCommand(parsed.command, reply);
    } catch (error) {
      // A command must never take the embed down; the host hears what went wrong.
      reply.error('internal', (error instanceof Error ? error.message : String(error)).slice(0, 200));
    }
  };

  win.addEventListener('message', onMessage);
  return {
    broadcast(event) {
      if (win.parent === win) return;
      post(win.parent, broadcastOrigin(allowed), event);
    },
    destroy() {
      win.removeEventListener('message', onMessage);
    },
  };
}
