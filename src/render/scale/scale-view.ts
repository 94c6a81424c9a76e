/**
 * The stage for big clusters (level of detail): past what full ships can show, nodes are tiles in
 * zone groups (tile-view.ts), pods are sprites, and the words sit in screen space over them
 * (labels-view.ts). The camera zooms (wheel about the pointer, keys) and pans (drag); a tile opens
 * its node's full ship (the stage view does that). Same trace, same player: this is another view
 * of the state the stage view applies at each event boundary.
 */
import type { FederatedPointerEvent, FederatedWheelEvent } from 'pixi.js';
import { Container, Graphics, Rectangle } from '../pixi-parts.ts';
import type { Lang } from '../../model/localized.ts';
import type { K8sObject, ObjectRef } from '../../model/objects.ts';
import type { ComponentStatus } from '../../sim/trace.ts';
import type { Point, Rect } from '../layout.ts';
import type { Palette } from '../theme.ts';
import { clampCamera, followResize, homeCamera, keepInView, panBy, rectToScreen, sameCamera, toWorld, visibleWorld, zoomAbout, ZOOM_STEP, type Camera } from './camera.ts';
import { ScaleLabels } from './labels-view.ts';
import { pinnedHeader } from './pinned-header.ts';
import { HEADER_LINE, layoutTiles, spriteGrid, zoneGroups, type NodeZone, type SpriteGrid, type TileLayout, type ZoneGroup } from './tile-layout.ts';
import { ScaleModel } from './tile-model.ts';
import { NodeTile } from './tile-view.ts';
import { ringBoxes } from './focus-ring.ts';
import type { TileVerdicts } from './tile-verdicts.ts';
import { destroyTree } from '../destroy-tree.ts';

/** A press that moves less than this is a click (opens a tile), more is a drag (pans). */
const DRAG_PX = 5;

const EMPTY: Rect = { x: 0, y: 0, w: 0, h: 0 };

/** The largest token's halo radius (tokens.ts) and a little air: what a route's end keeps above a zone's header. */
const TOKEN_CLEARANCE = 15;

export class ScaleView extends Container {
  private readonly world = new Container();
  /**
   * The tiles, a render group of their own: PixiJS rebuilds a group's draw list whenever anything
   * in it changes structure (a text's words, a Graphics redrawn on WebGL), and the stage's clock
   * and tokens change every frame. Outside this group, those rebuilds skip the 15,000 pod sprites.
   * Not the world itself: a render group's own mask would be drawn with the group's transform.
   */
  private tileLayer = new Container({ isRenderGroup: true });
  private readonly maskShape = new Graphics();
  private readonly ring = new Graphics();
  /** The scheduling decision on stage, drawn on the tiles by the labels layer (verdict-marks.ts). */
  private verdicts: TileVerdicts | undefined;
  private verdictsKey = '';
  readonly labels = new ScaleLabels();
  private readonly tiles = new Map<string, NodeTile>();
  private nodes: readonly string[] = [];
  private groups: ZoneGroup[] = [];
  private readonly groupNodes = new Map<string, readonly string[]>();
  private readonly zones = new Map<string, string>();
  private model = new ScaleModel([]);
  private tl: TileLayout = { groups: [], tiles: new Map(), tileW: 0, tileH: 0 };
  private grid: SpriteGrid = { cols: 1, size: 1, pitch: 1, x: 0, y: 0, band: 0 };
  private gridFor = -1;
  private view: Rect = EMPTY;
  private cam: Camera = { zoom: 1, cx: 0, cy: 0 };
  private palette: Palette | undefined;
  private s = 1;
  private fs = 1;
  private lang: Lang = 'en';
  private focus: readonly string[] = [];
  private ringed: readonly string[] = [];
  /** On WebGL (where that is pixel-exact): tiles draw their washed card as one fill (tile-view.ts washed()), and the world is clipped only where it must be (syncMask). */
  private mergeWash = false;
  /**
   * The tiles drawn once into a texture, and that texture drawn each frame, while it maps 1:1 to the
   * canvas' pixels (zoom 1, stage unscaled, whole-number resolution): the 15,000 pod sprites of 500
   * nodes were most of a frame, and they change only at some event boundaries. Zoomed in, each
   * frame draws the tiles themselves (a texture would blur or cost too many pixels).
   */
  private cached = false;
  /** The world is clipped to the view by maskShape (syncMask). */
  private clipped = true;
  /** The stage is drawn unscaled (not a tiny canvas laid out larger) at a whole-number resolution. */
  private pixelExact = false;
  /** The tiles of the nodes set last are laid out and drawn (layout() with the same arguments again has nothing to do). */
  private tilesLaidOut = false;
  private press: { x: number; y: number; cam: Camera; moved: boolean } | undefined;
  /** Whether the press just released was a drag: PixiJS fires pointerup before pointertap, so the tap reads it here. */
  private releasedDrag = false;
  /** The tile under the pointer (Enter opens it; outlined, and named when its words do not fit on it). */
  hovered: string | undefined;
  /** The hovered tile changed: the stage redraws (nothing is drawn while paused otherwise). */
  onHover: (() => void) | undefined;
  /** The camera moved (wheel, drag, keys, a step's focus): the stage re-lays its flows and redraws. */
  onCamera: (() => void) | undefined;
  /** A tile was clicked. */
  onOpen: ((node: string) => void) | undefined;

