/**
 * Which source module each byte of a built chunk came from, read from the chunk's source map
 * (Source Map v3 "mappings": base64 VLQ). A byte belongs to the mapping segment it falls in; the
 * bytes before a line's first segment, and the newlines, count as `(unmapped)`.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/** One VLQ-encoded segment's fields ("AAAA" -> [0, 0, 0, 0]). */
export function decodeSegment(text: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const c of text) {
    const digit = DIGIT.get(c);
    if (digit === undefined) throw new Error(`not a base64 VLQ digit: ${c}`);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export interface SourceMapV3 {
  readonly sources: readonly string[];
  readonly mappings: string;
}

export const UNMAPPED = '(unmapped)';

/**
 * Bytes of `code` per source (as the map names it), and the text of each source's bytes (so it
 * can be gzipped on its own). Columns in a map count UTF-16 units; bytes are UTF-8.
 */
export function bytesBySource(code: string, map: SourceMapV3): Map<string, { bytes: number; text: string[] }> {
  const out = new Map<string, { bytes: number; text: string[] }>();
  const add = (source: string, text: string): void => {
    if (text.length === 0) return;
    const entry = out.get(source) ?? { bytes: 0, text: [] };
    entry.bytes += Buffer.byteLength(text);
    entry.text.push(text);
    out.set(source, entry);
  };
  const lines = code.split('\n');
  const groups = map.mappings.split(';');
  let sourceIndex = 0;
  lines.forEach((line, l) => {
    const segments = (groups[l] ?? '').split(',').filter((s) => s.length > 0);
    let column = 0;
    const starts: { column: number; source: string }[] = [];
    for (const segment of segments) {
      const fields = decodeSegment(segment);
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        sourceIndex += fields[1] ?? 0;
        starts.push({ column, source: map.sources[sourceIndex] ?? UNMAPPED });
      } else starts.push({ column, source: UNMAPPED });
    }
    add(UNMAPPED, line.slice(0, starts[0]?.column ?? line.length) + (l < lines.length - 1 ? '\n' : ''));
    starts.forEach((s, i) => add(s.source, line.slice(s.column, starts[i + 1]?.column ?? line.length)));
  });
  return out;
}

/**
 * A module's group for the summary: its npm package (pixi.js by its folder under lib/, the library
 * is half the load), or its folder under src/ or scenes/. `source` is relative to the repo.
 */
export function groupOf(source: string): string {
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/lib\/([^/]+)\/)?/.exec(source);
  if (pkg?.[1]) return pkg[1] === 'pixi.js' && pkg[2] ? `pixi.js/${pkg[2]}` : pkg[1];
  const parts = source.split('/');
  if (parts[0] === 'src' && parts.length > 2) return parts.slice(0, 2).join('/');
  if (parts[0] === 'scenes' && parts.length > 1) return parts.length > 2 ? parts.slice(0, 2).join('/') : 'scenes';
  return source;
}
