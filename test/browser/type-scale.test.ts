/**
 * Type that scales with the screen, and an info card that never covers the step's focus.
 * - A 1920x1080 projector: the caption is at least 28 px and the stage's smallest text at least 16 px.
 * - A 1280x720 window: nothing on the stage under 14 px (the caption stays 18 px).
 * - A 560x315 embed (embed.html and index.html?embed=1): a simplified stage whose text stays at
 *   least 11 px (and does not overlap or leave the canvas), a caption at least 12 px.
 * - The info card, opened by clicking a station at a step, does not intersect the focus stations.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';
import { labelProblems, labelsAt, type LabelBox } from './lib/labels.ts';
import { QUAY_NAME } from '../../src/render/scene/quay-words.ts';

const base = inject('baseUrl');
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch({ width: 1920, height: 1080, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
});
afterAll(async () => {
  await browser.close();
});

interface Box {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

async function load(page: Page, url: string, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
    window.__kubedeck?.player()?.pause();
    await window.__kubedeck?.stage()?.ready();
    await document.fonts.ready;
  });
  await page.waitForFunction((w) => (document.querySelector('canvas')?.getBoundingClientRect().width ?? 0) > 0 && document.documentElement.clientWidth === w, width);
}

/** Labels at the middle of every step (tokens in flight, activities named). */
async function labelsEveryStep(page: Page): Promise<{ labels: LabelBox[]; width: number; height: number }[]> {
  const spans: { start: number; end: number }[] = await page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => ({ start: s.start, end: s.end })) ?? []);
  expect(spans.length).toBeGreaterThan(2);
  const out = [];
  for (const s of spans) out.push(await labelsAt(page, s.start + Math.min(s.end - s.start, 6) * 0.4));
  return out;
}

const smallest = (frames: readonly { labels: LabelBox[] }[]): LabelBox => {
  const all = frames.flatMap((f) => f.labels);
  expect(all.length).toBeGreaterThan(0);
  return all.reduce((a, b) => (b.size < a.size ? b : a));
};

const captionPx = (page: Page): Promise<number> => page.evaluate(() => Number.parseFloat(getComputedStyle(document.querySelector('.caption__text') ?? document.body).fontSize));

describe('type scales with the screen', () => {
  it('1920x1080 (a projector): caption >= 28 px, smallest stage label >= 16 px', async () => {
    const { page } = app;
    await load(page, `${base}?scenario=service-routing&lang=ko&theme=light`, 1920, 1080);
    expect(await captionPx(page)).toBeGreaterThanOrEqual(28);
    const min = smallest(await labelsEveryStep(page));
    expect(min.size, `"${min.text}" (${min.owner})`).toBeGreaterThanOrEqual(16);
  });

  it('1920x1080: the legend reads at 16 px, and the stage still yields it its room', async () => {
    const { page } = app;
    await load(page, `${base}?scenario=pod-creation&lang=en&theme=dark`, 1920, 1080);
    await page.keyboard.press('?');
    const legend = page.locator('[data-testid=legend]');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16);
    await page.waitForFunction(() => {
      const stage = document.querySelector('[data-testid=stage]')?.getBoundingClientRect();
      const panel = document.querySelector('[data-testid=legend]')?.getBoundingClientRect();
      return stage !== undefined && panel !== undefined && stage.right <= panel.left;
    });
    await page.keyboard.press('?');
  });

  it('1280x720: caption 18 px, nothing on the stage under 14 px', async () => {
    const { page } = app;
    await load(page, `${base}?scenario=pod-creation&lang=en&theme=dark`, 1280, 720);
    expect(await captionPx(page)).toBeCloseTo(18, 0);
    const min = smallest(await labelsEveryStep(page));
    expect(min.size, `"${min.text}" (${min.owner})`).toBeGreaterThanOrEqual(13.99);
  });

  it.each([
    ['etcd-ha', 'en'],
    ['etcd-ha', 'ko'],
  ] as const)('1920x1080 %s %s: the stage keeps one size through every step, a three-line caption with code included', async (scenario, lang) => {
    const { page } = app;
    await load(page, `${base}?scenario=${scenario}&lang=${lang}&theme=dark`, 1920, 1080);
    const sizes: { step: number; w: number; h: number; lines: number }[] = await page.evaluate(async () => {
      const player = window.__kubedeck?.player();
      const out: { step: number; w: number; h: number; lines: number }[] = [];
      for (let i = 0; i < (player?.steps.length ?? 0); i++) {
        player?.gotoStep(i);
        await new Promise((r) => requestAnimationFrame(r));
        const c = document.querySelector('[data-testid=stage] canvas')?.getBoundingClientRect();
        const text = document.querySelector('.caption__text');
        const lh = text === null ? 1 : parseFloat(getComputedStyle(text).lineHeight);
        out.push({ step: i + 1, w: Math.round(c?.width ?? 0), h: Math.round(c?.height ?? 0), lines: Math.round((text?.getBoundingClientRect().height ?? 0) / lh) });
      }
      return out;
    });
    // The check reaches a three-line caption (else it would prove nothing about the room kept).
    expect(Math.max(...sizes.map((s) => s.lines))).toBeGreaterThanOrEqual(3);
    const first = sizes[0];
    expect(sizes.filter((s) => s.w !== first?.w || s.h !== first.h)).toEqual([]);
  });

  it.each([
    ['en', 1280, 720, 'e.g. '],
    ['ko', 1280, 720, '예: '],
    ['en', 1920, 1080, 'Change what happens next, e.g. '],
    ['ko', 1920, 1080, '앞으로 일어날 일을 바꿔 보세요. 예: '],
  ] as const)('%s %dx%d: the command bar shows the longest hint that fits, never one cut short', async (lang, width, height, starts) => {
    const { page } = app;
    await load(page, `${base}?scenario=pod-creation&lang=${lang}&theme=dark`, width, height);
    // The observer sets the hint after a layout: wait for the one that fits this width.
    await page.waitForFunction((head) => document.querySelector<HTMLInputElement>('[data-testid=command-input]')?.placeholder.startsWith(head) === true, starts);
    const fit = await page.evaluate(() => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=command-input]');
      if (!input) throw new Error('no command bar');
      const style = getComputedStyle(input);
      const ctx = document.createElement('canvas').getContext('2d');
      if (!ctx) throw new Error('no 2D canvas');
      ctx.font = style.font;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: input.placeholder, width: ctx.measureText(input.placeholder).width, room };
    });
    expect(fit.width, `"${fit.text}"`).toBeLessThanOrEqual(fit.room);
    // The example command and the key hint stay at 1280x720 too.
    expect(fit.text).toMatch(/kubectl .*(Tab)/);
  });

  it.each([
    ['embed.html', 'pod-creation', 'ko'],
    ['embed.html', 'service-routing', 'en'],
    ['index.html?embed=1&', 'node-failure', 'en'],
  ])('a 560x315 embed (%s %s %s): a simplified stage, text >= 11 px, no overlap, caption >= 12 px', async (path, scenario, lang) => {
    const { page } = app;
    const url = path.includes('?') ? `${base}${path}scenario=${scenario}&lang=${lang}` : `${base}${path}?scenario=${scenario}&lang=${lang}`;
    await load(page, url, 560, 315);
    expect(await captionPx(page)).toBeGreaterThanOrEqual(12);
    const frames = await labelsEveryStep(page);
    const min = smallest(frames);
    expect(min.size, `"${min.text}" (${min.owner})`).toBeGreaterThanOrEqual(11);
    const problems = frames.flatMap((f, i) => labelProblems(f.labels, f.width, f.height, 11).map((p) => `step ${i + 1} ${p.kind}: ${p.text}`));
    expect(problems).toEqual([]);
    // Simplified: the component names stay, secondary text (the quay's name, the clock's title) goes.
    const texts = new Set(frames.flatMap((f) => f.labels.map((l) => l.text)));
    expect(texts.has('kube-apiserver')).toBe(true);
    expect([...texts].filter((t) => t === QUAY_NAME.en.toUpperCase() || t === QUAY_NAME.ko)).toEqual([]);
  });
});

