/**
 * Stage layout maths: where the flagship, the quay, the clock and the cargo ships go for a canvas
 * size and a number of nodes, and where every component's station sits. Pure (unit-tested).
 *
 * Sizes are CSS pixels. `s` scales geometry with the canvas (1 at 1280x720); `fs` scales text and
 * never drops below 1, so text stays >= 14 px.
 */
import type { ComponentId } from '../sim/trace.ts';
import { DISK_MODES, planDisk, type DiskMode, type DiskPlan } from './disk-layout.ts';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Density = 'full' | 'compact';

export interface ShipLayout {
  readonly node: string;
  /** The whole cell (verdict band + ship). */
  readonly cell: Rect;
  /** Scheduler verdict badge band, above the ship. */
  readonly verdict: Rect;
  readonly ship: Rect;
  /** Node name and readiness. */
  readonly header: Rect;
  /** Taints and cordon chips. */
  readonly chips: Rect;
  /** Where pods stand. */
  readonly deck: Rect;
  readonly hull: Rect;
  /** Requested vs allocatable cpu and memory, a strip under the deck (h 0 when the hull is too low or the kernel takes it). */
  readonly capacity: Rect;
  /**
   * The node's kernel (`node/<node>`: netfilter/IPVS, where kube-proxy's rules rewrite packets), the
   * engine room at the bottom of the hull; h 0 unless the scenario draws it. It takes the capacity
   * strip's place: the scenarios that route packets are not about requests.
   */
  readonly kernel: Rect;
  /** Where kube-proxy's rules badge goes (only drawn once it programs rules). */
  readonly rules: RulesSpot;
}

/**
 * `row`: the taints row's right two thirds, above the crane and the mast (the badge is right-aligned
 * there; taint chips stop before it). `card`: no taints row (compact ships), so the short form
 * sits in the mast card's right end and the card's name gives way (its icon says kube-proxy).
 * `strip`: the ship draws its kernel (node/<node>): the right of its engine-room strip.
 */
export interface RulesSpot {
  readonly at: 'row' | 'card' | 'strip';
  readonly rect: Rect;
}

export interface StageLayout {
  readonly width: number;
  readonly height: number;
  readonly s: number;
  readonly fs: number;
  readonly portrait: boolean;
  readonly quay: Rect;
  readonly clock: Rect;
  readonly flagship: Rect;
  readonly flagshipHull: Rect;
  /** Unscheduled pods wait here (the scheduling queue), under the navigator. */
  readonly queue: Rect;
  /** Where the controller chips of the officers' deck go (chipRects lays them out). */
  readonly controllerArea: Rect;
  readonly shipsArea: Rect;
  /** The API objects shelf (Deployments, ReplicaSets, Services, EndpointSlices): left of the ships; empty when none. */
  readonly shelf: Rect;
  readonly ships: readonly ShipLayout[];
  readonly density: Density;
  /** A small frame's simplified stage (src/render/simple-stage.ts): tighter rows, no secondary text. */
  readonly simple: boolean;
  /** Component id -> its station card. */
  readonly stations: ReadonlyMap<string, Rect>;
  /** etcd member id -> its raft panel under the card (term, log, commit, votes); empty without raft state. */
  readonly raftPanels: ReadonlyMap<string, Rect>;
  /** The cluster's quorum box, left of the raft panels (zero-sized without raft state). */
  readonly quorumBox: Rect;
  readonly horizon: number;
  /** The control-plane node aboard the flagship (static-pods scenarios), if any. */
  readonly cpNode?: ControlPlaneNodeLayout;
}

/** The flagship as the control-plane node: its name row, its kubelet and containerd, its static pods and its disk (in the hull). */
export interface ControlPlaneNodeLayout {
  readonly node: string;
  /** Node name and readiness, above its kubelet and containerd. */
  readonly header: Rect;
  /** Where its (mirror) static pods stand. */
  readonly deck: Rect;
  /** One static pod's box on that deck. */
  readonly podSize: { readonly w: number; readonly h: number };
  /** The files on its disk, in the hull after the ship's name. */
  readonly disk: DiskPlan;
  /** Width kept for the ship's name on the hull's first line. */
  readonly titleW: number;
}

