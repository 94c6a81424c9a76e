/**
 * Reads Kubernetes JSON or YAML text into plain objects: a single object, a List
 * (`kind: List` or `kind: NodeList`... with `items`, as `kubectl get nodes -o json` prints) or a
 * multi-document YAML stream. Each object comes with the path prefix used in error messages.
 */
import { parseAllDocuments } from 'yaml';
import { cut } from '../shown-value.ts';
import { ManifestError } from './errors.ts';

export interface RawObject {
  readonly value: unknown;
  /** "" for a lone object, "items[2]" inside a List, "document 2" in a YAML stream. */
  readonly path: string;
}

function lineColumn(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `line ${line} column ${col}`;
}

/** Where the YAML parser (a JSON superset) first trips, for JSON errors whose message has no position. */
function yamlErrorPosition(text: string): string {
  try {
    for (const doc of parseAllDocuments(text)) {
      const pos = doc.errors[0]?.linePos?.[0];
      if (pos !== undefined) return `line ${pos.line} column ${pos.col}`;
    }
  } catch {
    // no position then
  }
  return '';
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    if (e instanceof RangeError) throw new ManifestError(file, '', 'invalid JSON: nested too deeply');
    const message = cut(e instanceof Error ? e.message : String(e), 200);
    const m = /at position (\d+)/.exec(message);
    const where = m?.[1] === undefined ? yamlErrorPosition(text) : lineColumn(text, Number(m[1]));
    const detail = message.replace(/ in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/s, '');
    throw new ManifestError(file, where, `invalid JSON: ${detail}`);
  }
}

/** The first line of a library's error, cut: what the one-line message says after "invalid YAML:". */
function libraryReason(e: unknown): string {
  // A document nested thousands deep overflows the stack of the parser or of toJS.
  const message = e instanceof Error ? e.message : String(e);
  if (e instanceof RangeError || /call stack/i.test(message)) return 'nested too deeply';
  return cut(message.split('\n')[0] ?? '', 120);
}

function parseYaml(text: string, file: string): unknown[] {
  let docs: ReturnType<typeof parseAllDocuments>;
  try {
    docs = parseAllDocuments(text);
  } catch (e) {
    throw new ManifestError(file, '', `invalid YAML: ${libraryReason(e)}`);
  }
  const out: unknown[] = [];
  docs.forEach((doc, d) => {
    const err = doc.errors[0];
    if (err !== undefined) {
      const pos = err.linePos?.[0];
      const where = pos === undefined ? '' : `line ${pos.line} column ${pos.col}`;
      const first = (err.message.split('\n')[0] ?? err.code).replace(/ at line \d+, column \d+:?$/, '');
      throw new ManifestError(file, where, `invalid YAML: ${/call stack/i.test(first) ? 'nested too deeply' : cut(first, 120)}`);
    }
    try {
      // toJS throws on alias bombs ("Excessive alias count", more than 100 aliases) and deep nesting.
      out.push(doc.toJS({ maxAliasCount: 100 }));
    } catch (e) {
      throw new ManifestError(file, docs.length > 1 ? `document ${d + 1}` : '', `invalid YAML: ${libraryReason(e)}`);
    }
  });
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isList(v: unknown): v is Record<string, unknown> & { items: unknown } {
  return isRecord(v) && typeof v.kind === 'string' && v.kind.endsWith('List') && 'items' in v;
}

/** Every object in the file, Lists flattened. Empty YAML documents are skipped. */
export function readObjects(text: string, file: string): RawObject[] {
  const trimmed = text.trimStart();
  // JSON unless it is a YAML stream of documents (which may themselves be written as JSON).
  const json = (trimmed.startsWith('{') || trimmed.startsWith('[')) && !/^---/m.test(text);
  const docs = json ? [parseJson(text, file)] : parseYaml(text, file);
  const present = docs.filter((d) => d !== null && d !== undefined);
  const out: RawObject[] = [];
  present.forEach((doc, d) => {
    const prefix = present.length > 1 ? `document ${d + 1}` : '';
    if (isList(doc)) {
      if (!Array.isArray(doc.items)) throw new ManifestError(file, prefix === '' ? 'items' : `${prefix}: items`, 'expected a list');
      doc.items.forEach((item: unknown, i: number) => out.push({ value: item, path: `${prefix === '' ? '' : `${prefix}: `}items[${i}]` }));
    } else if (Array.isArray(doc)) {
      doc.forEach((item: unknown, i: number) => out.push({ value: item, path: `${prefix === '' ? '' : `${prefix}: `}[${i}]` }));
    } else {
      out.push({ value: doc, path: prefix });
    }
  });
  return out;
}
