/**
 * The scene graph and its per-frame update. `renderAt(t)` draws presentation time t: the cluster
 * state at t (idempotent, keyed by object identity), active glows, tokens in flight, the
 * scheduler's verdicts, the clock and the step's focus. Everything is a function of t, so seeking
 * and playing give the same frame.
 */
import { Container } from './pixi-parts.ts';
import { traceTexts } from './trace-texts.ts';
import type { Lang } from '../model/localized.ts';
import { forgetParsedRefs, type Node } from '../model/objects.ts';
import type { ComponentId, Trace } from '../sim/trace.ts';
import { simTimeAt } from '../timeline/clock-map.ts';
import { eventCountAt, formatSkip, stepAt, type Schedule } from '../timeline/schedule.ts';
import { stateAt, type ClusterState } from '../timeline/state.ts';
import { controllerOf, CONTROLLERS, controlPlaneNode, deckControllers, etcdMembers, kernelNodes, shipNodes, type ControllerId } from './ids.ts';
import { NodeFiles } from './node-files.ts';
import { StaticPodsAt } from '../timeline/static-pods-at.ts';
import { NodeRules, type HeldRules } from '../timeline/node-rules.ts';
import { chipCapacity, computeLayout, type Rect, type StageLayout } from './layout.ts';
import { applySimple, stageScale } from './simple-stage.ts';
import { nodeLook } from './looks.ts';
import { PodLayer } from './pods.ts';
import { buildShelf, traceHasShelfObjects } from './objects/shelf-model.ts';
import { ShelfView } from './objects/shelf-view.ts';
import { NodeHits } from './objects/node-hits.ts';
import { SchedulerOverlay } from './scheduler-overlay.ts';
import { TokenLayer } from './tokens.ts';
import { ActiveItems } from './active-items.ts';
import { TrailLayer } from './trail.ts';
import type { BackgroundMode } from './background-mode.ts';
import { stepTrails, type StepTrail } from '../timeline/trail.ts';
import { ClockView } from './clock.ts';
import { BackdropView } from './scene/backdrop.ts';
import { FlagshipView } from './scene/flagship.ts';
import { ShipView, type VerdictPhase } from './scene/ship.ts';
import { tileVerdicts } from './scale/tile-verdicts.ts';
import type { StationView } from './scene/station.ts';
import type { Palette } from './theme.ts';
import { ZONE_LABEL } from './looks.ts';
import { useScaleView } from './scale/threshold.ts';
import { ScaleView } from './scale/scale-view.ts';
import { FlowAggregator, flowLabel, groupEnd } from './scale/flows.ts';
import { chipStation, controllerOfMessage, controllerRequests } from './message-controller.ts';
import { scaleCovers } from './behind-cards.ts';
import { nodesReached, nodeZones, reachedCount, stepNodeMoments, stepNodes, type StepNodeMoments } from './scale/step-nodes.ts';
import { BackButton } from './scale/open-node.ts';
import type { Camera } from './scale/camera.ts';
import { destroyTree } from './destroy-tree.ts';

const GLOW_IN = 0.12;
const GLOW_OUT = 0.25;
const WRITE_FLASH = 0.45;
const FILE_FLASH = 1.2;
/** How long a ship's rules badge (and its mast card) glows after kube-proxy programs rules. */
const RULES_FLASH = 1.2;
/** The trail shows again this close to a step's end even if a token still flies (the paused end frame). */
const TRAIL_END = 0.15;
const NO_RECTS: readonly Rect[] = [];
const NO_FOCUS: readonly string[] = [];
const NO_RULES: readonly HeldRules[] = [];
const NO_FLASHES: readonly number[] = [];


/** The controllers a trace shows at work (kube-controller-manager activities). */
function usedControllers(trace: Trace): Set<ControllerId> {
  const out = new Set<ControllerId>();
  for (const e of trace.events) {
    if (e.kind !== 'activity' || e.component !== 'kube-controller-manager') continue;
    const c = controllerOf(e.action, e.label.en, e.object);
    if (c !== undefined) out.add(c);
  }
  return out;
}

/** Reads the eased progress (0..1) of message i of the schedule, as the player's timeline set it. */
export type ProgressOf = (messageIndex: number) => number;

/** The operator's shell (static-pods' mv, etcd-backup-restore's etcdctl): it has no card of its own. */
const OPERATOR = 'client/operator';
/** What the quay's card says while the operator's shell acts there. */
const OPERATOR_SHELL: Readonly<Record<Lang, string>> = { en: 'shell', ko: '셸' };
/** The card a component glows, is named and is focused at: its own, or the quay's user for the operator's shell. */
const cardOf = (component: string): string => (component === OPERATOR ? 'kubectl' : component);

