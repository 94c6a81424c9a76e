/**
 * How long things take on screen, in presentation seconds at 1x. One place to tune the pace.
 */
import type { MessageType } from '../sim/trace.ts';

export interface Pacing {
  /** Token travel time per message type. */
  readonly hop: Readonly<Record<MessageType, number>>;
  /** Minimum time an activity glows (long enough to read its label). */
  readonly activity: number;
  /** Minimum presentation gap between two distinct moments, so causality stays visible. */
  readonly beat: number;
  /** Quiet simulated gaps longer than this (ms) are compressed into a visible skip. */
  readonly quietGapMs: number;
  /** How long a compressed skip ("+50 s") is shown. */
  readonly skip: number;
  /** A further skip right after one, with only background traffic between (heartbeats in a long wait). */
  readonly skipRepeat: number;
  /** A run of merged skips grows by only `skipTick` per gap once it lasts this long. */
  readonly mergedSkipMax: number;
  readonly skipTick: number;
  /** Presentation gap between moments where only background work happens. */
  readonly backgroundBeat: number;
  /** At most this long for all of one step's background-only moments together. */
  readonly quietStepBudget: number;
  /** Travel time of a background token (faint, no label). */
  readonly backgroundHop: number;
  /** Minimum length of a narration step, so a caption can be read. */
  readonly stepMin: number;
  /** How long the scheduler's verdicts stay readable after its decision. */
  readonly decisionHold: number;
  /** Presentation time before the first moment and after the last. */
  readonly leadIn: number;
  readonly tail: number;
  /** At most this many tokens (fan-out groups) travel at once; others wait their turn. */
  readonly maxTokens: number;
  /**
   * An action repeated on other objects this many times within one step is bulk work (evicting a
   * zone's thousand pods): its first moment plays as one story fan-out, later ones as background.
   * No teaching scenario comes near it; their schedules stay as they were.
   */
  readonly bulkRepeats: number;
}

export const DEFAULT_PACING: Pacing = {
  // About a second per story hop at 1x: slow enough to follow a token with the eye on a projector.
  hop: { request: 1.0, watch: 0.95, response: 0.9, signal: 0.9 },
  activity: 0.7,
  beat: 0.08,
  quietGapMs: 1000,
  skip: 0.9,
  skipRepeat: 0.08,
  mergedSkipMax: 11,
  skipTick: 0.00002,
  backgroundBeat: 0.004,
  quietStepBudget: 4,
  backgroundHop: 0.3,
  stepMin: 1.6,
  decisionHold: 2.2,
  leadIn: 0.3,
  tail: 0.8,
  maxTokens: 4,
  bulkRepeats: 30,
};
