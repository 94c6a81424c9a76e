/** Text helpers: one place for fonts, sizes and fitting (text never under 14 px at fs = 1). */
import { Text, TextStyle } from '../pixi-parts.ts';
import { FONT_MONO, FONT_SANS } from '../theme.ts';

export const MIN_FONT = 14;

export interface TextSpec {
  readonly size: number;
  readonly weight?: '400' | '700';
  readonly mono?: boolean;
  readonly fill: number;
}

export function makeText(spec: TextSpec, text = ''): Text {
  return new Text({ text, style: styleOf(spec) });
}

export function styleOf(spec: TextSpec): TextStyle {
  return new TextStyle({
    fontFamily: spec.mono === true ? FONT_MONO : FONT_SANS,
    fontSize: Math.max(MIN_FONT, spec.size),
    fontWeight: spec.weight ?? '400',
    fill: spec.fill,
    padding: 2,
  });
}

/** Restyle in place (no new Text: keeps identity and its texture slot). */
export function restyle(t: Text, spec: TextSpec): void {
  const st = t.style;
  st.fontFamily = spec.mono === true ? FONT_MONO : FONT_SANS;
  st.fontSize = Math.max(MIN_FONT, spec.size);
  st.fontWeight = spec.weight ?? '400';
  st.fill = spec.fill;
}

/**
 * Set text, shrinking the font towards `minSize` (and never below 80 % of `size`) and then ellipsising so it fits `maxWidth`.
 * `middle` keeps both ends ("web-7d4…x2kq"): generated names differ in their suffix.
 */
export function fitText(t: Text, text: string, maxWidth: number, size: number, minSize: number = MIN_FONT, middle = false): void {
  const full = Math.max(MIN_FONT, size);
  if (t.text === text && t.style.fontSize === full && (maxWidth <= 0 || t.width <= maxWidth)) return;
  t.style.fontSize = full;
  t.text = text;
  if (maxWidth <= 0 || t.width <= maxWidth) return;
  // Text laid out larger (a projector's fs > 1) shrinks by a fifth at most: 16 px and up there.
  const floor = Math.max(MIN_FONT, minSize, size * 0.8);
  if (full > floor) {
    t.style.fontSize = floor;
    if (t.width <= maxWidth) {
      // Largest size in (floor, full) that fits, by bisection (each probe re-measures the text).
      let lo = floor;
      let hi = full;
      while (hi - lo > 0.5) {
        const mid = (lo + hi) / 2;
        t.style.fontSize = mid;
        if (t.width <= maxWidth) lo = mid;
        else hi = mid;
      }
      t.style.fontSize = Math.floor(lo * 2) / 2;
      return;
    }
  }
  // Still too wide at the smallest size: ellipsise, bisecting on how many characters stay.
  const render = (keep: number): string => {
    if (!middle) return `${text.slice(0, keep)}…`;
    const tail = Math.min(5, Math.floor(keep / 2));
    return `${text.slice(0, keep - tail)}…${text.slice(text.length - tail)}`;
  };
  let lo = 1;
  let hi = text.length - 1;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    t.text = render(mid);
    if (t.width <= maxWidth) lo = mid;
    else hi = mid - 1;
  }
  t.text = render(lo);
}

/**
 * Secondary text (sub-labels, statuses, chips, verdicts): a small embed's simplified stage hides
 * it rather than shrink every text under a readable size (src/render/simple-stage.ts).
 */
const SECONDARY = new WeakSet<Text>();
export function markSecondary<T extends Text>(t: T): T {
  SECONDARY.add(t);
  return t;
}
export const isSecondary = (t: Text): boolean => SECONDARY.has(t);
