/**
 * Message tokens travelling along routes between stations. A request is a solid token, a watch
 * push a ring, a response a smaller token travelling back (on the mirrored arc), a signal a
 * diamond, an etcd write a square in etcd's colour. The label rides beside the token, on the
 * outside of the arc. Views are pooled; shapes are shared GraphicsContexts tinted per role.
 */
import { Container, Graphics, GraphicsContext, type Text } from './pixi-parts.ts';
import type { ComponentId, MessageEvent } from '../sim/trace.ts';
import type { Point, Rect } from './layout.ts';
import { markDrawn } from './drawn.ts';
import { keepInside, pointOnRoute, routeBetween, rowRoute, sameRow, type Route } from './routes.ts';
import { coversOf, routeRuns, traceDashed, traceRoute, underCard, type RouteRuns } from './behind-cards.ts';
import { CARD_MARGIN, coverArea } from './label-cover.ts';
import { shortForms } from './short-label.ts';
import { componentInfo } from './ids.ts';
import type { Palette } from './theme.ts';
import { fitText, makeText, restyle } from './scene/text.ts';
import { isChipStation } from './message-controller.ts';

/** No live text spots (a stable empty list, not one made per label). */
const NO_SPOTS: readonly Rect[] = [];
/** Six directions, then the same six further out (for crowded spots); further still would part a label from its token. */
const SIDES = 12;
const RING_GAPS = [16, 44] as const;
/**
 * Where along its route a label may sit on the line when no spot by its token or beside the route's
 * middle has room: this far from the token (progress), nearest first, never on the token itself.
 */
const ROUTE_STEPS = [-0.1, 0.1, -0.2, 0.2, -0.3, 0.3, -0.4, 0.4] as const;
/** Labelled tokens per frame: people track about four moving things; older labels give way. */
const MAX_LABELS = 4;
/** Covering another token's label costs this much more than covering a card (it is never allowed). */
const LABEL_WEIGHT = 8;

type Shape = 'request' | 'watch' | 'response' | 'signal' | 'write';

function shapeOf(m: MessageEvent): Shape {
  if (m.write === true) return 'write';
  return m.type;
}

function makeContexts(): Readonly<Record<Shape, GraphicsContext>> {
  return {
    request: new GraphicsContext().circle(0, 0, 9).fill(0xffffff).circle(0, 0, 9).stroke({ width: 2, color: 0x000000, alpha: 0.25 }),
    watch: new GraphicsContext().circle(0, 0, 10).stroke({ width: 4, color: 0xffffff }).circle(0, 0, 3).fill(0xffffff),
    response: new GraphicsContext().circle(0, 0, 6).fill(0xffffff),
    signal: new GraphicsContext().poly([0, -9, 9, 0, 0, 9, -9, 0]).fill(0xffffff),
    write: new GraphicsContext().roundRect(-10, -10, 20, 20, 4).fill(0xffffff).roundRect(-5, -5, 10, 10, 2).fill({ color: 0x000000, alpha: 0.35 }),
  };
}

/** A disc behind every token, tinted with the sky: the token stands clear of its line and of what it crosses. */
let HALO: GraphicsContext | undefined;
const haloContext = (): GraphicsContext => (HALO ??= new GraphicsContext().circle(0, 0, 13).fill(0xffffff));

let CONTEXTS: Readonly<Record<Shape, GraphicsContext>> | undefined;
const contexts = (): Readonly<Record<Shape, GraphicsContext>> => (CONTEXTS ??= makeContexts());

/** Where pods stand on stage (PodLayer): tokens about a pod go to the pod itself. */
export interface PodPlaces {
  podRect(ref: string): Rect | undefined;
  podNamed(name: string): Rect | undefined;
  /** The box of the first pod (by ref) whose ref starts with `prefix`. */
  podWithPrefix?(prefix: string): Rect | undefined;
  /** Every pod box on stage (a label should not cover a pod's name). */
  podRects(): readonly Rect[];
}

/** A story token under a card its route passes behind: seen through the card, as its dashed line is. */
const GHOST_ALPHA = 0.4;

/** A pooled token out of sight, its label (drawn in the labels' layer) with it. */
function hideToken(v: TokenView): void {
  v.visible = false;
  v.pill.visible = false;
  v.text.visible = false;
}

