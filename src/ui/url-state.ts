/**
 * The view a link reopens: scenario, step, language, theme, Kubernetes version and the
 * scenario's params. Parsing never throws: anything malformed becomes a default plus an issue the
 * UI shows in the current language.
 *
 * URL shape: ?scenario=pod-creation&step=3&lang=ko&theme=light&k8s=1.31&replicas=3
 * `step` is 1-based (what people read on screen); scenario params use their own ids.
 * The learner's commands (the sandbox's what-if) ride along as repeated `do=<ms>~<command>`.
 * A scenario file on the web: `file=<url>` in place of `scenario=` (its params and `do=` apply to
 * the file's scenario, once it is fetched: linkParams).
 */
import { checkK8sVersion, K8S_VERSIONS } from '../model/k8s/versions.ts';
import type { Lang } from '../model/localized.ts';
import type { ParamValue, ScenarioParam, ScenarioParams } from '../sim/scenario.ts';
import type { ScenarioAbout } from './ports.ts';
import type { StringKey } from './i18n.ts';
import { detectLang } from './i18n.ts';
import { linkTheme, systemTheme, type ThemeName } from './theme.ts';
import { DEFAULT_BACKGROUND, isBackgroundMode, type BackgroundMode } from '../render/background-mode.ts';
import type { TimedCommand } from '../sim/sandbox/timed-command.ts';
import { parseActions, serializeActions } from './url-actions.ts';

export { K8S_VERSIONS } from '../model/k8s/versions.ts';
export const RESERVED_KEYS = ['scenario', 'file', 'step', 'lang', 'theme', 'k8s', 'background', 'do'] as const;

export interface ViewState {
  readonly scenario: string;
  /** 0-based step index. */
  readonly step: number;
  readonly lang: Lang;
  readonly theme: ThemeName;
  readonly k8s: string;
  readonly params: ScenarioParams;
  /** Background traffic: quiet (default, left out of the link), hide or show. */
  readonly background?: BackgroundMode;
  /** The learner's commands, ascending in time (none: a plain run). */
  readonly actions?: readonly TimedCommand[];
  /** The scenario came from this `file=` link: the link names it instead of `scenario`. */
  readonly file?: string;
  /**
   * The scenario came from a file on this computer (opened or dropped): no link can reopen it, so
   * the link says only what holds for any scenario (lang, theme, k8s, background).
   */
  readonly localFile?: boolean;
}

export interface UrlIssue {
  readonly key: StringKey;
  readonly vars: Readonly<Record<string, string | number>>;
}

export interface ParsedUrl<S extends ScenarioAbout = ScenarioAbout> {
  readonly scenario: S;
  readonly lang: Lang;
  readonly theme: ThemeName;
  readonly k8s: string;
  readonly params: ScenarioParams;
  readonly background: BackgroundMode;
  /** The raw `step` value, checked later against the loaded trace (its step count). */
  readonly step: string | undefined;
  /** The learner's commands from `do=` (malformed ones dropped, each with an issue). */
  readonly actions: readonly TimedCommand[];
  readonly issues: readonly UrlIssue[];
  /** True when the scenario in the link was unknown, so the picker should open. */
  readonly openPicker: boolean;
  /** The raw `file=` value: a scenario file to fetch (checked by src/ui/story/file-link.ts); `scenario` is then the fallback. */
  readonly file: string | undefined;
}

export interface UrlDefaults<S extends ScenarioAbout = ScenarioAbout> {
  readonly scenarios: readonly S[];
  readonly scenario: string;
  readonly lang: Lang;
  readonly theme: ThemeName;
  readonly k8s: string;
}

/** The defaults a link falls back on in this browser: its language and colour scheme, the app's scenario and version. */
export function browserDefaults<S extends ScenarioAbout>(deps: { readonly scenarios: readonly S[]; readonly defaultScenario: string; readonly defaultK8s: string }): UrlDefaults<S> {
  return {
    scenarios: deps.scenarios,
    scenario: deps.defaultScenario,
    lang: detectLang(navigator.languages.length > 0 ? navigator.languages : [navigator.language]),
    theme: systemTheme(),
    k8s: deps.defaultK8s,
  };
}

/** Long or odd values are shortened before they are shown back to the user. */
export function clip(value: string, max = 40): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

export function defaultParams(def: ScenarioAbout): ScenarioParams {
  return Object.fromEntries(def.params.map((p) => [p.id, p.default]));
}

/** A param value from its URL text, or undefined when it is not valid for this param. */
export function parseParam(param: ScenarioParam, raw: string): ParamValue | undefined {
  switch (param.kind) {
    case 'int': {
      if (!/^-?\d{1,9}$/.test(raw.trim())) return undefined;
      const n = Number(raw.trim());
      return n >= param.min && n <= param.max ? n : undefined;
    }
    case 'boolean':
      if (raw === 'true' || raw === '1') return true;
      if (raw === 'false' || raw === '0') return false;
      return undefined;
    case 'choice':
      return param.options.some((o) => o.value === raw) ? raw : undefined;
  }
}

