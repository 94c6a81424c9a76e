/**
 * Where the shelf's cards go: a column of Deployment cards (their ReplicaSets nested below them)
 * then Service cards (their EndpointSlices nested), top to bottom. Pure (unit-tested).
 * When the full cards do not fit the area, ReplicaSet cards drop to one line and slices lose their
 * name row; a card is never drawn outside the area (`fits` says whether everything did fit).
 */
import { rect, type Rect } from '../layout.ts';
import type { ShelfModel } from './shelf-model.ts';

export type ShelfCardKind = 'Deployment' | 'ReplicaSet' | 'Service' | 'EndpointSlice';

export interface ShelfCardBox {
  readonly kind: ShelfCardKind;
  readonly ref: string;
  readonly box: Rect;
  /** Text rows inside the card (each LINE * fs high). */
  readonly lines: number;
  /** Deployment cards: where the rollout band is drawn (absent when not rolling out). */
  readonly band?: Rect;
}

export interface ShelfLayout {
  readonly cards: readonly ShelfCardBox[];
  readonly compact: boolean;
  readonly fits: boolean;
}

/** One text row (14 px text with its line gap), card padding, gap between cards, nested indent. */
export const LINE = 18;
export const PAD = 4;
const GAP = 6;
const INDENT = 10;
const BAND = 12;

function build(m: ShelfModel, area: Rect, fs: number, compact: boolean): { cards: ShelfCardBox[]; bottom: number } {
  const cards: ShelfCardBox[] = [];
  let y = area.y;
  const card = (kind: ShelfCardKind, ref: string, lines: number, indent: number, band = false): void => {
    const h = lines * LINE * fs + 2 * PAD * fs + (band ? BAND * fs + PAD * fs : 0);
    const box = rect(area.x + indent, y, area.w - indent, h);
    const bandRect = band ? rect(box.x + PAD * fs, box.y + PAD * fs + lines * LINE * fs + PAD * fs * 0.5, box.w - 2 * PAD * fs, BAND * fs) : undefined;
    cards.push({ kind, ref, box, lines, ...(bandRect ? { band: bandRect } : {}) });
    y += h + GAP * fs * (indent > 0 ? 0.5 : 1);
  };
  for (const d of m.deployments) {
    // Name row, strategy row, and while rolling out the counts row and band.
    card('Deployment', d.ref, d.rolling ? (d.rollingOut ? 3 : 2) : 1, 0, d.rollingOut);
    for (const rs of d.sets) card('ReplicaSet', rs.ref, compact ? 1 : 2, INDENT * fs);
    y += GAP * fs * 0.5;
  }
  for (const rs of m.sets) card('ReplicaSet', rs.ref, compact ? 1 : 2, 0);
  for (const s of m.services) {
    card('Service', s.ref, 2, 0);
    for (const sl of s.slices) card('EndpointSlice', sl.ref, Math.max(1, sl.rows.length + (compact ? 0 : 1)), INDENT * fs);
    y += GAP * fs * 0.5;
  }
  return { cards, bottom: y };
}

export function layoutShelf(m: ShelfModel, area: Rect, fs: number): ShelfLayout {
  const full = build(m, area, fs, false);
  const fitsIn = (b: { cards: ShelfCardBox[] }): boolean => b.cards.every((c) => c.box.y + c.box.h <= area.y + area.h + 0.5);
  if (fitsIn(full)) return { cards: full.cards, compact: false, fits: true };
  const small = build(m, area, fs, true);
  const fits = fitsIn(small);
  return { cards: fits ? small.cards : small.cards.filter((c) => c.box.y + c.box.h <= area.y + area.h + 0.5), compact: true, fits };
}