class TokenView extends Container {
  readonly shape = new Graphics();
  readonly halo = new Graphics(haloContext());
  readonly pill = new Graphics();
  readonly text: Text;
  /**
   * The message whose look this view has (undefined: none yet). The event itself, not its id: a
   * scale-view flow keeps its id and gets a new stand-in event when its status changes (a 4xx
   * colours it), and its ids are negative, so no id can mean "none".
   */
  message: MessageEvent | undefined = undefined;
  labelKey = '';

  constructor() {
    super();
    this.label = 'token';
    this.text = makeText({ size: 14, mono: true, fill: 0xffffff });
    // labels() names a text by its nearest label: drawn above the tokens, it stays the token's.
    this.text.label = 'token';
    // The label (pill and text) is drawn by the layer's label container, above every token.
    this.addChild(this.halo, this.shape);
    // The token itself (its label is in labels()): tests check tokens stay on the canvas.
    markDrawn(this.shape, 'token', 'token');
  }
}

export class TokenLayer extends Container {
  /**
   * The route lines of the tokens in flight. Not a child of this layer: the stage puts it under the
   * numbered trail's badges, which sit on the same routes (a line drawn over a badge hid its number).
   */
  readonly trails = new Graphics();
  private readonly pool: TokenView[] = [];
  private used = 0;
  private readonly routes = new Map<number, Route>();
  private stations: ReadonlyMap<string, Rect> = new Map();
  private stationRects: Rect[] = [];
  /** Labels already placed this frame (newest tokens first). */
  private readonly placed: Rect[] = [];
  private bounds: Rect = { x: 0, y: 0, w: Infinity, h: Infinity };
  private palette: Palette | undefined;
  private fs = 1;
  private s = 1;
  reducedMotion = false;
  /** 'show': background tokens drawn like the story's (no label); 'quiet': small and faint. */
  backgroundLook: 'show' | 'quiet' = 'quiet';
  pods: PodPlaces | undefined;
  /** Where a component without a station of its own is drawn instead (the scale view: a node's kubelet at its zone group). */
  alias: ((id: ComponentId) => ComponentId | undefined) | undefined;
  /**
   * A station of its own for one message's end, when laid out (kube-controller-manager's message
   * at the chip of the controller that sent it or is answered: message-controller.ts).
   */
  endOf: ((id: ComponentId, m: MessageEvent) => string | undefined) | undefined;
  /** Text a label may never cover that moves between layouts (the scale view's headers), read each frame. */
  liveTextSpots: (() => readonly Rect[]) | undefined;
  /**
   * Cards a route passes behind rather than over (the scale view: a zone's flow to kube-apiserver
   * crossed kube-controller-manager's chips): its line is solid outside them and dashed over them,
   * and its token a faint ghost while under one (behind-cards.ts). Set before layout().
   */
  covers: readonly Rect[] = [];
  /** Per route (message id): the cards it passes behind, and its line's parts outside and over them. */
  private readonly behind = new Map<number, { covers: Rect[]; runs: RouteRuns }>();

  /** The tokens, and above them every token's label: a token passing by never covers a label's words. */
  private readonly dots = new Container();
  private readonly labelsOnTop = new Container();

  constructor() {
    super();
    this.trails.label = 'token-routes';
    this.addChild(this.dots, this.labelsOnTop);
  }

  /**
   * `bounds`: the stage; a label that would leave it counts as covering what it loses.
   * `obstacles`: other text a label must not cover (ship names and taints, the clock...).
   */
  layout(stations: ReadonlyMap<string, Rect>, p: Palette, s: number, fs: number, bounds?: Rect, obstacles: readonly Rect[] = [], textSpots: readonly Rect[] = []): void {
    this.stations = stations;
    this.textSpots = textSpots;
    if (bounds !== undefined) this.bounds = bounds;
    // An end on a card (a controller chip's spot: message-controller.ts)
    // is not a card of its own: labels do not keep off it.
    this.stationRects = [...[...stations].flatMap(([key, r]) => (isChipStation(key) ? [] : [r])), ...obstacles];
    this.palette = p;
    this.s = s;
    this.fs = fs;
    this.routes.clear();
    this.behind.clear();
    for (const t of this.pool) {
      // A key no label has: the next add() restyles or hides the label (an empty key would leave a stale label showing).
      t.labelKey = '\u0000';
      t.pill.visible = false;
      t.text.visible = false;
      t.message = undefined;
    }
  }

