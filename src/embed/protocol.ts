/**
 * The postMessage protocol between a page that embeds kubedeck (the host) and the embedded player
 * (an iframe of embed.html, or the frame inside <kube-deck>). Both sides import this file; the
 * reveal.js plugin and the custom element speak it too.
 *
 * Every message is a plain object `{ kubedeck: PROTOCOL_VERSION, type, ... }`. The `kubedeck`
 * field tells our messages apart from the many others a page receives (reveal.js, extensions).
 * The embed validates each command with `parseCommand`; anything malformed or unknown is never
 * executed and is answered with an `error` event. A command may carry an `id`, echoed in the
 * `error` it causes, so a host can match failures to its requests.
 *
 * Steps are 0-based here (the URL's `step` is 1-based because people read it).
 */
// zod without eval (CSP) before this module builds its schemas, whoever loads it first.
import '../zod-jitless.ts';
import { z } from 'zod';

export const PROTOCOL_VERSION = 1;

/**
 * Every command the embed accepts. Built in one pure expression so a bundle that only needs the
 * protocol's types and constants (kube-deck.js, a deck plugin) leaves zod out.
 */
export const CommandSchema = /* @__PURE__ */ (() => {
  const base = { kubedeck: z.literal(PROTOCOL_VERSION), id: z.string().max(64).optional() };

  const LangSchema = z.enum(['en', 'ko']);
  const ThemeSchema = z.enum(['dark', 'light', 'contrast']);
  /** Speeds the player offers (SPEEDS in src/timeline/player-api.ts). */
  const SpeedSchema = z.union([z.literal(0.25), z.literal(0.5), z.literal(1), z.literal(1.5), z.literal(2), z.literal(4)]);
  const ScenarioIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);
  const ParamValueSchema = z.union([z.string().max(64), z.number().finite(), z.boolean()]);

  return z.discriminatedUnion('type', [
    z.strictObject({ ...base, type: z.literal('play') }),
    z.strictObject({ ...base, type: z.literal('pause') }),
    z.strictObject({ ...base, type: z.literal('toggle') }),
    /** Next narration step (pauses). */
    z.strictObject({ ...base, type: z.literal('step') }),
    /** Start of the current step, or the previous one when already at its start (pauses). */
    z.strictObject({ ...base, type: z.literal('back') }),
    /** Presentation time in seconds, clamped to the scenario. */
    z.strictObject({ ...base, type: z.literal('seek'), time: z.number().finite().min(0) }),
    /** `play: true` plays the step through and pauses at its end (a presenter's "next"). */
    z.strictObject({ ...base, type: z.literal('goto'), step: z.number().int().min(0).max(10_000), play: z.boolean().optional() }),
    z.strictObject({ ...base, type: z.literal('speed'), speed: SpeedSchema }),
    z.strictObject({ ...base, type: z.literal('loop'), loop: z.boolean() }),
    z.strictObject({ ...base, type: z.literal('lang'), lang: LangSchema }),
    z.strictObject({ ...base, type: z.literal('theme'), theme: ThemeSchema }),
    z.strictObject({
      ...base,
      type: z.literal('load'),
      scenario: ScenarioIdSchema,
      // The shape only; validateLoad checks it against K8S_VERSIONS ("1.35.2" names 1.35).
      k8s: z.string().regex(/^v?1\.\d{1,3}(\.\d{1,4})?$/).optional(),
      step: z.number().int().min(0).max(10_000).optional(),
      params: z.record(z.string().regex(/^[a-zA-Z0-9-]{1,32}$/), ParamValueSchema).optional(),
    }),
    /** Ask for a `state` event now. */
    z.strictObject({ ...base, type: z.literal('getState') }),
  ]);
})();

export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];

/** What the embed reports about the player; sent with ready, stepchange, state and ended. */
export interface EmbedStatus {
  readonly scenario: string;
  /** 0-based step shown now. */
  readonly step: number;
  readonly steps: number;
  /** Presentation time (s) and total duration (s) at 1x. */
  readonly time: number;
  readonly duration: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly lang: 'en' | 'ko';
  readonly theme: 'dark' | 'light' | 'contrast';
}

export type ErrorCode =
  | 'malformed' // not a valid command of this protocol version
  | 'unsupported-version'
  | 'origin' // the sender's origin is not allowed to control this embed
  | 'unknown-scenario'
  | 'bad-params'
  | 'load-failed'
  | 'not-ready' // a player command before a scenario is loaded
  | 'out-of-range' // goto a step the scenario does not have (nothing changes)
  | 'rate-limited' // more commands than the embed takes per second (this one is dropped)
  | 'internal'; // the embed failed to carry out a valid command (nothing changes)

