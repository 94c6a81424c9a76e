/**
 * The embed's link: everything the app's link has (scenario, step, lang, theme, k8s, the
 * scenario's params: parsed by src/ui/url-state.ts) plus how the frame behaves in a page:
 *
 *   embed.html?scenario=pod-creation&step=2&autoplay&controls=minimal&speed=1.5&loop
 *             &origins=https://slides.example.com&keys=host
 *
 * `file=<url>` in place of `scenario=` plays a scenario file (same origin, or one the page allows:
 * src/ui/story/file-link.ts); why it could not be opened is a `file` issue.
 *
 * Parsing never throws: a bad value falls back to its default and becomes an issue the embed
 * shows (and reports to the host as an `error` event with code 'bad-params').
 */
import { parseOrigins } from './protocol.ts';
import type { FileProblem } from '../ui/story/file-problem.ts';
import { SPEEDS } from '../timeline/player-api.ts';
import { clip, parseUrl, type ParsedUrl, type UrlDefaults, type UrlIssue } from '../ui/url-state.ts';
import type { ScenarioAbout } from '../ui/ports.ts';

export const CONTROLS = ['full', 'minimal', 'none'] as const;
export type ControlsMode = (typeof CONTROLS)[number];

/** Who handles navigation keys pressed inside the frame: the embed itself, or the host page (decks). */
export type KeysMode = 'embed' | 'host';

export type EmbedIssueKey = 'badControls' | 'badSpeed' | 'badFlag' | 'badKeys' | 'badOrigins' | 'emptyOrigins' | 'nullOrigin';

export type EmbedIssue =
  | { readonly source: 'url'; readonly issue: UrlIssue }
  | { readonly source: 'embed'; readonly key: EmbedIssueKey; readonly vars: Readonly<Record<string, string>> }
  /** The `file=` link could not be opened (refused, not found, a bad file): checked when it is fetched. */
  | { readonly source: 'file'; readonly problem: FileProblem };

export interface EmbedParams<S extends ScenarioAbout = ScenarioAbout> {
  /** The app-level view (scenario, lang, theme, k8s, params, raw step). Its issues are in `issues`. */
  readonly view: ParsedUrl<S>;
  readonly autoplay: boolean;
  readonly controls: ControlsMode;
  readonly speed: number;
  readonly loop: boolean;
  readonly keys: KeysMode;
  /** Origins allowed to send commands (`*`: anyone; an empty set: no one). */
  readonly origins: ReadonlySet<string> | '*';
  readonly issues: readonly EmbedIssue[];
}


/** A presence flag: `autoplay`, `autoplay=1` and `autoplay=true` are on, `0`/`false` off. */
function flag(query: URLSearchParams, name: string, issues: EmbedIssue[]): boolean {
  const raw = query.get(name);
  if (raw === null) return false;
  if (raw === '' || raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  issues.push({ source: 'embed', key: 'badFlag', vars: { name, value: clip(raw) } });
  return false;
}

export function parseEmbedParams<S extends ScenarioAbout>(search: string, defaults: UrlDefaults<S>): EmbedParams<S> {
  const query = new URLSearchParams(search);
  const view = parseUrl(search, defaults);
  const issues: EmbedIssue[] = view.issues.map((issue) => ({ source: 'url', issue }));

  let controls: ControlsMode = 'full';
  const rawControls = query.get('controls');
  if (rawControls !== null) {
    const found = CONTROLS.find((c) => c === rawControls);
    if (found) controls = found;
    else issues.push({ source: 'embed', key: 'badControls', vars: { value: clip(rawControls) } });
  }

  let speed = 1;
  const rawSpeed = query.get('speed');
  if (rawSpeed !== null) {
    const n = Number(rawSpeed.replace(/x$/i, ''));
    const found = SPEEDS.find((s) => s === n);
    if (rawSpeed.trim() !== '' && found !== undefined) speed = found;
    else issues.push({ source: 'embed', key: 'badSpeed', vars: { value: clip(rawSpeed) } });
  }

  let keys: KeysMode = 'embed';
  const rawKeys = query.get('keys');
  if (rawKeys !== null) {
    if (rawKeys === 'host' || rawKeys === 'embed') keys = rawKeys;
    else issues.push({ source: 'embed', key: 'badKeys', vars: { value: clip(rawKeys) } });
  }

  const rawOrigins = query.get('origins');
  const origins = parseOrigins(rawOrigins);
  if (rawOrigins !== null && origins !== '*') {
    const given = rawOrigins.split(',').filter((o) => o.trim() !== '').length;
    // An empty list locks everyone out (only `*` opens the embed to all): say so.
    if (given === 0) issues.push({ source: 'embed', key: 'emptyOrigins', vars: {} });
    // Dropped entries lock out a host that meant to be allowed: say so.
    else if (origins.size < given) issues.push({ source: 'embed', key: 'badOrigins', vars: { value: clip(rawOrigins) } });
    // "null" is every file:// page and every sandboxed frame, not one deck: a warning.
    if (origins.has('null')) issues.push({ source: 'embed', key: 'nullOrigin', vars: {} });
  }

  return {
    view,
    autoplay: flag(query, 'autoplay', issues),
    controls,
    speed,
    loop: flag(query, 'loop', issues),
    keys,
    origins,
    issues,
  };
}
