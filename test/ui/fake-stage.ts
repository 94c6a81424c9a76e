/**
 * A stand-in stage and player for developing the UI shell without PixiJS: each narration step
 * lasts 3 s, the "picture" is a 2D canvas with one box per component (focused ones lit).
 * Dev/test only; the app uses src/render.
 */
import type { Lang } from '../../src/model/localized.ts';
import type { StepEvent, Trace } from '../../src/sim/trace.ts';
import type { PlayerApi, PlayerState, StepInfo } from '../../src/timeline/player-api.ts';
import type { StageOptions, StagePort } from '../../src/ui/ports.ts';
import type { ThemeName } from '../../src/ui/theme.ts';

const STEP_SECONDS = 3;

function fakePlayer(trace: Trace, draw: (state: PlayerState, focus: readonly string[]) => void): PlayerApi {
  const stepEvents = trace.events.filter((e): e is StepEvent => e.kind === 'step');
  const duration = stepEvents.length * STEP_SECONDS;
  const steps: StepInfo[] = stepEvents.map((e, index) => ({ index, id: e.id, caption: e.caption, start: index * STEP_SECONDS, end: (index + 1) * STEP_SECONDS, simTime: e.t }));
  let time = 0;
  let playing = false;
  let speed = 1;
  let loop = false;
  let frame = 0;
  let last = 0;
  const listeners = new Set<(s: PlayerState) => void>();
  const stepAt = (t: number): number => Math.max(0, Math.min(steps.length - 1, Math.floor(t / STEP_SECONDS)));
  const state = (): PlayerState => ({ time, duration, playing, speed, loop, step: stepAt(time), simTime: steps[stepAt(time)]?.simTime ?? 0, ended: time >= duration, holding: false });
  const emit = (): void => {
    const s = state();
    draw(s, stepEvents[s.step]?.focus ?? []);
    for (const l of listeners) l(s);
  };
  const tick = (now: number): void => {
    if (!playing) return;
    time += ((now - last) / 1000) * speed;
    last = now;
    if (time >= duration) {
      if (loop) time = 0;
      else {
        time = duration;
        playing = false;
      }
    }
    emit();
    if (playing) frame = requestAnimationFrame(tick);
  };
  const seek = (t: number): void => {
    time = Math.max(0, Math.min(duration, t));
    emit();
  };
  const pause = (): void => {
    playing = false;
    cancelAnimationFrame(frame);
  };
  const api: PlayerApi = {
    steps,
    getState: state,
    play() {
      if (time >= duration) time = 0;
      playing = true;
      last = performance.now();
      frame = requestAnimationFrame(tick);
      emit();
    },
    suspend() {
      pause();
      emit();
    },
    pause() {
      pause();
      emit();
    },
    toggle: () => (playing ? api.pause() : api.play()),
    setLang() {
      // The fake has no reading holds.
    },
    stepForward() {
      pause();
      seek(Math.min(duration, (stepAt(time) + 1) * STEP_SECONDS));
    },
    stepBack() {
      pause();
      const s = stepAt(time);
      seek(time > s * STEP_SECONDS ? s * STEP_SECONDS : Math.max(0, (s - 1) * STEP_SECONDS));
    },
    gotoStep(index) {
      pause();
      seek((steps[index]?.start ?? 0));
    },
    playStep(index) {
      pause();
      seek(steps[index]?.start ?? 0);
      api.play();
    },
    restart() {
      pause();
      seek(0);
    },
    end() {
      pause();
      seek(duration);
    },
    seek,
    setSpeed(s) {
      speed = s;
      emit();
    },
    setLoop(l) {
      loop = l;
      emit();
    },
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    destroy() {
      pause();
      listeners.clear();
    },
  };
  return api;
}

export async function createFakeStage(host: HTMLElement, options: StageOptions): Promise<StagePort> {
  const canvas = document.createElement('canvas');
  host.append(canvas);
  let theme: ThemeName = options.theme;
  let lang: Lang = options.lang;
  let boxes: { id: string; x: number; y: number; w: number; h: number }[] = [];
  let clickListener: ((id: string) => void) | undefined;
  let redraw = (): void => undefined;
  let current: PlayerApi | undefined;
  let loaded: Trace | undefined;

  canvas.addEventListener('click', (event) => {
    const rect = canvas.getBoundingClientRect();
    const hit = boxes.find((b) => event.clientX - rect.left >= b.x && event.clientX - rect.left <= b.x + b.w && event.clientY - rect.top >= b.y && event.clientY - rect.top <= b.y + b.h);
    if (hit) clickListener?.(hit.id);
  });

  const paint = (trace: Trace, state: PlayerState, focus: readonly string[]): void => {
    const w = host.clientWidth;
    const h = host.clientHeight;
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.fillStyle = theme === 'light' ? '#e9eef5' : theme === 'dark' ? '#0d1b30' : '#000';
    ctx.fillRect(0, 0, w, h);
    const ids = trace.topology.components;
    const cols = Math.max(1, Math.ceil(Math.sqrt(ids.length)));
    const bw = w / cols - 16;
    const bh = 44;
    boxes = ids.map((id, i) => ({ id, x: 8 + (i % cols) * (bw + 16), y: 16 + Math.floor(i / cols) * (bh + 16), w: bw, h: bh }));
    ctx.font = '15px "Noto Sans KR"';
    for (const b of boxes) {
      ctx.fillStyle = focus.includes(b.id) ? '#3b82f6' : theme === 'light' ? '#cbd5e1' : '#1e3a5f';
      ctx.fillRect(b.x, b.y, b.w, b.h);
      ctx.fillStyle = theme === 'light' && !focus.includes(b.id) ? '#111' : '#fff';
      ctx.fillText(b.id, b.x + 8, b.y + 27);
    }
    ctx.fillText(`${lang} t=${state.time.toFixed(2)}`, 8, h - 12);
  };

  return {
    load(trace) {
      current?.destroy();
      const player = fakePlayer(trace, (state, focus) => {
        redraw = () => paint(trace, state, focus);
        redraw();
      });
      current = player;
      loaded = trace;
      return player;
    },
    // The fake lays nothing out ahead: its load() is instant.
    layOut: () => ({ advance: () => true }),
    setTheme(next) {
      theme = next;
      redraw();
    },
    setLang(next) {
      lang = next;
      redraw();
    },
    onComponentClick(listener) {
      clickListener = listener;
    },
    // The fake draws no objects; events count by simulated time at the step shown.
    onObjectClick: () => undefined,
    eventCountAt(time) {
      const simTime = current?.steps[Math.floor(time / STEP_SECONDS)]?.simTime ?? Infinity;
      return loaded?.events.filter((e) => e.t <= simTime).length ?? 0;
    },
    setReducedMotion: () => undefined,
    // A 2D canvas has no context to lose.
    onContextLoss: () => undefined,
    setBackground: () => undefined,
    resize: () => redraw(),
    destroy: () => canvas.remove(),
    renderFrameAt: () => redraw(),
    ready: () => document.fonts.ready.then(() => undefined),
  };
}
