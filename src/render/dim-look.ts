/**
 * How a station outside the step's focus looks. The card (fill, border, icon, glow) fades to the
 * palette's `dim`; its name does not fade with it: a faded name fell to ~2:1 on a light projector.
 * The name turns to the muted text colour at normal weight instead, which still reads as "not this
 * step" beside a bold, dark active name and keeps WCAG AA (4.5:1) on the faded card. Pure.
 */
import type { Palette } from './theme.ts';

export interface DimLook {
  /** Alpha of the card's shapes and icon. */
  readonly cardAlpha: number;
  /** The name (and any word under it) stays opaque: only its colour and weight change. */
  readonly nameFill: number;
  readonly nameWeight: '400' | '700';
}

export function dimLook(p: Palette, dimmed: boolean): DimLook {
  return dimmed ? { cardAlpha: p.dim, nameFill: p.muted, nameWeight: '400' } : { cardAlpha: 1, nameFill: p.text, nameWeight: '700' };
}