  /** Boxes other marks must keep off: cards (with their text), ship names, the clock, pods. */
  obstacles(): Rect[] {
    return [...this.stationRects, ...this.textSpots, ...(this.liveTextSpots?.() ?? []), ...(this.pods?.podRects() ?? [])];
  }

  /** Pods were added, removed or moved: routes to them are stale. */
  podsMoved(): void {
    this.routes.clear();
    this.behind.clear();
  }

  /**
   * Where a message's end is drawn: a client (client/<pod>) at its pod on the deck (else the
   * quay); a packet (signal) carrying a pod at that pod rather than its node's kubelet.
   */
  private endRect(id: ComponentId, m: MessageEvent): Rect {
    const own = this.endOf?.(id, m);
    if (own !== undefined) {
      const r = this.stations.get(own);
      if (r !== undefined) return r;
    }
    const stand = this.alias?.(id);
    if (stand !== undefined) return this.stationRect(stand);
    if (id.startsWith('client/')) return this.pods?.podNamed(id.slice('client/'.length)) ?? this.stationRect(id);
    // CoreDNS runs as pods on workers: a query goes to the pod that answers, a watch to the first one.
    if (id === 'coredns') return (m.object?.startsWith('Pod/kube-system/coredns-') === true ? this.pods?.podRect(m.object) : undefined) ?? this.pods?.podWithPrefix?.('Pod/kube-system/coredns-') ?? this.stationRect(id);
    if (m.type === 'signal' && id.startsWith('kubelet/') && m.object?.startsWith('Pod/') === true) return this.pods?.podRect(m.object) ?? this.stationRect(id);
    return this.stationRect(id);
  }

  private stationRect(id: string): Rect {
    const direct = this.stations.get(id);
    if (direct) return direct;
    // Components without a station of their own: etcd <-> its members, others -> the quay.
    if (id === 'etcd' || id.startsWith('etcd/')) {
      const single = this.stations.get('etcd');
      if (single) return single;
      for (const [key, r] of this.stations) if (key.startsWith('etcd/')) return r;
    }
    return this.stations.get('kubectl') ?? { x: 0, y: 0, w: 1, h: 1 };
  }

  /** The route a message's token takes (cached per message id; no string keys in the per-frame path). */
  routeOf(m: MessageEvent): Route {
    let r = this.routes.get(m.id);
    if (r === undefined) {
      const a = this.endRect(m.from, m);
      const b = this.endRect(m.to, m);
      const overRow = (m.from.startsWith('etcd/') && m.to.startsWith('etcd/') && sameRow(a, b)) || this.cardBetween(a, b);
      r = keepInside(overRow ? rowRoute(a, b) : routeBetween(a, b), this.bounds, 14 * this.s);
      this.routes.set(m.id, r);
      const covers = coversOf(r, this.covers, [a, b]);
      if (covers.length > 0) this.behind.set(m.id, { covers, runs: routeRuns(r, covers) });
      else this.behind.delete(m.id);
    }
    return r;
  }

  /** A message's route line cut at the cards it passes behind; undefined: it passes behind none (draw the whole arc). */
  runsOf(m: MessageEvent): RouteRuns | undefined {
    this.routeOf(m);
    return this.behind.get(m.id)?.runs;
  }

  /**
   * Two cards side by side in a row with another card between them (kube-apiserver and the second
   * etcd member): a straight arc would cross it, as if the message went through that component.
   */
  private cardBetween(a: Rect, b: Rect): boolean {
    const ay = a.y + a.h / 2;
    const by = b.y + b.h / 2;
    if (Math.abs(ay - by) > Math.min(a.h, b.h) / 2) return false;
    const left = Math.min(a.x + a.w, b.x + b.w);
    const right = Math.max(a.x, b.x);
    if (right - left <= 0) return false;
    const y = (ay + by) / 2;
    for (const r of this.stations.values()) {
      if (r === a || r === b) continue;
      if (r.x >= left && r.x + r.w <= right && r.y <= y && r.y + r.h >= y) return true;
    }
    return false;
  }

