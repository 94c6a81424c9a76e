/**
 * When the stage stops drawing one cargo ship per node and switches to the scale view (tiles,
 * sprites, flows): past the number of ships whose deck still holds a row of pod cards. Worked out
 * from the layout maths at the canvas's layout size, not a fixed count. Pure (unit-tested).
 */
import { computeLayout, podSlots, type LayoutExtras } from '../layout.ts';

/**
 * The app's stage in a 1280x720 window (layout.ts: about 1280x470). A cluster whose ships fit there
 * stays ships at any size (a small embed squeezes them, as it always has); the scale view is for
 * clusters past that.
 */
export const REFERENCE_STAGE = { width: 1280, height: 470 } as const;

/** Counts tried; a canvas never fits more full ships than this. */
const MAX_SHIPS = 64;

const names = (n: number): string[] => Array.from({ length: n }, (_, i) => `n${i}`);

/** How many ships fit at width x height before a ship's deck can no longer hold one row of pods. */
export function fullShipLimit(width: number, height: number, extras: LayoutExtras = {}): number {
  for (let n = 1; n <= MAX_SHIPS; n++) {
    const l = computeLayout(width, height, names(n), [], extras);
    const fits = l.ships.every((sl) => podSlots(sl.deck, 1, l.fs, l.density).visible >= 1);
    if (!fits) return n - 1;
  }
  return MAX_SHIPS;
}

/** Draw `nodes` nodes as the scale view at this layout size. */
export function useScaleView(nodes: number, width: number, height: number, extras: LayoutExtras = {}): boolean {
  if (nodes <= fullShipLimit(REFERENCE_STAGE.width, REFERENCE_STAGE.height, extras)) return false;
  return nodes > fullShipLimit(width, height, extras);
}
