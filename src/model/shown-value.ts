/**
 * A value from a user's file or command line, made safe to put in a one-line message: cut to a
 * few dozen characters (a 50 MB field is not echoed) and with control characters, terminal escape
 * sequences and bidi overrides written as \u escapes (they would otherwise reach the terminal raw).
 */

/** C0 (but tab), DEL, C1, line/paragraph separators and bidi controls. */
function unsafe(code: number): boolean {
  return (code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029 || code === 0x200e || code === 0x200f || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
}

/** Every unsafe character as \uXXXX; the rest as it is. */
export function escapeControls(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += unsafe(code) ? `\\u${code.toString(16).padStart(4, '0')}` : text[i];
  }
  return out;
}

/** At most `max` characters, with "…" and the full length when cut. */
export function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length} characters)`;
}

/** `"abc"` for strings (cut, escaped), numbers and booleans as they are, else what kind of thing it is. Never throws. */
export function shownValue(value: unknown, max = 60): string {
  if (typeof value === 'string') return `"${escapeControls(cut(value, max))}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
