/**
 * Where the scale view's tiles go: nodes grouped by zone (topology.kubernetes.io/zone; nodes
 * without one form a last group), each group a box with a two-line header and a grid of tiles,
 * and where a node's pod sprites go inside its tile. Pure (unit-tested).
 */
import { gridFor, rect, type Rect } from '../layout.ts';

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
/** Tiles are a little wider than tall: a name reads across. */
const TILE_ASPECT = 1.2;

/** Tiles of groups placed side by side (widths by node count) or stacked (heights by node count). */
function arrange(groups: readonly ZoneGroup[], area: Rect, s: number, fs: number, across: boolean): TileLayout {
  const gap = 12 * s;
  const tileGap = Math.max(2, 3 * s);
  const headerH = 2 * HEADER_LINE * fs + 4 * s;
  const total = Math.max(1, groups.reduce((n, g) => n + g.nodes.length, 0));
  const free = (across ? area.w : area.h) - gap * Math.max(0, groups.length - 1) - (across ? 0 : headerH * groups.length);
  let at = across ? area.x : area.y;
  const out: GroupLayout[] = [];
  const grids: { cols: number; rows: number; body: Rect; n: number }[] = [];
  for (const g of groups) {
    const share = Math.max(0, (free * g.nodes.length) / total);
    const r = across ? rect(at, area.y, share, area.h) : rect(area.x, at, area.w, share + headerH);
    at += (across ? r.w : r.h) + gap;
    const header = rect(r.x, r.y, r.w, headerH);
    const body = rect(r.x, r.y + headerH, r.w, Math.max(0, r.h - headerH));
    out.push({ zone: g.zone, rect: r, header, body });
    grids.push({ ...gridFor(g.nodes.length, body, tileGap, TILE_ASPECT), body, n: g.nodes.length });
  }
  // One tile size for every group (the same node looks the same in any zone): the smallest that fits all.
  let tileW = Infinity;
  let tileH = Infinity;
  for (const { cols, rows, body } of grids) {
    const w = (body.w - (cols - 1) * tileGap) / cols;
    const h = (body.h - (rows - 1) * tileGap) / rows;
    const size = Math.max(0, Math.min(w, h * TILE_ASPECT));
    tileW = Math.min(tileW, size);
    tileH = Math.min(tileH, size / TILE_ASPECT);
  }
  if (!Number.isFinite(tileW)) tileW = tileH = 0;
  const tiles = new Map<string, Rect>();
  groups.forEach((g, gi) => {
    const grid = grids[gi];
    if (grid === undefined) return;
    g.nodes.forEach((node, i) => {
      const c = i % grid.cols;
      const r = Math.floor(i / grid.cols);
      tiles.set(node, rect(grid.body.x + c * (tileW + tileGap), grid.body.y + r * (tileH + tileGap), tileW, tileH));
    });
  });
  return { groups: out, tiles, tileW, tileH };
}

/** The arrangement (groups across or stacked) that gives the larger tiles. */
export function layoutTiles(groups: readonly ZoneGroup[], area: Rect, s: number, fs: number): TileLayout {
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
}

/**
 * Pod sprites of the fullest node fill a tile's inside above its capacity bar, square cells as
 * large as fit: every tile uses the same grid, so equal counts look equal.
 */
export function spriteGrid(tileW: number, tileH: number, maxPods: number, barH: number): SpriteGrid {
  const pad = Math.max(2, tileW * 0.08);
  const w = Math.max(1, tileW - 2 * pad);
  const h = Math.max(1, tileH - 2 * pad - barH - pad / 2);
  const n = Math.max(1, maxPods);
  let best = { cols: 1, pitch: 0 };
  for (let cols = 1; cols <= n; cols++) {
    const rows = Math.ceil(n / cols);
    const pitch = Math.min(w / cols, h / rows);
    if (pitch > best.pitch) best = { cols, pitch };
  }
  const size = Math.max(1, best.pitch * 0.78);
  return { cols: best.cols, size, pitch: best.pitch, x: pad, y: pad };
}
