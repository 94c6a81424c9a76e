/**
 * Nothing playing means nothing ticking. PixiJS's system ticker (pointer over/out re-checks,
 * scheduled texture clean-up) and GSAP's ticker both run a requestAnimationFrame loop of their
 * own even when no frame is drawn: about 5% of a core on a paused stage. They sleep while no
 * player plays (counted across stages, so several embeds on one page work) and wake with the first.
 */
import { gsap } from 'gsap';
import { Ticker } from 'pixi.js';

let playing = 0;

export function tickersWake(): void {
  if (playing++ > 0) return;
  Ticker.system.start();
  gsap.ticker.wake();
}

export function tickersSleep(): void {
  if (playing === 0 || --playing > 0) return;
  Ticker.system.stop();
  gsap.ticker.sleep();
}

/** At start-up, before anything plays. */
export function tickersIdle(): void {
  if (playing > 0) return;
  Ticker.system.stop();
  gsap.ticker.sleep();
}
