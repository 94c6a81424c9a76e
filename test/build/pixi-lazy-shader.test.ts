/**
 * build/pixi-lazy-shader.ts rewrites PixiJS's DefaultBatcher so its shader is made on first read
 * (the canvas renderer never reads it). The rewrite must still apply to the installed PixiJS, and
 * the batcher it gives must make the shared shader once, on read, and take a shader set on it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixiLazyShader } from '../../build/pixi-lazy-shader.ts';

const FILE = resolve(import.meta.dirname, '../../node_modules/pixi.js/lib/rendering/batcher/shared/DefaultBatcher.mjs');

function transformed(): string {
  const hook = pixiLazyShader().transform;
  if (typeof hook !== 'object' || hook === null || !('handler' in hook)) throw new Error('no transform handler');
  const out: unknown = Reflect.apply(hook.handler, {}, [readFileSync(FILE, 'utf8'), FILE]);
  if (typeof out !== 'object' || out === null || !('code' in out) || typeof out.code !== 'string') throw new Error('the transform gave no code');
  return out.code;
}

describe("PixiJS's batch shader made on first read", () => {
  it('applies to the installed DefaultBatcher', () => {
    const code = transformed();
    expect(code).toContain('Object.defineProperty(this, "shader"');
    expect(code).not.toContain('this.shader = defaultShader;\n  }\n  packAttributes');
  });

  it('makes the shared shader once, on read; a shader set on the batcher is kept', () => {
    // The constructor's rewritten body, run against a stand-in DefaultShader.
    const code = transformed();
    const start = code.indexOf('    let shader;');
    const end = code.indexOf('    });\n', start) + '    });\n'.length;
    let made = 0;
    class Shader {
      constructor(readonly maxTextures: number) {
        made += 1;
      }
    }
    const build = new Function('DefaultShader', `let defaultShader = null; return function (options) {\n${code.slice(start, end)}};`) as (s: typeof Shader) => (this: { shader?: unknown }, options: { maxTextures: number }) => void;
    const construct = build(Shader);
    const a: { shader?: unknown } = {};
    const b: { shader?: unknown } = {};
    construct.call(a, { maxTextures: 16 });
    construct.call(b, { maxTextures: 16 });
    expect(made).toBe(0);
    expect(a.shader).toBeInstanceOf(Shader);
    expect(b.shader).toBe(a.shader);
    expect(made).toBe(1);
    b.shader = null;
    expect(b.shader).toBeNull();
    expect(made).toBe(1);
  });
});
