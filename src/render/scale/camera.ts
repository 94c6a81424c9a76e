/**
 * The scale view's camera: zoom and pan over the tiles, as maths on plain numbers (unit-tested).
 * The world is the tiles' area as laid out at zoom 1; `cx, cy` is the world point at the viewport's
 * centre. At zoom 1 the whole world is in view; the view never leaves the world.
 */
import type { Point, Rect } from '../layout.ts';

export interface Camera {
  readonly zoom: number;
  readonly cx: number;
  readonly cy: number;
}

/** Closest zoom: a tile about as large as a compact ship. */
export const MAX_ZOOM = 8;
/** One wheel notch or one key press. */
export const ZOOM_STEP = 1.25;

export const homeCamera = (view: Rect): Camera => ({ zoom: 1, cx: view.x + view.w / 2, cy: view.y + view.h / 2 });

/** Keeps the zoom in [1, MAX_ZOOM] and the view inside the world (the viewport at zoom 1). */
export function clampCamera(cam: Camera, view: Rect): Camera {
  const zoom = Math.min(MAX_ZOOM, Math.max(1, cam.zoom));
  const hw = view.w / 2 / zoom;
  const hh = view.h / 2 / zoom;
  const cx = Math.min(view.x + view.w - hw, Math.max(view.x + hw, cam.cx));
  const cy = Math.min(view.y + view.h - hh, Math.max(view.y + hh, cam.cy));
  return { zoom, cx, cy };
}

/** World point -> screen point. */
export function toScreen(cam: Camera, view: Rect, p: Point): Point {
  return { x: view.x + view.w / 2 + (p.x - cam.cx) * cam.zoom, y: view.y + view.h / 2 + (p.y - cam.cy) * cam.zoom };
}

export function rectToScreen(cam: Camera, view: Rect, r: Rect): Rect {
  const p = toScreen(cam, view, r);
  return { x: p.x, y: p.y, w: r.w * cam.zoom, h: r.h * cam.zoom };
}

/** Screen point -> world point. */
export function toWorld(cam: Camera, view: Rect, p: Point): Point {
  return { x: cam.cx + (p.x - view.x - view.w / 2) / cam.zoom, y: cam.cy + (p.y - view.y - view.h / 2) / cam.zoom };
}

/** Zoom by `factor` keeping the world point under the screen point `at` where it is (wheel about the pointer). */
export function zoomAbout(cam: Camera, view: Rect, factor: number, at: Point): Camera {
  const w = toWorld(cam, view, at);
  const zoom = Math.min(MAX_ZOOM, Math.max(1, cam.zoom * factor));
  const cx = w.x - (at.x - view.x - view.w / 2) / zoom;
  const cy = w.y - (at.y - view.y - view.h / 2) / zoom;
  return clampCamera({ zoom, cx, cy }, view);
}

/** Drag by a screen offset: the world follows the pointer. */
export function panBy(cam: Camera, view: Rect, dx: number, dy: number): Camera {
  return clampCamera({ zoom: cam.zoom, cx: cam.cx - dx / cam.zoom, cy: cam.cy - dy / cam.zoom }, view);
}

/** The world rect in view. */
export function visibleWorld(cam: Camera, view: Rect): Rect {
  const w = view.w / cam.zoom;
  const h = view.h / cam.zoom;
  return { x: cam.cx - w / 2, y: cam.cy - h / 2, w, h };
}

/**
 * The camera that shows `target` (world): unchanged when it is already in view, else panned to
 * centre it at the same zoom, else zoomed out until it fits (a step's focus stays in view).
 */
export function keepInView(cam: Camera, view: Rect, target: Rect): Camera {
  const v = visibleWorld(cam, view);
  const eps = 0.5;
  if (target.x >= v.x - eps && target.y >= v.y - eps && target.x + target.w <= v.x + v.w + eps && target.y + target.h <= v.y + v.h + eps) return cam;
  const fit = Math.min(view.w / Math.max(1, target.w), view.h / Math.max(1, target.h));
  const zoom = Math.min(cam.zoom, fit);
  return clampCamera({ zoom, cx: target.x + target.w / 2, cy: target.y + target.h / 2 }, view);
}

/**
 * The camera after the view is resized and the tiles laid out again (they reflow: a zone's columns
 * follow the view's shape): centred on the same node, at the same spot in its tile, the tile as
 * large on screen as it was (within the zoom's bounds), so a learner zoomed into a zone (or a
 * speaker going full screen) still sees what they looked at, as legible. The node is the one whose
 * tile is nearest the old view's centre; at zoom 1 the view stays whole.
 */
export function followResize(cam: Camera, oldView: Rect, oldTiles: ReadonlyMap<string, Rect>, view: Rect, tiles: ReadonlyMap<string, Rect>): Camera {
  if (cam.zoom <= 1 || oldView.w <= 0 || oldView.h <= 0) return clampCamera({ zoom: cam.zoom, cx: view.x + view.w / 2, cy: view.y + view.h / 2 }, view);
  let best: { node: string; was: Rect; d: number } | undefined;
  for (const [node, r] of oldTiles) {
    const dx = Math.max(r.x - cam.cx, 0, cam.cx - (r.x + r.w));
    const dy = Math.max(r.y - cam.cy, 0, cam.cy - (r.y + r.h));
    const d = dx * dx + dy * dy;
    if (best === undefined || d < best.d) best = { node, was: r, d };
  }
  const was = best?.was;
  const now = best === undefined ? undefined : tiles.get(best.node);
  if (was === undefined || now === undefined || was.w <= 0 || was.h <= 0) {
    // No tiles to follow: the same place as a share of the view.
    return clampCamera({ zoom: cam.zoom, cx: view.x + ((cam.cx - oldView.x) / oldView.w) * view.w, cy: view.y + ((cam.cy - oldView.y) / oldView.h) * view.h }, view);
  }
  const zoom = now.w > 0 ? (cam.zoom * was.w) / now.w : cam.zoom;
  return clampCamera({ zoom, cx: now.x + ((cam.cx - was.x) / was.w) * now.w, cy: now.y + ((cam.cy - was.y) / was.h) * now.h }, view);
}

export const sameCamera = (a: Camera, b: Camera): boolean => a.zoom === b.zoom && a.cx === b.cx && a.cy === b.cy;