export class StageView {
  readonly root = new Container();
  private readonly backdrop = new BackdropView();
  private readonly flagship = new FlagshipView();
  private readonly shipLayer = new Container();
  private readonly pods = new PodLayer();
  private readonly shelf = new ShelfView();
  private hasShelf = false;
  private readonly schedOverlay = new SchedulerOverlay();
  private readonly tokens = new TokenLayer();
  private readonly trail = new TrailLayer();
  private trails: StepTrail[] = [];
  /** Per step: it has story messages (then background tokens move only beside a story token). */
  private stepHasStory: boolean[] = [];
  private trailStep = -2;
  private trailCount = -1;
  private dimmed: boolean[] = [];
  private background: BackgroundMode = 'quiet';
  /** Background message indices met this frame, drawn after the story's (preallocated). */
  private readonly pendingBackground: number[] = [];
  private readonly clock = new ClockView();
  private ships: ShipView[] = [];
  /** Every node the trace draws (as ships, or as tiles in the scale view). */
  private allNodes: string[] = [];
  /** Past what full ships show (scale/threshold.ts): tiles, sprites and flows instead of ships. */
  private scaleMode = false;
  private readonly scale = new ScaleView();
  /** The node opened from its tile to its full ship (scale view only). */
  private openNode: string | undefined;
  private readonly back = new BackButton();
  private readonly flows = new FlowAggregator();
  /** Per step: the nodes it is about (ringed and kept in view in the scale view). */
  private stepNodeList: readonly (readonly string[])[] = [];
  /** Per step, when each of its nodes is first touched (the ring grows as they are): step-nodes.ts. */
  private stepMoments: StepNodeMoments = [];
  /** The step, event count and number of nodes the ring was last drawn for. */
  private ringStep = -2;
  private ringCount = -1;
  private ringed = 0;
  private tokenObstacles: Rect[] = [];
  private tokenSpots: Rect[] = [];
  /** Something outside a frame changed the picture (the camera, a node opened): draw again. */
  onNeedsRedraw: (() => void) | undefined;
  /** What trail badges keep off besides the chips and pods drawn at the time (set per layout). */
  private trailObstacles: Rect[] = [];
  /** The scale view's words (tile names, zone headers) are obstacles for the trail's badges, read as they are when a step's trail is laid out. */
  private trailAvoidsScaleWords = false;
  /** Nodes whose kernel the scenario draws (packets are rewritten there). */
  private kernels: readonly string[] = [];
  private etcdMembers: string[] = [];
  /** The trace carries etcd members' raft state (drawn in panels under their cards). */
  private hasRaft = false;
  /** The control-plane node drawn aboard the flagship (static-pods scenarios), its files, when each was written. */
  private cpNode: string | undefined;
  private nodeFiles: NodeFiles | undefined;
  /** The static pods the nodes' kubelets run (drawn even where the API lists no mirror pod). */
  private staticPods: StaticPodsAt | undefined;
  private fileFlashes: readonly { readonly path: string; readonly at: number }[] = [];
  /** The rules kube-proxy holds per node, and when each node's kube-proxy programs (to pulse its badge). */
  private nodeRules: NodeRules | undefined;
  /** When each node's kube-proxy programs, by node (presentation times). */
  private rulesFlashes: ReadonlyMap<string, readonly number[]> = new Map();
  /** Index in stationList by component id (frames look stations up by id). */
  private stationIndexOf = new Map<string, number>();
  private used = new Set<ControllerId>();
  private readonly stations = new Map<string, StationView>();
  private stationList: StationView[] = [];
  private frameLevel: number[] = [];
  private frameLabel: (string | undefined)[] = [];
  /** The activity whose label frameLabel holds, per station. */
  private frameLabelAct: (number | undefined)[] = [];
  /** Per station this frame, who its named activity is by when not the station's own component (the operator's shell). */
  private frameActing: (string | undefined)[] = [];
  private trace: Trace | undefined;
  private schedule: Schedule | undefined;
  private activityStation: (number | undefined)[] = [];
  private activityController: number[] = [];
  /** The activities glowing at a time (start <= t < end + GLOW_OUT), found without a scan of all. */
  private activeActs = new ActiveItems([], GLOW_OUT);
  private messageOrder: number[] = [];
  private maxHop = 1;
  private l: StageLayout;
  private canvasW: number;
  private canvasH: number;
  private palette: Palette;
  private lang: Lang = 'en';
  private reducedMotion = false;
  /** Canvas pixels per CSS px (the renderer's). */
  private resolution = 1;
  private lastCount = -1;
  private lastStep = -2;
  /** The step whose focus the scale view's camera last brought into view. */
  private cameraStep = -2;
  private clickListeners: ((id: ComponentId) => void)[] = [];
  private objectListeners: ((ref: string) => void)[] = [];
  private readonly emitObject = (ref: string): void => {
    for (const cb of this.objectListeners) cb(ref);
  };
  /** Click targets over the nodes' name rows (Node cards). */
  private readonly nodeHits = new NodeHits(this.emitObject);

  constructor(width: number, height: number, palette: Palette) {
    this.palette = palette;
    this.canvasW = width;
    this.canvasH = height;
    this.l = computeLayout(width, height, []);
    this.tokens.pods = this.pods;
    this.root.addChild(this.backdrop, this.flagship, this.scale, this.shipLayer, this.nodeHits, this.shelf, this.pods, this.schedOverlay.root, this.clock, this.back, this.tokens.trails, this.trail, this.tokens);
    this.scale.visible = false;
    this.back.visible = false;
    this.scale.onCamera = () => {
      this.layoutTokens();
      this.onNeedsRedraw?.();
    };
    this.scale.onHover = () => this.onNeedsRedraw?.();
    this.scale.onOpen = (node) => this.openScaleNode(node);
    this.back.onPress = () => this.closeScaleNode();
    this.shelf.onObjectClick(this.emitObject);
    this.pods.onObjectClick(this.emitObject);
    this.registerStations();
  }

  onClick(cb: (id: ComponentId) => void): () => void {
    this.clickListeners.push(cb);
    return () => {
      this.clickListeners = this.clickListeners.filter((c) => c !== cb);
    };
  }

  /**
   * Clicking a Kubernetes object calls back with its ref: a shelf card ("ReplicaSet/default/web-7d9f"),
   * a pod on a deck or in the queue ("Pod/default/web-7d9f-x2k4p"), a node's name row ("Node/worker-1").
   */
  onObjectClick(cb: (ref: string) => void): () => void {
    this.objectListeners.push(cb);
    return () => {
      this.objectListeners = this.objectListeners.filter((c) => c !== cb);
    };
  }

