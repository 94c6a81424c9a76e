/**
 * Every scenario, every step, in English and Korean at 1280x720 (and Korean at 1024x768): the
 * stage's visible texts (stage.labels(), boxes in canvas px) overlap no other text, stay on the
 * canvas and are at least MIN_LABEL_PX tall in effect. Geometry, not pixels: fast and exact.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';
import { labelProblems, labelsAt } from './lib/labels.ts';
import { SCENARIOS } from '../../scenes/index.ts';

const base = inject('baseUrl');
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
});
afterAll(async () => {
  await browser.close();
});

interface StepSpan {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

/** Problems at a few moments of each step of the loaded scenario (tokens in flight included). */
async function scan(label: string, fractions: readonly number[]): Promise<string[]> {
  const { page } = app;
  await page.evaluate(async () => {
    await window.__kubedeck?.stage()?.ready();
    window.__kubedeck?.player()?.pause();
  });
  const steps: StepSpan[] = await page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => ({ id: s.id, start: s.start, end: s.end })) ?? []);
  expect(steps.length).toBeGreaterThan(0);
  const out: string[] = [];
  for (const [i, st] of steps.entries()) {
    const span = Math.min(st.end - st.start, 6);
    for (const f of fractions) {
      const t = st.start + span * f;
      const { labels, width, height } = await labelsAt(page, t);
      expect(labels.length, `step ${i + 1}: the stage shows text`).toBeGreaterThan(10);
      for (const p of labelProblems(labels, width, height)) out.push(`${label} step ${i + 1} (${st.id}) t=${t.toFixed(2)} ${p.kind}: ${p.text}`);
    }
  }
  return out;
}

async function resize(width: number, height: number): Promise<void> {
  await app.page.setViewportSize({ width, height });
  // The stage follows its host through a ResizeObserver: wait until the canvas has the new size.
  await app.page.waitForFunction((w) => window.__kubedeck?.stage() !== undefined && document.querySelector('canvas')?.getBoundingClientRect().width === w, width);
  // The canvas box follows its host at once (CSS), the stage's layout when the observer's callback
  // runs, which a loaded machine can delay past the scan: lay out now (a no-op if it already did).
  await app.page.evaluate(() => window.__kubedeck?.stage()?.resize());
}

// One load per scenario: English at 1280x720, Korean at 1280x720, then Korean at 1024x768.
describe('stage labels: no overlapping, clipped or small text', () => {
  it.each(SCENARIOS.map((s) => s.id))('%s (en, ko at 1280x720; ko at 1024x768)', async (id) => {
    const { page } = app;
    await resize(1280, 720);
    await page.goto(`${base}?scenario=${id}&lang=en&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
    await page.evaluate(async () => window.__kubedeck?.ready);
    const problems = await scan('en 1280x720', [0.3]);
    await page.click('[data-lang=ko]');
    problems.push(...(await scan('ko 1280x720', [0.7])));
    await resize(1024, 768);
    problems.push(...(await scan('ko 1024x768', [0.5])));
    expect(problems).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('score panels keep their rows', () => {
  it("pod-spreading at 1280x720: while kube-scheduler scores, every scored ship's panel lists the plugins, not its total alone", async () => {
    const { page } = app;
    await resize(1280, 720);
    await page.goto(`${base}?scenario=pod-spreading&lang=en&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
    await page.evaluate(async () => {
      await window.__kubedeck?.ready;
      window.__kubedeck?.player()?.pause();
    });
    const duration = await page.evaluate(() => window.__kubedeck?.player()?.getState().duration ?? 0);
    // Each frame with scored ships (their badges say "score N"): a panel of rows under each, every
    // table starting with TaintToleration (a row too wide for a deck of four ships, "100 ×2", made
    // every row give way to the total).
    let scored = 0;
    const bad: string[] = [];
    for (let t = 0; t < duration; t += 0.25) {
      const { labels } = await labelsAt(page, t);
      const badges = labels.filter((l) => /(^|· )score \d+$/.test(l.text)).length;
      if (badges === 0) continue;
      scored++;
      const tables = labels.filter((l) => l.text === 'TaintToleration').length;
      if (tables < badges) bad.push(`t=${t.toFixed(2)}: ${badges} scored ships, ${tables} panels with rows`);
    }
    expect(scored).toBeGreaterThan(5);
    expect(bad).toEqual([]);
  });
});
