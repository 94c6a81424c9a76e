/**
 * What a stage waits for before PixiJS can make its renderer, started before the shell asks for a
 * stage: main.ts calls prepareStage() first thing, so the renderer's code loads beside the shell's
 * instead of after it. createStage asks for the same promise (one fetch, one probe per page).
 */
import { softwareWebGL } from './gpu.ts';
import { webglWithoutEval } from './pixi-csp.ts';

export type RendererMode = 'auto' | 'webgl' | 'canvas';

let software: boolean | undefined;

/** Whether a stage in `mode` draws with PixiJS's canvas renderer here (the probe makes a WebGL context: once a page). */
export function picksCanvas(mode: RendererMode): boolean {
  return mode === 'canvas' || (mode === 'auto' && (software ??= softwareWebGL()));
}

const code = new Map<boolean, Promise<unknown>>();

/**
 * The code of the renderer PixiJS's Application.init will import (its autoDetectRenderer asks for
 * the same modules, then finds them loaded); on the WebGL path with PixiJS's eval-free shader code.
 * A failed load is tried again by the next call.
 */
export function rendererCode(canvas: boolean): Promise<unknown> {
  let loading = code.get(canvas);
  if (loading === undefined) {
    loading = canvas
      ? import('pixi-lib/rendering/renderers/canvas/CanvasRenderer')
      : Promise.all([webglWithoutEval(), import('pixi-lib/rendering/renderers/gl/WebGLRenderer')]);
    loading.catch(() => code.delete(canvas));
    code.set(canvas, loading);
  }
  return loading;
}

/** Starts fetching the renderer an 'auto' stage will use; a failure is reported when a stage is made. */
export function prepareStage(): void {
  rendererCode(picksCanvas('auto')).catch(() => undefined);
}