  private registerStations(): void {
    this.stations.clear();
    const all: StationView[] = [this.backdrop.user, ...this.flagship.stations, ...this.ships.flatMap((s) => s.stations)];
    for (const st of all) {
      this.stations.set(st.spec.id, st);
      if (st.listenerCount('pointertap') === 0) st.on('pointertap', () => this.clickListeners.forEach((cb) => cb(st.spec.id)));
    }
    this.stationList = all;
    this.stationIndexOf = new Map(all.map((st, i) => [st.spec.id, i]));
    this.frameLevel = all.map(() => 0);
    this.frameLabel = all.map(() => undefined);
    this.frameActing = all.map(() => undefined);
    this.frameLabelAct = all.map(() => undefined);
    this.dimmed = all.map(() => false);
    this.indexStations();
  }

  setTrace(trace: Trace, schedule: Schedule): void {
    // The refs parsed for the trace shown before (a big one has tens of thousands) go with it.
    forgetParsedRefs();
    this.trace = trace;
    this.schedule = schedule;
    this.indexSchedule();
    this.schedOverlay.setTrace(trace, schedule);
    this.groupLabels.clear();
    this.kernels = kernelNodes(trace.topology);
    this.allNodes = shipNodes(trace.topology);
    this.openNode = undefined;
    this.cameraStep = -2;
    const zones = nodeZones(trace, ZONE_LABEL);
    this.scale.setNodes(this.allNodes.map((node) => ({ node, zone: zones.get(node) })));
    this.stepNodeList = stepNodes(trace, new Set(this.allNodes));
    this.stepMoments = stepNodeMoments(trace, new Set(this.allNodes));
    this.etcdMembers = etcdMembers(trace.topology.components);
    this.flagship.setEtcdMembers(this.etcdMembers);
    this.hasRaft = trace.snapshots.some((snap) => snap.raft !== undefined);
    this.cpNode = controlPlaneNode(trace.topology);
    this.flagship.setControlPlaneNode(this.cpNode);
    this.nodeFiles = new NodeFiles(trace, this.cpNode);
    this.staticPods = new StaticPodsAt(trace);
    this.fileFlashes = this.nodeFiles.changes.map((c) => ({ path: c.path, at: schedule.eventTimes[c.eventIndex] ?? 0 }));
    this.nodeRules = new NodeRules(trace);
    const flashes = new Map<string, number[]>();
    for (const sync of this.nodeRules.syncs) {
      let list = flashes.get(sync.node);
      if (list === undefined) flashes.set(sync.node, (list = []));
      list.push(schedule.eventTimes[sync.eventIndex] ?? 0);
    }
    this.rulesFlashes = flashes;
    this.used = usedControllers(trace);
    this.hasShelf = traceHasShelfObjects(trace);
    this.ships.forEach((s) => destroyTree(s));
    this.ships = [];
    this.shipsFor = undefined;
    this.tokens.dropPool();
    this.relayout(this.canvasW, this.canvasH);
  }

  /** The ships drawn: every node, or in the scale view the opened node's alone (or none). */
  private shipsFor: string | undefined;
  private syncShips(nodes: readonly string[]): void {
    const trace = this.trace;
    const schedule = this.schedule;
    if (trace === undefined || schedule === undefined) return;
    const key = nodes.join('\n');
    if (key === this.shipsFor) return;
    this.shipsFor = key;
    // Ships keyed by node name: keep the ones that stay, add and remove the rest.
    const keep = new Map(this.ships.map((s) => [`${s.node}|${String(s.hasKernel)}`, s]));
    const next: ShipView[] = [];
    for (const node of nodes) {
      const key = `${node}|${String(this.kernels.includes(node))}`;
      let ship = keep.get(key);
      if (ship === undefined) {
        ship = new ShipView(node, this.kernels.includes(node));
        ship.setLang(this.lang);
        this.shipLayer.addChild(ship);
      }
      keep.delete(key);
      next.push(ship);
    }
    for (const gone of keep.values()) destroyTree(gone);
    this.ships = next;
    this.schedOverlay.setNodes(next.map((s) => s.node));
    this.registerStations();
  }

  /** Per activity, the index of the station it glows at (the stations change as ships come and go). */
  private indexStations(): void {
    const sch = this.schedule;
    if (sch === undefined) return;
    const index = this.stationIndexOf;
    // The operator's shell (etcdctl, etcdutl, mv) is the user on the quay (cardOf). An etcd member
    // without a station of its own glows at etcd; other unknown components at the first etcd member's.
    const etcd = index.get('etcd');
    const firstMember = index.get(this.stationList.find((st) => st.spec.id.startsWith('etcd/'))?.spec.id ?? '');
    this.activityStation = sch.activities.map((a) => {
      const c = a.event.component;
      return index.get(cardOf(c)) ?? (c.startsWith('etcd/') ? etcd : firstMember);
    });
  }

  /**
   * Whether activity `i` names its station rather than `held` (both running now): the one begun
   * later, as before. Begun together (one pass of a controller marks a node, then takes its taint
   * token), the first in the trace names it while the step they began in is shown, the last after:
   * node-failure's 'unknown' step said the taint's words, which are the next step's.
   */
  private namesStation(i: number, held: number | undefined, stepStart: number): boolean {
    const acts = this.schedule?.activities;
    const a = acts?.[i];
    const b = held === undefined ? undefined : acts?.[held];
    if (a === undefined || b === undefined || held === undefined) return true;
    if (a.start !== b.start) return a.start > b.start;
    return a.start >= stepStart ? i < held : i > held;
  }

