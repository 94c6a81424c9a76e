/**
 * Random control sequences for the frame-path property test (frame-path.test.ts): what a viewer,
 * a presenter's clicker, the embed and the reveal.js plugin can do to a player, in any order.
 * `runSequence` runs one inside the page and reports where it stopped.
 */
import fc from 'fast-check';
import type { Page } from 'playwright-core';
import { SPEEDS } from '../../../src/timeline/player-api.ts';

export type Action =
  | { readonly kind: 'play' }
  | { readonly kind: 'pause' }
  | { readonly kind: 'playStep'; readonly step: number }
  | { readonly kind: 'goto'; readonly step: number }
  /** A seek to this fraction of the duration. */
  | { readonly kind: 'seek'; readonly at: number }
  | { readonly kind: 'speed'; readonly speed: number }
  | { readonly kind: 'back' }
  | { readonly kind: 'next' }
  /** Time passing while playing: `count` frames of `dt` s through the player's own advance(). */
  | { readonly kind: 'frames'; readonly count: number; readonly dt: number }
  /** Another scenario chosen in the picker (the same one reloads it). */
  | { readonly kind: 'scenario'; readonly id: string };

/** Step numbers beyond a scenario's count wrap around (every scenario has fewer than 40 steps). */
const step = fc.integer({ min: 0, max: 39 });

export function actionArb(scenarios: readonly string[]): fc.Arbitrary<Action> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant<Action>({ kind: 'play' }) },
    { weight: 2, arbitrary: fc.constant<Action>({ kind: 'pause' }) },
    { weight: 3, arbitrary: step.map<Action>((s) => ({ kind: 'playStep', step: s })) },
    { weight: 2, arbitrary: step.map<Action>((s) => ({ kind: 'goto', step: s })) },
    { weight: 2, arbitrary: fc.double({ min: 0, max: 1, noNaN: true }).map<Action>((at) => ({ kind: 'seek', at })) },
    { weight: 1, arbitrary: fc.constantFrom(...SPEEDS).map<Action>((speed) => ({ kind: 'speed', speed })) },
    { weight: 1, arbitrary: fc.constant<Action>({ kind: 'back' }) },
    { weight: 2, arbitrary: fc.constant<Action>({ kind: 'next' }) },
    { weight: 5, arbitrary: fc.record({ count: fc.integer({ min: 1, max: 8 }), dt: fc.constantFrom(1 / 60, 1 / 30, 0.1) }).map<Action>((f) => ({ kind: 'frames', ...f })) },
    { weight: 1, arbitrary: fc.constantFrom(...scenarios).map<Action>((id) => ({ kind: 'scenario', id })) },
  );
}

export function sequenceArb(scenarios: readonly string[]): fc.Arbitrary<Action[]> {
  return fc.array(actionArb(scenarios), { minLength: 1, maxLength: 10 });
}

export interface SequenceEnd {
  readonly scenario: string;
  readonly time: number;
  /** The speed control's value (it changes the controls bar's width, so the stage's size). */
  readonly speed: number;
}

/** Runs `actions` on the app's player in the page, then pauses (nothing is drawn again). */
export function runSequence(page: Page, actions: readonly Action[]): Promise<SequenceEnd> {
  return page.evaluate(async (list) => {
    const app = window.__kubedeck;
    if (app === undefined) throw new Error('no app');
    for (const a of list) {
      const player = app.player();
      if (player === undefined) throw new Error('no player');
      if (a.kind === 'play') player.play();
      else if (a.kind === 'pause') player.pause();
      else if (a.kind === 'playStep') player.playStep(a.step % player.steps.length);
      else if (a.kind === 'goto') player.gotoStep(a.step % player.steps.length);
      else if (a.kind === 'seek') player.seek(a.at * player.getState().duration);
      else if (a.kind === 'speed') player.setSpeed(a.speed);
      else if (a.kind === 'back') player.stepBack();
      else if (a.kind === 'next') player.stepForward();
      else if (a.kind === 'frames') {
        // The player's ticker callback, called directly: frames without waiting for them.
        const advance = (player as unknown as { advance?: (dt: number) => void }).advance;
        if (advance === undefined) throw new Error('the player has no advance()');
        for (let i = 0; i < a.count; i++) advance.call(player, a.dt);
      } else {
        // No helper functions in here: tsx would wrap them in a __name() the page lacks.
        for (const selector of ['[data-action=open-picker]', `[data-scenario="${a.id}"]`, '[data-action=open-scenario]']) {
          const target = document.querySelector<HTMLElement>(selector);
          if (target === null) throw new Error(`nothing matches ${selector}`);
          target.click();
        }
      }
    }
    app.player()?.pause();
    await app.stage()?.ready();
    // A resize (the speed control changes the bar's width) reaches the stage through a
    // ResizeObserver, after layout: let two frames pass so the end frame is the settled one.
    await new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    await app.stage()?.ready();
    const state = app.player()?.getState();
    return { scenario: app.view().scenario, time: state?.time ?? 0, speed: state?.speed ?? 1 };
  }, actions);
}
