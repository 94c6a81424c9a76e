/**
 * Nothing playing means nothing ticking. PixiJS's system ticker (pointer over/out re-checks,
 * scheduled texture clean-up) and GSAP's ticker both run a requestAnimationFrame loop of their
 * own even when no frame is drawn: about 5% of a core on a paused stage. They sleep while no
 * player plays (counted across stages, so several embeds on one page work) and wake with the first.
 * The stage hands in PixiJS's ticker (tickersIdle), so the player does not load PixiJS itself.
 */
// gsap's core only: it tweens plain objects, never CSS (CSSPlugin stays out of the bundle).
import { gsap } from 'gsap/gsap-core';

interface Startable {
  start(): void;
  stop(): void;
}

let playing = 0;
let pixiSystemTicker: Startable | undefined;

export function tickersWake(): void {
  if (playing++ > 0) return;
  pixiSystemTicker?.start();
  gsap.ticker.wake();
}

export function tickersSleep(): void {
  if (playing === 0 || --playing > 0) return;
  pixiSystemTicker?.stop();
  gsap.ticker.sleep();
}

/** At start-up, before anything plays: remember PixiJS's system ticker and let both sleep. */
export function tickersIdle(systemTicker: Startable): void {
  pixiSystemTicker = systemTicker;
  if (playing > 0) return;
  systemTicker.stop();
  gsap.ticker.sleep();
}
