/**
 * The player: presentation time t, advanced by GSAP's ticker only while playing. A message token's
 * progress is its GSAP ease read at t (no tween per message: a scale trace has hundreds of
 * thousands, and a timeline's tween state would make a frame depend on the path that reached it).
 * `seek(t)` redraws the stage for t from the state at t, so a seek shows exactly the frame that
 * playing to t shows. Paused means no ticker listener, so nothing is rendered.
 *
 * Reading holds: while playing on, a step whose caption needs longer to read than its animation
 * lasts is held at its end (the picture still, the clock running) for the rest of its reading time,
 * scaled by the speed. The holds live here and not in the schedule on purpose: presentation time
 * stays language-independent, so a frame is a function of t alone (seek, export and the URL agree
 * whatever the language), switching language keeps the same step and position, and export, which
 * renders frames by time, is untouched. Looping (a kiosk) skips the holds.
 */
// gsap's core only: it tweens plain objects, never CSS (CSSPlugin stays out of the bundle).
import { gsap } from 'gsap/gsap-core';
import { tickersSleep, tickersWake } from './idle.ts';
import type { Lang } from '../model/localized.ts';
import type { MessageType } from '../sim/trace.ts';
import { readingHolds } from '../timeline/reading.ts';
import type { PlayerApi, PlayerState, StepInfo } from '../timeline/player-api.ts';
import { SPEEDS } from '../timeline/player-api.ts';
import { simTimeAt } from '../timeline/clock-map.ts';
import { stepAt, type Schedule } from '../timeline/schedule.ts';

/** Distinct motion per message type: a request travels with intent, a watch push arrives fast. */
const EASE: Readonly<Record<MessageType, string>> = {
  request: 'power2.inOut',
  watch: 'power3.out',
  response: 'power1.inOut',
  signal: 'sine.inOut',
};

type Ease = (progress: number) => number;
let eases: Readonly<Record<MessageType, Ease>> | undefined;
/** GSAP's ease functions for EASE, parsed once. */
function easeOf(type: MessageType): Ease {
  eases ??= {
    request: gsap.parseEase(EASE.request),
    watch: gsap.parseEase(EASE.watch),
    response: gsap.parseEase(EASE.response),
    signal: gsap.parseEase(EASE.signal),
  };
  return eases[type];
}

/** A token's eased progress at presentation time t: 0 before it leaves, 1 once it has arrived. */
export function tokenProgress(m: { readonly start: number; readonly end: number; readonly event: { readonly type: MessageType } }, t: number): number {
  if (t <= m.start) return 0;
  if (t >= m.end) return 1;
  return easeOf(m.event.type)((t - m.start) / (m.end - m.start));
}

/** Longest frame step while playing (s): a background tab does not jump the story forward. */
const MAX_DT = 0.1;

export interface PlayerHost {
  /** Draw presentation time t (the stage reads token progress from `progressOf`). */
  render(t: number, progressOf: (messageIndex: number) => number): void;
}

/** How far before the next step's start playStep pauses (s): the picture is the step's end. */
const STEP_STOP_EPS = 0.001;
/** Within this of a step's end (s), "next" counts the step as played. */
const AT_END = 0.01;

export class Player implements PlayerApi {
  readonly steps: readonly StepInfo[];
  private readonly schedule: Schedule;
  private readonly host: PlayerHost;
  private time = 0;
  private playing = false;
  private speed = 1;
  private loop = false;
  private ended = false;
  /** Where playStep pauses (presentation time), while it plays a step through. */
  private stopAt: number | undefined;
  /** Reading hold (presentation s) left at the current step's end, while holding. */
  private holdLeft: number | undefined;
  /** The step whose hold was already served, so resuming from its end does not hold again. */
  private heldStep = -1;
  /**
   * Each language's holds, worked out the first time playing asks (not for the first frame: the
   * captions' word counts cost ~9 ms there, most of it compiling the Unicode word pattern).
   */
  private readonly holds: Partial<Record<Lang, readonly number[]>> = {};
  private lang: Lang;
  private listeners: ((s: PlayerState) => void)[] = [];
  private destroyed = false;
  private readonly progressOf = (i: number): number => {
    const m = this.schedule.messages[i];
    return m === undefined ? 0 : tokenProgress(m, this.time);
  };
  private readonly tick = (_time: number, deltaMs: number): void => this.advance(Math.min(MAX_DT, deltaMs / 1000));

