/** Where a zone group's header is drawn when the camera has moved its place out of view. Pure. */
import type { Rect } from '../layout.ts';

/**
 * Where a zone's header goes on screen: its own place, or, zoomed in with that place out of view
 * while the group's tiles are on screen, pinned to the view's top (and left) edge within the
 * group, as a spreadsheet keeps its column headers: which zone is on screen stays written.
 * Undefined: the group is out of view.
 */
export function pinnedHeader(header: Rect, group: Rect, view: Rect, lines: number): (Rect & { readonly pinned: boolean }) | undefined {
  const x0 = Math.max(header.x, view.x);
  const x1 = Math.min(header.x + header.w, view.x + view.w);
  const bottom = Math.min(group.y + group.h, view.y + view.h);
  if (x1 <= x0 || group.y >= view.y + view.h || bottom <= view.y) return undefined;
  if (x0 === header.x && x1 === header.x + header.w && header.y >= view.y) return { ...header, pinned: false };
  const h = Math.min(header.h, lines);
  const y = Math.max(header.y, view.y);
  // Too little of the group left on screen to carry its header: none (it stays inside the view).
  if (y + h > bottom + 0.5) return undefined;
  return { x: x0, y, w: x1 - x0, h, pinned: true };
}
