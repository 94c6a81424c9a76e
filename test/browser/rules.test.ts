/**
 * kube-proxy's rules on the ships (service-routing): no badge before the first sync; after the
 * "rules" step every node shows "web → 3" above its mast; after the resync, "web → 2". The badge
 * is whole (never cut), inside its ship, and covers no other text (ship names, Ready, pods). In a
 * 560x315 embed the mast card shows the short form "→3".
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, type AppPage } from './lib/app-page.ts';
import { labelProblems } from './lib/labels.ts';
import type { DrawnObject, LabelBox, Stage } from '../../src/render/index.ts';

const base = inject('baseUrl');
const NODES = ['worker-1', 'worker-2', 'worker-3'];
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=service-routing&lang=en&theme=dark`);
});
afterAll(async () => {
  await browser.close();
});

interface Span {
  readonly id: string;
  readonly start: number;
  readonly end: number;
}

async function load(page: Page, url: string): Promise<Span[]> {
  await page.goto(url);
  await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
  await page.evaluate(async () => {
    await window.__kubedeck?.ready;
    window.__kubedeck?.player()?.pause();
    await window.__kubedeck?.stage()?.ready();
    await document.fonts.ready;
  });
  return page.evaluate(() => window.__kubedeck?.player()?.steps.map((s) => ({ id: s.id, start: s.start, end: s.end })) ?? []);
}

async function drawnAt(page: Page, t: number): Promise<{ objects: DrawnObject[]; labels: LabelBox[]; width: number; height: number }> {
  return page.evaluate((time) => {
    const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
    if (stage === undefined) throw new Error('no stage');
    stage.renderFrameAt(time);
    const r = stage.canvas.getBoundingClientRect();
    return { objects: stage.objects(), labels: stage.labels(), width: r.width, height: r.height };
  }, t);
}

const span = (steps: readonly Span[], id: string): Span => {
  const s = steps.find((x) => x.id === id);
  if (s === undefined) throw new Error(`no step ${id}`);
  return s;
};

/** Each node's badge text (the labels drawn by `rules/<node>`). */
const badges = (labels: readonly LabelBox[]): Record<string, string> => Object.fromEntries(labels.filter((l) => l.owner.startsWith('rules/')).map((l) => [l.owner.slice('rules/'.length), l.text]));

const inside = (a: DrawnObject, b: DrawnObject): boolean => a.x >= b.x - 1 && a.y >= b.y - 1 && a.x + a.w <= b.x + b.w + 1 && a.y + a.h <= b.y + b.h + 1;
const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }): boolean => Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > 1 && Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > 1;

/** The badges are whole, sit in their ship, and cover no text and no pod. */
function checkPlacement(frame: { objects: DrawnObject[]; labels: LabelBox[]; width: number; height: number }): void {
  const rules = frame.objects.filter((o) => o.kind === 'rules');
  for (const r of rules) {
    const ship = frame.objects.find((o) => o.kind === 'Node' && o.name === r.name);
    expect(ship && inside(r, ship), `rules/${r.name} inside its ship`).toBe(true);
    for (const pod of frame.objects.filter((o) => o.kind === 'Pod')) expect(overlap(r, pod), `rules/${r.name} covers ${pod.name}`).toBe(false);
    for (const l of frame.labels.filter((x) => x.owner !== `rules/${r.name}`)) expect(overlap(r, l), `rules/${r.name} covers "${l.text}" (${l.owner})`).toBe(false);
  }
  const own = frame.labels.filter((l) => l.owner.startsWith('rules/'));
  for (const l of own) expect(l.text, 'never cut').not.toContain('…');
  expect(labelProblems(own, frame.width, frame.height, 11)).toEqual([]);
}

describe('kube-proxy rules badges', () => {
  it('1280x720: none before the first sync, "web → 3" on every node after the rules step, "web → 2" after the resync', async () => {
    const { page } = app;
    const steps = await load(page, `${base}?scenario=service-routing&lang=en&theme=dark`);
    const before = await drawnAt(page, span(steps, 'cluster-ip').end - 0.05);
    expect(before.objects.filter((o) => o.kind === 'rules')).toEqual([]);
    expect(badges(before.labels)).toEqual({});

    const rules = span(steps, 'rules');
    const afterRules = await drawnAt(page, rules.end - 0.05);
    expect(afterRules.objects.filter((o) => o.kind === 'rules').map((o) => o.name).sort()).toEqual(NODES);
    expect(badges(afterRules.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'web → 3'])));
    checkPlacement(afterRules);

    const notReady = await drawnAt(page, span(steps, 'slice-update').end - 0.05);
    expect(badges(notReady.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'web → 3'])));
    const resynced = await drawnAt(page, span(steps, 'resync').end - 0.05);
    expect(badges(resynced.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'web → 2'])));
    checkPlacement(resynced);
    expect(app.errors).toEqual([]);
  });

  it('ipvs mode, in Korean: "IPVS web → 3"', async () => {
    const { page } = app;
    const steps = await load(page, `${base}?scenario=service-routing&lang=ko&theme=light&proxyMode=ipvs`);
    const frame = await drawnAt(page, span(steps, 'rules').end - 0.05);
    expect(badges(frame.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'IPVS web → 3'])));
    checkPlacement(frame);
  });

  it('nftables mode: "nft web → 3"', async () => {
    const { page } = app;
    const steps = await load(page, `${base}?scenario=service-routing&lang=en&theme=dark&proxyMode=nftables`);
    const frame = await drawnAt(page, span(steps, 'rules').end - 0.05);
    expect(badges(frame.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, 'nft web → 3'])));
    checkPlacement(frame);
  });

  it('a 560x315 embed: the mast cards show "→3", then "→2"', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 560, height: 315 });
    const steps = await load(page, `${base}embed.html?scenario=service-routing&lang=en&theme=dark`);
    const frame = await drawnAt(page, span(steps, 'rules').end - 0.05);
    expect(badges(frame.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, '→3'])));
    checkPlacement(frame);
    const resynced = await drawnAt(page, span(steps, 'resync').end - 0.05);
    expect(badges(resynced.labels)).toEqual(Object.fromEntries(NODES.map((n) => [n, '→2'])));
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
