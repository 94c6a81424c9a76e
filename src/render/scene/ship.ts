/**
 * A worker node as a cargo ship: kubelet (captain), containerd (crane), kube-proxy (signal mast),
 * the node's readiness, taints and cordon, the rules kube-proxy programmed, and the scheduler's
 * verdict for it while it decides.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import { markDrawn } from '../drawn.ts';
import type { ComponentId } from '../../sim/trace.ts';
import type { Lang } from '../../model/localized.ts';
import type { NodeVerdict } from '../../model/scheduler/types.ts';
import { shipStations, type Density, type Rect, type ShipLayout } from '../layout.ts';
import type { NodeLook } from '../looks.ts';
import type { Palette } from '../theme.ts';
import { StationView } from './station.ts';
import { RulesBadge } from './rules-badge.ts';
import type { HeldRules } from '../../timeline/node-rules.ts';
import { checkMark, crossMark, dashedRect, hullPath } from './shapes.ts';
import { fitText, makeText, markSecondary, restyle } from './text.ts';
import { shortReason, shortTaint } from '../../model/scheduler/short-forms.ts';

export type VerdictPhase = 'filter' | 'score' | 'decided';

/**
 * The ship's own words. Upstream values (Ready, NotReady, Unknown, the scheduler's reasons) stay
 * as kubectl prints them.
 */
const SHIP_WORDS: Readonly<Record<Lang, { passes: string; selected: string; score: string; fits: string; filteredOut: string; notRegistered: string; cordoned: string }>> = {
  en: { passes: 'passes filters', selected: 'selected', score: 'score', fits: 'fits', filteredOut: 'filtered out', notRegistered: 'not registered', cordoned: 'cordoned' },
  ko: { passes: '필터 통과', selected: '선택됨', score: '점수', fits: '배치 가능', filteredOut: '필터에서 제외', notRegistered: '미등록', cordoned: '코든됨' },
};

/** A key no verdict has (the empty key means "no verdict", which must still hide a stale pill). */
const NOT_DRAWN = '\u0000';

export class ShipView extends Container {
  readonly node: string;
  readonly hasKernel: boolean;
  readonly stations: readonly StationView[];
  private readonly body = new Graphics();
  private readonly nameText: Text;
  private readonly pill = new Graphics();
  private readonly pillText: Text;
  private readonly chips = new Container();
  private readonly verdictBox = new Graphics();
  private readonly verdictText: Text;
  private readonly rules: RulesBadge;
  private l: ShipLayout | undefined;
  private palette: Palette | undefined;
  private fs = 1;
  private look: NodeLook = { readiness: 'Ready', cordoned: false, taints: [] };
  /** What the verdict pill shows; NOT_DRAWN forces the next setVerdict to draw (or hide) it. */
  private verdictKey = NOT_DRAWN;
  private lang: Lang = 'en';
  private pillX = 0;

  /** `kernel`: the scenario draws this node's kernel (packets are rewritten there): an engine-room strip. */
  constructor(node: string, kernel = false) {
    super();
    this.label = `ship/${node}`;
    markDrawn(this, 'Node', node);
    this.node = node;
    const st = (id: ComponentId, name: string, shortName: string, role: 'kubelet' | 'runtime' | 'proxy', icon: 'kubelet' | 'runtime' | 'kproxy' | undefined): StationView =>
      new StationView({ id, name, shortName, role, icon });
    this.hasKernel = kernel;
    this.stations = [
      st(`kubelet/${node}`, 'kubelet', 'kubelet', 'kubelet', 'kubelet'),
      st(`containerd/${node}`, 'containerd', 'CRI', 'runtime', 'runtime'),
      st(`kube-proxy/${node}`, 'kube-proxy', 'proxy', 'proxy', 'kproxy'),
      // The rules kube-proxy writes live in the kernel, which applies them: proxy's colour, no icon of its own.
      ...(kernel ? [st(`node/${node}`, 'netfilter', 'netfilter', 'proxy', undefined)] : []),
    ];
    this.nameText = makeText({ size: 18, weight: '700', fill: 0xffffff });
    this.pillText = makeText({ size: 14, weight: '700', fill: 0xffffff });
    this.verdictText = markSecondary(makeText({ size: 14, weight: '700', fill: 0xffffff }));
    this.rules = new RulesBadge(node);
    this.addChild(this.body, this.nameText, this.pill, this.pillText, this.chips, ...this.stations, this.rules, this.verdictBox, this.verdictText);
    this.verdictBox.visible = false;
    this.verdictText.visible = false;
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.verdictKey = NOT_DRAWN;
    for (const s of this.stations) s.setLang(lang);
  }

