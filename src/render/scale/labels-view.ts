/**
 * The scale view's words, drawn in screen space over the camera's picture (so text stays 14 px
 * and never scales): each zone's two header lines, and on tiles large enough on screen (zoomed
 * in) the node's name and its state word with its pod count. Zoomed in, a zone's header whose place
 * is out of view is pinned to the view's top within its group. A label shows only where it fits
 * whole inside its tile and the tile is wholly in view, so labels never overlap or leave the view.
 */
import { Container, Graphics, type Text } from '../pixi-parts.ts';
import type { TileVerdicts } from './tile-verdicts.ts';
import { drawVerdictMarks } from './verdict-marks.ts';
import type { Lang } from '../../model/localized.ts';
import type { Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { fitText, makeText, restyle, type TextSpec } from '../scene/text.ts';
import { rectToScreen, type Camera } from './camera.ts';
import { HEADER_LINE, type TileLayout } from './tile-layout.ts';
import { pinnedHeader } from './pinned-header.ts';
import type { TileModel } from './tile-model.ts';
import { readinessColour } from '../look-colours.ts';
import { scaleWords } from './words.ts';

interface HeaderTexts {
  readonly title: Text;
  readonly pieces: Text[];
}

interface TileTexts {
  readonly name: Text;
  readonly state: Text;
}

const keys = new WeakMap<Text, string>();
/** Set a text's words and style only when they change (a restyle re-rasterises the text). */
function put(t: Text, text: string, spec: TextSpec, maxW = 0): void {
  const key = `${text}|${spec.size}|${spec.weight ?? ''}|${spec.fill}|${maxW}`;
  if (keys.get(t) === key) return;
  keys.set(t, key);
  restyle(t, spec);
  if (maxW > 0) fitText(t, text, maxW, spec.size);
  else t.text = text;
}

const inside = (outer: Rect, r: Rect): boolean => r.x >= outer.x - 0.5 && r.y >= outer.y - 0.5 && r.x + r.w <= outer.x + outer.w + 0.5 && r.y + r.h <= outer.y + outer.h + 0.5;

export class ScaleLabels extends Container {
  private readonly headers = new Map<string, HeaderTexts>();
  private readonly tiles = new Map<string, TileTexts>();
  /** Plates under the zone headers' and tiles' words. */
  private readonly backs = new Graphics();
  private readonly words = new Container();
  /** The scheduling decision on stage (verdict-marks.ts), over the tiles' words. */
  private readonly marks = new Graphics();
  /** Over everything: the hovered tile's outline and plate, the notes' plates; then their words. */
  private readonly plates = new Graphics();
  private readonly top = new Container();
  /** The hovered tile's words, when they do not fit on it. */
  private hoverText: Text | undefined;
  /** Notes beside tiles (the scheduler's decision: the nodes Filter never looked at). */
  private readonly noteTexts: Text[] = [];
  /** Boxes of the texts shown (token labels keep off them). */
  readonly boxes: Rect[] = [];

  constructor() {
    super();
    this.label = 'scale-labels';
    this.addChild(this.backs, this.words, this.marks, this.plates, this.top);
  }

  /**
   * Another trace's nodes: the words kept for this one's zones and nodes go, and their text
   * textures with them (the maps are keyed by zone and node name, so they would otherwise keep a
   * 500-node trace's words, and their canvases, under every trace after it).
   */
  reset(): void {
    for (const h of this.headers.values()) for (const t of [h.title, ...h.pieces]) t.destroy();
    for (const t of this.tiles.values()) {
      t.name.destroy();
      t.state.destroy();
    }
    this.headers.clear();
    this.tiles.clear();
    this.hoverText?.destroy();
    this.hoverText = undefined;
    for (const t of this.noteTexts) t.destroy();
    this.noteTexts.length = 0;
    this.boxes.length = 0;
    this.backs.clear();
    this.marks.clear();
    this.plates.clear();
  }

  /** `band`: how far down a tile its words may go (world px; 0: the whole tile, over the pods). */
  /** `verdicts`: the scheduling decision on stage, marked on the tiles in view (over their words) with a note by the nodes Filter never looked at. */
  update(cam: Camera, view: Rect, tl: TileLayout, band: number, tileOf: (node: string) => TileModel | undefined, groupNodes: ReadonlyMap<string, readonly string[]>, lang: Lang, p: Palette, fs: number, hovered?: string, verdicts?: TileVerdicts): void {
    this.boxes.length = 0;
    this.backs.clear();
    this.plates.clear();
    const size = 14 * fs;
    const pinned: Rect[] = [];
    /** Per tile showing its words, where they end on screen: a cross goes under them where there is room. */
    const wordsEnd = new Map<string, number>();
    for (const g of tl.groups) {
      let h = this.headers.get(g.zone);
      if (h === undefined) {
        h = { title: makeText({ size, weight: '700', fill: p.text }), pieces: [] };
        this.headers.set(g.zone, h);
        this.words.addChild(h.title);
      }
      const hr = pinnedHeader(rectToScreen(cam, view, g.header), rectToScreen(cam, view, g.rect), view, 2 * HEADER_LINE * fs);
      const shown = hr !== undefined && inside(view, hr) && hr.w > 40 * fs;
      h.title.visible = shown;
      for (const t of h.pieces) t.visible = false;
      if (!shown) continue;
      // Pinned (zoomed in, the group's own header out of view): on a plate over the tiles it
      // covers, whose words then start below it.
      if (hr.pinned) {
        this.backs.rect(hr.x, hr.y, hr.w, hr.h).fill({ color: p.sky, alpha: 0.88 });
        pinned.push(hr);
      }
      const nodes = groupNodes.get(g.zone) ?? [];
      put(h.title, scaleWords.zoneTitle(lang, g.zone, nodes.length), { size, weight: '700', fill: p.text }, hr.w);
      h.title.position.set(hr.x, hr.y);
      this.boxes.push({ x: hr.x, y: hr.y, w: h.title.width, h: h.title.height });
      // Second line: how many nodes in each state (colour and word), with the Ready ones whose
      // kubelet is down in brackets after them (a zone without power, before the API notices: a
      // subset of the Ready count, so the line never adds up to more nodes than the zone has), then
      // the pods, then those deleted but stuck (the faint sprites a dark zone keeps after its evictions).
      const counts = new Map<string, number>();
      let pods = 0;
      let stuck = 0;
      let downReady = 0;
      for (const n of nodes) {
        const t = tileOf(n);
        if (t === undefined) continue;
        if (t.kubeletDown && t.readiness === 'Ready') downReady++;
        counts.set(t.readiness, (counts.get(t.readiness) ?? 0) + 1);
        pods += t.active;
        stuck += t.pods.length - t.active;
      }
      // `keep`: which pieces give way first when the line is too long (lowest first): the
      // Terminating, then the pods, then the bracket; the node states never do. The Korean bracket
      // pushed "Unknown 40대" off the line while the pods' count had already gone (reviewer); a
      // zone partly down lost its pods' count beside three states, where its neighbours showed
      // theirs (reviewer): the count the other zones show goes last.
      const pieces: { text: string; fill: number; keep: number }[] = [];
      for (const state of ['Ready', 'NotReady', 'Unknown'] as const) {
        const n = counts.get(state) ?? 0;
        if (n > 0) pieces.push({ text: scaleWords.stateCount(lang, state, n), fill: readinessColour(state, p) === p.neutral ? p.muted : readinessColour(state, p), keep: 3 });
        if (state === 'Ready' && downReady > 0) pieces.push({ text: `(${scaleWords.kubeletsDown(lang, downReady)})`, fill: p.text, keep: 2 });
      }
      // "0 pods · Terminating 1,000" read as a contradiction (reviewer): an emptied zone says only
      // that its pods are all Terminating.
      if (pods > 0 || stuck === 0) pieces.push({ text: scaleWords.pods(lang, pods), fill: p.muted, keep: 1 });
      if (stuck > 0) pieces.push({ text: scaleWords.terminating(lang, stuck), fill: p.muted, keep: 0 });
      const texts = pieces.map((piece, i) => {
        let t = h.pieces[i];
        if (t === undefined) {
          t = makeText({ size, weight: '700', fill: piece.fill });
          h.pieces.push(t);
          this.words.addChild(t);
        }
        put(t, piece.text, { size, weight: '700', fill: piece.fill });
        return t;
      });
      const gap = 10 * fs;
      const kept = pieces.map(() => true);
      const width = (): number => texts.reduce((w, t, i) => (kept[i] === true ? w + t.width + gap : w), -gap);
      for (let rank = 0; rank < 3 && width() > hr.w; rank++) pieces.forEach((piece, i) => piece.keep === rank && (kept[i] = false));
      let x = hr.x;
      const y = hr.y + h.title.height;
      texts.forEach((t, i) => {
        if (kept[i] !== true) {
          t.visible = false;
          return;
        }
        // Once one piece does not fit, none after it shows: a later, shorter one would read out of order.
        const fits = x + t.width <= hr.x + hr.w;
        t.visible = fits;
        if (!fits) {
          x = Infinity;
          return;
        }
        t.position.set(x, y);
        this.boxes.push({ x, y, w: t.width, h: t.height });
        x += t.width + gap;
      });
    }
    for (const [node, r] of tl.tiles) {
      // The part of the tile in view: a tile larger than the view (zoomed in far) still gets its words.
      const full = rectToScreen(cam, view, r);
      const x0 = Math.max(full.x, view.x);
      // Below a pinned header that covers the tile's top: its words start under it.
      const under = pinned.reduce((y, h) => (h.x < full.x + full.w && full.x < h.x + h.w && h.y <= Math.max(full.y, view.y) + 0.5 && h.y + h.h > full.y ? Math.max(y, h.y + h.h) : y), view.y);
      const y0 = Math.max(full.y, under);
      const sr = { x: x0, y: y0, w: Math.min(full.x + full.w, view.x + view.w) - x0, h: Math.min(full.y + full.h, view.y + view.h) - y0 };
      let texts = this.tiles.get(node);
      const big = sr.w >= 44 * fs && sr.h >= 26 * fs;
      if (!big) {
        if (texts !== undefined) texts.name.visible = texts.state.visible = false;
        continue;
      }
      if (texts === undefined) {
        texts = { name: makeText({ size, weight: '700', fill: p.text }), state: makeText({ size, fill: p.text }) };
        this.tiles.set(node, texts);
        this.words.addChild(texts.name, texts.state);
      }
      const model = tileOf(node);
      const pad = 4 * fs;
      // Words stay in the band kept for them above the pods, where the tile has one.
      const wordsBottom = band > 0 ? Math.min(sr.y + sr.h, full.y + band * cam.zoom) : sr.y + sr.h;
      put(texts.name, node, { size, weight: '700', fill: p.text });
      const nameFits = texts.name.width <= sr.w - 2 * pad && sr.y + pad + texts.name.height <= wordsBottom;
      texts.name.visible = nameFits;
      texts.state.visible = false;
      if (!nameFits) continue;
      texts.name.position.set(sr.x + pad, sr.y + pad);
      let bottom = sr.y + pad + texts.name.height;
      let right = sr.x + pad + texts.name.width;
      if (model !== undefined) {
        const fill = model.readiness === 'Ready' ? p.success : model.readiness === 'NotReady' ? p.error : p.muted;
        // The state word always; its pod count when there is room.
        put(texts.state, scaleWords.tileState(lang, model.readiness, model.active), { size, fill });
        if (texts.state.width > sr.w - 2 * pad) put(texts.state, model.readiness, { size, fill });
        const fitsState = texts.state.width <= sr.w - 2 * pad && bottom + texts.state.height <= wordsBottom;
        texts.state.visible = fitsState;
        if (fitsState) {
          texts.state.position.set(sr.x + pad, bottom);
          bottom += texts.state.height;
          right = Math.max(right, sr.x + pad + texts.state.width);
        }
      }
      // A backing so the words read over the pod sprites.
      this.backs.roundRect(sr.x + pad / 2, sr.y + pad / 2, right - sr.x, bottom - sr.y, 3 * fs).fill({ color: p.card, alpha: 0.9 });
      this.boxes.push({ x: sr.x, y: sr.y, w: right - sr.x, h: bottom - sr.y });
      wordsEnd.set(node, bottom + pad / 2);
    }
    this.drawMarks(cam, view, tl, p, fs, verdicts, wordsEnd);
    this.notes(cam, view, tl, p, fs, verdicts === undefined ? [] : notChecked(verdicts, groupNodes, lang));
    this.hoverLabel(cam, view, tl, tileOf, lang, p, fs, hovered, verdicts);
  }

  /** Marks on the tiles wholly in view, in screen space: a cross below the tile's words where there is room for it, else over them. */
  private drawMarks(cam: Camera, view: Rect, tl: TileLayout, p: Palette, fs: number, verdicts: TileVerdicts | undefined, wordsEnd: ReadonlyMap<string, number>): void {
    const screen = (node: string): Rect | undefined => {
      const r = tl.tiles.get(node);
      if (r === undefined) return undefined;
      const full = rectToScreen(cam, view, r);
      return inside(view, full) ? full : undefined;
    };
    drawVerdictMarks(this.marks, verdicts, screen, p, fs, (node, r) => {
      const end = wordsEnd.get(node);
      // Room for a cross a third of the tile's height under the words: there; else over the tile (and its words).
      return end !== undefined && r.y + r.h - end >= r.h / 3 ? end - r.y : 0;
    });
  }

  private notes(cam: Camera, view: Rect, tl: TileLayout, p: Palette, fs: number, notes: readonly TileNote[]): void {
    const size = 14 * fs;
    const spec = { size, weight: '700', fill: p.text } as const;
    notes.forEach((note, i) => {
      const t = (this.noteTexts[i] ??= this.top.addChild(makeText(spec)));
      const r = tl.tiles.get(note.node);
      t.visible = false;
      if (r === undefined) return;
      const full = rectToScreen(cam, view, r);
      if (!inside(view, full)) return;
      put(t, note.text, spec);
      const plate = platePlace(full, t.width, t.height, view, this.boxes, fs, 'below');
      if (plate === undefined) return;
      this.plates.roundRect(plate.x, plate.y, plate.w, plate.h, 4 * fs).fill({ color: p.card, alpha: 0.96 }).stroke({ width: 1.5 * fs, color: p.role.scheduler });
      t.position.set(plate.x + 5 * fs, plate.y + 5 * fs);
      t.visible = true;
      this.boxes.push(plate);
    });
    for (let i = notes.length; i < this.noteTexts.length; i++) {
      const t = this.noteTexts[i];
      if (t !== undefined) t.visible = false;
    }
  }

  /**
   * The tile under the pointer: outlined, and, when its own words do not show on it (at home zoom
   * a tile is a few dozen pixels), its name, state and pods on a plate beside it.
   */
  private hoverLabel(cam: Camera, view: Rect, tl: TileLayout, tileOf: (node: string) => TileModel | undefined, lang: Lang, p: Palette, fs: number, hovered: string | undefined, verdicts: TileVerdicts | undefined): void {
    const r = hovered === undefined ? undefined : tl.tiles.get(hovered);
    const named = hovered === undefined ? false : this.tiles.get(hovered)?.name.visible === true;
    if (this.hoverText !== undefined) this.hoverText.visible = false;
    if (hovered === undefined || r === undefined) return;
    const full = rectToScreen(cam, view, r);
    this.plates.roundRect(full.x - 1.5 * fs, full.y - 1.5 * fs, full.w + 3 * fs, full.h + 3 * fs, 5 * fs).stroke({ width: 2.5 * fs, color: p.text });
    if (named) return;
    const size = 14 * fs;
    const t = (this.hoverText ??= this.top.addChild(makeText({ size, weight: '700', fill: p.text })));
    const model = tileOf(hovered);
    // While a decision is on stage, what Filter made of this node too.
    const verdict = verdicts === undefined ? undefined : scaleWords.verdict(lang, verdictOf(verdicts, hovered));
    const words = model === undefined ? hovered : `${hovered} · ${scaleWords.tileState(lang, model.readiness, model.active)}`;
    put(t, verdict === undefined ? words : `${words} · ${verdict}`, { size, weight: '700', fill: p.text });
    const plate = platePlace(full, t.width, t.height, view, this.boxes, fs, 'above') ?? fallbackPlace(full, t.width, t.height, view, fs);
    this.plates.roundRect(plate.x, plate.y, plate.w, plate.h, 4 * fs).fill({ color: p.card, alpha: 0.96 }).stroke({ width: 1.5 * fs, color: p.text });
    t.position.set(plate.x + 5 * fs, plate.y + 5 * fs);
    t.visible = true;
    this.boxes.push(plate);
  }
}

/** A note by the first node of each zone that Filter never looked at: how many, and why it stopped. */
function notChecked(v: TileVerdicts, groupNodes: ReadonlyMap<string, readonly string[]>, lang: Lang): TileNote[] {
  if (v.unexamined.length === 0) return [];
  const unexamined = new Set(v.unexamined);
  const out: TileNote[] = [];
  for (const nodes of groupNodes.values()) {
    const mine = nodes.filter((n) => unexamined.has(n));
    const first = mine[0];
    if (first !== undefined) out.push({ node: first, text: scaleWords.notChecked(lang, mine.length, v.passed.length) });
  }
  return out;
}

/** What a decision made of one node. */
function verdictOf(v: TileVerdicts, node: string): 'rejected' | 'unexamined' | 'passed' | 'chosen' | undefined {
  if (v.selected === node) return 'chosen';
  if (v.rejected.includes(node)) return 'rejected';
  if (v.unexamined.includes(node)) return 'unexamined';
  return v.passed.includes(node) ? 'passed' : undefined;
}

/** Words beside a tile: which node, and what to say. */
export interface TileNote {
  readonly node: string;
  readonly text: string;
}

/**
 * A plate of `w` x `h` words (plus padding) beside a tile on screen, where it covers no other
 * words and stays in view: centred above or under the tile (`first` tried first), else beside it
 * (the last tile of a row often has room to its right); undefined when no side is clear.
 */
function platePlace(full: Rect, w: number, h: number, view: Rect, boxes: readonly Rect[], fs: number, first: 'above' | 'below'): Rect | undefined {
  const pw = w + 10 * fs;
  const ph = h + 10 * fs;
  const gap = 4 * fs;
  const cx = Math.min(Math.max(full.x + full.w / 2 - pw / 2, view.x), view.x + view.w - pw);
  const mid = full.y + full.h / 2 - ph / 2;
  const above = { x: cx, y: full.y - ph - gap };
  const below = { x: cx, y: full.y + full.h + gap };
  const right = { x: full.x + full.w + gap, y: mid };
  const left = { x: full.x - pw - gap, y: mid };
  // Under a tile at the bottom of a zone is open sea; over it, the row above's tiles.
  const order = first === 'above' ? [above, below, right, left] : [below, right, above, left];
  const clear = (c: { x: number; y: number }): boolean =>
    c.x >= view.x && c.y >= view.y && c.x + pw <= view.x + view.w && c.y + ph <= view.y + view.h && !boxes.some((b) => b.x < c.x + pw && c.x < b.x + b.w && b.y < c.y + ph && c.y < b.y + b.h);
  const c = order.find(clear);
  return c === undefined ? undefined : { x: c.x, y: c.y, w: pw, h: ph };
}

/** Above the tile, kept inside the view (the hovered tile's words show even where they must cover some). */
function fallbackPlace(full: Rect, w: number, h: number, view: Rect, fs: number): Rect {
  const pw = w + 10 * fs;
  const ph = h + 10 * fs;
  const x = Math.min(Math.max(full.x + full.w / 2 - pw / 2, view.x), view.x + view.w - pw);
  const y = Math.min(Math.max(full.y - ph - 4 * fs, view.y), view.y + view.h - ph);
  return { x, y, w: pw, h: ph };
}
