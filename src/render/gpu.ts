/**
 * Is WebGL here a software rasteriser (SwiftShader, llvmpipe...)? Chrome does not always report
 * those as a "major performance caveat", so ask the driver's name. On such machines PixiJS's
 * canvas renderer is much faster for this scene (flat shapes and text).
 */
export function softwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    if (gl === null) return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(info === null ? gl.getParameter(gl.RENDERER) : gl.getParameter(info.UNMASKED_RENDERER_WEBGL));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(name);
  } catch {
    return false;
  }
}
