/**
 * PixiJS's DefaultBatcher compiles its WebGL/WebGPU batch shader when the first batcher is made,
 * on every renderer: with the canvas renderer too, whose batch adaptor never uses it. Making it
 * builds the shader's sources and asks PixiJS's test WebGL context for the fragment precision, so
 * a canvas-renderer page made a WebGL context (~10 ms of its first render under SwiftShader).
 *
 * Two rewrites: the batcher makes its shader on first read, and the batch pipe does not read it to
 * start a batch when its adaptor says it draws without one (the canvas adaptor, whose `start`
 * ignores the shader). The WebGL and WebGPU renderers read it in their first render, as before.
 * If PixiJS's code changes the build fails, so the rewrites are looked at again.
 */
import type { Plugin } from 'vite';

interface Rewrite {
  readonly module: RegExp;
  readonly from: string;
  readonly to: string;
}

const BATCHER: Rewrite = {
  module: /\/pixi\.js\/lib\/rendering\/batcher\/shared\/DefaultBatcher\.mjs$/,
  from: `    defaultShader ?? (defaultShader = new DefaultShader(options.maxTextures));
    this.shader = defaultShader;
`,
  to: `    let shader;
    let made = false;
    Object.defineProperty(this, "shader", {
      configurable: true,
      enumerable: true,
      get() {
        if (!made) {
          made = true;
          shader = defaultShader ?? (defaultShader = new DefaultShader(options.maxTextures));
        }
        return shader;
      },
      set(value) {
        made = true;
        shader = value;
      }
    });
`,
};

const PIPE: Rewrite = {
  module: /\/pixi\.js\/lib\/rendering\/batcher\/shared\/BatcherPipe\.mjs$/,
  from: `      const shader = batcher.shader;
      this._adaptor.start(this, geometry, shader);
`,
  to: `      const shader = this._adaptor.drawsWithoutShader === true ? null : batcher.shader;
      this._adaptor.start(this, geometry, shader);
`,
};

const CANVAS_ADAPTOR: Rewrite = {
  module: /\/pixi\.js\/lib\/rendering\/batcher\/canvas\/CanvasBatchAdaptor\.mjs$/,
  from: `const _CanvasBatchAdaptor = class _CanvasBatchAdaptor {
`,
  to: `const _CanvasBatchAdaptor = class _CanvasBatchAdaptor {
  drawsWithoutShader = true;
`,
};

export const REWRITES: readonly Rewrite[] = [BATCHER, PIPE, CANVAS_ADAPTOR];

/** The module's code rewritten, or null when `id` is none of the rewritten modules; throws when PixiJS's code no longer matches. */
export function rewritePixi(code: string, id: string): string | null {
  const rewrite = REWRITES.find((r) => r.module.test(id));
  if (!rewrite) return null;
  if (!code.includes(rewrite.from)) throw new Error(`${id}: PixiJS's code changed; look at build/pixi-lazy-shader.ts again`);
  return code.replace(rewrite.from, rewrite.to);
}

export function pixiLazyShader(): Plugin {
  return {
    name: 'kubedeck:pixi-lazy-shader',
    transform: {
      // The bundler calls it for the rewritten PixiJS modules only, not for every module.
      filter: { id: REWRITES.map((r) => r.module) },
      handler(code, id) {
        const out = rewritePixi(code, id);
        return out === null ? null : { code: out, map: null };
      },
    },
  };
}
