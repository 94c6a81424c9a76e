/**
 * What the first load asks for. An English page's first stylesheet declares only the faces it
 * draws from (build/split-faces.ts): Noto Sans KR's ~240 Korean faces took ~30-60 ms to parse and
 * resolve before the first frame. Korean still draws with its bundled faces, and an English page
 * has them once it is ready (a Korean name, the language picker's "한국어").
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseUnicodeRange } from '../../build/font-faces.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp } from './lib/app-page.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 960, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

const HANGUL_SYLLABLES = [0xac00, 0xd7a3] as const;
const PA = '파'.codePointAt(0) ?? 0;

/** The unicode-ranges of the @font-face rules in the stylesheets the page asked for before its first frame. */
async function earlyFaceRanges(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const by = performance.getEntriesByName('kubedeck:first-frame')[0]?.startTime ?? 0;
    const sheets = performance.getEntriesByType('resource').filter((e) => e.startTime <= by && new URL(e.name).pathname.endsWith('.css'));
    const texts = await Promise.all(sheets.map(async (e) => (await fetch(e.name)).text()));
    return texts.flatMap((css) => [...css.matchAll(/unicode-range:\s*([^;}]+)/g)].map((m) => m[1] ?? ''));
  });
}

/** Noto Sans KR's faces (400) in the page that hold `cp`, with their status. */
function facesHolding(page: Page, cp: number): Promise<string[]> {
  return page.evaluate((cp) => {
    const found: string[] = [];
    document.fonts.forEach((f) => {
      if (f.family.replace(/["']/g, '') !== 'Noto Sans KR' || f.weight !== '400') return;
      const holds = f.unicodeRange.split(',').some((part) => {
        const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
        return cp >= parseInt(from.replace(/\?/g, '0'), 16) && cp <= parseInt((to ?? from).replace(/\?/g, 'F'), 16);
      });
      if (holds) found.push(f.status);
    });
    return found;
  }, cp);
}

/**
 * From the page's start: every text drawn on a canvas, and whether, then, each of its Hangul
 * characters had a loaded Noto Sans KR face of the drawing's weight holding it (else it was drawn
 * with another font, or none).
 */
const WATCH_DRAWN = (): void => {
  const drawn: { text: string; font: string; ready: boolean }[] = [];
  (window as unknown as { __drawn: typeof drawn }).__drawn = drawn;
  const holds = (face: FontFace, cp: number): boolean =>
    face.unicodeRange.split(',').some((part) => {
      const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
      return cp >= parseInt(from.replace(/\?/g, '0'), 16) && cp <= parseInt((to ?? from).replace(/\?/g, 'F'), 16);
    });
  const loaded = (font: string, text: string): boolean => {
    const weight = /\b(bold|[5-9]00)\b/.test(font) ? '700' : '400';
    const faces: FontFace[] = [];
    document.fonts.forEach((f) => {
      if (f.family.replace(/["']/g, '') === 'Noto Sans KR' && f.weight === weight && f.status === 'loaded') faces.push(f);
    });
    return [...text].filter((c) => /[\uac00-\ud7a3]/.test(c)).every((c) => faces.some((f) => holds(f, c.codePointAt(0) ?? 0)));
  };
  for (const name of ['fillText', 'strokeText'] as const) {
    const original = CanvasRenderingContext2D.prototype[name];
    CanvasRenderingContext2D.prototype[name] = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
      drawn.push({ text, font: this.font, ready: loaded(this.font, text) });
      if (maxWidth === undefined) original.call(this, text, x, y);
      else original.call(this, text, x, y, maxWidth);
    };
  }
};

describe('the first load', () => {
  it('an English page asks for no Korean face before its first frame, and has them once ready', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?lang=en`);
    const ranges = (await earlyFaceRanges(page)).map(parseUnicodeRange);
    // Noto Sans KR's Latin face and the few subsets with the app's arrows and ≤ ≥, JetBrains Mono's
    // faces: not the ~240 Korean ones.
    expect(ranges.length).toBeGreaterThan(0);
    expect(ranges.length).toBeLessThan(40);
    // Those few subsets hold a handful of the 11,172 syllables besides.
    let syllables = 0;
    for (const r of ranges) for (const [a, b] of r) syllables += Math.max(0, Math.min(b, HANGUL_SYLLABLES[1]) - Math.max(a, HANGUL_SYLLABLES[0]) + 1);
    expect(syllables).toBeLessThan(500);
    expect((await facesHolding(page, PA)).length).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a Korean page draws its Hangul with the bundled face, loaded before the first frame', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?lang=ko`);
    expect(await facesHolding(page, PA)).toEqual(['loaded']);
    const loadedBy = await page.evaluate(() => {
      const by = performance.getEntriesByName('kubedeck:first-frame')[0]?.startTime ?? 0;
      return performance.getEntriesByType('resource').filter((e) => e.startTime <= by && /noto-sans-kr-\d+-400-normal/.test(e.name)).length;
    });
    expect(loadedBy).toBeGreaterThan(10);
    expect(errors).toEqual([]);
    await page.close();
  });

  // A stage waits for its own words' faces and its trace's texts' (not for every caption's): each
  // scenario's first frame, at a later step too, draws no Korean text before its face has loaded.
  it.each(['pod-creation', 'node-failure&step=4', 'rolling-update&step=6', 'service-routing&step=3', 'etcd-ha&step=5', 'scheduler-decision&step=4'])('a Korean first frame (%s) draws only with loaded faces', async (view) => {
    const page = await browser.context.newPage();
    await page.addInitScript(WATCH_DRAWN);
    await page.goto(`${base}?lang=ko&scenario=${view}`);
    await page.waitForFunction(() => performance.getEntriesByName('kubedeck:first-frame').length > 0, undefined, { timeout: 30_000 });
    const drawn = await page.evaluate(() => (window as unknown as { __drawn: { text: string; font: string; ready: boolean }[] }).__drawn);
    const hangul = drawn.filter((d) => /[\uac00-\ud7a3]/.test(d.text));
    expect(hangul.length).toBeGreaterThan(0);
    expect(hangul.filter((d) => !d.ready).map((d) => `${d.font}: ${d.text}`)).toEqual([]);
    await page.close();
  });

  // Korean's faces take a while to come (the rest of the stylesheet, then ~30 subsets): a switch
  // back to English meanwhile is the last word, not the Korean switch that finishes after it.
  it('a switch to Korean and straight back to English leaves the stage in English', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?lang=en`);
    await page.click('[data-lang=ko]');
    await page.click('[data-lang=en]');
    await page.evaluate(async () => {
      await window.__kubedeck?.stage()?.ready();
      await new Promise((done) => setTimeout(done, 300));
    });
    const labels = await page.evaluate(() => (window.__kubedeck?.stage() as unknown as { labels(): { text: string }[] }).labels().map((l) => l.text));
    expect(labels).toContain('CLUSTER TIME');
    expect(labels.filter((t) => /[\uac00-\ud7a3]/.test(t))).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
