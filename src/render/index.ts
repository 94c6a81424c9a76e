/**
 * kubedeck's stage: the PixiJS picture of a cluster and the player that plays a trace on it.
 *
 * Entry for the composition root (src/main.ts), embeds and export:
 *
 *   const stage = await createStage(host, { theme: 'dark', reducedMotion: false, lang: 'en' });
 *   const player = stage.load(trace);      // PlayerApi (src/timeline/player-api.ts)
 *   player.play(); player.gotoStep(3); player.seek(12.5); player.subscribe((s) => ...);
 *   await stage.setTheme('light');         // 'dark' | 'light' | 'contrast'
 *   await stage.setLang('ko');             // 'en' | 'ko' (labels drawn on the stage)
 *   stage.setReducedMotion(true);          // tokens jump instead of travel
 *   const off = stage.onComponentClick((id) => showCard(id)); // ComponentId, e.g. 'kubelet/worker-1'
 *   stage.onObjectClick((ref) => showObject(ref));           // ObjectRef, e.g. 'Pod/default/web-1', 'Node/worker-1'
 *   stage.eventCountAt(player.getState().time);              // events applied in that frame: stateAt(trace, { eventCount })
 *   stage.resize();                        // also automatic (ResizeObserver on host)
 *   stage.renderFrameAt(t);                // deterministic: seek + synchronous render (tests, export)
 *   stage.onContextLoss((lost) => ...);    // WebGL context lost (the stage pauses) or back (redrawn)
 *   await stage.ready();                   // pending font/icon work done: the next frame is final
 *   stage.destroy();
 *
 * Captions, controls and info cards live in the DOM outside the stage (src/ui). The canvas is
 * appended to `host` and fills it; it renders on demand only (idle when paused).
 * Without (hardware) WebGL, PixiJS's canvas renderer is used (`stage.rendererName` says which).
 */
import { Application, BigPool, RendererType, Ticker } from './pixi-parts.ts';
// The one browser extension the stage uses: pointer events (clicks on components and objects).
// Application.init is told not to import the others (accessibility, DOM, filters, spritesheets).
import 'pixi.js/events';
// The canvas renderer lets go of the Graphics it drew once they are destroyed (a PixiJS gap).
import './canvas-graphics-gc.ts';
// Starts under a CSP without 'unsafe-eval' (README: Content Security Policy); the renderer's code
// may be on its way already (prepare.ts).
import { picksCanvas, preloadIcons, rendererCode } from './prepare.ts';
// gsap's core only: it tweens plain objects, never CSS (CSSPlugin stays out of the bundle).
import { gsap } from 'gsap/gsap-core';
import { tickersIdle } from './idle.ts';
import type { Lang } from '../model/localized.ts';
import type { ObjectRef } from '../model/objects.ts';
import type { ComponentId, Trace } from '../sim/trace.ts';
import type { PlayerApi } from '../timeline/player-api.ts';
import { buildSchedule, eventCountAt, scheduleInSteps, type Schedule } from '../timeline/schedule.ts';
import { warmTrace } from './trace-warmup.ts';
import { DEFAULT_PACING, type Pacing } from '../timeline/pacing.ts';
import { faceLoadCount, loadFonts, loadGlyphs, loadStageFonts } from './fonts.ts';
import { traceTexts } from './trace-texts.ts';
import { rebuildIcons } from './icons.ts';
import { emptyTexturePool, watchContext } from './context-loss.ts';
import { collectLabels, type LabelBox } from './labels.ts';
import { collectDrawn, type DrawnObject } from './drawn.ts';
import { freshFrame, type FrameProbe } from './fresh-frame.ts';
import { Player } from './player.ts';
import { StageView } from './stage-view.ts';
import type { BackgroundMode } from './background-mode.ts';
import { PALETTES, type ThemeName } from './theme.ts';
import { panBy, type Camera } from './scale/camera.ts';

export type { ThemeName } from './theme.ts';
export { keepRendererChoice, prepareStage, recheckRenderer } from './prepare.ts';
export { THEMES } from './theme.ts';
export type { LabelBox } from './labels.ts';
export type { DrawnObject } from './drawn.ts';
export type { FrameProbe } from './fresh-frame.ts';
export { BACKGROUND_MODES, type BackgroundMode } from './background-mode.ts';
export type { Camera } from './scale/camera.ts';