export function parseUrl<S extends ScenarioAbout>(search: string, defaults: UrlDefaults<S>): ParsedUrl<S> {
  const query = new URLSearchParams(search);
  const issues: UrlIssue[] = [];
  const fallback = defaults.scenarios.find((s) => s.id === defaults.scenario) ?? defaults.scenarios[0];
  if (!fallback) throw new Error('kubedeck needs at least one scenario');

  const rawFile = query.get('file');
  const file = rawFile !== null && rawFile.trim() !== '' ? rawFile.trim() : undefined;
  const rawScenario = query.get('scenario');
  let scenario = fallback;
  let openPicker = false;
  // file= wins over scenario=: the link names a file, the fallback shows only if it cannot be opened.
  if (rawScenario !== null && file === undefined) {
    const found = defaults.scenarios.find((s) => s.id === rawScenario);
    if (found) scenario = found;
    else {
      openPicker = true;
      issues.push({ key: 'unknownScenario', vars: { value: clip(rawScenario), fallback: fallback.id } });
    }
  }

  let lang = defaults.lang;
  const rawLang = query.get('lang');
  if (rawLang !== null) {
    if (rawLang === 'en' || rawLang === 'ko') lang = rawLang;
    else issues.push({ key: 'badLang', vars: { value: clip(rawLang) } });
  }

  let theme = defaults.theme;
  const rawTheme = query.get('theme');
  if (rawTheme !== null) {
    const named = linkTheme(rawTheme);
    if (named !== undefined) theme = named;
    else issues.push({ key: 'badTheme', vars: { value: clip(rawTheme) } });
  }

  let k8s = defaults.k8s;
  const rawK8s = query.get('k8s');
  if (rawK8s !== null) {
    const checked = checkK8sVersion(rawK8s);
    if (checked.ok) k8s = checked.version;
    else issues.push({ key: 'badVersion', vars: { value: clip(rawK8s), fallback: defaults.k8s, supported: K8S_VERSIONS.join(', ') } });
  }

  // A bad value falls back quietly: it only changes how faint routine traffic is drawn.
  const rawBackground = query.get('background');
  const background = rawBackground !== null && isBackgroundMode(rawBackground) ? rawBackground : DEFAULT_BACKGROUND;

  // Params only make sense for the scenario the link named (a file's: once it is fetched).
  const params = openPicker || file !== undefined ? defaultParams(scenario) : linkParams(query, scenario, issues);

  // Commands only make sense for the scenario the link named (its names, its timeline).
  const actions = openPicker ? [] : parseActions(query.getAll('do'), issues);

  return { scenario, lang, theme, k8s, params, background, step: query.get('step') ?? undefined, actions, issues, openPicker, file };
}

/** The link's values for `scenario`'s params (defaults for the rest); a bad value is an issue. */
export function linkParams(query: URLSearchParams, scenario: ScenarioAbout, issues: UrlIssue[]): ScenarioParams {
  const params: Record<string, ParamValue> = { ...defaultParams(scenario) };
  for (const param of scenario.params) {
    const raw = query.get(param.id);
    if (raw === null || (RESERVED_KEYS as readonly string[]).includes(param.id)) continue;
    const value = parseParam(param, raw);
    if (value === undefined) issues.push({ key: 'badParam', vars: { name: param.id, value: clip(raw), allowed: allowedValues(param), fallback: String(param.default) } });
    else params[param.id] = value;
  }
  return params;
}

/** What a param takes, as a bad link's notice says it: "30–210", "true, false", "zone, part". */
function allowedValues(param: ScenarioAbout['params'][number]): string {
  switch (param.kind) {
    case 'int':
      return `${param.min}–${param.max}`;
    case 'boolean':
      return 'true, false';
    case 'choice':
      return param.options.map((o) => o.value).join(', ');
  }
}

/** The 0-based step for a raw 1-based `step` value, or an issue when it is out of range. */
export function resolveStep(raw: string | undefined, stepCount: number): { step: number; issue?: UrlIssue } {
  if (raw === undefined) return { step: 0 };
  const n = /^\d{1,6}$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
  if (Number.isInteger(n) && n >= 1 && n <= stepCount) return { step: n - 1 };
  // Past the end (a shared what-if whose commands changed): the last step is the nearest to what was meant.
  if (Number.isInteger(n) && n > stepCount && stepCount > 0) return { step: stepCount - 1, issue: { key: 'stepPastEnd', vars: { value: clip(raw), max: stepCount } } };
  return { step: 0, issue: { key: 'badStep', vars: { value: clip(raw), max: stepCount } } };
}

export function serializeView(view: ViewState): string {
  const query = new URLSearchParams();
  const background = view.background !== undefined && view.background !== DEFAULT_BACKGROUND ? view.background : undefined;
  if (view.localFile === true) {
    // A step, params or commands would name the local file's scenario, which the link cannot reopen.
    query.set('lang', view.lang);
    query.set('theme', view.theme);
    query.set('k8s', view.k8s);
    if (background) query.set('background', background);
    return `?${query.toString()}`;
  }
  if (view.file !== undefined) query.set('file', view.file);
  else query.set('scenario', view.scenario);
  query.set('step', String(view.step + 1));
  query.set('lang', view.lang);
  query.set('theme', view.theme);
  query.set('k8s', view.k8s);
  if (background) query.set('background', background);
  for (const [id, value] of Object.entries(view.params)) {
    if (!(RESERVED_KEYS as readonly string[]).includes(id)) query.set(id, String(value));
  }
  for (const raw of serializeActions(view.actions ?? [])) query.append('do', raw);
  return `?${query.toString()}`;
}