  layout(l: ShipLayout, palette: Palette, s: number, fs: number, density: Density): void {
    const p = palette;
    this.l = l;
    this.palette = palette;
    this.fs = fs;
    const st = shipStations(l, s, fs, density);
    this.stations[0]?.layout(st.kubelet, palette, fs);
    this.stations[1]?.layout(st.runtime, palette, fs);
    this.stations[2]?.layout(st.proxy, palette, fs);
    this.stations[3]?.layout(l.kernel, palette, fs, true);
    this.body.clear();
    // Cabin with the crew on top, the hull (the deck where pods stand) below.
    const cabinX = l.ship.x + l.ship.w * 0.03;
    this.body
      .roundRect(cabinX, l.ship.y, l.ship.w * 0.94, l.hull.y - l.ship.y + 4 * s, 10 * s)
      .fill({ color: p.deck, alpha: 0.75 })
      .stroke({ width: p.edgeWidth, color: p.hullEdge });
    hullPath(this.body, l.hull, l.hull.w * 0.05).fill({ color: p.hull }).stroke({ width: p.edgeWidth, color: p.hullEdge });
    const wl = l.hull.y + l.hull.h - 7 * s;
    this.body.moveTo(l.hull.x + l.hull.w * 0.06, wl).lineTo(l.hull.x + l.hull.w * 0.94, wl).stroke({ width: 2 * s, color: p.hullEdge, alpha: 0.8 });
    restyle(this.nameText, { size: 18 * fs, weight: '700', fill: palette.text });
    restyle(this.pillText, { size: 14 * fs, weight: '700', fill: palette.onRole });
    restyle(this.verdictText, { size: 14 * fs, weight: '700', fill: palette.text });
    this.rules.layout(l.rules, palette, fs);
    this.stations[2]?.reserveRight(this.rules.cardWidth);
    this.stations[3]?.reserveRight(this.rules.stripWidth);
    this.redrawHeader();
    this.verdictKey = NOT_DRAWN;
  }

  setNode(look: NodeLook): void {
    const same =
      look.readiness === this.look.readiness &&
      look.cordoned === this.look.cordoned &&
      look.cordonTainted === this.look.cordonTainted &&
      look.taints.join() === this.look.taints.join() &&
      look.zone === this.look.zone;
    this.look = look;
    if (!same) this.redrawHeader();
  }

  /** The rules kube-proxy holds on this node now (empty: none programmed yet, or the Service is gone). */
  setRules(rules: readonly HeldRules[]): void {
    const before = this.rules.rowLeft;
    this.rules.set(rules);
    this.stations[2]?.reserveRight(this.rules.cardWidth);
    this.syncKernel();
    if (this.rules.rowLeft !== before) this.drawChips();
  }

  /**
   * While the kernel works (a DNAT), its strip says what it does and the rules badge beside it
   * steps aside; otherwise the badge keeps the strip's right end. Call after station activities.
   */
  syncKernel(): void {
    const kernel = this.stations[3];
    if (kernel === undefined) return;
    const busy = kernel.busy;
    this.rules.suppress(busy);
    kernel.reserveRight(busy ? 0 : this.rules.stripWidth);
  }

  /** The mast signals: the badge glows (0..1) as kube-proxy programs the rules. */
  pulseRules(level: number): void {
    this.rules.pulse(level);
  }

