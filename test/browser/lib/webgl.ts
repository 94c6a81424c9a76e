/**
 * The stage's WebGL path, headless: the stage skips a software WebGL (SwiftShader here) for PixiJS's
 * canvas renderer, judging by the driver's name (src/render/gpu.ts). Hiding the name from every
 * page of a context makes it take WebGL, as on a machine with a GPU.
 */
import type { BrowserContext, Page } from 'playwright-core';

export async function preferWebGL(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
      const original = proto.getExtension as (this: unknown, name: string) => unknown;
      Object.defineProperty(proto, 'getExtension', {
        configurable: true,
        writable: true,
        value(this: unknown, name: string): unknown {
          return name === 'WEBGL_debug_renderer_info' ? null : original.call(this, name);
        },
      });
    }
  });
}

/** Which renderer the page's stage runs on ('webgl' | 'webgpu' | 'canvas'). */
export function rendererOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window.__kubedeck?.stage() as { rendererName?: string } | undefined)?.rendererName);
}