  /**
   * Precompute per-activity controller, messages by start and each step's trail, so frames do
   * lookups only: once per trace (opening a node of a big cluster does not redo them).
   */
  private indexSchedule(): void {
    const sch = this.schedule;
    if (sch === undefined) return;
    this.activityController = sch.activities.map((a) => {
      if (a.event.component !== 'kube-controller-manager') return 0;
      const c = controllerOf(a.event.action, a.event.label.en, a.event.object);
      const i = CONTROLLERS.findIndex((x) => x.id === c);
      return i < 0 ? 0 : 1 << i;
    });
    this.activeActs = new ActiveItems(sch.activities, GLOW_OUT);
    const requests = controllerRequests(sch.messages.map((m) => m.event));
    this.tokens.endOf = requests.size === 0 ? undefined : (id, m) => {
      if (id !== 'kube-controller-manager') return undefined;
      const c = controllerOfMessage(m, requests);
      return c === undefined ? undefined : chipStation(c);
    };
    this.groupSize = new Map();
    for (const m of sch.messages) this.groupSize.set(m.group, (this.groupSize.get(m.group) ?? 0) + 1);
    this.messageOrder = sch.messages.map((_, i) => i).sort((a, b) => (sch.messages[a]?.start ?? 0) - (sch.messages[b]?.start ?? 0));
    // A loop, not Math.max(...messages): a big trace has more messages than a call's argument limit.
    let maxHop = 0.001;
    for (const m of sch.messages) maxHop = Math.max(maxHop, m.end - m.start);
    this.maxHop = maxHop;
    this.trails = stepTrails(sch);
    this.stepHasStory = this.trails.map((tr) => tr.hops.length > 0);
  }

  /** The renderer drawing the stage and its resolution: some shapes are drawn the cheaper of two pixel-equal ways on it. */
  setRenderer(name: 'webgl' | 'webgpu' | 'canvas', resolution: number): void {
    this.resolution = resolution;
    this.scale.setRenderer(name);
  }

  /** The WebGL context was lost: textures the stage keeps for itself are let go (made anew at the next layout). */
  contextLost(): void {
    this.scale.dropCache();
  }

  setPalette(p: Palette): void {
    this.palette = p;
    this.relayoutIfLaidOut();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    this.backdrop.setLang(lang);
    this.flagship.setLang(lang);
    this.clock.setLang(lang);
    this.pods.setLang(lang);
    for (const s of this.ships) s.setLang(lang);
    this.relayoutIfLaidOut();
  }

  /** Background traffic: 'quiet' (faint, small; the default), 'hide' or 'show'. */
  setBackground(mode: BackgroundMode): void {
    this.background = mode;
    this.tokens.backgroundLook = mode === 'show' ? 'show' : 'quiet';
    this.relayoutIfLaidOut();
  }

  /**
   * Nothing is laid out until the first relayout: a new stage is given its language and then its
   * trace (whose setTrace lays out), and laying out the empty stage in between cost ~12 ms of the
   * first frame. A setting made before then is laid out with the first relayout.
   */
  private laidOut = false;
  private relayoutIfLaidOut(): void {
    if (this.laidOut) this.relayout(this.canvasW, this.canvasH);
  }

  /** Lays out now if nothing is yet: a frame drawn before any trace (the sky, the ships' stations). */
  ensureLaidOut(): void {
    if (!this.laidOut) this.relayout(this.canvasW, this.canvasH);
  }

  get backgroundMode(): BackgroundMode {
    return this.background;
  }

  setReducedMotion(on: boolean): void {
    this.reducedMotion = on;
    this.tokens.reducedMotion = on;
  }

