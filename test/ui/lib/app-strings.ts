/**
 * Every text the app can show, in both languages, gathered from its tables and from running every
 * scenario (defaults, each choice option, each flag flipped, an int's bounds): captions, activity
 * lines, titles, parameter labels, UI, export and embed strings, glossary and info cards. Used by
 * the Korean term test and the browser glyph test.
 */
import { SCENARIOS } from '../../../scenes/index.ts';
import { EMBED_STRINGS } from '../../../src/embed/strings.ts';
import type { Localized } from '../../../src/model/localized.ts';
import { runScenario } from '../../../src/sim/run.ts';
import type { ScenarioParams } from '../../../src/sim/scenario.ts';
import { COMPONENT_INFO } from '../../../src/ui/component-info.ts';
import { EXPORT_STRINGS } from '../../../src/ui/export-strings.ts';
import { GLOSSARY } from '../../../src/ui/glossary.ts';
import { fillPlaceholders, UI_STRINGS } from '../../../src/ui/i18n.ts';

export interface AppString {
  /** Where it comes from, for failure messages ("scenario node-drain", "ui badSpeed"). */
  readonly where: string;
  readonly en: string;
  readonly ko: string;
}

const isLocalized = (o: unknown): o is Localized =>
  typeof o === 'object' && o !== null && typeof (o as Localized).en === 'string' && typeof (o as Localized).ko === 'string';

/** Every {en, ko} pair anywhere inside `value`. */
export function localizedIn(value: unknown, where: string, out: AppString[] = [], seen = new Set<unknown>()): AppString[] {
  if (typeof value !== 'object' || value === null || seen.has(value)) return out;
  seen.add(value);
  if (isLocalized(value)) {
    out.push({ where, en: value.en, ko: value.ko });
    return out;
  }
  for (const child of Array.isArray(value) ? value : Object.values(value)) localizedIn(child, where, out, seen);
  return out;
}

/** Placeholders filled with a name like the app fills in ("worker-2"), so particles are resolved. */
const sample = (template: string): string => {
  const vars: Record<string, string> = {};
  for (const m of template.matchAll(/\{(\w+)(?::[^{}]+)?\}/g)) vars[m[1] ?? ''] = 'worker-2';
  return fillPlaceholders(template, vars);
};

function tables(): AppString[] {
  const out: AppString[] = [];
  for (const [key, s] of Object.entries(UI_STRINGS)) out.push({ where: `ui ${key}`, en: sample(s.en), ko: sample(s.ko) });
  for (const [key, s] of Object.entries(EXPORT_STRINGS)) out.push({ where: `export ${key}`, en: sample(s.en), ko: sample(s.ko) });
  for (const [key, s] of Object.entries(EMBED_STRINGS)) out.push({ where: `embed ${key}`, en: sample(s.en), ko: sample(s.ko) });
  for (const term of GLOSSARY) {
    localizedIn(term.definition, `glossary ${term.id}`, out);
    out.push({ where: `glossary ${term.id} forms`, en: term.forms.en.join(' '), ko: term.forms.ko.join(' ') });
  }
  for (const [kind, info] of Object.entries(COMPONENT_INFO)) localizedIn(info, `info card ${kind}`, out);
  return out;
}

/** The parameter sets worth running: defaults, each choice option, each flag flipped, int bounds. */
function paramVariants(def: (typeof SCENARIOS)[number]): ScenarioParams[] {
  const out: ScenarioParams[] = [{}];
  for (const p of def.params) {
    if (p.kind === 'choice') for (const o of p.options) if (o.value !== p.default) out.push({ [p.id]: o.value });
    if (p.kind === 'boolean') out.push({ [p.id]: !p.default });
    if (p.kind === 'int') out.push({ [p.id]: p.min }, { [p.id]: p.max });
  }
  return out;
}

function scenarios(): AppString[] {
  const out: AppString[] = [];
  for (const def of SCENARIOS) {
    localizedIn({ title: def.title, summary: def.summary, params: def.params }, `scenario ${def.id}`, out);
    for (const params of paramVariants(def)) {
      const where = `scenario ${def.id} ${JSON.stringify(params)}`;
      for (const e of runScenario(def, { params }).events) {
        if (e.kind === 'step') out.push({ where: `${where} step ${e.index + 1}`, en: e.caption.en, ko: e.caption.ko });
        else if (e.kind === 'activity') out.push({ where: `${where} activity`, en: e.label.en, ko: e.label.ko });
      }
    }
  }
  return out;
}

let cache: AppString[] | undefined;

/** Every string, deduplicated by text. */
export function appStrings(): readonly AppString[] {
  if (cache !== undefined) return cache;
  const seen = new Set<string>();
  cache = [...tables(), ...scenarios()].filter((s) => {
    const key = `${s.en}\n${s.ko}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return cache;
}
