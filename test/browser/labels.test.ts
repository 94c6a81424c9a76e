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

/** Problems at a few moments of each step of a scenario (tokens in flight included). */
async function scan(id: string, lang: 'en' | 'ko', fractions: readonly number[]): Promise<string[]> {
  const { page } = app;
  await page.goto(`${base}?scenario=${id}&lang=${lang}&theme=dark`);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
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
      expect(labels.length, `${id} step ${i + 1}: the stage shows text`).toBeGreaterThan(10);
      for (const p of labelProblems(labels, width, height)) out.push(`step ${i + 1} (${st.id}) t=${t.toFixed(2)} ${p.kind}: ${p.text}`);
    }
  }
  return out;
}

describe('stage labels at 1280x720', () => {
  it.each(SCENARIOS.map((s) => s.id))('%s: no overlapping, clipped or small labels, English and Korean', async (id) => {
    const problems = [...(await scan(id, 'en', [0.2, 0.6])), ...(await scan(id, 'ko', [0.4, 0.8]))];
    expect(problems).toEqual([]);
  });
});

describe('stage labels at 1024x768', () => {
  beforeAll(async () => {
    await app.page.setViewportSize({ width: 1024, height: 768 });
  });
  it.each(SCENARIOS.map((s) => s.id))('%s in Korean', async (id) => {
    expect(await scan(id, 'ko', [0.5])).toEqual([]);
  });
  afterAll(() => {
    expect(app.errors).toEqual([]);
  });
});
