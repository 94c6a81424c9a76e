/**
 * The player: one paused GSAP master timeline built from the schedule (a tween per message token,
 * a label per narration step), advanced by GSAP's ticker only while playing. `seek(t)` sets the
 * timeline's time and redraws the stage for t from the state at t, so a seek shows exactly the
 * frame that playing to t shows. Paused means no ticker listener, so nothing is rendered.
 */
import { gsap } from 'gsap';
import { tickersSleep, tickersWake } from './idle.ts';
import type { MessageType } from '../sim/trace.ts';
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

/** Longest frame step while playing (s): a background tab does not jump the story forward. */
const MAX_DT = 0.1;

export interface PlayerHost {
  /** Draw presentation time t (the stage reads token progress from `progressOf`). */
  render(t: number, progressOf: (messageIndex: number) => number): void;
}

/** How far before the next step's start playStep pauses (s): the picture is the step's end. */
const STEP_STOP_EPS = 0.001;

export class Player implements PlayerApi {
  readonly steps: readonly StepInfo[];
  private readonly schedule: Schedule;
  private readonly host: PlayerHost;
  private readonly timeline: gsap.core.Timeline;
  private readonly proxies: { p: number }[];
  private time = 0;
  private playing = false;
  private speed = 1;
  private loop = false;
  private ended = false;
  /** Where playStep pauses (presentation time), while it plays a step through. */
  private stopAt: number | undefined;
  private listeners: ((s: PlayerState) => void)[] = [];
  private destroyed = false;
  private readonly progressOf = (i: number): number => this.proxies[i]?.p ?? 0;
  private readonly tick = (_time: number, deltaMs: number): void => this.advance(Math.min(MAX_DT, deltaMs / 1000));

  constructor(schedule: Schedule, host: PlayerHost) {
    this.schedule = schedule;
    this.host = host;
    this.steps = schedule.steps;
    this.proxies = schedule.messages.map(() => ({ p: 0 }));
    const tl = gsap.timeline({ paused: true });
    schedule.steps.forEach((s) => tl.addLabel(`step-${s.index}`, s.start));
    schedule.messages.forEach((m, i) => {
      const proxy = this.proxies[i];
      if (proxy === undefined) return;
      tl.fromTo(proxy, { p: 0 }, { p: 1, duration: m.end - m.start, ease: EASE[m.event.type], immediateRender: false }, m.start);
    });
    // Pin the timeline's length to the schedule's.
    tl.set({}, {}, schedule.duration);
    this.timeline = tl;
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

  stepForward(): void {
    const cur = stepAt(this.schedule, this.time);
    if (cur + 1 < this.steps.length) this.gotoStep(cur + 1);
    else this.end();
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
    const i = stepAt(this.schedule, this.time);
    const end = this.steps[i]?.end ?? this.schedule.duration;
    // Just before the next step's start, so the step shown stays this one.
    this.stopAt = i + 1 < this.steps.length ? Math.max(this.time, end - STEP_STOP_EPS) : undefined;
    this.play();
  }

  restart(): void {
    this.seek(0);
    this.play();
  }

  end(): void {
    this.pause();
    this.seek(this.schedule.duration);
  }

  seek(time: number): void {
    if (this.destroyed) return;
    this.stopAt = undefined;
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
    this.emit();
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
    this.timeline.kill();
    this.listeners = [];
  }

  /** Advance by dt seconds of wall time (used by the ticker; exposed for tests). */
  advance(dt: number): void {
    if (!this.playing) return;
    let t = this.time + dt * this.speed;
    const d = this.schedule.duration;
    if (this.stopAt !== undefined && t >= this.stopAt) {
      this.seekInternal(this.stopAt);
      this.pause();
      return;
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
  }

  private seekInternal(time: number): void {
    const d = this.schedule.duration;
    const t = Math.max(0, Math.min(d, Number.isFinite(time) ? time : 0));
    this.time = t;
    this.ended = t >= d && !this.playing;
    // suppressEvents: callbacks never drive state; the stage derives everything from t.
    this.timeline.time(t, true);
    this.host.render(t, this.progressOf);
  }

  private emit(): void {
    if (this.listeners.length === 0) return;
    const s = this.getState();
    for (const l of this.listeners) l(s);
  }
}
