/**
 * One node as a compact tile: its state as a fill and border (Unknown dashed and dark, NotReady
 * red, Ready green), a taint corner (NoExecute a red wedge, NoSchedule an amber slash), its pods
 * as sprites (one shared white texture tinted by phase; the owner ReplicaSet's colour as a band
 * under each when its Deployment has more than one revision) and a capacity bar (pods /
 * allocatable), all darkened while its kubelet is down (its lights are out: palette.lightsOut). No text: the labels layer draws the words.
 */
import { Container, Graphics, Sprite, Texture } from '../pixi-parts.ts';
import { markDrawn } from '../drawn.ts';
import type { Rect } from '../layout.ts';
import { lookColour, readinessColour } from '../look-colours.ts';
import { revisionColour } from '../objects/revision-colour.ts';
import { dashedRect } from '../scene/shapes.ts';
import type { Palette } from '../theme.ts';
import type { SpriteGrid } from './tile-layout.ts';
import { taintCorner } from './tile-marks.ts';
import type { PodDot, TileModel } from './tile-model.ts';

/**
 * `colour` laid over `base` at `alpha`, per channel, as PixiJS's WebGL renderer blends it: its
 * batcher keeps a fill's alpha in 8 bits, truncated (BatchableGraphics.color), and the GPU rounds
 * the result. One opaque fill of this colour draws the same pixels there as the two stacked fills,
 * antialiased edges included (every sample is covered by both or by neither).
 */
export function washed(base: number, colour: number, alpha: number): number {
  const a = Math.trunc(alpha * 255) / 255;
  let out = 0;
  for (const shift of [16, 8, 0]) out |= Math.round(((colour >> shift) & 255) * a + ((base >> shift) & 255) * (1 - a)) << shift;
  return out;
}

/** What a tile's frame (fill, border, capacity bar) and its shade show: drawn again only when this changes. */
function frameKey(model: TileModel | undefined, rect: Rect, pad: number, barH: number, s: number, merge: boolean): string {
  const m = model;
  return `${rect.w},${rect.h},${pad},${barH},${s},${merge}|${m?.readiness ?? 'Unregistered'},${m?.active ?? -1},${m?.allocatable ?? -1}|${m?.kubeletDown === true},${m?.noExecute === true},${m?.noSchedule === true}`;
}

export class NodeTile extends Container {
  readonly node: string;
  private readonly bg = new Graphics();
  private readonly dots = new Container();
  /** Over the pods while the kubelet is down: the lights are out before the API says so. */
  private readonly shade = new Graphics();
  /**
   * Terminating pods, over the shade: the API's word, like the taint corner. Evicted from a node
   * nobody hears from, they stay until its kubelet confirms; under the lights-out they vanished
   * and the zone looked empty (reviewer).
   */
  private readonly ghosts = new Container();
  private readonly bodies: Sprite[] = [];
  private readonly bands: Sprite[] = [];
  /**
   * What was drawn last: a state change re-derives every tile's model, but most tiles look the
   * same after it. Redrawing a Graphics costs a rebuild of the tiles' draw list on WebGL, and
   * setting a sprite's tint re-parses the colour, so only what changed is touched.
   */
  private drawnFrame = '';
  /** The card's colour where a pod sits (washed, shaded when the lights are out): a Terminating pod's hollow. */
  private hole = 0;
  private drawnPalette: Palette | undefined;
  private drawnGrid: SpriteGrid | undefined;
  private readonly drawnDots: (PodDot | undefined)[] = [];
  rect: Rect = { x: 0, y: 0, w: 0, h: 0 };

  constructor(node: string) {
    super();
    this.node = node;
    this.label = `Node/${node}`;
    markDrawn(this, 'Node', node);
    this.addChild(this.bg, this.dots, this.shade, this.ghosts);
  }

  /**
   * `mergeWash`: draw the washed card as one fill (washed()); only where that is pixel-exact (WebGL).
   * Returns whether the tile looks different now (moved, or anything in it drawn again).
   */
  draw(model: TileModel | undefined, rect: Rect, grid: SpriteGrid, barH: number, p: Palette, s: number, mergeWash: boolean): boolean {
    const moved = rect.x !== this.rect.x || rect.y !== this.rect.y;
    this.rect = rect;
    this.position.set(rect.x, rect.y);
    const fresh = p !== this.drawnPalette;
    this.drawnPalette = p;
    const key = frameKey(model, rect, grid.x, barH, s, mergeWash);
    const framed = fresh || key !== this.drawnFrame;
    const hole = this.hole;
    if (framed) {
      this.drawnFrame = key;
      this.drawFrame(model, rect, grid, barH, p, s, mergeWash);
    }
    const dotted = this.drawDots(model, grid, p, fresh || hole !== this.hole);
    return moved || framed || dotted;
  }