  /** Lay out for a canvas of width x height CSS px (tiny canvases: laid out larger, scaled down). */
  relayout(width: number, height: number): void {
    this.laidOut = true;
    const { k, simple } = stageScale(width, height);
    this.root.scale.set(k);
    this.canvasW = width;
    this.canvasH = height;
    const extras = { simple, raft: this.hasRaft, shelf: this.hasShelf, kernels: this.kernels, ...(this.cpNode === undefined ? {} : { cpNode: this.cpNode, cpFiles: this.nodeFiles?.all ?? [] }) };
    this.scaleMode = this.allNodes.length > 0 && useScaleView(this.allNodes.length, width / k, height / k, extras);
    if (!this.scaleMode) this.openNode = undefined;
    this.syncShips(this.scaleMode ? (this.openNode === undefined ? [] : [this.openNode]) : this.allNodes);
    const l = computeLayout(width / k, height / k, this.ships.map((s) => s.node), this.etcdMembers, { ...extras, wideShelf: this.scaleMode, flowRoom: this.scaleMode && this.openNode === undefined });
    this.l = l;
    const p = this.palette;
    this.flagship.setDeck(deckControllers(this.used, chipCapacity(l.controllerArea, l.s, l.fs)));
    this.backdrop.layout(l, p);
    this.flagship.layout(l, p);
    this.clock.layout(l.clock, p, l.fs);
    this.shelf.layout(l.shelf, l.fs, p, this.lang);
    this.ships.forEach((ship, i) => {
      const sl = l.ships[i];
      if (sl) ship.layout(sl, p, l.s, l.fs, l.density);
    });
    const decks = new Map(l.ships.map((sl) => [sl.node, sl.deck]));
    const cp = l.cpNode;
    if (cp !== undefined) decks.set(cp.node, cp.deck);
    this.pods.layout({ decks, queue: this.flagship.queueArea(l), fs: l.fs, density: l.density, offDeckElsewhere: this.scaleMode, ...(cp === undefined ? {} : { slotSize: new Map([[cp.node, cp.podSize]]) }) }, p);
    this.scale.visible = this.scaleMode && this.openNode === undefined;
    if (this.scaleMode) this.scale.layout(l.shipsArea, p, l.s, l.fs, this.lang, k === 1 && Number.isInteger(this.resolution));
    this.back.visible = this.scaleMode && this.openNode !== undefined;
    if (this.back.visible) this.back.layout(l.shipsArea, p, l.fs, this.lang);
    this.tokens.alias = this.scaleMode ? (id) => groupEnd(id, (node) => (node === this.openNode ? undefined : this.scale.zoneOf(node))) : undefined;
    // A node's name row (and its taint chips, node fields too) opens the Node's card.
    this.nodeHits.layout([...l.ships.map((sl) => ({ node: sl.node, rect: sl.chips.h > 0 ? { ...sl.header, h: sl.chips.y + sl.chips.h - sl.header.y } : sl.header })), ...(cp === undefined ? [] : [{ node: cp.node, rect: cp.header }])]);
    this.schedOverlay.layout(l, p);
    // Text a token's label must not cover besides the cards: ship names and taints, the clock, the quay's name, the scheduling queue, the flagship's name on its hull.
    const f = l.flagshipHull;
    const obstacles = [
      ...l.ships.flatMap((sl) => [sl.chips, sl.verdict, sl.capacity]),
      l.shelf,
      l.quorumBox,
      ...(cp === undefined ? [] : [cp.header]),
      l.clock,
      { x: l.quay.x, y: l.quay.y, w: l.quay.w, h: Math.max(0, (l.stations.get('kubectl')?.y ?? l.quay.y) - l.quay.y) },
      // The whole queue: a request's label (kubectl's "PATCH deployment" on its way to
      // kube-apiserver) inside it read as queued (reviewer).
      l.queue,
      { x: f.x + f.w * 0.05, y: f.y, w: f.w * 0.25, h: f.h * 0.6 },
      ...l.raftPanels.values(),
    ].filter((r) => r.w > 0 && r.h > 0);
    const rulesSpots = this.nodeRules?.any === true ? l.ships.map((sl) => sl.rules.rect) : [];
    const overflowSpots = [...l.ships.flatMap((sl) => [sl.header, overflowCorner(sl.deck, l.fs)]), ...rulesSpots, overflowCorner(this.flagship.queueArea(l), l.fs), ...(cp?.disk.items.map((it) => it.rect) ?? [])];
    if (this.back.visible) obstacles.push(this.back.box);
    this.tokenObstacles = obstacles;
    this.tokenSpots = overflowSpots;
    this.layoutTokens();
    // Trail badges may use a taints row where no chip is drawn (each step adds the chips drawn then).
    const chipRows = new Set(l.ships.map((sl) => sl.chips));
    this.trailObstacles = [...l.stations.values(), ...obstacles.filter((r) => !chipRows.has(r)), ...overflowSpots];
    applySimple(this.root, simple);
    this.lastStep = -2;
    this.ringStep = -2;
    this.lastCount = -1;
    this.trailStep = -2;
  }

  /**
   * Stations for the tokens: the layout's, and in the scale view each zone group's end for every
   * node component (`kubelet/@zone-c`), which moves with the camera.
   */
  private layoutTokens(): void {
    const l = this.l;
    const m = new Map(l.stations);
    const tiles = this.scaleMode && this.openNode === undefined;
    if (this.scaleMode) {
      for (const zone of this.scale.zoneKeys) {
        // With a node opened, the other nodes are off stage behind "← All nodes": their traffic
        // goes there (it fell back to the quay, as if kubectl had sent it: reviewer).
        const r = tiles ? this.scale.groupEnd(zone) : this.back.box;
        for (const head of ['kubelet', 'containerd', 'kube-proxy', 'node']) m.set(`${head}/@${zone}`, r);
      }
    }
    // A controller's requests leave kube-controller-manager's card above the controller's chip
    // (its answers return there), not from the card's middle: a thin band on the card's top edge,
    // so the token starts clear of the card's title row and activity line and an arrow ends on the
    // card (a band 8 px above it left a short hop's arrowhead pointing at nothing, reviewer).
    const cm = l.stations.get('kube-controller-manager');
    if (cm !== undefined) {
      const gap = 2 * l.s;
      for (const c of CONTROLLERS) {
        const chip = this.flagship.chipBox(c.id);
        if (chip !== undefined) m.set(chipStation(c.id), { x: chip.x, y: cm.y - gap, w: chip.w, h: gap });
      }
    }
    const stations: ReadonlyMap<string, Rect> = m;
    // In the scale view the zones' flows pass behind the flagship's cards they cross (the chips of
    // kube-controller-manager, the scheduling queue) instead of drawing over their words.
    this.tokens.covers = this.scaleMode && this.openNode === undefined ? scaleCovers(l) : [];
    // The scale view's words (zone headers, zoomed tiles' names) are text a label may never cover,
    // not cards it may graze, and read as they are now: a header is laid out when its counts change
    // (after this layout, on the first frame), so a copy taken here was empty ("watch: ADDED" hid
    // "1,011 pods", reviewer).
    this.tokens.liveTextSpots = tiles ? () => this.scale.textBoxes() : undefined;
    this.tokens.layout(stations, this.palette, l.s, l.fs, { x: 0, y: 0, w: l.width, h: l.height }, this.tokenObstacles, this.tokenSpots);
    this.tokens.podsMoved();
    this.trailAvoidsScaleWords = tiles;
    this.trailStep = -2;
  }

  /** Whether the stage draws the scale view (tiles) for this trace at this size. */
  get isScale(): boolean {
    return this.scaleMode;
  }

  /** The scale view's camera and opened node: view settings a fresh stage can be given. */
  get scaleState(): { readonly camera: Camera; readonly open: string | undefined } {
    return { camera: this.scale.camera, open: this.openNode };
  }

  setScaleState(state: { readonly camera: Camera; readonly open: string | undefined }): void {
    if (!this.scaleMode) return;
    if (state.open !== this.openNode) {
      if (state.open === undefined) this.closeScaleNode(false);
      else this.openScaleNode(state.open, false);
    }
    this.scale.setCamera(state.camera, false);
    this.layoutTokens();
  }