  constructor(schedule: Schedule, host: PlayerHost, lang: Lang = 'en') {
    this.schedule = schedule;
    this.lang = lang;
    this.host = host;
    this.steps = schedule.steps;
    this.seekInternal(0);
  }

  getState(): PlayerState {
    const t = this.time;
    return {
      time: t,
      duration: this.schedule.duration,
      playing: this.playing,
      speed: this.speed,
      loop: this.loop,
      step: stepAt(this.schedule, t),
      simTime: simTimeAt(this.schedule.clock, t),
      ended: this.ended,
      holding: this.holdLeft !== undefined,
    };
  }

  play(): void {
    if (this.destroyed || this.playing) return;
    if (this.time >= this.schedule.duration) this.seekInternal(0);
    this.playing = true;
    this.ended = false;
    tickersWake();
    gsap.ticker.add(this.tick);
    this.emit();
  }

  pause(): void {
    this.stopAt = undefined;
    this.holdLeft = undefined;
    // Paused at a step's end: its caption had its time, so playing on from here does not hold.
    const cur = stepAt(this.schedule, this.time);
    if (this.time >= this.stopPoint(cur)) this.heldStep = cur;
    if (!this.playing) return;
    this.playing = false;
    gsap.ticker.remove(this.tick);
    tickersSleep();
    this.emit();
  }

  /** Draw the current frame again (a resize, a theme or a font arrived) without touching a step play or a hold. */
  redraw(): void {
    if (this.destroyed) return;
    this.seekInternal(this.time);
    this.emit();
  }

