/** Text helpers: one place for fonts, sizes and fitting (text never under 14 px at fs = 1). */
import { Text, TextStyle } from 'pixi.js';
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
 * Set text, shrinking the font towards `minSize` and then ellipsising so it fits `maxWidth`.
 * `middle` keeps both ends ("web-7d4…x2kq"): generated names differ in their suffix.
 */
export function fitText(t: Text, text: string, maxWidth: number, size: number, minSize: number = MIN_FONT, middle = false): void {
  t.style.fontSize = Math.max(MIN_FONT, size);
  t.text = text;
  if (maxWidth <= 0) return;
  let fsz = Math.max(MIN_FONT, size);
  while (t.width > maxWidth && fsz > Math.max(MIN_FONT, minSize)) {
    fsz -= 1;
    t.style.fontSize = fsz;
  }
  if (t.width <= maxWidth) return;
  let cut = text.length;
  while (cut > 1 && t.width > maxWidth) {
    cut--;
    if (middle) {
      const tail = Math.min(5, Math.floor(cut / 2));
      t.text = `${text.slice(0, cut - tail)}…${text.slice(text.length - tail)}`;
    } else t.text = `${text.slice(0, cut)}…`;
  }
}
