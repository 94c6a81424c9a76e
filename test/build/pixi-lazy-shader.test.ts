/**
 * build/pixi-lazy-shader.ts rewrites PixiJS so the canvas renderer never makes the WebGL batch
 * shader: DefaultBatcher makes it on first read, and BatcherPipe does not read it to start a batch
 * for an adaptor that draws without one (the canvas adaptor). The rewrites must still apply to the
 * installed PixiJS, and what they give must behave: one shared shader made on read, a shader set
 * on the batcher kept, the shader read for the WebGL adaptor and not for the canvas one.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pixiLazyShader, rewritePixi } from '../../build/pixi-lazy-shader.ts';

const PIXI = resolve(import.meta.dirname, '../../node_modules/pixi.js/lib/rendering/batcher');
const BATCHER = `${PIXI}/shared/DefaultBatcher.mjs`;
const PIPE = `${PIXI}/shared/BatcherPipe.mjs`;
const CANVAS_ADAPTOR = `${PIXI}/canvas/CanvasBatchAdaptor.mjs`;
const GL_ADAPTOR = `${PIXI}/gl/GlBatchAdaptor.mjs`;

/** Through the plugin's own hook, as the bundler calls it. */
function transformed(file: string): string | null {
  const hook = pixiLazyShader().transform;
  if (typeof hook !== 'object' || hook === null || !('handler' in hook)) throw new Error('no transform handler');
  const out: unknown = Reflect.apply(hook.handler, {}, [readFileSync(file, 'utf8'), file]);
  if (out === null) return null;
  if (typeof out !== 'object' || !('code' in out) || typeof out.code !== 'string') throw new Error('the transform gave no code');
  return out.code;
}

function rewritten(file: string): string {
  const code = transformed(file);
  if (code === null) throw new Error(`${file} was not rewritten`);
  return code;
}

/** The lines from `startMarker` to the end of the block `endMarker` closes. */
function slice(code: string, startMarker: string, endMarker: string): string {
  const start = code.indexOf(startMarker);
  const end = code.indexOf(endMarker, start) + endMarker.length;
  if (start < 0 || end < start) throw new Error(`no ${startMarker} in the rewritten code`);
  return code.slice(start, end);
}

describe("PixiJS's batch shader, made only when a renderer needs it", () => {
  it('applies to the installed PixiJS, and leaves other modules alone', () => {
    expect(rewritten(BATCHER)).toContain('Object.defineProperty(this, "shader"');
    expect(rewritten(BATCHER)).not.toContain('this.shader = defaultShader;\n  }\n  packAttributes');
    expect(rewritten(PIPE)).toContain('drawsWithoutShader === true ? null : batcher.shader');
    expect(rewritten(CANVAS_ADAPTOR)).toContain('drawsWithoutShader = true;');
    expect(transformed(GL_ADAPTOR)).toBeNull();
  });

  it('fails the build when PixiJS changes the code it rewrites', () => {
    expect(() => rewritePixi('export class BatcherPipe {}', PIPE)).toThrow(/look at build\/pixi-lazy-shader\.ts again/);
  });

  it('makes the shared shader once, on read; a shader set on the batcher is kept', () => {
    // The constructor's rewritten body, run against a stand-in DefaultShader.
    const body = slice(rewritten(BATCHER), '    let shader;', '    });\n');
    let made = 0;
    class Shader {
      constructor(readonly maxTextures: number) {
        made += 1;
      }
    }
    const build = new Function('DefaultShader', `let defaultShader = null; return function (options) {\n${body}};`) as (s: typeof Shader) => (this: { shader?: unknown }, options: { maxTextures: number }) => void;
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

  it('starts a batch without reading the shader for the canvas adaptor, and with it for the others', () => {
    // BatcherPipe's rewritten start of a batch, run against stand-in adaptors and a batcher that counts reads.
    const body = slice(rewritten(PIPE), '      const shader =', 'this._adaptor.start(this, geometry, shader);\n');
    const start = new Function('batcher', 'geometry', body) as (this: { _adaptor: object }, batcher: object, geometry: object) => void;
    let reads = 0;
    const shader = { name: 'batch' };
    const batcher = {
      get shader() {
        reads += 1;
        return shader;
      },
    };
    const given: unknown[] = [];
    const adaptor = (drawsWithoutShader?: boolean): object => ({ ...(drawsWithoutShader === undefined ? {} : { drawsWithoutShader }), start: (_pipe: unknown, _geometry: unknown, s: unknown) => given.push(s) });
    // The canvas adaptor as rewritten: its instances carry the flag.
    const canvasBody = slice(rewritten(CANVAS_ADAPTOR), 'const _CanvasBatchAdaptor = class _CanvasBatchAdaptor {', 'drawsWithoutShader = true;\n');
    const Canvas = new Function(`${canvasBody} start(p, g, s) { this.given = s; } }; return _CanvasBatchAdaptor;`) as () => new () => { drawsWithoutShader?: boolean; given?: unknown; start(p: unknown, g: unknown, s: unknown): void };
    const canvas = new (Canvas())();
    start.call({ _adaptor: canvas }, batcher, {});
    expect(reads).toBe(0);
    expect(canvas.given).toBeNull();
    start.call({ _adaptor: adaptor() }, batcher, {});
    expect(reads).toBe(1);
    expect(given).toEqual([shader]);
  });
});
