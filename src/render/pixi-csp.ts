/**
 * PixiJS under a Content-Security-Policy without 'unsafe-eval' (README: Content Security Policy).
 * Every renderer probes `new Function` when it is made (under the policy, a reported violation);
 * the canvas renderer needs nothing more, so skipping the probe is all it takes. The WebGL renderer
 * builds its uniform and shader sync code with `new Function`: pixi.js/unsafe-eval swaps in
 * PixiJS's own eval-free versions, and it is loaded only on that path, since it brings the GL (and
 * WebGPU) systems it patches, which the canvas renderer never uses.
 */
import { AbstractRenderer } from './pixi-parts.ts';

Object.assign(AbstractRenderer.prototype, { _unsafeEvalCheck: (): void => undefined });

/** Before a WebGL renderer is made: PixiJS's eval-free shader and uniform code. */
export function webglWithoutEval(): Promise<unknown> {
  return import('./webgl-eval-free.ts');
}
