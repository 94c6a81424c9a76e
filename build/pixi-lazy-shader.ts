/**
 * PixiJS's DefaultBatcher compiles its WebGL/WebGPU batch shader when the first batcher is made,
 * on every renderer: with the canvas renderer too, whose batch adaptor never reads it. Compiling
 * it asks PixiJS's test WebGL context for the fragment precision, so a canvas-renderer page made
 * a WebGL context and the shader's sources (~6 ms, plus the context) during its first render. This
 * transform makes the batcher's shader on first read: the WebGL and WebGPU renderers read it in
 * that first render, as before; the canvas renderer never does. If PixiJS's code changes the build
 * fails, so the transform is looked at again.
 */
import type { Plugin } from 'vite';

const MODULE = /\/pixi\.js\/lib\/rendering\/batcher\/shared\/DefaultBatcher\.mjs$/;
const EAGER = `    defaultShader ?? (defaultShader = new DefaultShader(options.maxTextures));
    this.shader = defaultShader;
`;
const LAZY = `    let shader;
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
`;

export function pixiLazyShader(): Plugin {
  return {
    name: 'kubedeck:pixi-lazy-shader',
    transform: {
      // The bundler calls it for PixiJS's DefaultBatcher only, not for every module.
      filter: { id: MODULE },
      handler(code, id) {
        if (!MODULE.test(id)) return null;
        if (!code.includes(EAGER)) throw new Error(`${id}: PixiJS's DefaultBatcher changed; look at build/pixi-lazy-shader.ts again`);
        return { code: code.replace(EAGER, LAZY), map: null };
      },
    },
  };
}
