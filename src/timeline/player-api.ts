/**
 * What the UI, the embed API and export may ask of a player. The player itself owns presentation
 * time (seconds at 1x, long simulated waits compressed) and drives the stage.
 */
import type { Localized } from '../model/localized.ts';

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
  toggle(): void;
  /** Go to the start of the next narration step (pauses). */
  stepForward(): void;
  /** Go to the start of the current step, or the previous one if already at its start (pauses). */
  stepBack(): void;
  gotoStep(index: number): void;
  /**
   * Go to the start of step `index` and play it through, pausing just before the next step starts
   * (at the end for the last): a presenter's "next" that shows the step's animation.
   */
  playStep(index: number): void;
  restart(): void;
  end(): void;
  /** Seek to a presentation time (s); the frame equals the one playing reaches at that time. */
  seek(time: number): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
  /** Called on every state change (time advancing, step change, play/pause, end). Returns an unsubscribe. */
  subscribe(listener: (state: PlayerState) => void): () => void;
  destroy(): void;
}