  /** Stop the clock, keeping a step play's stop point and a reading hold: play() resumes them. */
  suspend(): void {
    if (!this.playing) return;
    this.playing = false;
    gsap.ticker.remove(this.tick);
    tickersSleep();
    this.emit();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  stepForward(options?: { readonly animate?: boolean }): void {
    const cur = stepAt(this.schedule, this.time);
    const atEnd = this.time >= this.stopPoint(cur) - AT_END;
    if (atEnd && cur + 1 >= this.steps.length) return;
    const target = atEnd ? cur + 1 : cur;
    if (options?.animate === false) this.jumpToEnd(target);
    else if (this.playing && !atEnd) this.jumpToEnd(cur);
    else if (atEnd) this.playStep(target);
    else this.playTo(this.stopPoint(cur));
  }

  stepBack(): void {
    const cur = stepAt(this.schedule, this.time);
    const start = this.steps[cur]?.start ?? 0;
    // Just after a step's start counts as "at its start", so repeated presses walk back.
    this.gotoStep(this.time > start + 0.25 ? cur : cur - 1);
  }

  gotoStep(index: number): void {
    const i = Math.max(0, Math.min(this.steps.length - 1, Math.trunc(index)));
    this.pause();
    this.seek(this.steps[i]?.start ?? 0);
  }

  playStep(index: number): void {
    this.gotoStep(index);
    this.playTo(this.stopPoint(stepAt(this.schedule, this.time)));
  }

  restart(): void {
    this.pause();
    this.seek(0);
  }

  end(): void {
    this.pause();
    this.seek(this.schedule.duration);
  }

  seek(time: number): void {
    if (this.destroyed) return;
    this.stopAt = undefined;
    this.holdLeft = undefined;
    this.heldStep = -1;
    this.seekInternal(time);
    this.emit();
  }

  setSpeed(speed: number): void {
    const min = SPEEDS[0];
    const max = SPEEDS[SPEEDS.length - 1] ?? 4;
    if (!Number.isFinite(speed)) return;
    this.speed = Math.max(min, Math.min(max, speed));
    this.emit();
  }

  setLoop(loop: boolean): void {
    this.loop = loop;
    if (loop && this.holdLeft !== undefined) this.endHold();
    this.emit();
  }

  setLang(lang: Lang): void {
    this.lang = lang;
  }

  subscribe(listener: (state: PlayerState) => void): () => void {
    this.listeners.push(listener);
    listener(this.getState());
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  destroy(): void {
    this.pause();
    this.destroyed = true;
    this.listeners = [];
  }

  /** Advance by dt seconds of wall time (used by the ticker; exposed for tests). */
  advance(dt: number): void {
    if (!this.playing) return;
    let budget = dt * this.speed;
    const d = this.schedule.duration;
    // One pass per hold crossed (a long dt may span several steps' holds); bounded by the steps.
    for (let pass = 0; pass <= this.steps.length + 1; pass++) {
      if (this.holdLeft !== undefined) {
        if (budget < this.holdLeft) {
          this.holdLeft -= budget;
          return;
        }
        budget -= this.holdLeft;
        this.endHold();
      }
      let t = this.time + budget;
      if (this.stopAt !== undefined && t >= this.stopAt) {
        this.seekInternal(this.stopAt);
        this.ended = this.stopAt >= d;
        this.pause();
        return;
      }
      const boundary = this.stopAt === undefined && !this.loop ? this.holdBoundary() : Infinity;
      if (t >= boundary) {
        budget = t - boundary;
        this.startHold();
        continue;
      }
      if (t >= d) {
        if (this.loop) t = t - d;
        else {
          this.seekInternal(d);
          this.playing = false;
          this.ended = true;
          gsap.ticker.remove(this.tick);
          tickersSleep();
          this.emit();
          return;
        }
      }
      this.seekInternal(t);
      this.emit();
      return;
    }
  }

  /** The holds in the player's language. */
  private holdsNow(): readonly number[] {
    return (this.holds[this.lang] ??= readingHolds(this.schedule.steps, this.lang));
  }

  /** The end of the step shown, if playing on must hold there for its caption (else Infinity). */
  private holdBoundary(): number {
    const cur = stepAt(this.schedule, this.time);
    if (cur + 1 >= this.steps.length || cur === this.heldStep) return Infinity;
    if ((this.holdsNow()[cur] ?? 0) <= 0) return Infinity;
    return this.steps[cur]?.end ?? Infinity;
  }

  /** Hold at the end of the step shown: the picture stays, its caption's reading time runs. */
  private startHold(): void {
    const cur = stepAt(this.schedule, this.time);
    this.heldStep = cur;
    this.holdLeft = this.holdsNow()[cur] ?? 0;
    this.seekInternal(Math.max(this.time, this.stopPoint(cur)));
    this.emit();
  }

  /** The hold is over (or looping began): play on into the next step from its start. */
  private endHold(): void {
    this.holdLeft = undefined;
    const cur = stepAt(this.schedule, this.time);
    this.seekInternal(this.steps[cur]?.end ?? this.time);
  }

  /** Skip step i's animation: paused where playing it through would have paused. */
  private jumpToEnd(i: number): void {
    this.pause();
    this.stopAt = undefined;
    this.seekInternal(this.stopPoint(i));
    this.heldStep = i;
    this.emit();
  }

  /** Where playing step i through pauses: just before the next step starts, or the very end. */
  private stopPoint(i: number): number {
    if (i + 1 >= this.steps.length) return this.schedule.duration;
    const step = this.steps[i];
    if (step === undefined) return this.schedule.duration;
    return Math.max(step.start, step.end - STEP_STOP_EPS);
  }

  /** Play from here and pause at `stop` (the end: plays out and ends). */
  private playTo(stop: number): void {
    this.stopAt = Math.max(this.time, Math.min(stop, this.schedule.duration));
    this.play();
  }

  private seekInternal(time: number): void {
    const d = this.schedule.duration;
    const t = Math.max(0, Math.min(d, Number.isFinite(time) ? time : 0));
    this.time = t;
    this.ended = t >= d && !this.playing;
    this.host.render(t, this.progressOf);
  }

  private emit(): void {
    if (this.listeners.length === 0) return;
    const s = this.getState();
    for (const l of this.listeners) l(s);
  }
}
