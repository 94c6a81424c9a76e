/**
 * The simplified stage of a small frame (a 560x315 embed): instead of scaling the whole picture
 * down until its text is 7 px, the stage is laid out tighter at a scale that keeps text readable
 * (>= 11 px) and drops its secondary text (activities, statuses, chips, verdicts, the quay's and
 * the queue's names), leaving component names, node names and pods as named boxes.
 */
import { Text, type Container } from './pixi-parts.ts';
import { fitScale } from './layout.ts';
import { isSecondary, MIN_FONT } from './scene/text.ts';

/** The smallest effective text size a simplified stage keeps (CSS px). */
export const SIMPLE_MIN_PX = 11.5;
/** Below this scale the full picture's text would fall under SIMPLE_MIN_PX. */
export const SIMPLE_SCALE = SIMPLE_MIN_PX / MIN_FONT;

/** How a canvas of width x height CSS px is drawn: the root's scale, and whether it is simplified. */
export function stageScale(width: number, height: number): { readonly k: number; readonly simple: boolean } {
  const k = fitScale(width, height);
  return k >= SIMPLE_SCALE ? { k, simple: false } : { k: SIMPLE_SCALE, simple: true };
}

/** Shows or hides every secondary text under root (once per layout or new objects, not per frame). */
export function applySimple(root: Container, simple: boolean): void {
  const walk = (c: Container): void => {
    if (c instanceof Text) {
      if (isSecondary(c)) c.renderable = !simple;
      return;
    }
    for (const child of c.children) walk(child);
  };
  walk(root);
}
