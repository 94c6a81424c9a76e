/**
 * The WebGL context of the stage's canvas coming and going (the GPU reset, the browser reclaimed
 * it, a test's WEBGL_lose_context). PixiJS listens too and restores its own state; the stage
 * pauses meanwhile, draws nothing, and rebuilds its textures when the context is back.
 */
import { TexturePool } from './pixi-parts.ts';

export interface ContextWatch {
  readonly lost: boolean;
  stop(): void;
}

export function watchContext(canvas: HTMLCanvasElement, on: { lost(): void; restored(): void }): ContextWatch {
  let lost = false;
  const onLost = (): void => {
    lost = true;
    on.lost();
  };
  const onRestored = (): void => {
    lost = false;
    on.restored();
  };
  canvas.addEventListener('webglcontextlost', onLost);
  canvas.addEventListener('webglcontextrestored', onRestored);
  return {
    get lost() {
      return lost;
    },
    stop() {
      canvas.removeEventListener('webglcontextlost', onLost);
      canvas.removeEventListener('webglcontextrestored', onRestored);
    },
  };
}

/**
 * Empty PixiJS's texture pool (after a restore, and when the stage takes another trace). Text
 * textures come from that pool and go back to it; one that sat in the pool through the loss still
 * counted as uploaded, so the text drawn with it next showed as a dark box. Fresh textures are
 * made as texts are drawn again.
 */
export function emptyTexturePool(): void {
  TexturePool.clear(true);
}