export const rect = (x: number, y: number, w: number, h: number): Rect => ({ x, y, w, h });
export const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });
export const inset = (r: Rect, dx: number, dy: number = dx): Rect => rect(r.x + dx, r.y + dy, Math.max(0, r.w - 2 * dx), Math.max(0, r.h - 2 * dy));
const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

export function contains(outer: Rect, inner: Rect, eps = 0.5): boolean {
  return inner.x >= outer.x - eps && inner.y >= outer.y - eps && inner.x + inner.w <= outer.x + outer.w + eps && inner.y + inner.h <= outer.y + outer.h + eps;
}

/** Columns x rows for n cells in an area, maximising the cell size at a preferred aspect. */
export function gridFor(n: number, area: Rect, gap: number, aspect: number): { cols: number; rows: number } {
  let best = { cols: 1, rows: Math.max(1, n), size: -1 };
  for (let cols = 1; cols <= Math.max(1, n); cols++) {
    const rows = Math.ceil(n / cols);
    const cw = (area.w - (cols - 1) * gap) / cols;
    const ch = (area.h - (rows - 1) * gap) / rows;
    const size = Math.min(cw, ch * aspect);
    if (size > best.size + 1e-9) best = { cols, rows, size };
  }
  return { cols: best.cols, rows: best.rows };
}

/** Heights (at fs = 1) of a ship's bands: verdict badge, name row, taint chips, crew cards. */
const SHIP = { verdict: 23, header: 23, chips: 21, crewFull: 47, crewCompact: 34, crewSimple: 26, capacity: 18, kernel: 24 } as const;

function shipLayout(node: string, cell: Rect, s: number, fs: number, density: Density, simple = false, chipRow = density === 'full', withKernel = false): ShipLayout {
  // A simplified stage draws no verdict badges: the band goes to the ship.
  const verdictH = simple ? 0 : SHIP.verdict * fs;
  const verdict = rect(cell.x, cell.y, cell.w, verdictH);
  const ship = rect(cell.x, cell.y + verdictH + 2 * s, cell.w, cell.h - verdictH - 2 * s);
  // Inside the cabin, which is drawn 3 % in from each side of the ship.
  const pad = Math.max(10 * s, cell.w * 0.03 + 6 * s);
  const headerH = SHIP.header * fs;
  const header = rect(ship.x + pad, ship.y + 4 * s, ship.w - 2 * pad, headerH);
  const chipsH = chipRow ? SHIP.chips * fs : 0;
  const chips = rect(ship.x + pad, header.y + headerH + 2 * s, ship.w - 2 * pad, chipsH);
  const stationsY = chips.y + chipsH + 4 * s;
  // The simplified stage's crew cards hold a name only.
  const stationH = density === 'full' ? SHIP.crewFull * fs : (simple ? SHIP.crewSimple : SHIP.crewCompact) * fs;
  const hullTop = stationsY + stationH + 5 * s;
  const deckY = hullTop + 6 * s;
  const hull = rect(ship.x, hullTop, ship.w, ship.y + ship.h - hullTop);
  const deckH = Math.max(0, ship.y + ship.h - deckY - 6 * s);
  // The capacity strip takes the bottom of the deck when a row of pods still fits above it.
  const capH = SHIP.capacity * fs;
  const podRowH = (density === 'full' ? 46 : 30) * fs;
  // A simplified stage (a small embed) has no room for the strip's figures.
  const withCap = !withKernel && !simple && deckH - capH - 4 * s >= podRowH;
  // The kernel strip always shows when drawn (packets end there), even if the pods get less room.
  // As tall as leaves a row of pods its room, between one line of text and SHIP.kernel.
  const kernelH = withKernel ? Math.min(deckH / 2, clamp(deckH - podRowH - 4 * s, 18 * fs, SHIP.kernel * fs)) : 0;
  const stripH = withCap ? capH : kernelH;
  const deck = rect(ship.x + pad * 1.6, deckY, ship.w - pad * 3.2, stripH > 0 ? deckH - stripH - 4 * s : deckH);
  const capacity = rect(deck.x, deck.y + deck.h + 4 * s, deck.w, withCap ? capH : 0);
  const kernel = rect(deck.x, deck.y + deck.h + 4 * s, deck.w, kernelH);
  const st = shipStations({ ship, header, chips, hull }, s, fs, density);
  // With the kernel drawn, the rules sit in its strip: they live in the kernel, which applies them.
  const rules: RulesSpot =
    kernelH > 0
      ? { at: 'strip', rect: rect(kernel.x + kernel.w * 0.4, kernel.y + 2 * fs, kernel.w * 0.6 - 3 * fs, Math.max(0, kernelH - 4 * fs)) }
      : chipsH > 0
      ? { at: 'row', rect: rect(st.runtime.x, chips.y, chips.x + chips.w - st.runtime.x, chipsH) }
      : { at: 'card', rect: rect(st.proxy.x + st.proxy.w - Math.min(st.proxy.w - 8 * fs, 40 * fs) - 3 * fs, st.proxy.y + 3 * fs, Math.min(st.proxy.w - 8 * fs, 40 * fs), Math.max(0, st.proxy.h - 6 * fs)) };
  return { node, cell, verdict, ship, header, chips, deck, hull, capacity, kernel, rules };
}

