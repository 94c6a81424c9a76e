/**
 * The scheduler's arithmetic on a ship's deck while it decides: for a scored node, a column of the
 * plugin x node score table (each Score plugin with its weight and the node's normalized score,
 * then the weighted total); for a node Filter rejected, the plugin that rejected it and the reason,
 * wrapped between words. The step about this node is highlighted (a violet frame).
 */
import { Container, Graphics } from '../pixi-parts.ts';
import { markDrawn } from '../drawn.ts';
import type { Lang } from '../../model/localized.ts';
import { columnRows } from '../../model/scheduler/score-column.ts';
import type { ScoreTable } from '../../model/scheduler/score-table.ts';
import { shortReason, wrapWords } from '../../model/scheduler/short-forms.ts';
import type { FilterPluginName, ScorePluginName } from '../../model/scheduler/types.ts';
import type { Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { makeText } from './text.ts';

export type ScoreCell =
  | { readonly kind: 'scores'; readonly table: ScoreTable; readonly column: number }
  | { readonly kind: 'filtered'; readonly plugin: FilterPluginName | undefined; readonly reason: string };

const WORDS: Readonly<Record<Lang, { total: string; filter: string; more: (n: number) => string }>> = {
  en: { total: 'total', filter: 'Filter', more: (n) => `${n} more` },
  ko: { total: '합계', filter: '필터', more: (n) => `그 밖의 ${n}개` },
};

/** The smallest row height; more plugin rows than fit at it are folded (top contributors + the rest). */
const MIN_ROW = 17;

/** The caption's name for the long one; the rest as upstream spells them. */
export function pluginLabel(p: ScorePluginName): string {
  return p === 'NodeResourcesBalancedAllocation' ? 'BalancedAllocation' : p;
}

export class ShipScorePanel extends Container {
  private readonly bg = new Graphics();
  private readonly frame = new Graphics();
  private readonly texts = new Container();
  private readonly focusMark = new Container();
  private key = '';

  constructor(node: string) {
    super();
    markDrawn(this, 'score-table', node);
    this.frame.visible = false;
    this.focusMark.addChild(this.frame);
    this.addChild(this.bg, this.texts, this.focusMark);
    this.visible = false;
  }

  /** undefined hides the panel. `highlight` frames it (the step is about this node). */
  /** `totalAbove`: the ship's verdict badge already shows the total ("score 395"), so a short panel may leave its total row out. */
  show(cell: ScoreCell | undefined, area: Rect, highlight: boolean, p: Palette, fs: number, lang: Lang, node: string, totalAbove = false): void {
    const key = cell === undefined ? '' : `${cell.kind}|${cell.kind === 'scores' ? `${cell.column}|${cell.table.totals.join()}|${cell.table.winner}` : cell.reason}|${area.x},${area.y},${area.w},${area.h}|${p.name}|${lang}|${highlight}`;
    if (key === this.key) return;
    this.key = key;
    this.visible = cell !== undefined;
    if (cell === undefined) return;
    for (const c of this.texts.removeChildren()) c.destroy();
    this.bg.clear();
    const violet = p.role.scheduler;
    this.bg.roundRect(area.x, area.y, area.w, area.h, 6 * fs).fill({ color: p.card, alpha: 0.96 }).stroke({ width: 1.5 * fs, color: cell.kind === 'filtered' ? p.error : violet, alpha: 0.8 });
    const padX = 8 * fs;
    const inner = area.w - 2 * padX;
    const lines: { left: string; right: string; bold: boolean; colour: number }[] = [];
    const probe = makeText({ size: 14 * fs, fill: p.text });
    const probeBold = makeText({ size: 14 * fs, weight: '700', fill: p.text });
    const probeMono = makeText({ size: 14 * fs, weight: '700', mono: true, fill: p.text });
    /** Left and right parts fit the panel's width with a gap between them. */
    const fits = (left: string, right: string, bold: boolean): boolean => {
      const t = bold ? probeBold : probe;
      t.text = left;
      const lw = left === '' ? 0 : t.width;
      probeMono.text = right;
      const rw = right === '' ? 0 : probeMono.width + 10 * fs;
      return lw + rw <= inner;
    };
    if (cell.kind === 'scores') {
      const t = cell.table;
      // Rows that fit at the smallest height, less the total's: beyond that, the biggest contributors and one row for the rest.
      const rowsFit = Math.floor((area.h - 4 * fs) / (MIN_ROW * fs));
      // Short of room, the plugins that add nothing (skipped, or 0) go first, and the total row
      // gives way to the plugins when the verdict badge above the ship says the total.
      const contributing = t.rows.filter((r) => (r.cells[cell.column] ?? 0) * r.weight > 0).length;
      const dropTotal = totalAbove && t.rows.length + 1 > rowsFit && contributing <= rowsFit;
      const capacity = Math.max(1, rowsFit - (dropTotal ? 0 : 1));
      for (const r of columnRows(t, cell.column, capacity)) {
        if (r.kind === 'rest') lines.push({ left: WORDS[lang].more(r.count), right: `+${r.weighted}`, bold: false, colour: p.muted });
        else lines.push({ left: pluginLabel(r.plugin), right: r.score === undefined ? '–' : `${r.score} ×${r.weight}`, bold: false, colour: p.text });
      }
      const total = t.totals[cell.column];
      if (!dropTotal) lines.push({ left: WORDS[lang].total, right: total === undefined ? '–' : String(total), bold: true, colour: t.winner === cell.column ? violet : p.text });
    } else {
      const head = wrapWords(`${WORDS[lang].filter}: ${cell.plugin ?? ''}`, (line) => fits(line, '', true));
      for (const w of head) lines.push({ left: w, right: '', bold: true, colour: p.error });
      const wrapped = wrapWords(shortReason(cell.reason), (line) => fits(line, '', false));
      for (const w of wrapped) lines.push({ left: w, right: '', bold: false, colour: p.text });
    }
    // A row too wide first loses the space before its weight ("100 ×2" -> "100×2": PodTopologySpread's
    // row is the widest, and on a deck of four ships every row gave way to the total for it);
    // a narrow deck (a small embed) then keeps the total alone rather than crowding plugin and score.
    if (cell.kind === 'scores' && lines.some((ln) => !fits(ln.left, ln.right, ln.bold))) {
      for (const ln of lines) ln.right = ln.right.replace(' ×', '×');
    }
    if (cell.kind === 'scores' && lines.some((ln) => !fits(ln.left, ln.right, ln.bold))) {
      const last = lines[lines.length - 1];
      lines.length = 0;
      if (last !== undefined) lines.push(fits(last.left, last.right, true) ? last : { ...last, left: '' });
    }
    probe.destroy();
    probeBold.destroy();
    probeMono.destroy();
    // Rows share the height; whole rows that do not fit are left out (never a cut word).
    const rowH = Math.max(MIN_ROW * fs, Math.min(22 * fs, (area.h - 4 * fs) / Math.max(1, lines.length)));
    const fit = Math.max(1, Math.floor((area.h - 4 * fs) / rowH));
    const shown = cell.kind === 'scores' && lines.length > fit ? [...lines.slice(0, fit - 1), ...lines.slice(-1)] : lines.slice(0, fit);
    const top = area.y + (area.h - shown.length * rowH) / 2;
    shown.forEach((ln, i) => {
      const y = top + i * rowH;
      const l = makeText({ size: 14 * fs, weight: ln.bold ? '700' : '400', fill: ln.colour }, ln.left);
      l.position.set(area.x + padX, y + (rowH - l.height) / 2);
      this.texts.addChild(l);
      if (ln.right !== '') {
        const r = makeText({ size: 14 * fs, weight: ln.bold ? '700' : '400', mono: true, fill: ln.colour }, ln.right);
        r.position.set(area.x + area.w - padX - r.width, y + (rowH - r.height) / 2);
        this.texts.addChild(r);
      }
    });
    this.frame.clear();
    this.frame.visible = highlight;
    if (highlight) this.frame.roundRect(area.x - 2 * fs, area.y - 2 * fs, area.w + 4 * fs, area.h + 4 * fs, 8 * fs).stroke({ width: 3 * fs, color: violet });
    // The test hook names the highlighted column.
    markDrawn(this.focusMark, 'score-focus', highlight ? node : '');
  }
}