describe('the info card', () => {
  it.each(['pod-creation', 'service-routing'])('opened at a step of %s, never covers the focus stations', async (scenario) => {
    const { page } = app;
    await load(page, `${base}?scenario=${scenario}&step=4&lang=en&theme=light`, 1280, 720);
    const before: Box[] = await page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as { focusBoxes(): Box[]; renderFrameAt(t: number): void } | undefined;
      const player = window.__kubedeck?.player();
      if (!stage || !player) throw new Error('no stage');
      stage.renderFrameAt(player.getState().time);
      return stage.focusBoxes();
    });
    expect(before.length).toBeGreaterThan(0);
    // Click the first focus station on the canvas: the app opens its info card.
    const canvas0 = await page.locator('[data-testid=stage] canvas').boundingBox();
    const first = before[0];
    if (!canvas0 || !first) throw new Error('no canvas');
    await page.mouse.click(canvas0.x + first.x + first.w / 2, canvas0.y + first.y + first.h / 2);
    const card = page.locator('[data-testid=info-card]');
    await card.waitFor({ state: 'visible' });
    // The stage lays itself out again beside the card.
    await page.waitForFunction(() => {
      const c = document.querySelector('[data-testid=stage] canvas')?.getBoundingClientRect();
      const i = document.querySelector('[data-testid=info-card]')?.getBoundingClientRect();
      return c !== undefined && i !== undefined && c.right <= i.left;
    });
    const focus: Box[] = await page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as { focusBoxes(): Box[]; renderFrameAt(t: number): void } | undefined;
      const player = window.__kubedeck?.player();
      if (!stage || !player) throw new Error('no stage');
      stage.renderFrameAt(player.getState().time);
      return stage.focusBoxes();
    });
    const canvas = await page.locator('[data-testid=stage] canvas').boundingBox();
    const cardBox = await card.boundingBox();
    if (!canvas || !cardBox) throw new Error('no boxes');
    expect(focus.map((f) => f.id).sort()).toEqual(before.map((f) => f.id).sort());
    for (const f of focus) {
      const x = canvas.x + f.x;
      const y = canvas.y + f.y;
      const hit = x < cardBox.x + cardBox.width && cardBox.x < x + f.w && y < cardBox.y + cardBox.height && cardBox.y < y + f.h;
      expect(hit, `${f.id} at ${Math.round(x)},${Math.round(y)} ${Math.round(f.w)}x${Math.round(f.h)} under the card at ${Math.round(cardBox.x)}`).toBe(false);
      // And the focus station is still on screen, not pushed off the canvas.
      expect(x + f.w).toBeLessThanOrEqual(canvas.x + canvas.width + 1);
    }
    // The narrower stage keeps its text readable.
    const { labels, width, height } = await labelsAt(page, await page.evaluate(() => window.__kubedeck?.player()?.getState().time ?? 0));
    expect(labelProblems(labels, width, height).filter((p) => p.kind === 'small')).toEqual([]);
    await page.keyboard.press('Escape');
  });
});