  get scaleControls(): ScaleView {
    return this.scale;
  }

  /** Open a node's full ship from its tile (scale view). */
  openScaleNode(node: string, notify = true): void {
    if (!this.scaleMode || !this.allNodes.includes(node) || this.openNode === node) return;
    this.openNode = node;
    this.relayout(this.canvasW, this.canvasH);
    if (notify) this.onNeedsRedraw?.();
  }

  /** Back from a node's ship to the tiles. */
  closeScaleNode(notify = true): void {
    if (this.openNode === undefined) return;
    this.openNode = undefined;
    this.relayout(this.canvasW, this.canvasH);
    if (notify) this.onNeedsRedraw?.();
  }

  /** The nodes the current step is about. */
  stepNodes(): readonly string[] {
    return this.stepNodeList[this.lastStep] ?? [];
  }

  get openedNode(): string | undefined {
    return this.openNode;
  }

  /** The stations of the step drawn last that are in its focus, boxes in canvas CSS px (the info card's test). */
  focusBoxes(): { readonly id: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }[] {
    const focus = this.schedule?.focus[this.lastStep] ?? [];
    const k = this.root.scale.x;
    return this.stationList
      .filter((st) => st.visible && focus.some((id) => cardOf(id) === st.spec.id))
      .map((st) => ({ id: st.spec.id, x: st.rect.x * k, y: st.rect.y * k, w: st.rect.w * k, h: st.rect.h * k }));
  }

  get layout(): StageLayout {
    return this.l;
  }

  /** The canvas size (CSS px) the stage was last laid out for. */
  get size(): { readonly width: number; readonly height: number } {
    return { width: this.canvasW, height: this.canvasH };
  }