  constructor() {
    super();
    this.label = 'scale-view';
    this.world.mask = this.maskShape;
    this.world.addChild(this.tileLayer, this.ring);
    this.addChild(this.maskShape, this.world, this.labels);
    this.eventMode = 'static';
    this.cursor = 'grab';
    this.on('wheel', (e: FederatedWheelEvent) => {
      const at = e.getLocalPosition(this);
      this.zoomBy(e.deltaY < 0 ? ZOOM_STEP : 1 / ZOOM_STEP, at);
    });
    this.on('pointerdown', (e: FederatedPointerEvent) => {
      const at = e.getLocalPosition(this);
      this.press = { x: at.x, y: at.y, cam: this.cam, moved: false };
    });
    this.on('globalpointermove', (e: FederatedPointerEvent) => {
      const at = e.getLocalPosition(this);
      const press = this.press;
      if (press !== undefined && (e.buttons & 1) === 1) {
        if (!press.moved && Math.hypot(at.x - press.x, at.y - press.y) < DRAG_PX) return;
        press.moved = true;
        this.setCamera(panBy(press.cam, this.view, at.x - press.x, at.y - press.y));
        return;
      }
      this.hover(this.tileAt(at));
    });
    this.on('pointerleave', () => this.hover(undefined));
    const release = (): void => {
      this.releasedDrag = this.press?.moved === true;
      this.press = undefined;
    };
    this.on('pointerup', release);
    this.on('pointerupoutside', release);
    this.on('pointertap', (e: FederatedPointerEvent) => {
      // A drag that ends on a tile pans; it does not open the tile it started on (reviewer).
      const dragged = this.releasedDrag;
      this.releasedDrag = false;
      if (dragged) return;
      const node = this.tileAt(e.getLocalPosition(this));
      if (node !== undefined) this.onOpen?.(node);
    });
  }

  /** The nodes drawn and their zones (topology.kubernetes.io/zone). */
  setNodes(nodes: readonly NodeZone[]): void {
    // A new layer, not the old one emptied: PixiJS keeps a render group's lists at the most they
    // ever held (its draw list, whose slots past the end still point at destroyed tiles' shapes,
    // its update lists, its bounds cache), so a 500-node trace's stayed alive under the next trace.
    // Destroying the group also gives its cached texture back to PixiJS's pool.
    destroyTree(this.tileLayer);
    this.cached = false;
    this.tileLayer = new Container({ isRenderGroup: true });
    this.world.addChildAt(this.tileLayer, 0);
    this.labels.reset();
    this.tiles.clear();
    this.verdictsKey = '';
    this.verdicts = undefined;
    this.nodes = nodes.map((n) => n.node);
    this.zones.clear();
    for (const n of nodes) this.zones.set(n.node, n.zone ?? '');
    this.groups = zoneGroups(nodes);
    this.groupNodes.clear();
    for (const g of this.groups) this.groupNodes.set(g.zone, g.nodes);
    this.model = new ScaleModel(this.nodes);
    // The last layout is of the nodes before: dropped, so a small trace after a big one keeps none of it.
    this.tl = { groups: [], tiles: new Map(), tileW: 0, tileH: 0 };
    for (const n of this.nodes) {
      const t = new NodeTile(n);
      this.tiles.set(n, t);
      this.tileLayer.addChild(t);
    }
    this.gridFor = -1;
    this.tilesLaidOut = false;
    this.syncCache(true);
  }

