// Value checks kubectl (or the API server's validation, which kubectl then prints) applies to what
// the learner types: label and taint specs, object names, ports and durations.
import type { LabelPair, TaintEffect, TaintToAdd, TaintToRemove } from './actions.ts';
import { fail } from './command-error.ts';
import { invalidDuration, invalidLabelSpec, invalidTaintEffect, invalidTaintSpec } from './errors.ts';

// k8s.io/apimachinery pkg/util/validation/validation.go
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** A label key: an optional DNS subdomain prefix and a name of at most 63 characters (IsQualifiedName). */
export function isQualifiedName(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const name = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix))) return false;
  return name.length <= 63 && QUALIFIED_NAME_PART.test(name);
}

export function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && DNS1123_SUBDOMAIN.test(name);
}

export function isDns1035Label(name: string): boolean {
  return name.length <= 63 && DNS1035_LABEL.test(name);
}

export function isPort(port: number): boolean {
  return Number.isInteger(port) && port >= 1 && port <= 65535;
}

const EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function taintEffect(effect: string): TaintEffect {
  const known = EFFECTS.find((e) => e === effect);
  return known ?? fail(invalidTaintEffect(effect));
}

/** A taint argument as kubectl's parseTaints reads it: `key=value:Effect`, `key:Effect`, `key:Effect-`, `key-`. */
export function parseTaintSpec(spec: string): { readonly add: TaintToAdd } | { readonly remove: TaintToRemove } {
  if (spec.endsWith('-')) {
    const body = spec.slice(0, -1);
    const colon = body.indexOf(':');
    const key = colon < 0 ? body : body.slice(0, colon);
    if (!isQualifiedName(key)) fail(invalidTaintSpec(spec));
    return { remove: colon < 0 ? { key } : { key, effect: taintEffect(body.slice(colon + 1)) } };
  }
  const parts = spec.split(':');
  if (parts.length !== 2) fail(invalidTaintSpec(spec));
  const [keyValue = '', effect = ''] = parts;
  const kv = keyValue.split('=');
  if (kv.length > 2) fail(invalidTaintSpec(spec));
  const [key = '', value = ''] = kv;
  if (!isQualifiedName(key) || !isLabelValue(value)) fail(invalidTaintSpec(spec));
  return { add: { key, value, effect: taintEffect(effect) } };
}

/** Adds or replaces a pair, keeping the first position of a key a later pair overrides (a map in kubectl). */
export function withLabel(pairs: readonly LabelPair[], pair: LabelPair): LabelPair[] {
  return pairs.some((p) => p.key === pair.key) ? pairs.map((p) => (p.key === pair.key ? pair : p)) : [...pairs, pair];
}

/** A label key, checked as the API server would before kubectl's request gets anywhere. */
export function checkedLabelKey(key: string, spec: string): string {
  return isQualifiedName(key) ? key : fail(invalidLabelSpec(spec));
}

const DURATION = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;

/** `wait`'s duration in whole seconds: `30` (seconds), `30s`, `2m`, `1m30s`, `1h`; more than zero. */
export function parseDuration(typed: string): number {
  let seconds: number | undefined;
  if (/^\d+$/.test(typed)) seconds = Number(typed);
  else {
    const match = DURATION.exec(typed);
    if (match !== null && typed !== '') {
      const [, h = '0', m = '0', s = '0'] = match;
      seconds = Number(h) * 3600 + Number(m) * 60 + Number(s);
    }
  }
  if (seconds === undefined || !Number.isSafeInteger(seconds) || seconds <= 0) return fail(invalidDuration(typed));
  return seconds;
}

/** Seconds written back the way a learner would: 45s, 2m, 1m30s, 1h5m. */
export function formatDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${m > 0 ? `${m}m` : ''}${s > 0 ? `${s}s` : ''}`;
}