  /** Boxes token labels keep off this frame besides each other (the trail's numbered badges). */
  private reserved: readonly Rect[] = [];
  /** Small text a label may never cover, not even a little (a deck's "+N"). */
  private textSpots: readonly Rect[] = [];

  beginFrame(reserved: readonly Rect[] = []): void {
    this.used = 0;
    this.reserved = reserved;
    this.placed.length = 0;
    this.trails.clear();
  }

  /**
   * Draw one token at progress 0..1 (eased); `label` undefined for followers of a fan-out. False
   * when it is out of sight (under a card its route passes behind). `rideRoute`: its label may sit
   * on its route, away from the token, when nothing by the token has room (the step's own tokens).
   */
  add(m: MessageEvent, progress: number, label: string | undefined, background = false, rideRoute = true): boolean {
    const p = this.palette;
    if (p === undefined) return false;
    let v = this.pool[this.used];
    if (v === undefined) {
      v = new TokenView();
      this.pool.push(v);
      this.dots.addChild(v);
      this.labelsOnTop.addChild(v.pill, v.text);
    }
    this.used++;
    v.visible = true;
    const r = this.routeOf(m);
    const u = this.reducedMotion ? (progress < 0.5 ? 0 : 1) : progress;
    const iu = 1 - u;
    const x = iu * iu * r.p0.x + 2 * iu * u * r.c.x + u * u * r.p1.x;
    const y = iu * iu * r.p0.y + 2 * iu * u * r.c.y + u * u * r.p1.y;
    const shape = shapeOf(m);
    const role = componentInfo(m.from).role;
    const colour = shape === 'write' ? p.role.etcd : m.status !== undefined && m.status >= 400 ? p.error : p.role[role];
    // The route, faint, so the eye sees where the token goes; dashed over the cards it passes behind.
    const behind = this.behind.get(m.id);
    if (!background) {
      traceRoute(this.trails, r, behind?.runs.visible);
      this.trails.stroke({ width: p.route.width * this.s, color: colour, alpha: p.route.alpha });
      if (behind !== undefined && behind.runs.hidden.length > 0) {
        traceDashed(this.trails, behind.runs.hidden, 6 * this.s, 5 * this.s);
        this.trails.stroke({ width: p.route.width * this.s, color: colour, alpha: p.route.alpha });
      }
    }
    // Under a card it passes behind, a story token is a faint ghost and a background one is out of
    // sight. Either counts as not in sight. A ghost keeps its label where one fits off the card's words
    // (a watch event to a kubelet spends most of its hop behind kube-controller-manager's card).
    const under = behind !== undefined && underCard({ x, y }, behind.covers);
    if (under && background) {
      hideToken(v);
      return false;
    }
    if (v.message !== m) {
      v.message = m;
      // Another message on this pooled view: its pill (colour included) is drawn anew.
      v.labelKey = '\u0000';
      markDrawn(v, 'token', background ? 'background' : 'story');
      v.shape.context = contexts()[shape];
      v.shape.tint = colour;
      const quiet = background && this.backgroundLook === 'quiet';
      v.shape.scale.set(this.fs * (quiet ? 0.75 : 1.15));
      v.shape.alpha = quiet ? 0.5 : background ? 0.85 : 1;
      v.halo.tint = p.sky;
      v.halo.scale.set(v.shape.scale.x);
      v.halo.visible = !quiet;
    }
    v.shape.position.set(x, y);
    v.halo.position.set(x, y);
    v.alpha = under ? GHOST_ALPHA : 1;
    // The sky disc that keeps a token clear of its line would show as a blot on the card.
    v.halo.alpha = under ? 0 : 1;
    // A ghost's label stands by the nearest point of its route out from under the card.
    let ax = x;
    let ay = y;
    if (under && label !== undefined) ({ x: ax, y: ay } = nearestInSight(r, u, behind.covers));
    const key = label ?? '';
    if (key !== v.labelKey) {
      v.labelKey = key;
      v.pill.visible = label !== undefined;
      v.text.visible = label !== undefined;
      if (label !== undefined) {
        restyle(v.text, { size: 14 * this.fs, mono: true, weight: '700', fill: p.text });
        this.fitLabel(v.text, label);
        const w = v.text.width + 14 * this.fs;
        const h = v.text.height + 4 * this.fs;
        v.pill.clear().roundRect(-w / 2, -h / 2, w, h, h / 2).fill({ color: p.pillBg, alpha: 0.94 }).stroke({ width: 2 * this.fs, color: colour });
        v.text.position.set(-v.text.width / 2, -v.text.height / 2);
      }
    }
    if (label !== undefined) {
      const w = v.text.width + 14 * this.fs;
      const h = v.text.height + 4 * this.fs;
      // The sides in a fixed order; take the first that covers nothing. No memory of the side taken
      // in an earlier frame: a label's place is a function of this frame alone, so a seek, a step
      // played through and a fresh load at the same time put it in the same spot.
      // After the token's own sides, two beside the middle of its route, where a label may sit
      // flush between two cards (no margin): a short hop between cards a gap apart
      // (kube-controller-manager's middle chip right under kube-apiserver) has room only there.
      const midX = 0.25 * r.p0.x + 0.5 * r.c.x + 0.25 * r.p1.x;
      const midY = 0.25 * r.p0.y + 0.5 * r.c.y + 0.25 * r.p1.y;
      // Last, on the route itself, where it crosses open water between cards: a hop from the flagship
      // down to a ship has no room by either end (its cards' words) nor by its middle (the cards it
      // passes behind), but the line crosses the sea between them.
      let bestX = 0;
      let bestY = 0;
      let bestCover = Infinity;
      let bestOnLabels = 0;
      const fits = (): boolean => bestOnLabels === 0 && bestCover <= 0.12 * w * h;
      const sides = SIDES + 2 + (rideRoute ? ROUTE_STEPS.length : 0);
      for (let side = 0; side < sides; side++) {
        // The route's middle only rescues a label no side of its token has room for, and the route
        // itself one that its middle has no room for either (past its ends, no spot).
        if ((side === SIDES || side === SIDES + 2) && fits()) break;
        let cx: number;
        let cy: number;
        if (side < SIDES) {
          cx = ax + this.sideX(side, w);
          cy = ay + this.sideY(side, h);
        } else if (side < SIDES + 2) {
          cx = midX + (side === SIDES ? 1 : -1) * (w / 2 + RING_GAPS[0] * this.fs);
          cy = midY;
        } else {
          const at = u + (ROUTE_STEPS[side - SIDES - 2] ?? 0);
          if (at < 0.1 || at > 0.9) continue;
          ({ x: cx, y: cy } = pointOnRoute(r, at));
        }
        const onLabels = this.labelCoverAt(cx, cy, w, h);
        const cover = this.coverAt(cx, cy, w, h, side < SIDES ? CARD_MARGIN * this.fs : 0) + LABEL_WEIGHT * onLabels;
        if (cover < bestCover) {
          bestCover = cover;
          bestOnLabels = onLabels;
          bestX = cx;
          bestY = cy;
          if (cover === 0) break;
        }
      }
      // A newer token's label already holds every spot, enough labels are showing, or the only spots
      // left cover a component: this one stays unlabelled (the caption and the cards still say what happens).
      const onCards = bestCover - LABEL_WEIGHT * bestOnLabels;
      const show = bestOnLabels === 0 && this.placed.length < MAX_LABELS && onCards <= 0.12 * w * h;
      v.pill.visible = show;
      v.text.visible = show;
      if (!show) return !under;
      const lx = bestX;
      const ly = bestY;
      this.placed.push({ x: lx - w / 2, y: ly - h / 2, w, h });
      v.pill.position.set(lx, ly);
      v.text.position.set(lx - v.text.width / 2, ly - v.text.height / 2);
    }
    return !under;
  }