type EventBase = { readonly kubedeck: typeof PROTOCOL_VERSION };

export type EmbedEvent =
  | (EventBase & { readonly type: 'ready' } & EmbedStatus)
  | (EventBase & { readonly type: 'stepchange' } & EmbedStatus)
  | (EventBase & { readonly type: 'state' } & EmbedStatus)
  | (EventBase & { readonly type: 'ended' } & EmbedStatus)
  | (EventBase & { readonly type: 'error'; readonly code: ErrorCode; readonly message: string; readonly id?: string })
  /**
   * A navigation key pressed while the embed had focus, forwarded instead of handled when the
   * embed runs with `keys=host` (slides: the deck keeps its arrow keys after a click into the frame).
   */
  | (EventBase & { readonly type: 'key'; readonly key: HostKey; readonly shift: boolean; readonly alt: boolean; readonly ctrl: boolean; readonly meta: boolean });

/** Keys forwarded to the host with `keys=host`: what decks navigate with. */
export const HOST_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', ' ', 'Home', 'End', 'Escape', 'n', 'p', 'f', 'o', 'b', '.'] as const;
export type HostKey = (typeof HOST_KEYS)[number];

export type EmbedEventType = EmbedEvent['type'];

export type ParsedCommand =
  | { readonly ok: true; readonly command: Command }
  | { readonly ok: false; readonly code: 'malformed' | 'unsupported-version'; readonly message: string; readonly id?: string };

/** True for anything that claims to be a kubedeck message (any version); other traffic is ignored silently. */
export function isKubedeckMessage(data: unknown): data is { readonly kubedeck: unknown } {
  return typeof data === 'object' && data !== null && !Array.isArray(data) && 'kubedeck' in data;
}

/**
 * A value from a message, for an error text: a number, string or boolean as it is (cut), anything
 * else by its kind. Never calls into the value (`{toString: 1}` would throw in String()).
 */
function describe(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.slice(0, 16));
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

/** Validate a message claimed to be a command. Never throws, whatever the message holds. */
export function parseCommand(data: unknown): ParsedCommand {
  const id = idOf(data);
  const withId = id === undefined ? {} : { id };
  try {
    if (isKubedeckMessage(data) && data.kubedeck !== PROTOCOL_VERSION) {
      return { ok: false, code: 'unsupported-version', message: `protocol version ${describe(data.kubedeck)} is not supported (this embed speaks ${PROTOCOL_VERSION})`, ...withId };
    }
    const result = CommandSchema.safeParse(data);
    if (result.success) return { ok: true, command: result.data };
    const issue = result.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.map((part) => (typeof part === 'symbol' ? 'symbol' : String(part).slice(0, 32))).join('.')}` : '';
    return { ok: false, code: 'malformed', message: `malformed command${where}: ${issue?.message ?? 'invalid'}`.slice(0, 200), ...withId };
  } catch {
    // Belt and braces: whatever a validator trips over is a malformed command, never an exception.
    return { ok: false, code: 'malformed', message: 'malformed command', ...withId };
  }
}

function idOf(data: unknown): string | undefined {
  try {
    if (typeof data !== 'object' || data === null || !('id' in data)) return undefined;
    const id = data.id;
    return typeof id === 'string' && id.length <= 64 ? id : undefined;
  } catch {
    return undefined; // a getter or a proxy (same-window callers): no id
  }
}

/**
 * Origins allowed to control an embed, from the `origins` parameter: a comma-separated list of
 * exact origins (`https://slides.example.com`) or `*` (also the default when there is no
 * parameter: anyone who can frame it). An empty `origins=` allows no one (it used to allow
 * everyone, silently): only `*` opens the embed to all. `null` is the opaque origin of file://
 * pages and of any sandboxed frame; it is admitted only when listed (params.ts warns about it).
 * Malformed entries are dropped; an empty result allows no one.
 */
export function parseOrigins(value: string | null | undefined): ReadonlySet<string> | '*' {
  if (value === null || value === undefined || value.trim() === '*') return '*';
  const origins = new Set<string>();
  for (const raw of value.split(',')) {
    const candidate = raw.trim();
    if (candidate === 'null') {
      origins.add('null'); // file:// hosts (a deck opened from disk) post with origin "null"
      continue;
    }
    try {
      const url = new URL(candidate);
      if (url.origin !== 'null' && url.origin === candidate.replace(/\/$/, '')) origins.add(url.origin);
    } catch {
      // not a URL: dropped
    }
  }
  return origins;
}

export function originAllowed(allowed: ReadonlySet<string> | '*', origin: string): boolean {
  return allowed === '*' || allowed.has(origin);
}