  private redrawHeader(): void {
    const l = this.l;
    const p = this.palette;
    if (l === undefined || p === undefined) return;
    const fs = this.fs;
    const h = l.header;
    const colour = this.look.readiness === 'Ready' ? p.success : this.look.readiness === 'NotReady' ? p.error : p.neutral;
    this.pillText.text = this.look.readiness === 'Unregistered' ? SHIP_WORDS[this.lang].notRegistered : this.look.readiness;
    const ph = Math.min(h.h, this.pillText.height + 4 * fs);
    // A narrow ship (a small embed) keeps its whole name, which tells the ships apart: its state
    // shrinks to a dot (green Ready, red NotReady, a dashed ring when Unknown).
    fitText(this.nameText, this.node, h.w - this.pillText.width - 28 * fs, 18 * fs, 14 * fs);
    const dot = this.nameText.text !== this.node;
    this.pillText.visible = !dot;
    const pw = dot ? ph * 0.7 : this.pillText.width + 20 * fs;
    const px = h.x + h.w - pw;
    this.pillX = px;
    const py = h.y + (h.h - ph) / 2;
    this.pill.clear();
    if (dot && (this.look.readiness === 'Unknown' || this.look.readiness === 'Unregistered')) {
      this.pill.circle(px + pw / 2, py + ph / 2, pw / 2 - fs).fill({ color: p.card }).stroke({ width: 2 * fs, color: colour });
    } else if (dot) {
      this.pill.circle(px + pw / 2, py + ph / 2, pw / 2).fill({ color: colour });
    } else if (this.look.readiness === 'Unknown' || this.look.readiness === 'Unregistered') {
      this.pill.roundRect(px, py, pw, ph, ph / 2).fill({ color: p.card });
      dashedRect(this.pill, { x: px, y: py, w: pw, h: ph }, 5 * fs, 4 * fs).stroke({ width: 2 * fs, color: colour });
      this.pillText.style.fill = p.text;
    } else {
      this.pill.roundRect(px, py, pw, ph, ph / 2).fill({ color: colour });
      this.pillText.style.fill = p.onRole;
    }
    this.pillText.position.set(px + 10 * fs, py + (ph - this.pillText.height) / 2);
    // Still too long: cut in the middle, so "worker-1" and "worker-2" stay apart ("wor…r-1").
    fitText(this.nameText, this.node, px - h.x - 8 * this.fs, 18 * fs, 14 * fs, true);
    this.nameText.position.set(h.x, h.y + (h.h - this.nameText.height) / 2);
    this.drawChips();
  }

  /** Boxes of the taint and cordon chips drawn now (and their "+N"), in stage coordinates. */
  chipBoxes(): Rect[] {
    return this.chips.children.filter((c) => c.visible).map((c) => {
      const b = c.getLocalBounds();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    });
  }

  private drawChips(): void {
    const l = this.l;
    const p = this.palette;
    if (l === undefined || p === undefined) return;
    for (const c of this.chips.removeChildren()) c.destroy();
    const fs = this.fs;
    // tag: what the test hook calls the chip ('zone' node/zone, 'cordon' node, 'taint' node/key:effect).
    // short: a shorter form tried before the chip gives way to "+N".
    const items: { text: string; short?: string; colour: number; tag: [string, string] }[] = [];
    // The zone first, as where the ship sails; it is a label, not a warning: neutral colour. A
    // compact ship's single chip goes to a cordon or taint instead (they change what may run).
    const zone = this.look.zone;
    if (zone !== undefined && (l.chips.h > 0 || (!this.look.cordoned && this.look.taints.length === 0))) items.push({ text: zone, colour: p.info, tag: ['zone', `${this.node}/${zone}`] });
    // With the taint the node lifecycle controller adds for it, once it has (and shown alone after an uncordon, until it goes).
    const cordon = SHIP_WORDS[this.lang].cordoned;
    if (this.look.cordoned) {
      const tainted = this.look.cordonTainted === true;
      items.push({ text: tainted ? `${cordon} · unschedulable:NoSchedule` : cordon, ...(tainted ? { short: `${cordon} · NoSchedule` } : {}), colour: p.warning, tag: ['cordon', this.node] });
    }
    for (const t of this.look.taints) items.push({ text: shortTaint(t), colour: t.includes('NoExecute') ? p.error : p.warning, tag: ['taint', `${this.node}/${t}`] });
    const area = l.chips.h > 0 ? l.chips : { x: l.header.x, y: l.header.y + l.header.h, w: l.header.w, h: 0 };
    if (l.chips.h === 0) {
      // Compact ships: one short chip after the name.
      if (items.length === 0) return;
      const first = items[0];
      if (first === undefined) return;
      items.splice(0, items.length, { text: items.length > 1 ? `${first.text} +${items.length - 1}` : first.text, colour: first.colour, tag: first.tag });
    }
    let x = area.x;
    const y = l.chips.h > 0 ? area.y : this.nameText.y;
    const h = l.chips.h > 0 ? area.h - 2 * fs : this.nameText.height;
    // In the taints row the chips stop before kube-proxy's rules badge.
    const maxX = l.chips.h > 0 ? Math.min(area.x + area.w, (this.rules.rowLeft ?? Infinity) - 6 * fs) : this.pillX - 8 * fs;
    const startX = l.chips.h > 0 ? x : this.nameText.x + this.nameText.width + 8 * fs;
    x = startX;
    for (let n = 0; n < items.length; n++) {
      const it = items[n];
      if (it === undefined) break;
      const t = markSecondary(makeText({ size: 14 * fs, mono: true, fill: p.text }, it.text));
      let w = t.width + 12 * fs;
      if (x + w > maxX && it.short !== undefined) {
        t.text = it.short;
        w = t.width + 12 * fs;
      }
      if (x + w > maxX) {
        // Say how many did not fit rather than dropping them silently.
        t.text = `+${items.length - n}`;
        t.position.set(x, y + (h - t.height) / 2);
        this.chips.addChild(t);
        break;
      }
      const g = new Graphics().roundRect(x, y, w, h, 5 * fs).fill({ color: it.colour, alpha: 0.16 }).stroke({ width: 1.5 * fs, color: it.colour });
      t.position.set(x + 6 * fs, y + (h - t.height) / 2);
      const chip = new Container();
      markDrawn(chip, it.tag[0], it.tag[1]);
      chip.addChild(g, t);
      this.chips.addChild(chip);
      x += w + 6 * fs;
    }
  }