  /** The zone group a node is drawn in ('' for nodes without a zone); undefined for a node not in the view. */
  zoneOf(node: string): string | undefined {
    return this.zones.get(node);
  }

  get zoneKeys(): readonly string[] {
    return this.groups.map((g) => g.zone);
  }

  /** `pixelExact`: the stage is drawn unscaled, one world px a whole number of canvas pixels (see `cached`). */
  layout(area: Rect, p: Palette, s: number, fs: number, lang: Lang, pixelExact: boolean): void {
    // The stage lays everything out again when a node opens or closes: the tiles, already drawn
    // for this very layout, stay (a 200-node cluster's tiles took ~20 ms to draw again, and the
    // cached texture as long to render again).
    const v = this.view;
    if (this.tilesLaidOut && v.x === area.x && v.y === area.y && v.w === area.w && v.h === area.h && p === this.palette && s === this.s && fs === this.fs && lang === this.lang && pixelExact === this.pixelExact) return;
    this.pixelExact = pixelExact;
    this.tilesLaidOut = true;
    const old = this.view;
    this.view = area;
    this.palette = p;
    this.s = s;
    this.fs = fs;
    this.lang = lang;
    const oldTiles = this.tl.tiles;
    this.tl = layoutTiles(this.groups, area, s, fs);
    this.maskShape.clear().rect(area.x, area.y, area.w, area.h).fill({ color: 0xffffff });
    this.hitArea = new Rectangle(area.x, area.y, area.w, area.h);
    // Same zoom, on the same node, after a resize.
    this.cam = old.w > 0 && old.h > 0 ? followResize(this.cam, old, oldTiles, area, this.tl.tiles) : homeCamera(area);
    this.gridFor = -1;
    this.redrawTiles(new Set(this.nodes));
    this.drawRing();
    this.applyCamera();
  }

  private barH(): number {
    return Math.max(2, this.tl.tileH * 0.08);
  }

  /** A new cluster state (only at event boundaries): tiles whose node or pods changed are redrawn. */
  apply(objects: ReadonlyMap<ObjectRef, K8sObject>, revisions: ReadonlyMap<ObjectRef, number>, components: ReadonlyMap<string, ComponentStatus>): void {
    const dirty = this.model.apply(objects, revisions, components);
    if (dirty.size === 0) return;
    this.redrawTiles(dirty);
    this.updateLabels();
  }

  private redrawTiles(dirty: ReadonlySet<string>): void {
    const p = this.palette;
    if (p === undefined) return;
    const max = this.model.maxPods();
    // The sprite grid fits the fullest node; when that changes every tile is drawn again.
    let todo = dirty;
    if (max !== this.gridFor) {
      this.gridFor = max;
      this.grid = spriteGrid(this.tl.tileW, this.tl.tileH, max, this.barH(), this.fs);
      todo = new Set(this.nodes);
    }
    let changed = false;
    for (const n of todo) {
      const r = this.tl.tiles.get(n);
      if (r !== undefined && this.tiles.get(n)?.draw(this.model.tile(n), r, this.grid, this.barH(), p, this.s, this.mergeWash) === true) changed = true;
    }
    this.syncCache(changed);
  }

  /** Turns the tiles' texture on or off as the camera allows, and draws it again when the tiles `changed`. */
  private syncCache(changed: boolean): void {
    const want = this.pixelExact && this.cam.zoom === 1 && this.nodes.length > 0;
    if (want && !this.cached) this.tileLayer.cacheAsTexture(true);
    else if (!want && this.cached) this.uncache();
    else if (want && changed) this.tileLayer.updateCacheTexture();
    this.cached = want;
  }

  /** Back to drawing the tiles each frame; still a render group of their own. */
  private uncache(): void {
    this.tileLayer.cacheAsTexture(false);
    this.tileLayer.enableRenderGroup();
    this.cached = false;
  }

  /**
   * The WebGL context was lost: its texture goes back to PixiJS's pool, which the stage empties
   * when the context is back; the next layout makes a new one.
   */
  dropCache(): void {
    if (this.cached) this.uncache();
  }

