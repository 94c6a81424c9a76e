/**
 * Screenshots of chosen steps of pod-creation and node-failure, dark and light, English and
 * Korean, and of every other scenario's busiest step (the most numbered hops; dark English and
 * light Korean), compared with the PNGs committed in test/baselines/ (pixelmatch, small tolerance).
 *
 * After an intended visual change: `UPDATE_BASELINES=1 npm run test:browser`, look at the new
 * PNGs, commit them. On a mismatch the actual image and a diff land in test-results/visual/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { comparePng, writePng } from './lib/images.ts';
import { REPO } from './lib/server.ts';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { stepTrails } from '../../src/timeline/trail.ts';

const BASELINES = join(REPO, 'test/baselines');
const RESULTS = join(REPO, 'test-results/visual');
const UPDATE = process.env['UPDATE_BASELINES'] === '1';
/** Share of pixels allowed to differ (anti-aliasing noise), with pixelmatch's colour threshold 0.1. */
const MAX_RATIO = 0.002;

type Look = readonly ['dark' | 'light', 'en' | 'ko'];
interface Case {
  readonly scenario: string;
  /** Link parameters beyond the scenario's (the sandbox's example commands as do=). */
  readonly extra?: string;
  /** Looks in an order that changes one thing at a time (each change costs a frame), and the step ids (stable within a scenario) to check in each. */
  readonly looks: readonly { readonly look: Look; readonly steps: readonly string[] }[];
}

/** The step with the most numbered hops (the first of equals): where a scenario's picture is fullest. */
function busiestStep(id: string): string {
  const def = SCENARIOS.find((d) => d.id === id);
  if (def === undefined) throw new Error(`no scenario ${id}`);
  // The sandbox's own story is an empty cluster: it is looked at playing its example commands.
  const trace = runScenario(def, def.example ? { actions: def.example } : {});
  const trails = stepTrails(buildSchedule(trace));
  const steps = trace.events.flatMap((e) => (e.kind === 'step' ? [e] : []));
  let best = steps[0];
  for (const st of steps) if ((trails[st.index]?.hops.length ?? 0) > (trails[best?.index ?? 0]?.hops.length ?? 0)) best = st;
  return best?.id ?? '';
}

const CHOSEN = ['pod-creation', 'node-failure'];

const CASES: readonly Case[] = [
  {
    scenario: 'pod-creation',
    looks: [
      { look: ['dark', 'en'], steps: ['score'] },
      { look: ['dark', 'ko'], steps: ['score', 'running'] },
      { look: ['light', 'ko'], steps: ['score'] },
      { look: ['light', 'en'], steps: ['score', 'running'] },
    ],
  },
  {
    scenario: 'node-failure',
    looks: [
      { look: ['dark', 'en'], steps: ['taint', 'replace'] },
      { look: ['dark', 'ko'], steps: ['taint'] },
      { look: ['light', 'ko'], steps: ['taint', 'replace'] },
      { look: ['light', 'en'], steps: ['taint'] },
    ],
  },
  ...SCENARIOS.filter((d) => !CHOSEN.includes(d.id)).map((d): Case => {
    const step = busiestStep(d.id);
    const extra = (d.example ?? []).map((c) => `&do=${encodeURIComponent(`${c.at}~${c.command}`)}`).join('');
    return { scenario: d.id, ...(extra ? { extra } : {}), looks: [{ look: ['dark', 'en'], steps: [step] }, { look: ['light', 'ko'], steps: [step] }] };
  }),
];

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

async function show(app: AppPage, stepId: string, [theme, lang]: Look): Promise<void> {
  const { page } = app;
  await page.selectOption('[data-testid=theme]', theme);
  await page.click(`[data-lang=${lang}]`);
  const index = await page.evaluate((id) => window.__kubedeck?.player()?.steps.findIndex((s) => s.id === id) ?? -1, stepId);
  if (index < 0) {
    const ids = await page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => s.id).join(', '));
    throw new Error(`step "${stepId}" not found; the scenario has: ${String(ids)}. Update CASES in visual.test.ts.`);
  }
  await page.evaluate((i) => window.__kubedeck?.player()?.gotoStep(i), index);
  // gotoStep rendered synchronously; settle waits for glyph/icon work, which redraws itself.
  await settle(page);
}

describe.each(CASES)('$scenario looks as it did', ({ scenario, extra, looks }) => {
  let app: AppPage;
  beforeAll(async () => {
    app = await openApp(browser.context, `${base}?scenario=${scenario}&lang=en&theme=dark${extra ?? ''}`);
  });
  afterAll(async () => {
    expect(app.errors).toEqual([]);
    await app.page.close();
  });

  const flat = looks.flatMap(({ look, steps }) => steps.map((step) => ({ step, look })));
  it.each(flat)('step $step, $look.0 theme, $look.1', async ({ step, look }) => {
    await show(app, step, look);
    const name = `${scenario}-${step}-${look[0]}-${look[1]}.png`;
    const actual = await app.page.screenshot();
    const baselinePath = join(BASELINES, name);
    if (UPDATE) {
      writePng(baselinePath, actual);
      return;
    }
    if (!existsSync(baselinePath)) throw new Error(`no baseline ${name}: run \`UPDATE_BASELINES=1 npm run test:browser\`, look at it, commit it`);
    const result = comparePng(readFileSync(baselinePath), actual);
    if (result.ratio > MAX_RATIO) {
      writePng(join(RESULTS, name), actual);
      if (result.diff) writePng(join(RESULTS, name.replace('.png', '.diff.png')), result.diff);
    }
    expect(result.sameSize, `${name}: size changed`).toBe(true);
    expect(result.ratio, `${name}: ${result.differing} pixels differ (see test-results/visual/)`).toBeLessThanOrEqual(MAX_RATIO);
  });
});

describe('test/baselines', () => {
  it('holds a baseline for each case and nothing else (a renamed step leaves no stale image behind)', () => {
    const names = CASES.flatMap(({ scenario, looks }) => looks.flatMap(({ look, steps }) => steps.map((step) => `${scenario}-${step}-${look[0]}-${look[1]}.png`)));
    expect(readdirSync(BASELINES).filter((f) => f.endsWith('.png')).sort()).toEqual([...names].sort());
  });
});