  renderAt(t: number, progressOf: ProgressOf): void {
    const sch = this.schedule;
    const trace = this.trace;
    if (sch === undefined || trace === undefined) return;
    const p = this.palette;

    // 1. Cluster state (only when an event boundary was crossed).
    const count = eventCountAt(sch, t);
    if (count !== this.lastCount) {
      this.lastCount = count;
      const state: ClusterState = stateAt(trace, { eventCount: count });
      const shelf = buildShelf(state.objects);
      this.shelf.apply(shelf);
      this.pods.apply(state.objects, shelf.podRevision, this.staticPods?.at(count));
      if (this.scaleMode) this.scale.apply(state.objects, shelf.podRevisionBand, state.components);
      this.schedOverlay.setObjects(state.objects);
      this.tokens.podsMoved();
      for (const ship of this.ships) ship.setNode(nodeLook(state.objects.get(`Node/${ship.node}`) as Node | undefined));
      const rules = this.nodeRules?.at(count);
      for (const ship of this.ships) ship.setRules(rules?.get(ship.node) ?? NO_RULES);
      const cpView = this.flagship.controlPlaneNode;
      if (cpView !== undefined) {
        cpView.setNode(nodeLook(state.objects.get(`Node/${cpView.node}`) as Node | undefined));
        if (this.nodeFiles !== undefined) cpView.setFiles(this.nodeFiles.at(count));
      }
      for (const st of this.stationList) st.setStatus(state.components.get(st.spec.id) ?? 'up');
      this.flagship.setRaft(state.raft);
      // New pods and taint chips bring their own secondary text (only on event boundaries).
      if (this.l.simple) applySimple(this.root, true);
    }

    // 2. Focus of the current step.
    const step = stepAt(sch, t);
    if (step !== this.lastStep) {
      this.lastStep = step;
      const focus = sch.focus[step] ?? [];
      this.pods.setFocus(this.schedOverlay.focusPods(step));
      // A step about the operator's shell keeps the quay's card lit (cardOf).
      const lit = new Set(focus.map(cardOf));
      this.stationList.forEach((st, i) => {
        const dim = focus.length > 0 && !lit.has(st.spec.id);
        this.dimmed[i] = dim;
        st.setDimmed(dim, p);
      });
      this.flagship.dimRaft(focus, p);
      if (this.scaleMode) {
        const cam = this.scale.camera;
        // A step's focus is brought into view once, when the step is reached; laid out again
        // (a resize), the camera stays where the learner put it.
        this.scale.setFocus(this.stepNodeList[step] ?? [], step !== this.cameraStep);
        this.cameraStep = step;
        if (cam !== this.scale.camera) this.layoutTokens();
      }
    }
    // The ring goes round a step's node once something has happened to it in the step.
    if (this.scaleMode && (step !== this.ringStep || count !== this.ringCount)) {
      const moments = this.stepMoments[step];
      const reached = reachedCount(moments, count);
      if (step !== this.ringStep || reached !== this.ringed) this.scale.setRinged(nodesReached(moments, count));
      this.ringStep = step;
      this.ringCount = count;
      this.ringed = reached;
    }
    // The numbered trail: laid out per step (and after pods move), shown while no story token is mid-flight.
    const tr = this.trails[step];
    const stepEnd = sch.steps[step]?.end ?? Infinity;
    this.trail.visible = tr !== undefined && tr.hops.length > 0 && (t <= tr.firstStart || t >= tr.lastEnd || t >= stepEnd - TRAIL_END);
    if (this.trail.visible && (step !== this.trailStep || count !== this.trailCount)) {
      this.trailStep = step;
      this.trailCount = count;
      this.trail.setTrail(tr?.hops ?? [], (m) => this.tokens.routeOf(m), (m) => this.tokens.runsOf(m), p, this.l.fs, { x: 0, y: 0, w: this.l.width, h: this.l.height }, [...this.trailObstacles, ...(this.trailAvoidsScaleWords ? this.scale.textBoxes() : []), ...this.ships.flatMap((sh) => sh.chipBoxes()), ...this.pods.podRects()]);
    }

    // 3. Glows: activities, and etcd flashing as a write lands.
    for (let i = 0; i < this.frameLevel.length; i++) {
      this.frameLevel[i] = 0;
      this.frameLabel[i] = undefined;
      this.frameLabelAct[i] = undefined;
      this.frameActing[i] = undefined;
    }
    const stepStart = sch.steps[step]?.start ?? 0;
    let controllers = 0;
    const acts = sch.activities;
    for (const i of this.activeActs.at(t)) {
      const a = acts[i];
      if (a === undefined) continue;
      const si = this.activityStation[i];
      const full = this.reducedMotion ? (t < a.end ? 1 : 0) : t < a.end ? Math.min(1, (t - a.start) / GLOW_IN) : 1 - (t - a.end) / GLOW_OUT;
      // Background work (routine, off-focus) glows faintly and is not named; never on a component outside the step, nor when hidden.
      const level = a.background ? (this.background === 'hide' || (si !== undefined && this.dimmed[si] === true) ? 0 : full * 0.35) : full;
      if (si !== undefined && level >= (this.frameLevel[si] ?? 0)) {
        this.frameLevel[si] = level;
        if (t < a.end && !a.background && this.namesStation(i, this.frameLabelAct[si], stepStart)) {
          this.frameLabelAct[si] = i;
          this.frameLabel[si] = a.event.label[this.lang];
          // The operator's shell (mv, etcdctl) works from the quay's card: it says so, not "kubectl".
          this.frameActing[si] = a.event.component === OPERATOR ? OPERATOR_SHELL[this.lang] : undefined;
        }
      }
      if (t < a.end) controllers |= this.activityController[i] ?? 0;
    }

    // 4. Tokens in flight (messages sorted by start; none lasts longer than maxHop).
    // While a long wait is skipped the cluster's clock jumps and background messages in flight
    // would stand still mid-air (over a zone's header, say): they are not drawn until it runs again.
    const skip = sch.skips.find((s) => t >= s.start && t < s.end);
    const backgroundShown = this.background !== 'hide' && skip === undefined;
    this.tokens.beginFrame(this.trail.visible ? this.trail.badgeBoxes : NO_RECTS);
    const order = this.messageOrder;
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sch.messages[order[mid] ?? 0]?.start ?? 0) <= t) lo = mid + 1;
      else hi = mid;
    }
    let lastGroup = -1;
    const stepFocus = sch.focus[step] ?? NO_FOCUS;
    const stepHasHops = this.stepHasStory[step] === true;
    this.offFocusTokens.length = 0;
    this.offFocusLabels.length = 0;
    // Story tokens in sight (one passing behind a card is not).
    let storyShown = 0;
    this.pendingBackground.length = 0;
    this.flows.begin();
    for (let k = lo - 1; k >= 0; k--) {
      const mi = order[k] ?? 0;
      const m = sch.messages[mi];
      if (m === undefined) continue;
      if (m.start < t - this.maxHop - WRITE_FLASH) break;
      if (m.event.write === true && t >= m.end && t < m.end + WRITE_FLASH) {
        const si = this.stationIndex(m.event.to);
        if (si !== undefined && (this.frameLevel[si] ?? 0) < 1) {
          this.frameLevel[si] = this.reducedMotion ? 1 : 1 - (t - m.end) / WRITE_FLASH;
          this.frameLabel[si] ??= this.lang === 'ko' ? '쓰기' : 'write';
        }
      }
      if (t >= m.end) continue;
      if (m.background) {
        if (backgroundShown) this.pendingBackground.push(mi);
        continue;
      }
      if (this.flowed(m, progressOf(mi), false)) continue;
      // The label rides on the first token of a fan-out group only; background tokens carry none, and
      // neither do the last step's tokens still flying once this step has hops of its own: the labels
      // name what this step is about (pod-creation's kubelet step showed the bind's "watch: MODIFIED ×2").
      const earlier = m.start < stepStart && stepHasHops;
      const label = m.background || earlier || m.group === lastGroup ? undefined : this.labelOf(m.event.action, m.group);
      lastGroup = m.group;
      // Tokens to a component outside the step's focus come after, so their labels give way: pod-creation's
      // kubelet step labelled the scheduler's and controllers' "watch: MODIFIED ×2", not the kubelet's ADDED.
      if (stepFocus.length > 0 && !stepFocus.includes(m.event.to)) {
        this.offFocusTokens.push(mi);
        this.offFocusLabels.push(label);
        continue;
      }
      if (this.tokens.add(m.event, progressOf(mi), label, false)) storyShown++;
    }
    for (let j = 0; j < this.offFocusTokens.length; j++) {
      const mi = this.offFocusTokens[j] ?? 0;
      const m = sch.messages[mi];
      // Their labels stay by their tokens: one riding another route's line read as that message's.
      if (m !== undefined && this.tokens.add(m.event, progressOf(mi), this.offFocusLabels[j], false, false)) storyShown++;
    }
    // The scale view's story flows: one token per route with its count (the aggregator holds only
    // the story's so far).
    for (const f of this.flows.flows()) if (this.tokens.add(f.message, f.progress, flowLabel(f, this.lang), false)) storyShown++;
    // Background fills around the story: in a step with story hops it moves only beside a story
    // token in sight, never alone (nor while the story's only token passes behind a card).
    const withBackground = storyShown > 0 || this.stepHasStory[step] !== true;
    if (withBackground) {
      for (const mi of this.pendingBackground) {
        const m = sch.messages[mi];
        if (m !== undefined && !this.flowed(m, progressOf(mi), true)) this.tokens.add(m.event, progressOf(mi), undefined, true);
      }
      for (const f of this.flows.flows()) if (f.background) this.tokens.add(f.message, f.progress, undefined, true);
    }
    this.tokens.endFrame();

    // 5. Scheduler verdicts.
    let decisionLabel: string | undefined;
    const d = sch.decisions.find((x) => t >= x.start && t < x.end);
    const phase: VerdictPhase = d === undefined ? 'filter' : t >= d.decided ? 'decided' : d.event.decision.scored && t >= d.scoring ? 'score' : 'filter';
    for (const ship of this.ships) {
      if (d === undefined) {
        ship.setVerdict(undefined, 'filter', false, false);
        continue;
      }
      const dec = d.event.decision;
      ship.setVerdict(
        dec.nodes.find((n) => n.name === ship.node),
        phase,
        dec.selected === ship.node,
        dec.scored,
      );
      if (phase === 'decided') decisionLabel = dec.selected === null ? (this.lang === 'ko' ? '배치할 노드 없음' : 'no node fits') : `→ ${dec.selected}`;
    }
    // On the tiles too: a big run records every node's verdict for the decision its story walks through.
    if (this.scaleMode) this.scale.setVerdicts(d === undefined ? '' : `${d.eventIndex}|${phase}`, () => (d === undefined ? undefined : tileVerdicts(d.event.decision, phase)));
    this.pods.setCovered(this.schedOverlay.frame(d, d !== undefined && d.event.decision.scored && t >= d.scoring, sch.focus[step] ?? [], this.lang));
    if (decisionLabel !== undefined) {
      const si = this.stationIndex('kube-scheduler');
      if (si !== undefined) this.frameLabel[si] ??= decisionLabel;
    }

    this.flashRules(t);
    for (let i = 0; i < this.stationList.length; i++) this.stationList[i]?.setActivity(this.frameLevel[i] ?? 0, this.frameLabel[i], this.frameActing[i]);
    for (const ship of this.ships) if (ship.hasKernel) ship.syncKernel();
    this.flagship.setControllers(controllers, p);
    this.flashFiles(t);
    this.pods.animate(t, this.reducedMotion);

    // 6. Clock.
    this.clock.update(simTimeAt(sch.clock, t), skip === undefined ? undefined : formatSkip(skip.toSim - skip.fromSim, this.lang));
  }

  /** In the scale view a message to or from a node drawn as a tile joins its route's flow (true) instead of being drawn alone. */
  private flowed(m: Schedule['messages'][number], progress: number, background: boolean): boolean {
    const alias = this.tokens.alias;
    if (alias === undefined) return false;
    const from = alias(m.event.from);
    const to = alias(m.event.to);
    if (from === undefined && to === undefined) return false;
    this.flows.add(m.event, from ?? m.event.from, to ?? m.event.to, progress, m.start, background);
    return true;
  }

  /** A file just written (a manifest, the snapshot, a restored data dir) flashes for a moment. */
  private flashFiles(t: number): void {
    const cpView = this.flagship.controlPlaneNode;
    if (cpView === undefined || this.fileFlashes.length === 0) return;
    cpView.clearFlashes();
    for (const f of this.fileFlashes) {
      if (t < f.at || t >= f.at + FILE_FLASH) continue;
      cpView.flash(f.path, this.reducedMotion ? 1 : 1 - (t - f.at) / FILE_FLASH);
    }
  }

  /** kube-proxy just programmed a node's rules: its badge glows, and its mast card when the step is about it. */
  private flashRules(t: number): void {
    if (this.rulesFlashes.size === 0) return;
    for (const ship of this.ships) {
      let level = 0;
      for (const at of this.rulesFlashes.get(ship.node) ?? NO_FLASHES) {
        if (t < at || t >= at + RULES_FLASH) continue;
        level = Math.max(level, this.reducedMotion ? 1 : 1 - (t - at) / RULES_FLASH);
      }
      ship.pulseRules(level);
      const si = this.stationIndex(`kube-proxy/${ship.node}`);
      // A card outside the step's focus stays dim: the badge alone signals.
      if (si !== undefined && this.dimmed[si] !== true && level > (this.frameLevel[si] ?? 0)) this.frameLevel[si] = level;
    }
  }

  private stationIndex(id: string): number | undefined {
    return this.stationIndexOf.get(id);
  }

  /** This frame's story tokens to components outside the step's focus (drawn after the others), and their labels. */
  private readonly offFocusTokens: number[] = [];
  private readonly offFocusLabels: (string | undefined)[] = [];
  private readonly groupLabels = new Map<number, string>();
  /** Messages per fan-out group, counted once per trace (a frame meeting a new group counted every message). */
  private groupSize = new Map<number, number>();
  /** "watch: MODIFIED ×3" for a fan-out; cached per group so frames do not build strings. */
  private labelOf(action: string, group: number): string {
    const hit = this.groupLabels.get(group);
    if (hit !== undefined) return hit;
    const n = this.groupSize.get(group) ?? 1;
    const label = n > 1 ? `${action} ×${n}` : action;
    this.groupLabels.set(group, label);
    return label;
  }

  /** The texts this trace brings (trace-texts.ts), for preloading their font subsets. */
  traceTexts(lang: Lang): readonly string[] {
    return this.trace === undefined ? [] : traceTexts(this.trace, lang);
  }

  destroy(): void {
    this.root.destroy({ children: true });
  }
}

/** Where a deck's "+N" goes (its bottom-right corner), kept clear of token labels. */
function overflowCorner(deck: Rect, fs: number): Rect {
  const w = 28 * fs;
  const h = 18 * fs;
  return { x: deck.x + deck.w - w, y: deck.y + deck.h - h, w, h };
}