  private drawFrame(model: TileModel | undefined, rect: Rect, grid: SpriteGrid, barH: number, p: Palette, s: number, mergeWash: boolean): void {
    const { w, h } = rect;
    const r = Math.min(6 * s, w * 0.12);
    const state = model?.readiness ?? 'Unregistered';
    const edge = readinessColour(state, p);
    const dark = state === 'Unknown' || state === 'Unregistered';
    const g = this.bg.clear();
    // The card washed with the state's colour. On WebGL as one opaque fill: each rounded fill is
    // thin triangles across the tile, a third of the tiles' GPU time on SwiftShader. The canvas
    // renderer antialiases by coverage, so one fill there would differ at the edges: two fills.
    const base = dark ? p.sky : p.card;
    const wash = dark ? 0.16 : state === 'NotReady' ? 0.22 : 0.1;
    const card = washed(base, edge, wash);
    this.hole = model?.kubeletDown === true ? washed(card, p.lightsOut.color, p.lightsOut.alpha) : card;
    if (mergeWash) g.roundRect(0, 0, w, h, r).fill({ color: washed(base, edge, wash), alpha: 1 });
    else g.roundRect(0, 0, w, h, r).fill({ color: base, alpha: 1 }).roundRect(0, 0, w, h, r).fill({ color: edge, alpha: wash });
    const bw = Math.max(1, 1.5 * s);
    if (dark) dashedRect(g, { x: 0, y: 0, w, h }, 4 * s, 3 * s).stroke({ width: bw, color: edge });
    else g.roundRect(0, 0, w, h, r).stroke({ width: bw, color: edge, alpha: 0.9 });
    // Capacity: pods against allocatable.
    const pad = grid.x;
    const barY = h - pad - barH;
    const barW = Math.max(0, w - 2 * pad);
    g.rect(pad, barY, barW, barH).fill({ color: p.seaLine });
    if (model !== undefined) g.rect(pad, barY, barW * Math.min(1, model.active / model.allocatable), barH).fill({ color: edge });
    // Inside the border and under the taint corner, which stay the API's word on the node (still
    // Ready for its grace period).
    const sh = this.shade.clear();
    if (model?.kubeletDown === true) sh.roundRect(bw, bw, Math.max(0, w - 2 * bw), Math.max(0, h - 2 * bw), r).fill({ color: p.lightsOut.color, alpha: p.lightsOut.alpha });
    // The taint corner differs in shape as well as colour (red and amber are close for many eyes
    // and on a light projector): a solid wedge where pods are evicted (NoExecute), a slash across
    // the corner where new pods are only kept out (NoSchedule, a cordon; no tint there, which read
    // as a faded wedge). A node with both (an unreachable node gets NoSchedule, then NoExecute as
    // the zone's rate allows) shows both: the slash then runs just inside the wedge.
    const c = taintCorner(w, h, s);
    if (model?.noExecute === true) sh.poly([w - c, 0, w, 0, w, c]).fill({ color: p.error });
    if (model?.noSchedule === true) {
      const beside = model.noExecute ? Math.max(3, 4 * s) : 0;
      const width = Math.max(2, 2.5 * s);
      // Over the pods' colours (brown when not Ready) amber alone is faint: a rim in the tile's
      // own colour keeps the slash legible in both themes.
      sh.moveTo(w - c - beside, 0).lineTo(w, c + beside).stroke({ width: width + 2 * Math.max(1, s), color: base, cap: 'round' });
      sh.moveTo(w - c - beside, 0).lineTo(w, c + beside).stroke({ width, color: p.warning, cap: 'round' });
    }
  }

  /** `fresh`: a new palette, every sprite is coloured again. Returns whether any sprite changed. */
  private drawDots(model: TileModel | undefined, grid: SpriteGrid, p: Palette, fresh: boolean): boolean {
    let changed = false;
    const pods = model?.pods ?? [];
    const bandH = Math.max(0.75, grid.size * 0.28);
    // A Terminating pod is a hollow square: its outline in the palette's ghost, its middle the card's.
    const rim = Math.max(0.75, grid.size * 0.22);
    while (this.bodies.length < pods.length) {
      const body = new Sprite(Texture.WHITE);
      const band = new Sprite(Texture.WHITE);
      body.visible = false;
      band.visible = false;
      this.bodies.push(body);
      this.bands.push(band);
      this.dots.addChild(body, band);
    }
    const moved = grid !== this.drawnGrid;
    this.drawnGrid = grid;
    for (let i = 0; i < this.bodies.length; i++) {
      const body = this.bodies[i];
      const band = this.bands[i];
      if (body === undefined || band === undefined) continue;
      const dot = pods[i];
      const was = this.drawnDots[i];
      this.drawnDots[i] = dot;
      // The same look in the same cell: nothing to do (a PodDot is remade with each tile model).
      if (!moved && !fresh && was?.look === dot?.look && was?.revision === dot?.revision) continue;
      changed = true;
      body.visible = dot !== undefined;
      band.visible = dot?.revision !== undefined;
      if (dot === undefined) continue;
      const x = grid.x + (i % grid.cols) * grid.pitch;
      const y = grid.y + Math.floor(i / grid.cols) * grid.pitch;
      body.position.set(x, y);
      body.width = grid.size;
      body.height = grid.size;
      body.tint = dot.look === 'Terminating' ? p.ghost : lookColour(dot.look, p);
      const layer = dot.look === 'Terminating' ? this.ghosts : this.dots;
      if (body.parent !== layer) layer.addChild(body, band);
      if (dot.look === 'Terminating') {
        band.visible = grid.size > 2 * rim;
        band.position.set(x + rim, y + rim);
        band.width = grid.size - 2 * rim;
        band.height = grid.size - 2 * rim;
        band.tint = this.hole;
      } else if (dot.revision !== undefined) {
        band.position.set(x, y + grid.size - bandH);
        band.width = grid.size;
        band.height = bandH;
        band.tint = revisionColour(dot.revision, p);
      }
    }
    return changed;
  }
}
