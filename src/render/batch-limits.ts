/**
 * Fewer textures per batch on a software WebGL (SwiftShader, llvmpipe). PixiJS's batch shader picks
 * each pixel's texture with an if-chain over every texture a batch may hold (32 on SwiftShader), and
 * a software rasteriser runs every branch for every pixel: the 500-node scale view's frame was
 * mostly that. Batches there hold at most SOFTWARE_BATCH_TEXTURES: a few more draw calls (a batch
 * ends where a third texture comes), each pixel much cheaper. A GPU keeps PixiJS's own limit.
 * Loaded with the WebGL renderer's code (prepare.ts): PixiJS's limits system is swapped for this one
 * before a renderer is made.
 */
import { extensions } from 'pixi-lib/extensions/Extensions';
import { GlLimitsSystem } from 'pixi-lib/rendering/renderers/gl/GlLimitsSystem';
import { softwareContext } from './gpu.ts';

const SOFTWARE_BATCH_TEXTURES = 2;

class SoftwareBatchLimits extends GlLimitsSystem {
  // PixiJS's renderer calls this with its context (GlContextSystem: runners.contextChange.emit(gl)), again after a restore.
  override contextChange(gl?: WebGL2RenderingContext): void {
    super.contextChange();
    if (gl !== undefined && softwareContext(gl)) this.maxBatchableTextures = Math.min(this.maxBatchableTextures, SOFTWARE_BATCH_TEXTURES);
  }
}

extensions.remove(GlLimitsSystem);
extensions.add(SoftwareBatchLimits);