/** Box in canvas CSS px. */
export interface CanvasBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * The stage for big clusters (level of detail), when the trace has more nodes than full ships
 * show at this size: nodes are tiles by zone, pods sprites, messages flows per route. Points and
 * boxes are canvas CSS px. Keys on the focused canvas: + / - zoom, 0 resets, Enter opens the tile
 * under the pointer (else the step's first node), Esc returns from an opened node.
 */
export interface ScaleHandle {
  readonly camera: Camera;
  /** The node opened to its full ship, if any. */
  readonly open: string | undefined;
  zoomBy(factor: number, at?: { readonly x: number; readonly y: number }): void;
  pan(dx: number, dy: number): void;
  resetCamera(): void;
  openNode(node: string): void;
  closeNode(): void;
  /** A node's tile on the canvas (undefined while a node is open or for an unknown node). */
  tileBox(node: string): CanvasBox | undefined;
}

export interface StageOptions {
  readonly theme: ThemeName;
  readonly reducedMotion: boolean;
  readonly lang: Lang;
  /**
   * 'auto' (default): hardware WebGL, else PixiJS's canvas renderer. A software WebGL (SwiftShader)
   * is skipped: measured here under load it took ~1 s per frame where the canvas renderer held
   * 60 fps. 'webgl' takes any WebGL (falling back to canvas without it); 'canvas' forces canvas.
   */
  readonly renderer?: 'auto' | 'webgl' | 'canvas';
  /** Multisample antialiasing (default on). */
  readonly antialias?: boolean;
  /** Canvas pixels per CSS pixel (default: the device's). Export uses 1, so its frames do not depend on the screen. */
  readonly resolution?: number;
}

/** A trace being laid out (Stage.layOut): `advance()` does a piece, true once all is done. */
export interface LayoutWork {
  advance(): boolean;
}

export interface Stage {
  /** Play a trace (replaces any previous one). The player starts paused at time 0. */
  load(trace: Trace, options?: { readonly pacing?: Pacing }): PlayerApi;
  /**
   * Loads the font subsets of `trace`'s own texts (names, activity labels) in the stage's language:
   * load() draws at once, with the faces loaded by then. Ask before the first load of a trace
   * whose texts may bring characters the stage's own words do not (a Korean label).
   */
  glyphsFor(trace: Trace): Promise<void>;
  /**
   * Lays `trace` out ahead of load(), one piece per `advance()` (true once done): a big cluster's
   * layout takes most of a second, and the caller lets the page paint between pieces. load() of
   * the same trace then uses it. Only the last trace laid out is kept.
   */
  layOut(trace: Trace, options?: { readonly pacing?: Pacing }): LayoutWork;
  /** The current player, if a trace is loaded. */
  readonly player: PlayerApi | undefined;
  setTheme(name: ThemeName): Promise<void>;
  setLang(lang: Lang): Promise<void>;
  setReducedMotion(on: boolean): void;
  /** Background traffic (lease renewals, heartbeats): 'quiet' (faint; default), 'hide' or 'show'. */
  setBackground(mode: BackgroundMode): void;
  readonly background: BackgroundMode;
  /** Clicking or tapping a component calls back with its id. Returns an unsubscribe. */
  onComponentClick(cb: (id: ComponentId) => void): () => void;
  /**
   * Clicking or tapping a Kubernetes object calls back with its ObjectRef: a card on the objects
   * shelf, a pod (on a deck or in the queue), a node's name row. It never also fires onComponentClick.
   */
  onObjectClick(cb: (ref: ObjectRef) => void): () => void;
  /** How many trace events the frame at presentation time `time` has applied (0 before a trace is loaded). */
  eventCountAt(time: number): number;
  /** Re-measure the host and lay out again. */
  resize(): void;
  /** Seek to presentation time t (s) and render synchronously. */
  renderFrameAt(time: number): void;
  /**
   * The WebGL context was lost (true: the stage paused its player and draws nothing; playing waits
   * for the context) or is back (false: textures rebuilt, the frame drawn again). Returns an unsubscribe.
   */
  onContextLoss(cb: (lost: boolean) => void): () => void;
  /** The WebGL context is lost right now. */
  readonly contextLost: boolean;
  /** Resolves when pending asynchronous work (font subsets, icons) is done. */
  ready(): Promise<void>;
  /** Test hook: the visible texts on the stage, in canvas CSS px, with their effective font size. */
  labels(): LabelBox[];
  /** Test hook: the objects and stage parts drawn now (Pod, Node, ReplicaSet, file...), in canvas CSS px. */
  objects(): DrawnObject[];
  /**
   * Test hook: the labels and objects a stage built from nothing draws at `time` (same trace, size,
   * theme, language and settings; nothing on screen changes). The live stage must draw the same.
   */
  freshFrame(time: number): FrameProbe | undefined;
  /** The current step's focus stations (component id and box, canvas CSS px): what nothing may cover. */
  focusBoxes(): { readonly id: string; readonly x: number; readonly y: number; readonly w: number; readonly h: number }[];
  /** The scale view's controls while the stage draws one (a big cluster), else undefined. */
  scale(): ScaleHandle | undefined;
  readonly canvas: HTMLCanvasElement;
  readonly rendererName: 'webgl' | 'webgpu' | 'canvas';
  destroy(): void;
}

export async function createStage(host: HTMLElement, options: StageOptions): Promise<Stage> {
  let palette = PALETTES[options.theme];
  let lang: Lang = options.lang;
  let reducedMotion = options.reducedMotion;
  // Fonts, icons and the renderer are independent: get them all at once (time to first frame).
  // The faces for the stage's own words; those for every other word of the app load once a trace
  // is drawn (load()).
  const assets = Promise.all([
    loadStageFonts(lang),
    preloadIcons(palette),
  ]);

  const wantCanvas = picksCanvas(options.renderer ?? 'auto');
  // Deterministic frames: no catch-up jumps after a stall.
  gsap.ticker.lagSmoothing(0);
  const app = new Application();
  const width = Math.max(200, host.clientWidth);
  const height = Math.max(150, host.clientHeight);
  const init = rendererCode(wantCanvas).then(() => app.init({
    // Only what is imported above: no round trip for the browser's other extensions.
    manageImports: false,
    preference: wantCanvas ? ['canvas'] : ['webgl', 'canvas'],
    autoStart: false,
    sharedTicker: false,
    antialias: options.antialias ?? true,
    resolution: options.resolution ?? Math.max(1, globalThis.devicePixelRatio || 1),
    autoDensity: true,
    width,
    height,
    background: palette.sky,
  }));
  await Promise.all([assets, init]);
  app.ticker.stop();
  tickersIdle(Ticker.system);
  const canvas = app.canvas;
  canvas.style.display = 'block';
  canvas.style.width = '100%';
  canvas.style.height = '100%';
  canvas.style.touchAction = 'manipulation';
  host.appendChild(canvas);

  const rendererName = app.renderer.type === RendererType.WEBGL ? 'webgl' : app.renderer.type === RendererType.WEBGPU ? 'webgpu' : 'canvas';
  const view = new StageView(width, height, palette);
  view.setRenderer(rendererName, app.renderer.resolution);
  view.setLang(lang);
  view.setReducedMotion(reducedMotion);
  app.stage.addChild(view.root);

  let player: Player | undefined;
  let schedule: Schedule | undefined;
  let loaded: Trace | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  let destroyed = false;
  // The sky, not an opaque black canvas, if no trace has come by the next frame (a big cluster's
  // run takes seconds); a trace loaded at once (the usual case) renders the first frame itself.
  requestAnimationFrame(() => {
    if (loaded === undefined) draw();
  });
  let contextListeners: ((lost: boolean) => void)[] = [];
  // A lost context draws nothing: the stage pauses, and play waits until it is back.
  const context = watchContext(canvas, {
    lost() {
      player?.pause();
      view.contextLost();
      for (const cb of contextListeners) cb(true);
    },
    restored() {
      // PixiJS has restored its own state; the icons are rasterised into new textures, and pooled
      // textures (text) are made anew.
      const work = rebuildIcons().then(() => {
        if (destroyed) return;
        emptyTexturePool();
        view.relayout(view.size.width, view.size.height);
        redrawNow();
        if (!context.lost) for (const cb of contextListeners) cb(false);
      });
      pending = pending.then(() => work);
    },
  });
  /** faceLoadCount() when the stage last drew: a face that came in since asks for a redraw. */
  let facesDrawn = -1;
  /** Frames the player has asked for (host2.render). */
  let frames = 0;
  const draw = (): void => {
    if (destroyed || context.lost) return;
    view.ensureLaidOut();
    facesDrawn = faceLoadCount();
    app.render();
  };
  const redrawNow = (): void => {
    if (player) player.redraw();
    else draw();
  };
  view.onNeedsRedraw = () => redrawNow();
  const k = (): number => view.root.scale.x;
  const scaleHandle: ScaleHandle = {
    get camera() {
      return view.scaleState.camera;
    },
    get open() {
      return view.openedNode;
    },
    zoomBy(factor, at) {
      view.scaleControls.zoomBy(factor, at === undefined ? undefined : { x: at.x / k(), y: at.y / k() });
    },
    pan(dx, dy) {
      const sc = view.scaleControls;
      sc.setCamera(panBy(sc.camera, view.layout.shipsArea, dx / k(), dy / k()));
    },
    resetCamera() {
      view.scaleControls.resetCamera();
    },
    openNode(node) {
      view.openScaleNode(node);
    },
    closeNode() {
      view.closeScaleNode();
    },
    tileBox(node) {
      if (view.openedNode !== undefined) return undefined;
      const r = view.scaleControls.tileBox(node);
      return r === undefined ? undefined : { x: r.x * k(), y: r.y * k(), w: r.w * k(), h: r.h * k() };
    },
  };
  // The scale view's keys, while the canvas has focus (it takes focus only when drawing one).
  const onCanvasKey = (e: KeyboardEvent): void => {
    if (!view.isScale || e.altKey || e.ctrlKey || e.metaKey) return;
    const sc = view.scaleControls;
    // The camera belongs to the tiles: with a node open over them, + and - are the player's (speed)
    // again; they used to zoom the hidden map, which came back off the step's zone.
    const tilesShown = view.openedNode === undefined;
    let done = true;
    if (tilesShown && (e.key === '+' || e.key === '=')) sc.zoomBy(1.25);
    else if (tilesShown && (e.key === '-' || e.key === '_')) sc.zoomBy(1 / 1.25);
    else if (tilesShown && e.key === '0') sc.resetCamera();
    else if (e.key === 'Enter' && view.openedNode === undefined) {
      const node = sc.hovered ?? view.stepNodes()[0];
      if (node === undefined) done = false;
      else view.openScaleNode(node);
    } else if (e.key === 'Escape' && view.openedNode !== undefined) view.closeScaleNode();
    else done = false;
    if (done) {
      e.preventDefault();
      e.stopPropagation();
    }
  };
  canvas.addEventListener('keydown', onCanvasKey);
  // Esc anywhere returns from an opened node (and still closes a card, as it does).
  const onWindowKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && view.openedNode !== undefined) view.closeScaleNode();
  };
  window.addEventListener('keydown', onWindowKey);
  const syncFocusable = (): void => {
    if (view.isScale) {
      canvas.tabIndex = 0;
      canvas.setAttribute('aria-label', lang === 'ko' ? '클러스터 노드: +/- 확대·축소, 0 원래대로, Enter 노드 열기, Esc 돌아가기' : 'Cluster nodes: + / - zoom, 0 resets, Enter opens a node, Esc returns');
    } else {
      canvas.removeAttribute('tabindex');
      canvas.removeAttribute('aria-label');
    }
  };

  const host2 = {
    render(t: number, progressOf: (i: number) => number): void {
      frames += 1;
      view.renderAt(t, progressOf);
      draw();
    },
  };

  const resize = (): void => {
    if (destroyed) return;
    const w = Math.max(200, host.clientWidth);
    const h = Math.max(150, host.clientHeight);
    if (w === view.size.width && h === view.size.height) return;
    app.renderer.resize(w, h);
    view.relayout(w, h);
    syncFocusable();
    redrawNow();
  };
  const observer = typeof ResizeObserver === 'undefined' ? undefined : new ResizeObserver(() => resize());
  observer?.observe(host);

  // A layout made ahead by layOut(), for load() of that trace with that pacing.
  let laidOut: { readonly trace: Trace; readonly pacing: Pacing; readonly schedule: Schedule } | undefined;

  const stage: Stage = {
    load(trace, opts) {
      player?.destroy();
      const pacing = opts?.pacing ?? DEFAULT_PACING;
      schedule = laidOut?.trace === trace && laidOut.pacing === pacing ? laidOut.schedule : buildSchedule(trace, pacing);
      laidOut = undefined;
      loaded = trace;
      view.setTrace(trace, schedule);
      // What the old trace gave back to PixiJS's texture pool (its texts' textures, the scale
      // view's cached tiles: a 1024x256 render texture at 500 nodes) is not kept for a reuse the
      // next trace may never make; textures in use are not in the pool.
      emptyTexturePool();
      // And the objects PixiJS pooled once the old trace's shapes were destroyed (a WebGL batch
      // entry per shape: ~7,000 at 500 nodes); objects in use are not in the pool.
      BigPool.clear();
      syncFocusable();
      // The faces for every word of the app (the first frame waited for the stage's words only) and
      // this trace's texts (glyphsFor, if asked before, has them already).
      // A redraw only if a face came in since the stage drew (else the frame would be the same).
      pending = pending
        .then(() => Promise.all([loadFonts(lang), loadGlyphs(view.traceTexts(lang))]))
        .then(() => {
          if (faceLoadCount() !== facesDrawn) redrawNow();
        });
      // The player's frame at time 0, asked for as it is made, is left to the end of this task: a
      // caller that seeks at once (the app goes to the link's step) has only that frame made, as
      // freshFrame does; else time 0 is drawn then. The first frame came ~2 renders sooner.
      let making = true;
      const next = new Player(schedule, { render: (t, progressOf) => (making ? undefined : host2.render(t, progressOf)) }, lang);
      making = false;
      const framesBefore = frames;
      queueMicrotask(() => {
        if (player === next && frames === framesBefore) next.redraw();
      });
      // Play pressed while the context is lost: paused again once the press has been reported.
      next.subscribe((s) => {
        if (s.playing && context.lost) queueMicrotask(() => next.pause());
      });
      player = next;
      return next;
    },
    layOut(trace, opts) {
      const pacing = opts?.pacing ?? DEFAULT_PACING;
      laidOut = undefined;
      const steps = (function* (): Generator<void, Schedule, void> {
        const schedule = yield* scheduleInSteps(trace, pacing);
        yield* warmTrace(trace);
        return schedule;
      })();
      return {
        advance() {
          const next = steps.next();
          if (next.done !== true) return false;
          laidOut = { trace, pacing, schedule: next.value };
          return true;
        },
      };
    },
    glyphsFor(trace) {
      return loadGlyphs(traceTexts(trace, lang));
    },
    get player() {
      return player;
    },
    async setTheme(name) {
      palette = PALETTES[name];
      const work = preloadIcons(palette);
      pending = pending.then(() => work);
      await work;
      if (destroyed) return;
      app.renderer.background.color = palette.sky;
      view.setPalette(palette);
      redrawNow();
    },
    async setLang(next) {
      lang = next;
      player?.setLang(next);
      if (next === 'ko') {
        const work = loadFonts('ko').then(() => loadGlyphs(view.traceTexts('ko')));
        pending = pending.then(() => work);
        await work;
      }
      // A later switch (back to English while Korean's faces came) has the last word.
      if (destroyed || lang !== next) return;
      view.setLang(next);
      syncFocusable();
      redrawNow();
    },
    setReducedMotion(on) {
      reducedMotion = on;
      view.setReducedMotion(reducedMotion);
      redrawNow();
    },
    setBackground(mode) {
      view.setBackground(mode);
      redrawNow();
    },
    get background() {
      return view.backgroundMode;
    },
    onComponentClick(cb) {
      return view.onClick(cb);
    },
    onObjectClick(cb) {
      return view.onObjectClick(cb);
    },
    eventCountAt(time) {
      return schedule === undefined ? 0 : eventCountAt(schedule, time);
    },
    resize,
    renderFrameAt(time) {
      if (player) player.seek(time);
      else draw();
    },
    onContextLoss(cb) {
      contextListeners.push(cb);
      return () => {
        contextListeners = contextListeners.filter((c) => c !== cb);
      };
    },
    get contextLost() {
      return context.lost;
    },
    async ready() {
      await pending;
      await document.fonts.ready;
    },
    labels() {
      return collectLabels(view.root);
    },
    objects() {
      return collectDrawn(view.root);
    },
    focusBoxes() {
      return view.focusBoxes();
    },
    freshFrame(time) {
      if (loaded === undefined || schedule === undefined) return undefined;
      return freshFrame(loaded, schedule, { ...view.size, palette, lang, reducedMotion, background: view.backgroundMode, scale: view.scaleState }, time);
    },
    scale() {
      return view.isScale ? scaleHandle : undefined;
    },
    canvas,
    rendererName,
    destroy() {
      canvas.removeEventListener('keydown', onCanvasKey);
      window.removeEventListener('keydown', onWindowKey);
      destroyed = true;
      observer?.disconnect();
      context.stop();
      contextListeners = [];
      player?.destroy();
      player = undefined;
      view.destroy();
      app.destroy({ removeView: true }, { children: true });
    },
  };
  return stage;
}