/** Cards of a ship's three stations (kubelet captain, containerd crane, kube-proxy mast). */
export function shipStations(l: Pick<ShipLayout, 'ship' | 'header' | 'chips' | 'hull'>, s: number, fs: number, density: Density): { kubelet: Rect; runtime: Rect; proxy: Rect } {
  const pad = l.header.x - l.ship.x;
  const gap = 8 * s;
  const y = l.chips.y + l.chips.h + 4 * s;
  // Compact cards are as tall as the band above the hull (a simplified stage's are shorter).
  const h = density === 'full' ? SHIP.crewFull * fs : l.hull.y - 5 * s - y;
  const w = (l.ship.w - 2 * pad - 2 * gap) / 3;
  const x0 = l.ship.x + pad;
  return {
    kubelet: rect(x0, y, w, h),
    runtime: rect(x0 + w + gap, y, w, h),
    proxy: rect(x0 + 2 * (w + gap), y, w, h),
  };
}

/**
 * Below this size the stage is laid out at the minimum size and scaled down as a whole (phones):
 * shrinking every piece separately would push text under 14 px anyway, and the picture stays intact.
 * The app's stage at 1280x720 (a window less the top bar, caption and controls) is about 1280x470:
 * that must lay out at full size.
 */
export const MIN_STAGE_W = 700;
export const MIN_STAGE_H = 420;
export function fitScale(width: number, height: number): number {
  return Math.min(1, width / MIN_STAGE_W, height / MIN_STAGE_H);
}

/** etcd members side by side in their area, as wide as fits (at most 200 px each), right-aligned. */
export function etcdMemberRects(n: number, area: Rect, s: number, fs: number): [number, Rect][] {
  const g = 6 * s;
  const w = Math.min(200 * fs, (area.w - (n - 1) * g) / n);
  const x0 = area.x + area.w - (n * w + (n - 1) * g);
  return Array.from({ length: n }, (_, i): [number, Rect] => [i, rect(x0 + i * (w + g), area.y, w, area.h)]);
}

/** Narrowest controller chip: its longest label ("garbage collector", 14 px bold) fits. */
const CHIP_MIN_W = 150;
const CHIP_MIN_H = 24;

/** How many controller chips fit on the officers' deck without shrinking their labels. */
export function chipCapacity(area: Rect, s: number, fs: number): number {
  const gap = 8 * s;
  const cols = Math.max(1, Math.floor((area.w + gap) / (CHIP_MIN_W * fs + gap)));
  const rows = Math.max(1, Math.floor((area.h + gap) / (CHIP_MIN_H * fs + gap)));
  return cols * rows;
}

/** Rects of n controller chips in their area: as few rows as fit, chips as wide as the row allows. */
export function chipRects(area: Rect, n: number, s: number, fs: number): Rect[] {
  if (n <= 0) return [];
  const gap = 8 * s;
  const fitCols = Math.max(1, Math.floor((area.w + gap) / (CHIP_MIN_W * fs + gap)));
  const rows = Math.ceil(n / fitCols);
  const cols = Math.ceil(n / rows);
  const w = Math.min(220 * fs, (area.w - (cols - 1) * gap) / cols);
  const h = Math.min(30 * fs, (area.h - (rows - 1) * gap) / rows);
  const out: Rect[] = [];
  for (let i = 0; i < n; i++) out.push(rect(area.x + (i % cols) * (w + gap), area.y + Math.floor(i / cols) * (h + gap), w, h));
  return out;
}

