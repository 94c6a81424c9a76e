/**
 * Destroys a container and everything in it, each Graphics by destroy() alone. PixiJS's
 * destroy({ children: true }) hands its options down, and a Graphics given any options leaves the
 * context it made for itself undestroyed: on WebGL that context and its GPU batches stay listed by
 * the renderer (GraphicsContextSystem) until its clean-up pass, a minute of frames later and never
 * while the stage is paused (a 500-node trace's 1,000 tile shapes kept several MB). destroy() frees
 * only a context the Graphics made itself: shared contexts stay, as do textures and text styles.
 */
import type { Container } from './pixi-parts.ts';

export function destroyTree(root: Container): void {
  // Taken off all at once, as destroy({ children: true }) does: one by one, each would be taken
  // out of its render group's lists separately (15,000 pod sprites in the scale view's tiles).
  const children = root.removeChildren();
  root.destroy();
  for (const child of children) destroyTree(child);
}