  /**
   * The label at full size, else its first shorter form (short-label.ts) that fits; never cut
   * mid-word. Runs only when a token's label changes.
   */
  private fitLabel(t: Text, label: string): void {
    const max = 260 * this.fs;
    const size = 14 * this.fs;
    const forms = shortForms(label);
    for (const form of forms) {
      t.text = form;
      if (t.width <= max) return;
    }
    // Nothing fits at full size: the shortest form, at the smallest readable size.
    fitText(t, forms[forms.length - 1] ?? label, max, size);
  }

  /** Area of the labels placed this frame that a label centred at (cx, cy) would cover (with a small margin). */
  private labelCoverAt(cx: number, cy: number, w: number, h: number): number {
    const g = 2 * this.fs;
    const x0 = cx - w / 2 - g;
    const y0 = cy - h / 2 - g;
    let area = 0;
    for (const list of [this.reserved, this.textSpots, this.liveTextSpots?.() ?? NO_SPOTS]) {
      for (const r of list) {
        const ox = Math.min(x0 + w + 2 * g, r.x + r.w) - Math.max(x0, r.x);
        const oy = Math.min(y0 + h + 2 * g, r.y + r.h) - Math.max(y0, r.y);
        if (ox > 0 && oy > 0) area += ox * oy;
      }
    }
    for (const r of this.placed) {
      const ox = Math.min(x0 + w + 2 * g, r.x + r.w) - Math.max(x0, r.x);
      const oy = Math.min(y0 + h + 2 * g, r.y + r.h) - Math.max(y0, r.y);
      if (ox > 0 && oy > 0) area += ox * oy;
    }
    return area;
  }