/** What some scenarios add: the control-plane node aboard the flagship, with every path its disk ever holds. */
export interface LayoutExtras {
  /** The trace carries etcd members' raft state: each member gets a panel under its card. */
  readonly raft?: boolean;
  readonly cpNode?: string;
  readonly cpFiles?: readonly { readonly path: string; readonly dir: boolean }[];
  /** The scenario stores Deployments, ReplicaSets or Services: a column left of the ships holds their cards. */
  readonly shelf?: boolean;
  /**
   * The scale view is drawn: the shelf gets a wider column, since its cards then count thousands
   * of pods ("want 3000 · have 3000 · ready 3000") and the tiles give up the width easily.
   */
  readonly wideShelf?: boolean;
  /**
   * The scale view's tiles are drawn (no node opened): the bridge and the officers' deck stand
   * further apart. The busiest route there (kube-controller-manager -> kube-apiserver) carries a
   * flow's count and the step's numbered badge, which need a route longer than two badges
   * (SCALE_ROW_GAP); the tiles give up the height. An opened node's ship keeps it for its deck.
   */
  readonly flowRoom?: boolean;
  /** Lay out the simplified stage of a small frame (tighter rows; its secondary text is hidden). */
  readonly simple?: boolean;
  /** Nodes whose kernel is drawn (the topology lists `node/<node>`): an engine-room strip in their hull. */
  readonly kernels?: readonly string[];
}

/**
 * The gap between the bridge and the officers' deck in the scale view (fs = 1): the route from
 * kube-controller-manager up to kube-apiserver then holds a numbered badge (24 px) clear of the
 * badge-sized spots a token waits at and lands on (trail.ts), with room to spare.
 */
export const SCALE_ROW_GAP = 60;

/** A raft panel's rows at fs = 1: term, log and commit, the log strip, the election row. */
export const RAFT_ROW_H = 18;
const RAFT_PANEL_H = 4 * RAFT_ROW_H + 8;

