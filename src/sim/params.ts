/** Resolves a scenario's inputs from user-supplied values (URL, CLI), with clear errors. */
import { shownValue } from '../model/shown-value.ts';
import type { ParamValue, ScenarioDefinition, ScenarioParams } from './scenario.ts';

/** A whole number from text in decimal only ("0x3", "1e1" and "" are not numbers of replicas). */
const integerOf = (raw: ParamValue): number => (typeof raw === 'number' ? raw : /^\s*-?\d{1,16}\s*$/.test(String(raw)) ? Number(String(raw).trim()) : Number.NaN);

export class ScenarioInputError extends Error {
  override readonly name = 'ScenarioInputError';
}

/** Accepts strings (from a URL or a command line) or typed values; unknown names are errors. */
export function resolveParams(def: ScenarioDefinition, given: Readonly<Record<string, ParamValue>> = {}): ScenarioParams {
  const out: Record<string, ParamValue> = {};
  for (const name of Object.keys(given)) {
    if (!def.params.some((p) => p.id === name)) throw new ScenarioInputError(`scenario "${def.id}" has no parameter ${shownValue(name)} (it has: ${def.params.map((p) => p.id).join(', ') || 'none'})`);
  }
  for (const p of def.params) {
    const raw = given[p.id];
    if (raw === undefined) {
      out[p.id] = p.default;
      continue;
    }
    switch (p.kind) {
      case 'int': {
        const n = integerOf(raw);
        if (!Number.isInteger(n) || n < p.min || n > p.max) throw new ScenarioInputError(`${p.id}: expected a whole number from ${p.min} to ${p.max}, got ${shownValue(String(raw))}`);
        out[p.id] = n;
        break;
      }
      case 'boolean': {
        const s = String(raw).trim().toLowerCase();
        if (!['true', 'false', '1', '0', 'yes', 'no'].includes(s)) throw new ScenarioInputError(`${p.id}: expected true or false, got ${shownValue(String(raw))}`);
        out[p.id] = ['true', '1', 'yes'].includes(s);
        break;
      }
      case 'choice': {
        const s = String(raw).trim();
        if (!p.options.some((o) => o.value === s)) throw new ScenarioInputError(`${p.id}: expected one of ${p.options.map((o) => o.value).join(', ')}, got ${shownValue(s)}`);
        out[p.id] = s;
        break;
      }
    }
  }
  return out;
}