  /** The scheduler's verdict on this node (undefined hides it). */
  setVerdict(v: NodeVerdict | undefined, phase: VerdictPhase, selected: boolean, scored: boolean): void {
    const key = v === undefined ? '' : `${phase}|${selected}|${v.feasible}|${v.total}|${v.reasons.join(',')}`;
    if (key === this.verdictKey) return;
    this.verdictKey = key;
    const l = this.l;
    const p = this.palette;
    this.verdictBox.visible = v !== undefined;
    this.verdictText.visible = v !== undefined;
    if (v === undefined || l === undefined || p === undefined) return;
    const fs = this.fs;
    const violet = p.role.scheduler;
    let text: string;
    let colour: number;
    let filled = false;
    let mark: 'check' | 'cross' = 'check';
    const words = SHIP_WORDS[this.lang];
    if (!v.feasible) {
      // The reason in its short form (src/model/scheduler/short-forms.ts) when it fits, else the
      // plugin that rejected the node; the deck below shows the whole reason, wrapped.
      text = shortReason(v.reasons[0] ?? '');
      this.verdictText.text = text;
      this.verdictText.style.fontSize = 14 * this.fs;
      if (text === '' || this.verdictText.width > l.verdict.w - 12 * this.fs - 34 * this.fs) text = v.failedPlugin ?? words.filteredOut;
      colour = p.error;
      mark = 'cross';
    } else if (phase === 'filter') {
      text = words.passes;
      colour = violet;
    } else if (phase === 'decided' && selected) {
      text = scored ? `${words.selected} · ${words.score} ${v.total}` : words.selected;
      colour = violet;
      filled = true;
    } else {
      text = scored ? `${words.score} ${v.total}` : words.fits;
      colour = violet;
    }
    const b = l.verdict;
    const iconSize = 12 * fs;
    fitText(this.verdictText, text, b.w - iconSize - 34 * fs, 14 * fs);
    this.verdictText.style.fill = filled ? p.onRole : p.text;
    const w = this.verdictText.width + iconSize + 30 * fs;
    const h = Math.min(b.h - 2 * fs, this.verdictText.height + 6 * fs);
    const x = b.x + (b.w - w) / 2;
    const y = b.y + (b.h - h) / 2;
    this.verdictBox.clear();
    this.verdictBox.roundRect(x, y, w, h, h / 2).fill({ color: filled ? colour : p.card }).stroke({ width: 2 * fs, color: colour });
    const ix = x + 10 * fs;
    const iy = y + (h - iconSize) / 2;
    (mark === 'check' ? checkMark(this.verdictBox, ix, iy, iconSize) : crossMark(this.verdictBox, ix, iy, iconSize)).stroke({
      width: 2.5 * fs,
      color: filled ? p.onRole : colour,
      cap: 'round',
    });
    this.verdictText.position.set(ix + iconSize + 8 * fs, y + (h - this.verdictText.height) / 2);
  }
}
