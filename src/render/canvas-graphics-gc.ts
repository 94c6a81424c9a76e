/**
 * PixiJS 8.22's canvas renderer lists each Graphics it draws for its clean-up (CanvasGraphicsPipe's
 * GCManagedHash) but gives it no per-renderer data, and GCManagedHash.remove gives up on an item
 * without that data: a destroyed Graphics stayed listed, and so alive, until the renderer's own
 * clean-up pass dropped it a minute of frames later (never while the stage is paused). The scale
 * view's 1,000 tile shapes of a 500-node trace were kept after another scenario replaced it.
 * Every other list sets the data before it adds an item, so only those entries are affected: an
 * item still listed after remove() has nothing to free and is simply dropped.
 */
import { GCManagedHash } from 'pixi-lib/utils/data/GCManagedHash';

interface Listed {
  readonly uid: number;
}

const remove = GCManagedHash.prototype.remove;

Object.assign(GCManagedHash.prototype, {
  remove(this: { items: Record<number, unknown> }, item: Listed, ...args: unknown[]): void {
    remove.call(this, item, ...args);
    // A null slot, as PixiJS leaves one (its clean-up pass compacts them).
    if (this.items[item.uid] === item) this.items[item.uid] = null;
  },
});
