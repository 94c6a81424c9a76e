// Splits a command line into words the way a POSIX shell would for the parts a learner uses:
// blanks separate words; '...' is literal; "..." keeps blanks and honours \" \\ \$ \` ;
// a backslash outside quotes makes the next character literal. No expansion of any kind.

export interface Word {
  readonly text: string;
  /** Offsets in the line: where the word starts and where it ends (exclusive). */
  readonly start: number;
  readonly end: number;
}

export type TokenizeResult =
  | { readonly ok: true; readonly words: readonly Word[] }
  | { readonly ok: false; readonly unterminated: "'" | '"'; readonly words: readonly Word[] };

const BLANK = /\s/;
const ESCAPABLE_IN_DOUBLE_QUOTES = new Set(['"', '\\', '$', '`', '\n']);

/** Tokenises `line`; an unterminated quote is reported, with the partial last word kept (completion uses it). */
export function tokenize(line: string): TokenizeResult {
  const words: Word[] = [];
  let i = 0;
  while (i < line.length) {
    while (i < line.length && BLANK.test(line[i] ?? '')) i++;
    if (i >= line.length) break;
    const start = i;
    let text = '';
    let open: "'" | '"' | undefined;
    while (i < line.length) {
      const c = line[i] ?? '';
      if (open === "'") {
        if (c === "'") open = undefined;
        else text += c;
        i++;
      } else if (open === '"') {
        if (c === '"') {
          open = undefined;
          i++;
        } else if (c === '\\' && ESCAPABLE_IN_DOUBLE_QUOTES.has(line[i + 1] ?? '')) {
          text += line[i + 1] === '\n' ? '' : line[i + 1];
          i += 2;
        } else {
          text += c;
          i++;
        }
      } else if (BLANK.test(c)) {
        break;
      } else if (c === "'" || c === '"') {
        open = c;
        i++;
      } else if (c === '\\') {
        const next = line[i + 1];
        // A backslash before a newline joins lines; a trailing backslash stays literal.
        if (next === undefined) text += c;
        else if (next !== '\n') text += next;
        i += 2;
      } else {
        text += c;
        i++;
      }
    }
    words.push({ text, start, end: Math.min(i, line.length) });
    if (open !== undefined) return { ok: false, unterminated: open, words };
  }
  return { ok: true, words };
}

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes `word` so `tokenize` reads it back unchanged. */
export function quoteWord(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}
