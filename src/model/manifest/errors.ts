import { shownValue } from '../shown-value.ts';

/** A user-facing manifest error: one line naming the file and the field path or the position. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  constructor(
    readonly file: string,
    /** "items[1].status.allocatable.cpu" or "line 3 column 5"; empty when the whole file is at fault. */
    readonly where: string,
    readonly detail: string,
  ) {
    super(where === '' ? `${file}: ${detail}` : `${file}: ${where}: ${detail}`);
  }
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** ["items", 1, "status", "allocatable", "nvidia.com/gpu"] -> items[1].status.allocatable["nvidia.com/gpu"] */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      if (PLAIN_KEY.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${shownValue(key)}]`;
    }
  }
  return out;
}

/** Joins an object's location ("items[1]", "document 2") with a field path inside it. */
export function joinPath(prefix: string, rest: string): string {
  if (prefix === '' || rest === '') return prefix + rest;
  if (!prefix.endsWith(']')) return `${prefix}: ${rest}`;
  return rest.startsWith('[') ? `${prefix}${rest}` : `${prefix}.${rest}`;
}
