/**
 * What the UI, the embed API and export may ask of a player. The player itself owns presentation
 * time (seconds at 1x, long simulated waits compressed) and drives the stage.
 */
import type { Lang, Localized } from '../model/localized.ts';

export interface StepInfo {
  readonly index: number;
  readonly id: string;
  readonly caption: Localized;
  /** Presentation time (s) where the step starts. */
  readonly start: number;
  /** Presentation time (s) where the next step starts (or the end). */
  readonly end: number;
  /** Simulated time (ms) at the step's start, for the cluster clock. */
  readonly simTime: number;
}

export interface PlayerState {
  /** Presentation time in seconds, 0..duration. */
  readonly time: number;
  readonly duration: number;
  readonly playing: boolean;
  readonly speed: number;
  readonly loop: boolean;
  /** Index of the step shown at `time` (the last step that started at or before it). */
  readonly step: number;
  /** Simulated cluster time (ms) shown at `time`. */
  readonly simTime: number;
  readonly ended: boolean;
  /**
   * Playing on, but holding the picture at a step's end until its caption has been read (the
   * reading hold); `time` stays there meanwhile.
   */
  readonly holding: boolean;
}

export const SPEEDS = [0.25, 0.5, 1, 1.5, 2, 4] as const;

/** The offered speed one notch faster (+1) or slower (-1) than `speed` (1x when it is not offered). */
export function nextSpeed(speed: number, direction: 1 | -1): number {
  const at = SPEEDS.indexOf(speed as (typeof SPEEDS)[number]);
  const from = at < 0 ? SPEEDS.indexOf(1) : at;
  return SPEEDS[Math.max(0, Math.min(SPEEDS.length - 1, from + direction))] ?? 1;
}

export interface PlayerApi {
  readonly steps: readonly StepInfo[];
  getState(): PlayerState;
  play(): void;
  pause(): void;
  /** Stop the clock but keep a step play's stop point and a reading hold (a hidden embed). */
  suspend(): void;
  toggle(): void;
  /**
   * The presenter's "next" (right arrow, the next-step button, the embed's `step`):
   * - paused at a step's end (or at the very end): play the next step through and pause at its end;
   * - paused anywhere before a step's end (at its start, or mid-step): play the rest of that step
   *   and pause at its end;
   * - while a step plays: jump to that step's end and pause there (the animation is skipped).
   * `animate: false` (a hidden embed) lands where the animation would have paused, without playing.
   */
  stepForward(options?: { readonly animate?: boolean }): void;
  /**
   * The presenter's "back" (left arrow): to the start of the step shown, paused, so the next
   * "next" plays it again; at (or just after) its start, to the start of the step before.
   */
  stepBack(): void;
  gotoStep(index: number): void;
  /**
   * Go to the start of step `index` and play it through, pausing just before the next step starts
   * (at the end for the last): a presenter's "next" that shows the step's animation.
   */
  playStep(index: number): void;
  /** Jump to the start (time 0), paused. */
  restart(): void;
  /** Jump to the end, paused. */
  end(): void;
  /** Seek to a presentation time (s); the frame equals the one playing reaches at that time. */
  seek(time: number): void;
  setSpeed(speed: number): void;
  /** Looping (a kiosk) plays straight through: no reading holds. */
  setLoop(loop: boolean): void;
  /** The caption language, whose reading speed sets the holds while playing on. */
  setLang(lang: Lang): void;
  /** Called on every state change (time advancing, step change, play/pause, end). Returns an unsubscribe. */
  subscribe(listener: (state: PlayerState) => void): () => void;
  destroy(): void;
}