export function computeLayout(width: number, height: number, nodes: readonly string[], etcdMembers: readonly string[] = [], extras: LayoutExtras = {}): StageLayout {
  const W = Math.max(200, width);
  const H = Math.max(150, height);
  // Geometry follows the canvas (1 at 1280x480, the app's stage at 1280x720); text never shrinks.
  const s = clamp(Math.min(W / 1280, H / 480), 0.6, 1.8);
  const fs = clamp(s, 1, 1.6);
  const m = 12 * s;
  const portrait = W / H < 1.15;

  // Flagship height follows its content: the bridge row, the queue/officers' deck row, the hull
  // (which carries the ship's name, "CONTROL PLANE").
  const simple = extras.simple === true;
  const cardH = (simple ? 36 : 52) * fs;
  const apiExtra = 6 * s;
  const topPad = 8 * s;
  const row2H = (simple ? 32 : 70) * fs;
  const hullH = (simple ? 20 : 24) * fs;
  // The bridge and the officers' deck stand a token label's height apart: the busiest route (kube-apiserver <-> controllers) keeps its labels.
  const rowGap = (simple ? 8 : extras.flowRoom === true ? SCALE_ROW_GAP : 24) * fs;
  // With raft state the members' panels hang under their cards: the control plane is the story, the flagship grows.
  const raftH = etcdMembers.length > 0 && extras.raft === true ? RAFT_PANEL_H * fs + 4 * s : 0;
  // The control-plane node aboard: a row with its kubelet, containerd and static pods, and its files in the hull.
  const cpNode = extras.cpNode;
  const row3H = cpNode === undefined ? 0 : 66 * fs;
  const row3Gap = cpNode === undefined ? 0 : 10 * s;
  const titleW = 140 * fs;
  const diskW = (portraitW: number): number => portraitW * 0.9;
  const probeW = !portrait ? W - clamp(190 * s, 176 * fs, W * 0.2) - 3 * m : W - 2 * m;
  const heightFor = (lines: number): number => topPad + cardH + apiExtra + raftH + rowGap + row2H + row3Gap + row3H + 6 * s + (cpNode === undefined ? hullH : Math.max(hullH, lines * 24 * fs + 8 * s));
  // With the node's files aboard the flagship may take this much of the height (as capped below):
  // the data directory gets a line of its own only if that still fits.
  const cpCap = H * (!portrait && nodes.length === 0 ? 0.9 : 0.6);
  const linesIn = (mode: DiskMode): number => planDisk(extras.cpFiles ?? [], 0, 0, diskW(probeW), titleW, fs, mode).lines;
  // The first mode that fits, else the last ('flow').
  let diskMode: DiskMode = 'flow';
  let diskLines = 1;
  if (cpNode !== undefined) {
    for (const mode of DISK_MODES) {
      diskMode = mode;
      diskLines = linesIn(mode);
      if (heightFor(diskLines) <= cpCap) break;
    }
  }
  const hullFull = cpNode === undefined ? hullH : Math.max(hullH, diskLines * 24 * fs + 8 * s);
  const flagshipH = heightFor(diskLines);

  let quay: Rect;
  let clock: Rect;
  let flagship: Rect;
  if (!portrait) {
    const colW = clamp(190 * s, 176 * fs, W * 0.2);
    const topH = Math.min(flagshipH, H * (cpNode !== undefined ? (nodes.length === 0 ? 0.9 : 0.6) : raftH > 0 ? 0.62 : 0.55));
    clock = rect(m, m, colW, 64 * fs);
    quay = rect(m, clock.y + clock.h + m, colW, topH - clock.h - m);
    flagship = rect(m + colW + m, m, W - colW - 3 * m, topH);
  } else {
    const rowH = 80 * fs;
    clock = rect(W - m - 180 * fs, m, 180 * fs, rowH);
    quay = rect(m, m, W - 3 * m - clock.w, rowH);
    flagship = rect(m, m + rowH + m, W - 2 * m, Math.min(flagshipH, H * (cpNode === undefined ? 0.42 : 0.6)));
  }

  // Flagship: three stations on the bridge, the queue and the officers' deck below.
  const stations = new Map<string, Rect>();
  const fp = 16 * s;
  const apiW = clamp(flagship.w * 0.28, 170 * fs, 260 * s);
  const sideW = clamp(flagship.w * 0.25, 160 * fs, 240 * s);
  const row1Y = flagship.y + topPad;
  // With an etcd cluster a narrower bridge moves next to the navigator and the members take the rest of the row.
  const cluster = etcdMembers.length > 0;
  // The members need about 90 px each (name, raft role); the navigator and the bridge share the rest (narrow cards stack their text).
  const avail = flagship.w - 2 * fp - 24 * s;
  const memberNeed = etcdMembers.length * 90 * fs + Math.max(0, etcdMembers.length - 1) * 6 * s;
  const raw = (avail - memberNeed) / 2;
  // Wide enough for name beside a full icon, else a stacked card (small icon, name, role below).
  const pairW = raw >= 186 * fs ? Math.min(raw, 200 * fs) : 148 * fs;
  const schedW = cluster ? pairW : sideW;
  const sched = rect(flagship.x + fp, row1Y + apiExtra / 2, schedW, cardH);
  const apiX = cluster ? sched.x + sched.w + 12 * s : flagship.x + (flagship.w - apiW) / 2;
  const api = rect(apiX, row1Y, cluster ? pairW : apiW, cardH + apiExtra);
  const etcd = rect(flagship.x + flagship.w - fp - sideW, row1Y + apiExtra / 2, sideW, cardH);
  stations.set('kube-apiserver', api);
  stations.set('kube-scheduler', sched);
  if (etcdMembers.length === 0) stations.set('etcd', etcd);
  else for (const [name, r] of etcdMemberRects(etcdMembers.length, rect(api.x + api.w + 12 * s, etcd.y, flagship.x + flagship.w - fp - (api.x + api.w + 12 * s), cardH), s, fs)) stations.set(`etcd/${etcdMembers[name] ?? ''}`, r);
  const raftPanels = new Map<string, Rect>();
  if (raftH > 0) {
    for (const id of etcdMembers) {
      const card = stations.get(`etcd/${id}`);
      if (card) raftPanels.set(`etcd/${id}`, rect(card.x, card.y + card.h + 4 * s, card.w, raftH - 4 * s));
    }
  }
  const firstPanel = raftPanels.get(`etcd/${etcdMembers[0] ?? ''}`);
  const quorumBox = firstPanel ? rect(flagship.x + fp, firstPanel.y, Math.max(0, Math.min(300 * fs, firstPanel.x - 12 * s - (flagship.x + fp))), firstPanel.h) : rect(0, 0, 0, 0);
  const row2Y = api.y + api.h + raftH + rowGap;
  const row2Hfit = Math.max((simple ? 30 : 60) * fs, Math.min(row2H, flagship.y + flagship.h - hullFull - 6 * s - row3Gap - row3H - row2Y));
  const queue = rect(flagship.x + fp, row2Y, sideW, row2Hfit);
  const cmX = queue.x + queue.w + 16 * s;
  const cmRight = flagship.x + flagship.w - fp;
  const cm = rect(cmX, row2Y, cmRight - cmX, row2Hfit);
  stations.set('kube-controller-manager', cm);
  // The card's header row (icon, name, what it does) is 34 px; chips fill the rest.
  const chipsArea = rect(cm.x + 8 * s, cm.y + 34 * fs, cm.w - 16 * s, cm.h - 34 * fs - 5 * s);
  let cp: ControlPlaneNodeLayout | undefined;
  if (cpNode !== undefined) {
    const y3 = queue.y + queue.h + row3Gap;
    const x3 = flagship.x + fp;
    // The superstructure is drawn 1.5 % in from each side.
    const w3 = flagship.w * 0.985 - fp - fp - 8 * s;
    const crewW = Math.min(140 * fs, w3 * 0.17);
    const headerH = 22 * fs;
    const crewY = y3 + headerH + 2 * s;
    const crewH = Math.max(34 * fs, row3H - headerH - 2 * s);
    stations.set(`kubelet/${cpNode}` satisfies ComponentId, rect(x3, crewY, crewW, crewH));
    stations.set(`containerd/${cpNode}` satisfies ComponentId, rect(x3 + crewW + 10 * s, crewY, crewW, crewH));
    const deckX = x3 + 2 * crewW + 26 * s;
    const deck = rect(deckX, y3, x3 + w3 - deckX, row3H);
    const podH = 30 * fs;
    cp = { node: cpNode, header: rect(x3, y3, 2 * crewW + 10 * s, headerH), deck, podSize: { w: (deck.w - 6 * fs) / 2, h: podH }, disk: { items: [], lines: 1, lineH: 24 * fs }, titleW };
  }
  const hullTop = queue.y + queue.h + row3Gap + row3H + 6 * s;
  const flagshipHull = rect(flagship.x, hullTop, flagship.w, Math.max(hullH, flagship.y + flagship.h - hullTop));
  if (cp !== undefined) {
    const dw = diskW(flagship.w);
    const x = flagship.x + (flagship.w - dw) / 2;
    cp = { ...cp, disk: planDisk(extras.cpFiles ?? [], x, flagshipHull.y + 4 * s, dw, titleW, fs, diskMode) };
  }

  // The user with kubectl on the quay.
  const userW = Math.min(quay.w - 16 * s, 170 * fs);
  stations.set('kubectl', rect(quay.x + (quay.w - userW) / 2, quay.y + quay.h - cardH - 10 * s, userW, cardH));

  // Cargo ships in a grid below.
  const belowY = flagship.y + flagship.h + m;
  // The objects shelf takes the quay's column (a little wider) below it; the ships move right.
  const shelfW = extras.shelf === true && !portrait ? Math.max(quay.w, (extras.wideShelf === true ? 272 : 224) * fs) : 0;
  const shelf = rect(m, belowY, shelfW, shelfW > 0 ? H - belowY - m : 0);
  const shipsX = shelfW > 0 ? m + shelfW + m : m;
  const shipsArea = rect(shipsX, belowY, W - shipsX - m, H - belowY - m);
  const gap = 14 * s;
  const n = Math.max(1, nodes.length);
  const { cols, rows } = gridFor(n, shipsArea, gap, 1.55);
  let cw = (shipsArea.w - (cols - 1) * gap) / cols;
  // Ships stay ship-shaped: a tall free area is left as open sea below them.
  const ch = Math.min((shipsArea.h - (rows - 1) * gap) / rows, 300 * fs);
  cw = Math.min(cw, ch * 2.4, 560 * s);
  // A full ship (crew cards with their roles, a taints row, a row of pods) needs about 200 px.
  const density: Density = simple || ch < 200 * fs || cw < 280 * s ? 'compact' : 'full';
  const gridW = cols * cw + (cols - 1) * gap;
  const gridH = rows * ch + (rows - 1) * gap;
  const x0 = shipsArea.x + (shipsArea.w - gridW) / 2;
  const y0 = shipsArea.y + Math.max(0, (shipsArea.h - gridH) / 2);
  const ships: ShipLayout[] = nodes.map((node, i) => {
    const r = Math.floor(i / cols);
    const c = i % cols;
    // Centre a short last row.
    const inRow = r === rows - 1 ? n - r * cols : cols;
    const rowX = x0 + ((cols - inRow) * (cw + gap)) / 2;
    const cell = rect(rowX + c * (cw + gap), y0 + r * (ch + gap), cw, ch);
    // Narrow but tall ships keep the taints row: a taint is often what the step is about.
    const l = shipLayout(node, cell, s, fs, density, simple, !simple && ch >= 200 * fs, extras.kernels?.includes(node) === true);
    const st = shipStations(l, s, fs, density);
    if (l.kernel.h > 0) stations.set(`node/${node}` satisfies ComponentId, l.kernel);
    stations.set(`kubelet/${node}` satisfies ComponentId, st.kubelet);
    stations.set(`containerd/${node}` satisfies ComponentId, st.runtime);
    stations.set(`kube-proxy/${node}` satisfies ComponentId, st.proxy);
    return l;
  });

  return {
    width: W,
    height: H,
    s,
    fs,
    portrait,
    quay,
    clock,
    flagship,
    flagshipHull,
    queue,
    controllerArea: chipsArea,
    shipsArea,
    shelf,
    ships,
    density,
    simple,
    stations,
    raftPanels,
    quorumBox,
    horizon: flagshipHull.y + flagshipHull.h * 0.55,
    ...(cp === undefined ? {} : { cpNode: cp }),
  };
}

