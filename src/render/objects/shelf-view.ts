/**
 * The API objects shelf: cards for the Deployments, ReplicaSets, Services and EndpointSlices
 * stored at the current moment (objects that are not pods, so never on a ship's deck). Rebuilt only
 * when what it shows changes (ShelfModel.key), the layout, the palette or the language.
 * Each card is tagged with markDrawn and can be clicked (onObjectClick gets its object ref).
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import { markDrawn } from '../drawn.ts';
import type { Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { fitText, makeText } from '../scene/text.ts';
import { layoutShelf, LINE, PAD, type ShelfCardBox } from './shelf-layout.ts';
import type { DeployCard, EndpointRow, RsCard, ServiceCard, ShelfModel, SliceCard } from './shelf-model.ts';
import { imageForms } from './shelf-model.ts';
import { revisionColour } from './revision-colour.ts';
import { destroyTree } from '../destroy-tree.ts';
// Counts grouped as the zone headers write them (3,000); formatCount, not toLocaleString: a first
// Intl call loads ICU's number data (~13 ms on the first frame).
import { formatCount } from '../../model/count.ts';

const WORDS = {
  en: { pods: 'pods', avail: 'avail', want: 'want', have: 'have', ready: 'ready', readyEp: 'ready', rev: 'rev', 'not-ready': 'not ready', terminating: 'terminating' },
  ko: { pods: '파드', avail: '가용', want: '목표', have: '현재', ready: '준비', readyEp: '준비됨', rev: '리비전', 'not-ready': '미준비', terminating: '종료 중' },
} as const;

export class ShelfView extends Container {
  private area: Rect = { x: 0, y: 0, w: 0, h: 0 };
  private fs = 1;
  private palette: Palette | undefined;
  private lang: Lang = 'en';
  private model: ShelfModel | undefined;
  private drawnKey = '';
  private clickCbs: ((ref: string) => void)[] = [];

  onObjectClick(cb: (ref: string) => void): () => void {
    this.clickCbs.push(cb);
    return () => {
      this.clickCbs = this.clickCbs.filter((c) => c !== cb);
    };
  }

  layout(area: Rect, fs: number, p: Palette, lang: Lang): void {
    this.area = area;
    this.fs = fs;
    this.palette = p;
    this.lang = lang;
    this.drawnKey = '';
    this.redraw();
  }

  apply(model: ShelfModel): void {
    this.model = model;
    this.redraw();
  }

  private redraw(): void {
    const m = this.model;
    const p = this.palette;
    if (m === undefined || p === undefined) return;
    const key = `${m.key}|${this.area.x},${this.area.y},${this.area.w},${this.area.h}|${p.name}|${this.lang}|${this.fs}`;
    if (key === this.drawnKey) return;
    this.drawnKey = key;
    for (const c of this.removeChildren()) destroyTree(c);
    if (this.area.w <= 0 || this.area.h <= 0) return;
    const l = layoutShelf(m, this.area, this.fs);
    const deps = new Map(m.deployments.map((d) => [d.ref, d]));
    const sets = new Map([...m.deployments.flatMap((d) => d.sets), ...m.sets].map((s) => [s.ref, s]));
    const svcs = new Map(m.services.map((s) => [s.ref, s]));
    const slices = new Map(m.services.flatMap((s) => s.slices.map((sl): [string, { svc: ServiceCard; slice: SliceCard }] => [sl.ref, { svc: s, slice: sl }])));
    for (const c of l.cards) {
      const view = new Container();
      view.eventMode = 'static';
      view.cursor = 'pointer';
      view.on('pointertap', () => this.clickCbs.forEach((cb) => cb(c.ref)));
      markDrawn(view, c.kind, c.ref.slice(c.kind.length + 1));
      this.addChild(view);
      if (c.kind === 'Deployment') this.deployment(view, c, deps.get(c.ref), p);
      else if (c.kind === 'ReplicaSet') this.replicaSet(view, c, sets.get(c.ref), l.compact, p);
      else if (c.kind === 'Service') this.service(view, c, svcs.get(c.ref), p);
      else this.slice(view, c, slices.get(c.ref)?.slice, l.compact, p);
    }
  }

  private background(view: Container, c: ShelfCardBox, p: Palette, rib?: number): void {
    const g = new Graphics();
    const r = 5 * this.fs;
    g.roundRect(c.box.x, c.box.y, c.box.w, c.box.h, r).fill({ color: p.card }).stroke({ width: 1.5, color: p.cardEdge });
    if (rib !== undefined) g.rect(c.box.x, c.box.y + 2, 5 * this.fs, c.box.h - 4).fill({ color: rib });
    view.addChild(g);
  }

  /** A text row: `left` at the card's left, `right` (muted) right-aligned, both fitted to the card. */
  private row(view: Container, c: ShelfCardBox, i: number, left: string | readonly string[], p: Palette, opts: { bold?: boolean; right?: string; rightFill?: number; fill?: number; indent?: number } = {}): Text {
    const fs = this.fs;
    const x = c.box.x + (PAD + 4 + (opts.indent ?? 0)) * fs;
    const y = c.box.y + PAD * fs + i * LINE * fs;
    const inner = c.box.x + c.box.w - PAD * fs - x;
    let rightW = 0;
    if (opts.right !== undefined) {
      const rt = makeText({ size: 14 * fs, fill: opts.rightFill ?? p.muted });
      fitText(rt, opts.right, inner * 0.6, 14 * fs);
      rt.position.set(c.box.x + c.box.w - PAD * fs - rt.width, y);
      view.addChild(rt);
      rightW = rt.width + 6 * fs;
    }
    const t = makeText({ size: 14 * fs, weight: opts.bold === true ? '700' : '400', fill: opts.fill ?? p.text });
    // Ever shorter forms (a long image's repository path goes first); the last one is cut in the middle if need be.
    const forms = typeof left === 'string' ? [left] : left;
    let form = forms[0] ?? '';
    for (const f of forms) {
      form = f;
      t.text = f;
      if (t.width <= inner - rightW) break;
    }
    fitText(t, form, inner - rightW, 14 * fs, 14 * fs, true);
    t.position.set(x, y);
    view.addChild(t);
    return t;
  }

  /** Whether `text` fits a row of card `c` at the rows' full size (measured, not drawn). */
  private fitsRow(c: ShelfCardBox, text: string): boolean {
    const inner = c.box.w - (2 * PAD + 4) * this.fs;
    const t = makeText({ size: 14 * this.fs, fill: 0 }, text);
    const fits = t.width <= inner;
    t.destroy();
    return fits;
  }

  private deployment(view: Container, c: ShelfCardBox, d: DeployCard | undefined, p: Palette): void {
    if (d === undefined) return;
    const w = WORDS[this.lang];
    this.background(view, c, p);
    this.row(view, c, 0, d.name, p, { bold: true, right: 'Deployment' });
    if (!d.rolling) return;
    const surge = formatCount(d.band.surge);
    const unavailable = formatCount(d.band.unavailable);
    // Both fields apart when they fit; on a narrow shelf (the commands panel open) one line that
    // keeps both names and numbers, not "maxS… 750 maxUnavailable …".
    if (this.fitsRow(c, `maxSurge ${surge}   maxUnavailable ${unavailable}`)) this.row(view, c, 1, `maxSurge ${surge}`, p, { fill: p.muted, right: `maxUnavailable ${unavailable}` });
    else this.row(view, c, 1, [`maxSurge/maxUnavailable ${surge}/${unavailable}`, `maxSurge/Unavailable ${surge}/${unavailable}`], p, { fill: p.muted });
    if (!d.rollingOut || c.band === undefined) return;
    // The band: total pods may not pass replicas + maxSurge; available may not drop below replicas - maxUnavailable.
    // The signs say what holds now: a pod that fails its probe mid-rollout can put "avail" under the band.
    const under = d.available < d.band.minAvailable;
    const over = d.total > d.band.maxTotal;
    this.row(view, c, 2, `${w.pods} ${formatCount(d.total)} ${over ? '>' : '≤'} ${formatCount(d.band.maxTotal)} · ${w.avail} ${formatCount(d.available)} ${under ? '<' : '≥'} ${formatCount(d.band.minAvailable)}`, p, { fill: under || over ? p.warning : p.text });
    const b = c.band;
    const span = Math.max(1, d.band.maxTotal + 1);
    const xAt = (n: number): number => b.x + (Math.min(span, n) / span) * b.w;
    const g = new Graphics();
    g.roundRect(b.x, b.y, b.w, b.h, 3).fill({ color: p.cardEdge, alpha: 0.45 });
    g.rect(xAt(d.band.minAvailable), b.y, xAt(d.band.maxTotal) - xAt(d.band.minAvailable), b.h).fill({ color: p.success, alpha: 0.22 });
    g.rect(b.x, b.y + b.h * 0.15, xAt(d.total) - b.x, b.h * 0.3).fill({ color: p.text, alpha: 0.85 });
    g.rect(b.x, b.y + b.h * 0.55, xAt(d.available) - b.x, b.h * 0.3).fill({ color: p.success });
    for (const n of [d.band.minAvailable, d.band.maxTotal]) g.rect(xAt(n) - 1, b.y - 2, 2, b.h + 4).fill({ color: p.warning });
    view.addChild(g);
  }

  private replicaSet(view: Container, c: ShelfCardBox, rs: RsCard | undefined, compact: boolean, p: Palette): void {
    if (rs === undefined) return;
    const w = WORDS[this.lang];
    const colour = revisionColour(rs.firstRevision, p);
    this.background(view, c, p, colour);
    view.alpha = rs.desired === 0 && rs.current === 0 ? 0.7 : 1;
    const counts = `${formatCount(rs.desired)}/${formatCount(rs.current)}/${formatCount(rs.ready)}`;
    if (compact) {
      this.row(view, c, 0, imageForms(`${w.rev} ${rs.revision} · `, rs.image), p, { bold: true, right: counts });
      return;
    }
    this.row(view, c, 0, imageForms(`${w.rev} ${rs.revision} · `, rs.image), p, { bold: true, fill: rs.desired > 0 || rs.current > 0 ? p.text : p.muted });
    // A narrow card keeps every word before it cuts a number ("want 3000 · have 3000 ··· 3000" hid which
    // count was ready); past that, the counts alone (as a compact card shows them): never a number cut in two.
    this.row(view, c, 1, [`${w.want} ${formatCount(rs.desired)} · ${w.have} ${formatCount(rs.current)} · ${w.ready} ${formatCount(rs.ready)}`, `${w.want}/${w.have}/${w.ready} ${counts}`, counts], p, { fill: p.muted });
  }

  private service(view: Container, c: ShelfCardBox, s: ServiceCard | undefined, p: Palette): void {
    if (s === undefined) return;
    this.background(view, c, p, p.role.proxy);
    this.row(view, c, 0, s.name, p, { bold: true, right: 'Service' });
    const port = s.ports[0]?.replace(/\/TCP$/, '') ?? '';
    const [front, target] = port.split('→');
    this.row(view, c, 1, `${s.clusterIP}:${front ?? ''} → ${target ?? ''}`, p, { fill: p.role.proxy });
  }

  private slice(view: Container, c: ShelfCardBox, sl: SliceCard | undefined, compact: boolean, p: Palette): void {
    if (sl === undefined) return;
    this.background(view, c, p);
    let i = 0;
    if (!compact) this.row(view, c, i++, sl.name, p, { bold: true, right: 'EndpointSlice' });
    if (sl.rows.length === 0) this.row(view, c, i, '—', p, { fill: p.muted });
    for (const r of sl.rows) this.endpoint(view, c, i++, r, p);
  }

  private endpoint(view: Container, c: ShelfCardBox, i: number, r: EndpointRow, p: Palette): void {
    const w = WORDS[this.lang];
    const colour = r.state === 'ready' ? p.success : r.state === 'terminating' ? p.neutral : p.warning;
    const word = r.state === 'ready' ? w.readyEp : w[r.state];
    const fs = this.fs;
    const dot = new Graphics();
    dot.circle(c.box.x + (PAD + 8) * fs, c.box.y + PAD * fs + i * LINE * fs + LINE * fs * 0.55, 4 * fs).fill({ color: colour });
    view.addChild(dot);
    // The pod's random suffix ("2k7wh") matches the endpoint to its card on a deck, when it fits.
    const suffix = r.pod?.split('-').at(-1);
    this.row(view, c, i, suffix === undefined ? r.ip : [`${r.ip} · ${suffix}`, r.ip], p, { right: word, rightFill: colour, indent: 10, fill: r.state === 'ready' ? p.text : p.muted });
  }
}

