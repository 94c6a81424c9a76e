/**
 * One scheduling decision drawn on the tiles, in the ship view's words (ship.ts setVerdict): a
 * red cross on each node Filter rejected, a violet outline on each that passed, the winner ringed
 * once decided, and a veil over the nodes Filter never looked at (it stopped once it had found
 * enough feasible nodes: percentageOfNodesToScore). Screen space, over the tiles' words (the
 * labels layer draws it): a zoomed-in or named tile keeps its cross in sight.
 */
import type { Graphics } from '../pixi-parts.ts';
import type { Rect } from '../layout.ts';
import { crossMark } from '../scene/shapes.ts';
import type { Palette } from '../theme.ts';
import type { TileVerdicts } from './tile-verdicts.ts';

/**
 * `rectOf`: a node's tile on screen (undefined: not wholly in view, left unmarked); `wordsEnd`: how
 * far down the tile its words reach (0: none), the cross going in the room under them.
 */
export function drawVerdictMarks(g: Graphics, v: TileVerdicts | undefined, rectOf: (node: string) => Rect | undefined, p: Palette, s: number, wordsEnd: (node: string, r: Rect) => number): void {
  g.clear();
  if (v === undefined) return;
  const violet = p.role.scheduler;
  const line = Math.max(1, 1.5 * s);
  let veiled = false;
  for (const n of v.unexamined) {
    const r = rectOf(n);
    if (r === undefined) continue;
    g.rect(r.x, r.y, r.w, r.h);
    veiled = true;
  }
  if (veiled) g.fill({ color: p.sky, alpha: 0.6 });
  let outlined = false;
  for (const n of v.passed) {
    const r = rectOf(n);
    if (r === undefined || n === v.selected) continue;
    g.rect(r.x - line, r.y - line, r.w + 2 * line, r.h + 2 * line);
    outlined = true;
  }
  if (outlined) g.stroke({ width: line, color: violet, alpha: v.phase === 'decided' ? 0.5 : 1 });
  // The cross on a dark backing, so it reads over a tile's own marks (the taint corner, the lights out).
  const crosses: Rect[] = [];
  for (const n of v.rejected) {
    const r = rectOf(n);
    if (r === undefined) continue;
    const top = wordsEnd(n, r);
    const h = r.h - top;
    const size = Math.min(r.w, h) * (top > 0 ? 0.7 : 0.5);
    crosses.push({ x: r.x + (r.w - size) / 2, y: r.y + top + (h - size) / 2, w: size, h: size });
  }
  for (const c of crosses) g.circle(c.x + c.w / 2, c.y + c.h / 2, c.w * 0.72);
  if (crosses.length > 0) g.fill({ color: p.card, alpha: 0.85 });
  for (const c of crosses) crossMark(g, c.x, c.y, c.w);
  if (crosses.length > 0) g.stroke({ width: Math.max(2, 3 * s), color: p.error, cap: 'round' });
  const won = v.selected === null ? undefined : rectOf(v.selected);
  if (won !== undefined) {
    const out = 3 * line;
    g.roundRect(won.x - out, won.y - out, won.w + 2 * out, won.h + 2 * out, 4 * s).stroke({ width: 2 * line, color: violet });
  }
}