  /** The renderer drawing the stage (PixiJS's WebGL, WebGPU or canvas renderer). */
  setRenderer(name: 'webgl' | 'webgpu' | 'canvas'): void {
    const merge = name === 'webgl';
    if (merge === this.mergeWash) return;
    this.mergeWash = merge;
    this.redrawTiles(new Set(this.nodes));
    this.syncMask();
  }

  /**
   * The nodes the current step is about: ringed (unless that is every node; a whole zone as one,
   * focus-ring.ts) and, with `bring` (a new step), brought into view; false when the stage was only
   * laid out anew (a resize keeps the learner's camera).
   */
  setFocus(nodes: readonly string[], bring = true): void {
    this.focus = nodes;
    this.drawRing();
    const box = this.focusBox();
    if (box !== undefined && bring) this.setCamera(keepInView(this.cam, this.view, box), false);
  }

  private focusBox(): Rect | undefined {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const n of this.focus) {
      const r = this.tl.tiles.get(n);
      if (r === undefined) continue;
      x0 = Math.min(x0, r.x);
      y0 = Math.min(y0, r.y);
      x1 = Math.max(x1, r.x + r.w);
      y1 = Math.max(y1, r.y + r.h);
    }
    return x0 === Infinity ? undefined : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }

  /**
   * The step's nodes something has happened to so far (stepNodeMoments): the ones ringed. The
   * camera still brings the step's whole set into view when the step is reached (setFocus).
   */
  setRinged(nodes: readonly string[]): void {
    this.ringed = nodes;
    this.drawRing();
  }

  /**
   * The scheduling decision on stage: `key` names it and its phase, `make` gives its marks (called
   * only when the key changes; undefined: none, or a decision without per-node verdicts).
   */
  setVerdicts(key: string, make: () => TileVerdicts | undefined): void {
    if (key === this.verdictsKey) return;
    this.verdictsKey = key;
    this.verdicts = make();
    this.updateLabels();
  }

  private drawRing(): void {
    const g = this.ring.clear();
    const p = this.palette;
    if (p === undefined || this.ringed.length === 0 || this.focus.length >= this.nodes.length) return;
    const gap = Math.max(1, 1.5 * this.s);
    for (const r of ringBoxes(this.ringed, this.groups, this.tl, gap)) g.roundRect(r.x, r.y, r.w, r.h, 4 * this.s);
    g.stroke({ width: Math.max(1, 1.5 * this.s), color: p.text, alpha: 0.9 });
    this.syncMask();
  }

  /**
   * On WebGL the world is clipped to the view (a stencil mask) only when something in it could
   * leave the view: zoomed in, or a focus ring round a tile at the view's edge. At home the tiles
   * lie inside it, and the mask cost two stencil passes over the view every frame (an eighth of a
   * frame on a software WebGL). The canvas renderer always clips: a clip is cheap there, and
   * strokes drawn under one antialias a little differently (the focus ring's edges).
   */
  private syncMask(): void {
    const v = this.view;
    // Whole pixels: a pixel the view's edge cuts is only partly inside the mask (canvas clips with
    // antialiasing), so what is drawn must stay off those.
    const x0 = Math.ceil(v.x);
    const y0 = Math.ceil(v.y);
    const x1 = Math.floor(v.x + v.w);
    const y1 = Math.floor(v.y + v.h);
    const within = (x: number, y: number, w: number, h: number, out: number): boolean => w <= 0 || (x - out >= x0 && y - out >= y0 && x + w + out <= x1 && y + h + out <= y1);
    const ring = this.ring.getLocalBounds();
    let clip = !this.mergeWash || this.cam.zoom !== 1 || !within(ring.minX, ring.minY, ring.width, ring.height, 0);
    // A tile's border is centred on its edge.
    const border = Math.max(1, 1.5 * this.s) / 2;
    for (const r of this.tl.tiles.values()) if (!clip && !within(r.x, r.y, r.w, r.h, border)) clip = true;
    if (clip === this.clipped) return;
    this.clipped = clip;
    // An unused mask would be drawn as a white rectangle; a used one must stay visible to be drawn into the stencil.
    this.maskShape.visible = clip;
    this.world.mask = clip ? this.maskShape : null;
  }

  get camera(): Camera {
    return this.cam;
  }

  /** Set the camera (a view setting, like the theme): a fresh stage given it draws the same frame. */
  setCamera(cam: Camera, notify = true): void {
    const next = clampCamera(cam, this.view);
    if (sameCamera(next, this.cam)) return;
    this.cam = next;
    this.applyCamera();
    if (notify) this.onCamera?.();
  }

  zoomBy(factor: number, at?: Point): void {
    this.setCamera(zoomAbout(this.cam, this.view, factor, at ?? { x: this.view.x + this.view.w / 2, y: this.view.y + this.view.h / 2 }));
  }

  resetCamera(): void {
    this.setCamera(homeCamera(this.view));
  }

  private applyCamera(): void {
    const { zoom, cx, cy } = this.cam;
    this.world.scale.set(zoom);
    this.world.position.set(this.view.x + this.view.w / 2 - cx * zoom, this.view.y + this.view.h / 2 - cy * zoom);
    // Tiles wholly out of view are not drawn (nor listed by the drawn-objects hook).
    const v = visibleWorld(this.cam, this.view);
    let shown = false;
    for (const [n, t] of this.tiles) {
      const r = this.tl.tiles.get(n);
      const visible = r !== undefined && r.x < v.x + v.w && r.x + r.w > v.x && r.y < v.y + v.h && r.y + r.h > v.y;
      if (visible !== t.visible) shown = true;
      t.visible = visible;
    }
    this.syncCache(shown);
    this.syncMask();
    this.updateLabels();
  }

  private hover(node: string | undefined): void {
    if (node === this.hovered) return;
    this.hovered = node;
    this.updateLabels();
    this.onHover?.();
  }

  private updateLabels(): void {
    const p = this.palette;
    if (p === undefined) return;
    this.labels.update(this.cam, this.view, this.tl, this.grid.band > 0 ? this.grid.y : 0, (n) => this.model.tile(n), this.groupNodes, this.lang, p, this.fs, this.hovered, this.verdicts);
  }

  /** The node whose tile is at this stage point, if any. */
  tileAt(at: Point): string | undefined {
    if (at.x < this.view.x || at.y < this.view.y || at.x > this.view.x + this.view.w || at.y > this.view.y + this.view.h) return undefined;
    const w = toWorld(this.cam, this.view, at);
    for (const [n, r] of this.tl.tiles) if (w.x >= r.x && w.x <= r.x + r.w && w.y >= r.y && w.y <= r.y + r.h) return n;
    return undefined;
  }

  /** A node's tile on screen (stage coordinates). */
  tileBox(node: string): Rect | undefined {
    const r = this.tl.tiles.get(node);
    return r === undefined ? undefined : rectToScreen(this.cam, this.view, r);
  }

  /**
   * Where a zone group's flows end on screen: a band just above its header while in view (a token
   * at the end of its route, up to ~13 px across at s = 1, stays off the header's words), else the
   * part of the group in view, else a sliver at the view's edge towards it.
   */
  groupEnd(zone: string): Rect {
    const g = this.tl.groups.find((x) => x.zone === zone);
    if (g === undefined) return this.view;
    const v = this.view;
    // The header where it is drawn: its place, or pinned to the view's top when zoomed in (a
    // zone's flows ended on whichever of its tiles was nearest, as if that node were the one).
    const hr = pinnedHeader(rectToScreen(this.cam, v, g.header), rectToScreen(this.cam, v, g.rect), v, 2 * HEADER_LINE * this.fs) ?? rectToScreen(this.cam, v, g.header);
    const head = { x: hr.x, y: hr.y, w: Math.min(hr.w, 200 * this.fs), h: hr.h };
    if (head.x >= v.x && head.y >= v.y && head.x + head.w <= v.x + v.w && head.y + head.h <= v.y + v.h) {
      const gap = TOKEN_CLEARANCE * this.s;
      return { x: head.x, y: head.y - gap, w: head.w, h: gap };
    }
    const gr = rectToScreen(this.cam, v, g.rect);
    const x0 = Math.max(v.x, Math.min(v.x + v.w - 2, gr.x));
    const y0 = Math.max(v.y, Math.min(v.y + v.h - 2, gr.y));
    const x1 = Math.min(v.x + v.w, Math.max(x0 + 2, gr.x + gr.w));
    const y1 = Math.min(v.y + v.h, Math.max(y0 + 2, gr.y + gr.h));
    return { x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
  }

  /** Zone headers shown now (token labels keep off them and off tile labels). */
  textBoxes(): readonly Rect[] {
    return this.labels.boxes;
  }
}
