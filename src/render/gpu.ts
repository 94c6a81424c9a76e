/**
 * Is WebGL here a software rasteriser (SwiftShader, llvmpipe...)? Chrome does not always report
 * those as a "major performance caveat", so ask the driver's name. On such machines PixiJS's
 * canvas renderer is much faster for this scene (flat shapes and text).
 *
 * The probe asks PixiJS's own test context: a WebGL renderer makes that one anyway (its shaders ask
 * it for the fragment precision), and a WebGL context costs ~8 ms to make. The canvas renderer
 * makes none (build/pixi-lazy-shader.ts), so a returning page goes by the last answer (gpu-memo.ts).
 */
import { getTestContext } from 'pixi-lib/rendering/renderers/gl/shader/program/getTestContext';

export function softwareWebGL(): boolean {
  try {
    const gl = getTestContext();
    // A context can be refused (no WebGL here): PixiJS types it as always there.
    if ((gl as WebGLRenderingContext | null) === null) return false;
    return softwareContext(gl);
  } catch {
    return false;
  }
}

/** Whether this WebGL context is drawn by a software rasteriser (its driver's name). */
export function softwareContext(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
}
