/**
 * Focus on the story (stage.objects(): tokens are tagged story or background, trail badges by
 * number): in a step with story messages a background token never moves alone; paused at a step's
 * start, the numbered trail of its hops is on stage; B hides background traffic.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';
import { SCENARIOS, findScenario } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { stepTrails } from '../../src/timeline/trail.ts';
import type { DrawnObject, Stage } from '../../src/render/index.ts';

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

async function load(id: string, extra = ''): Promise<void> {
  const { page } = app;
  await page.goto(`${base}?scenario=${id}&lang=en&theme=dark${extra}`);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.stage()?.ready();
    window.__kubedeck?.player()?.pause();
  });
}

/** The drawn objects at each time (one round trip for all). */
async function drawnAt(times: readonly number[]): Promise<DrawnObject[][]> {
  return app.page.evaluate((ts) => {
    const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
    if (stage === undefined) throw new Error('no stage');
    return ts.map((t) => {
      stage.renderFrameAt(t);
      return stage.objects();
    });
  }, times);
}

const tokens = (objects: readonly DrawnObject[], name: 'story' | 'background'): number => objects.filter((o) => o.kind === 'token' && o.name === name && o.alpha > 0.01).length;

describe('focus on the story', () => {
  it.each(SCENARIOS.map((s) => s.id))('%s: background tokens never move alone in a step with story hops; the trail shows at each step start', async (id) => {
    const def = findScenario(id);
    if (def === undefined) throw new Error(id);
    const schedule = buildSchedule(runScenario(def));
    const trails = stepTrails(schedule);
    await load(id);
    const alone: string[] = [];
    const trailProblems: string[] = [];
    for (const [i, step] of schedule.steps.entries()) {
      const hops = trails[i]?.hops.length ?? 0;
      const n = 24;
      const times = Array.from({ length: n }, (_, k) => step.start + ((step.end - step.start) * (k + 0.5)) / n);
      const frames = await drawnAt([step.start, ...times]);
      const [atStart, ...during] = frames;
      // Paused at the step's start, before its first token leaves: badges 1..n.
      const badges = (atStart ?? []).filter((o) => o.kind === 'trail').map((o) => Number(o.name)).sort((a, b) => a - b);
      if (hops > 0 && (trails[i]?.firstStart ?? 0) > step.start && badges.join() !== Array.from({ length: hops }, (_, k) => k + 1).join()) trailProblems.push(`step ${i + 1}: badges [${badges.join()}] for ${hops} hops`);
      if (hops === 0) continue;
      during.forEach((objects, k) => {
        const bg = tokens(objects, 'background');
        if (bg > 0 && tokens(objects, 'story') === 0) alone.push(`step ${i + 1} (${step.id}) t=${times[k]?.toFixed(2)}: ${bg} background token(s), no story token`);
      });
    }
    expect(alone).toEqual([]);
    expect(trailProblems).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it("a controller's request leaves kube-controller-manager above that controller's chip (node-failure: the taint from node lifecycle, the eviction from taint-eviction)", async () => {
    const def = findScenario('node-failure');
    if (def === undefined) throw new Error('node-failure');
    const schedule = buildSchedule(runScenario(def));
    await load('node-failure');
    const chips = await app.page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as Stage;
      stage.renderFrameAt(0);
      return stage.labels().filter((l) => l.text === 'node lifecycle' || l.text === 'taint-eviction');
    });
    for (const [action, chipText] of [
      ['PATCH node (taint)', 'node lifecycle'],
      ['PATCH pod/status', 'taint-eviction'],
    ] as const) {
      const m = schedule.messages.find((x) => !x.background && x.event.from === 'kube-controller-manager' && x.event.action === action);
      if (m === undefined) throw new Error(`no story message ${action}`);
      const chip = chips.find((c) => c.text === chipText);
      if (chip === undefined) throw new Error(`no chip ${chipText}`);
      // Just after it leaves: the token is still at the card's top edge, over its controller's chip.
      const [objects] = await drawnAt([m.start + (m.end - m.start) * 0.02]);
      const story = (objects ?? []).filter((o) => o.kind === 'token' && o.name === 'story');
      const near = story.filter((o) => o.y + o.h / 2 < chip.y && o.y + o.h / 2 > chip.y - 80);
      expect(near.length, `${action}: a story token leaving kube-controller-manager`).toBeGreaterThan(0);
      // The chip's pill is wider than its words: the token is over the chip, within its width.
      const cx = (o: { x: number; w: number }): number => o.x + o.w / 2;
      expect(near.some((o) => cx(o) > chip.x - 80 && cx(o) < chip.x + chip.w + 80), `${action} over "${chipText}"`).toBe(true);
    }
  });

  it("a short hop has its label: the ReplicaSet controller's POST pod, from the chip right under kube-apiserver (node-failure)", async () => {
    const def = findScenario('node-failure');
    if (def === undefined) throw new Error('node-failure');
    const schedule = buildSchedule(runScenario(def));
    const m = schedule.messages.find((x) => !x.background && x.event.from === 'kube-controller-manager' && x.event.action === 'POST pod');
    if (m === undefined) throw new Error('no POST pod');
    await load('node-failure');
    const texts = await app.page.evaluate((t) => {
      const stage = window.__kubedeck?.stage() as unknown as Stage;
      stage.renderFrameAt(t);
      return stage.labels().map((l) => l.text);
    }, m.start + (m.end - m.start) * 0.3);
    // No side of the token has room between the two cards; beside the route's middle there is.
    expect(texts).toContain('POST pod');
  });

  it("node-failure: kube-controller-manager's line says the mark in the 'unknown' step and the taint in the 'taint' step (both begin in one pass)", async () => {
    await load('node-failure');
    const lines = await app.page.evaluate(() => {
      const stage = window.__kubedeck?.stage() as unknown as Stage;
      const steps = window.__kubedeck?.player()?.steps ?? [];
      const at = (id: string): string[] => {
        const st = steps.find((s) => s.id === id);
        if (st === undefined) return [];
        stage.renderFrameAt((st.start + st.end) / 2);
        return stage.labels().filter((l) => l.owner === 'kube-controller-manager' && l.text.startsWith('worker-2')).map((l) => l.text);
      };
      return { unknown: at('unknown'), taint: at('taint') };
    });
    expect(lines.unknown.join()).toMatch(/no heartbeat for .* Ready=Unknown/);
    expect(lines.taint.join()).toMatch(/NoExecute taint/);
  });

  it('B cycles background traffic: quiet (drawn), hidden (never drawn), shown', async () => {
    const def = findScenario('node-failure');
    if (def === undefined) throw new Error('node-failure');
    const schedule = buildSchedule(runScenario(def));
    // Moments with background traffic in flight outside the skips (a skip draws none: its clock jumps).
    const inSkip = (t: number): boolean => schedule.skips.some((s) => t >= s.start && t < s.end);
    const bgTimes = schedule.messages
      .filter((m) => m.background)
      .map((m) => (m.start + m.end) / 2)
      .filter((t) => !inSkip(t))
      .slice(0, 12);
    expect(bgTimes.length).toBeGreaterThan(0);
    const count = async (): Promise<number> => (await drawnAt(bgTimes)).reduce((sum, o) => sum + tokens(o, 'background'), 0);
    await load('node-failure');
    const quiet = await count();
    expect(quiet).toBeGreaterThan(0);
    await app.page.keyboard.press('b');
    expect(await count()).toBe(0);
    expect(new URL(app.page.url()).searchParams.get('background')).toBe('hide');
    await app.page.keyboard.press('b');
    expect(await count()).toBeGreaterThanOrEqual(quiet);
    await load('node-failure', '&background=hide');
    expect(await count()).toBe(0);
  });
});