/** Slots for `count` pods on a deck, left to right then top to bottom; `visible` may be < count. */
export function podSlots(deck: Rect, count: number, fs: number, density: Density, size?: { readonly w: number; readonly h: number }): { slots: Rect[]; visible: number } {
  const minW = size?.w ?? (density === 'full' ? 160 * fs : 110 * fs);
  const h = size?.h ?? (density === 'full' ? 46 * fs : 30 * fs);
  const gap = 6 * fs;
  const cols = Math.max(1, Math.floor((deck.w + gap) / (minW + gap)));
  // Cards share the deck's spare width (up to half again as wide), so more of a pod's name shows.
  const w = size !== undefined ? minW : Math.max(minW, Math.min(minW * 1.5, (deck.w + gap) / cols - gap));
  const rows = Math.max(0, Math.floor((deck.h + gap) / (h + gap)));
  const capacity = cols * rows;
  const visible = Math.min(count, capacity);
  const slots: Rect[] = [];
  for (let i = 0; i < visible; i++) {
    slots.push(rect(deck.x + (i % cols) * (w + gap), deck.y + Math.floor(i / cols) * (h + gap), w, h));
  }
  return { slots, visible };
}

/** Where a straight line from a rect's centre towards `toward` leaves the rect (route endpoints). */
export function exitPoint(r: Rect, toward: Point): Point {
  const c = centre(r);
  const dx = toward.x - c.x;
  const dy = toward.y - c.y;
  if (dx === 0 && dy === 0) return c;
  const tx = dx === 0 ? Infinity : r.w / 2 / Math.abs(dx);
  const ty = dy === 0 ? Infinity : r.h / 2 / Math.abs(dy);
  const k = Math.min(tx, ty, 1);
  return { x: c.x + dx * k, y: c.y + dy * k };
}
