/**
 * What the bench measures inside a page: rAF frame intervals, main-thread time through the
 * DevTools Performance domain, and the JS a page loads (gzip size, as a server would send it).
 */
import { gzipSync } from 'node:zlib';
import type { CDPSession, Page } from 'playwright-core';

/**
 * rAF intervals (ms) over `ms` of wall time. Sent as source text: tsx would wrap named
 * functions in a `__name` helper that does not exist in the page.
 */
export function sampleFrames(page: Page, ms: number): Promise<number[]> {
  return page.evaluate(`new Promise((done) => {
    const deltas = [];
    let last = -1;
    let start = -1;
    const tick = (now) => {
      if (start < 0) start = now;
      if (last >= 0) deltas.push(now - last);
      last = now;
      if (now - start < ${Number(ms)}) requestAnimationFrame(tick);
      else done(deltas);
    };
    requestAnimationFrame(tick);
  })`);
}

export interface CpuSample {
  /** Main-thread task time per wall second (ms/s). */
  readonly taskMsPerS: number;
  readonly scriptMsPerS: number;
  readonly layoutsPerS: number;
  readonly styleRecalcsPerS: number;
}

async function metrics(cdp: CDPSession): Promise<Map<string, number>> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return new Map(list.map((m) => [m.name, m.value]));
}

/** Main-thread work while nothing should move, over `ms` of wall time. */
export async function sampleCpu(page: Page, cdp: CDPSession, ms: number): Promise<CpuSample> {
  const before = await metrics(cdp);
  await page.waitForTimeout(ms);
  const after = await metrics(cdp);
  const per = (name: string, scale: number): number => (((after.get(name) ?? 0) - (before.get(name) ?? 0)) * scale) / (ms / 1000);
  return {
    taskMsPerS: per('TaskDuration', 1000),
    scriptMsPerS: per('ScriptDuration', 1000),
    layoutsPerS: per('LayoutCount', 1),
    styleRecalcsPerS: per('RecalcStyleCount', 1),
  };
}

export interface ScriptBytes {
  raw: number;
  gzip: number;
  files: number;
}

/** Collects the JS a page loads from now on; call `total()` when the page is ready. */
export function watchScripts(page: Page): { total(requestedBy?: number): Promise<ScriptBytes> } {
  return watchResponses(page, (type) => type === 'script');
}

/** The same for what else a page loads that `wanted` picks (by resource type and URL), e.g. the prebuilt trace's JSON. */
export function watchResponses(page: Page, wanted: (type: string, url: string) => boolean): { total(requestedBy?: number): Promise<ScriptBytes> } {
  const pending: Promise<{ url: string; raw: number; gzip: number }>[] = [];
  page.on('response', (response) => {
    if (!wanted(response.request().resourceType(), response.url())) return;
    const url = response.url();
    pending.push(
      response
        .body()
        .then((body) => ({ url, raw: body.length, gzip: gzipSync(body, { level: 9 }).length }))
        .catch(() => ({ url, raw: 0, gzip: 0 })),
    );
  });
  return {
    /** The scripts seen so far; with `requestedBy` (ms from navigation), only those the page requested by then (its resource timing). */
    async total(requestedBy) {
      let all = await Promise.all(pending);
      if (requestedBy !== undefined) {
        const early = new Set(
          await page.evaluate((by) => performance.getEntriesByType('resource').filter((e) => e.startTime <= by).map((e) => e.name), requestedBy),
        );
        all = all.filter((s) => early.has(s.url));
      }
      return { raw: all.reduce((s, x) => s + x.raw, 0), gzip: all.reduce((s, x) => s + x.gzip, 0), files: all.length };
    },
  };
}

/**
 * Counts the stage's frames and drawing work in every page of a context, for PixiJS's WebGL and
 * canvas renderers alike: a frame is a clear of a canvas that is in the document (text and
 * texture canvases are not), draws are draw calls (WebGL) or drawImage/fill calls (2D), uploads
 * are texture uploads (WebGL). So "paused renders nothing" is a number, not a guess.
 */
export const COUNT_GL = `(() => {
  const counts = { clears: 0, draws: 0, uploads: 0, readbacks: 0 };
  Object.defineProperty(window, '__gl', { value: counts });
  const onScreen = (ctx) => !!(ctx && ctx.canvas && ctx.canvas.isConnected);
  const wrap = (proto, names, key, screenOnly) => {
    if (!proto) return;
    for (const name of names) {
      const fn = proto[name];
      if (fn) proto[name] = function (...args) { if (!screenOnly || onScreen(this)) counts[key]++; return fn.apply(this, args); };
    }
  };
  for (const proto of [window.WebGLRenderingContext?.prototype, window.WebGL2RenderingContext?.prototype]) {
    wrap(proto, ['clear'], 'clears', true);
    wrap(proto, ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced'], 'draws', true);
    wrap(proto, ['texImage2D', 'texSubImage2D'], 'uploads', false);
    wrap(proto, ['readPixels'], 'readbacks', false);
  }
  const c2d = window.CanvasRenderingContext2D?.prototype;
  wrap(c2d, ['clearRect'], 'clears', true);
  wrap(c2d, ['drawImage', 'fill', 'stroke', 'fillText'], 'draws', true);
  wrap(c2d, ['getImageData'], 'readbacks', false);
})()`;

export interface GlCounts {
  readonly clears: number;
  readonly draws: number;
  /** WebGL texImage2D / texSubImage2D calls (text and icons re-rasterised and uploaded). */
  readonly uploads: number;
  readonly readbacks: number;
}

export function glCounts(page: Page): Promise<GlCounts> {
  return page.evaluate('({ ...window.__gl })') as Promise<GlCounts>;
}
