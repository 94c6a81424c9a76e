/**
 * Where the scale view's tiles go: nodes grouped by zone (topology.kubernetes.io/zone; nodes
 * without one form a last group), each group a box with a two-line header and a grid of tiles,
 * and where a node's pod sprites go inside its tile. Pure (unit-tested).
 */
import { rect, type Rect } from '../layout.ts';

export interface NodeZone {
  readonly node: string;
  /** undefined: the node has no zone label. */
  readonly zone: string | undefined;
}

export interface ZoneGroup {
  /** The zone, or '' for nodes without one. */
  readonly zone: string;
  readonly nodes: readonly string[];
}

/** Groups by zone in zone order, nodes in the order given; the group of nodes without a zone comes last. */
export function zoneGroups(nodes: readonly NodeZone[]): ZoneGroup[] {
  const byZone = new Map<string, string[]>();
  for (const n of nodes) {
    const key = n.zone ?? '';
    let list = byZone.get(key);
    if (list === undefined) byZone.set(key, (list = []));
    list.push(n.node);
  }
  const keys = [...byZone.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  return keys.map((zone) => ({ zone, nodes: byZone.get(zone) ?? [] }));
}

export interface GroupLayout {
  readonly zone: string;
  /** The whole group (header and tiles). */
  readonly rect: Rect;
  /** Two lines: the zone's name and node count, then how many nodes are in each state. */
  readonly header: Rect;
  readonly body: Rect;
}

export interface TileLayout {
  readonly groups: readonly GroupLayout[];
  /** Node name -> its tile. */
  readonly tiles: ReadonlyMap<string, Rect>;
  readonly tileW: number;
  readonly tileH: number;
}

/** One header line at fs = 1 (14 px text and its padding). */
export const HEADER_LINE = 20;
/** A line of words at a tile's top at zoom 1 (its name). */
export const LABEL_BAND = 24;
/** Tiles are a little wider than tall: a name reads across. */
const TILE_ASPECT = 1.2;

/** Narrowest group: its header's first words ("zone-a · 50 nodes") still show. */
const GROUP_MIN_W = 150;

/**
 * Tiles of groups placed side by side (across) or stacked: the largest tile size (one for every
 * group, so a node looks the same in any zone) at which every group's grid fits, found by bisection.
 */
function arrange(groups: readonly ZoneGroup[], area: Rect, s: number, fs: number, across: boolean): TileLayout {
  const gap = 12 * s;
  const tileGap = Math.max(2, 3 * s);
  const headerH = 2 * HEADER_LINE * fs + 4 * s;
  const minW = Math.min(GROUP_MIN_W * fs, area.w);
  const gaps = gap * Math.max(0, groups.length - 1);
  // Across: each group's width for tiles of width t; stacked: each group's body height.
  const need = (t: number): number[] | undefined => {
    const th = t / TILE_ASPECT;
    const out: number[] = [];
    for (const g of groups) {
      const n = Math.max(1, g.nodes.length);
      if (across) {
        const rows = Math.floor((area.h - headerH + tileGap) / (th + tileGap));
        if (rows < 1) return undefined;
        const cols = Math.ceil(n / rows);
        out.push(Math.max(minW, cols * (t + tileGap) - tileGap));
      } else {
        const cols = Math.floor((area.w + tileGap) / (t + tileGap));
        if (cols < 1) return undefined;
        out.push(Math.ceil(n / cols) * (th + tileGap) - tileGap + headerH);
      }
    }
    return out;
  };
  const room = (across ? area.w : area.h) - gaps;
  const fits = (t: number): boolean => {
    const sizes = need(t);
    return sizes !== undefined && sizes.reduce((a, b) => a + b, 0) <= room;
  };
  let lo = 0;
  let hi = Math.max(1, Math.min(area.w, (area.h - headerH) * TILE_ASPECT));
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const tileW = lo;
  const tileH = lo / TILE_ASPECT;
  const sizes = need(tileW) ?? groups.map(() => room / Math.max(1, groups.length));
  // The room left over goes to the groups by their size (wider headers, tiles stay put).
  const spare = Math.max(0, room - sizes.reduce((a, b) => a + b, 0));
  const total = Math.max(1, groups.reduce((n, g) => n + g.nodes.length, 0));
  let at = across ? area.x : area.y;
  const out: GroupLayout[] = [];
  const tiles = new Map<string, Rect>();
  groups.forEach((g, gi) => {
    const size = (sizes[gi] ?? 0) + (across ? (spare * g.nodes.length) / total : 0);
    const r = across ? rect(at, area.y, size, area.h) : rect(area.x, at, area.w, size);
    at += size + gap;
    const header = rect(r.x, r.y, r.w, headerH);
    const body = rect(r.x, r.y + headerH, r.w, Math.max(0, r.h - headerH));
    out.push({ zone: g.zone, rect: r, header, body });
    const cols = Math.max(1, Math.floor((body.w + tileGap) / (tileW + tileGap)));
    g.nodes.forEach((node, i) => {
      tiles.set(node, rect(body.x + (i % cols) * (tileW + tileGap), body.y + Math.floor(i / cols) * (tileH + tileGap), tileW, tileH));
    });
  });
  return { groups: out, tiles, tileW, tileH };
}

/** The arrangement (groups across or stacked) that gives the larger tiles. */
export function layoutTiles(groups: readonly ZoneGroup[], box: Rect, s: number, fs: number): TileLayout {
  // Borders are stroked on the tile's edge: half of one would fall outside the view's clip.
  const area = rect(box.x + 2 * s, box.y, Math.max(0, box.w - 4 * s), Math.max(0, box.h - 2 * s));
  const across = arrange(groups, area, s, fs, true);
  if (groups.length <= 1) return across;
  const stacked = arrange(groups, area, s, fs, false);
  return stacked.tileW > across.tileW ? stacked : across;
}

export interface SpriteGrid {
  readonly cols: number;
  /** Sprite side and pitch (side + gap), world px. */
  readonly size: number;
  readonly pitch: number;
  /** Offset of the first sprite from the tile's corner. */
  readonly x: number;
  readonly y: number;
  /** Height kept for words at the tile's top (0: none, words go over the pods when zoomed in). */
  readonly band: number;
}

/**
 * Pod sprites of the fullest node fill a tile's inside above its capacity bar, square cells as
 * large as fit: every tile uses the same grid, so equal counts look equal.
 */
export function spriteGrid(tileW: number, tileH: number, maxPods: number, barH: number, fs = 1): SpriteGrid {
  const pad = Math.max(2, tileW * 0.08);
  // A tile tall enough keeps a line at its top for its name (and zoomed in, its state), so words cover no pod.
  const top = tileH >= 2 * LABEL_BAND * fs ? LABEL_BAND * fs : 0;
  const w = Math.max(1, tileW - 2 * pad);
  const h = Math.max(1, tileH - 2 * pad - barH - pad / 2 - top);
  const n = Math.max(1, maxPods);
  let best = { cols: 1, pitch: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const pitch = Math.min(w / cols, h / rows);
    if (pitch > best.pitch) best = { cols, pitch };
  }
  const size = Math.max(1, best.pitch * 0.78);
  return { cols: best.cols, size, pitch: best.pitch, x: pad, y: pad + top, band: top };
}