  /** Label centre offsets: above, right, below, left, above-right, above-left. */
  private sideX(side: number, w: number): number {
    const gap = (RING_GAPS[Math.floor(side / 6)] ?? 16) * this.fs;
    const d = side % 6;
    return d === 1 ? w / 2 + gap : d === 3 ? -(w / 2 + gap) : d === 4 ? w / 2 : d === 5 ? -w / 2 : 0;
  }

  private sideY(side: number, h: number): number {
    const gap = (RING_GAPS[Math.floor(side / 6)] ?? 16) * this.fs;
    const d = side % 6;
    return d === 0 || d === 4 || d === 5 ? -(h / 2 + gap) : d === 2 ? h / 2 + gap : 0;
  }

  /** Area of station cards a label centred at (cx, cy) would cover. */
  private coverAt(cx: number, cy: number, w: number, h: number, margin: number): number {
    const x0 = cx - w / 2;
    const y0 = cy - h / 2;
    const b = this.bounds;
    const inX = Math.max(0, Math.min(x0 + w, b.x + b.w) - Math.max(x0, b.x));
    const inY = Math.max(0, Math.min(y0 + h, b.y + b.h) - Math.max(y0, b.y));
    let area = (w * h - inX * inY) * 4;
    const box = { x: x0, y: y0, w, h };
    // Cards keep a margin round them; pods only their own area.
    area += coverArea(box, this.stationRects, margin);
    area += coverArea(box, this.pods?.podRects() ?? [], 0);
    return area;
  }

  /**
   * Another trace: the views pooled for the old one's busiest moment go, with their labels'
   * textures and their pills' shapes (a 500-node trace pooled ~100); frames make what they need.
   * Each part is destroyed on its own: a token's shape and halo draw shared contexts, which stay.
   */
  dropPool(): void {
    for (const v of this.pool) {
      for (const part of [v.pill, v.text, v.halo, v.shape]) part.destroy();
      v.destroy();
    }
    this.pool.length = 0;
    this.used = 0;
  }

  endFrame(): void {
    for (let i = this.used; i < this.pool.length; i++) {
      const v = this.pool[i];
      if (v !== undefined) hideToken(v);
    }
  }
}

/** The point of route `r` nearest progress `u` (either way) that no card in `covers` hides; `u`'s own point if none. */
function nearestInSight(r: Route, u: number, covers: readonly Rect[]): Point {
  // Outward from u, one side then the other, in steps of 0.02 (per frame: no list per step).
  for (let i = 2; i <= 101; i++) {
    const v = u + (i % 2 === 0 ? -1 : 1) * (i >> 1) * 0.02;
    if (v < 0 || v > 1) continue;
    const q = pointOnRoute(r, v);
    if (!underCard(q, covers)) return q;
  }
  return pointOnRoute(r, u);
}
