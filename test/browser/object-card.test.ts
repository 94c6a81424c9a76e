/**
 * Objects on stage open a card of their real fields, as a learner uses it: clicking a pod on a
 * deck, a shelf card or a node's name shows the values the trace stores at the moment shown (the
 * same state the stage draws); the card follows the player, says when the object is deleted, closes
 * with Esc, and shares the panel with the component card. A ref the trace never stores is ignored.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, settle, type AppPage } from './lib/app-page.ts';
import { findScenario } from '../../scenes/index.ts';
import type { K8sObject } from '../../src/model/objects.ts';
import type { DrawnObject, LabelBox, Stage } from '../../src/render/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import { objectAt } from '../../src/timeline/object-at.ts';
import { buildSchedule, eventCountAt, formatClock } from '../../src/timeline/schedule.ts';
import { stateAt } from '../../src/timeline/state.ts';

const base = inject('baseUrl');
let browser: Browser;
let app: AppPage;

const def = findScenario('rolling-update');
if (def === undefined) throw new Error('rolling-update');
const trace = runScenario(def);
const schedule = buildSchedule(trace);

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  app = await openApp(browser.context, `${base}?scenario=rolling-update&step=6&lang=en&theme=dark`);
  await settle(app.page);
});
afterAll(async () => {
  await browser.close();
});

/** The stage's drawn objects and texts now (after any relayout an opened card caused). */
async function drawn(page: Page): Promise<{ objects: DrawnObject[]; labels: LabelBox[] }> {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const stage = window.__kubedeck?.stage() as unknown as Stage | undefined;
    if (stage === undefined) throw new Error('no stage');
    return { objects: stage.objects(), labels: stage.labels() };
  });
}

/** A point of the canvas (CSS px) in page coordinates. */
async function onCanvas(page: Page, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await page.locator('[data-testid=stage] canvas').boundingBox();
  if (box === null) throw new Error('no canvas');
  return { x: box.x + x, y: box.y + y };
}

async function clickAt(page: Page, x: number, y: number): Promise<void> {
  const at = await onCanvas(page, x, y);
  await page.mouse.click(at.x, at.y);
}

/** What the trace stores at the moment the player shows. */
async function storedNow(page: Page): Promise<{ objects: ReadonlyMap<string, K8sObject>; count: number; time: number; simTime: number }> {
  const { time, simTime } = await page.evaluate(() => {
    const s = window.__kubedeck?.player()?.getState();
    return { time: s?.time ?? -1, simTime: s?.simTime ?? -1 };
  });
  const count = eventCountAt(schedule, time);
  return { objects: stateAt(trace, { eventCount: count }).objects, count, time, simTime };
}

const card = (page: Page) => page.locator('[data-testid=object-card]');
const fact = (page: Page, field: string): Promise<string> => page.locator(`[data-testid=object-card] .object__fact[data-field="${field}"] dd`).innerText();

describe('object cards', () => {
  it('a pod on a deck: pointer cursor, then a card with its node and IP as stored now; no component card', async () => {
    const { page } = app;
    const now = await storedNow(page);
    const { objects } = await drawn(page);
    // A pod of the rollout (not stored when the trace starts), scheduled and given an IP by now.
    const pod = objects.find((o) => {
      const stored = now.objects.get(`Pod/${o.name}`);
      return o.kind === 'Pod' && objectAt(trace, 0, `Pod/${o.name}`).status === 'not-yet' && stored?.kind === 'Pod' && stored.spec.nodeName !== undefined && stored.status?.podIP !== undefined;
    });
    if (pod === undefined) throw new Error('no new pod with a node and an IP on stage at step 6');
    const stored = now.objects.get(`Pod/${pod.name}`);
    if (stored?.kind !== 'Pod') throw new Error('not a pod');

    const centre = await onCanvas(page, pod.x + pod.w / 2, pod.y + pod.h / 2);
    await page.mouse.move(centre.x, centre.y);
    await expect.poll(() => page.evaluate(() => document.querySelector<HTMLCanvasElement>('[data-testid=stage] canvas')?.style.cursor)).toBe('pointer');
    await page.mouse.click(centre.x, centre.y);

    await expect.poll(() => card(page).isVisible()).toBe(true);
    expect(await card(page).getAttribute('data-ref')).toBe(`Pod/${pod.name}`);
    expect(await card(page).getAttribute('data-status')).toBe('present');
    // Only the pod's card: the kubelet or deck under it did not open the component card.
    expect(await page.locator('[data-testid=info-card]').isVisible()).toBe(false);
    expect(await page.locator('#object-title').innerText()).toContain(stored.metadata.name);
    expect(await fact(page, 'spec.nodeName')).toBe(stored.spec.nodeName);
    expect(await fact(page, 'status.podIP')).toBe(stored.status?.podIP);
    expect(await fact(page, 'status.phase')).toBe(stored.status?.phase);
    expect(await fact(page, 'Ready')).toBe(stored.status?.conditions?.find((c) => c.type === 'Ready')?.status);
    const yaml = await page.locator('[data-testid=object-yaml]').innerText();
    expect(yaml).toContain(`nodeName: ${stored.spec.nodeName ?? '?'}`);
    expect(yaml).toContain(`podIP: ${stored.status?.podIP ?? '?'}`);
    expect(yaml).toContain(`name: ${stored.metadata.ownerReferences?.[0]?.name ?? '?'}`);
    expect(await page.locator('[data-testid=object-when]').innerText()).toBe(`As stored at ${formatClock(now.simTime)} on the cluster clock (step 6)`);

    await page.keyboard.press('Escape');
    expect(await card(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=object-card]') === null)).toBe(true);
    expect(app.errors).toEqual([]);
  });

  it('a ReplicaSet on the shelf: its counts and template hash, following the player to the end', async () => {
    const { page } = app;
    const now = await storedNow(page);
    const { objects } = await drawn(page);
    const rs = objects.find((o) => o.kind === 'ReplicaSet');
    if (rs === undefined) throw new Error('no ReplicaSet card on the shelf');
    await clickAt(page, rs.x + rs.w / 2, rs.y + rs.h / 2);
    await expect.poll(() => card(page).getAttribute('data-ref')).toBe(`ReplicaSet/${rs.name}`);
    const ref = `ReplicaSet/${rs.name}`;
    const check = async (stored: K8sObject | undefined): Promise<void> => {
      if (stored?.kind !== 'ReplicaSet') throw new Error(`${ref} not stored`);
      expect(await fact(page, 'spec.replicas')).toBe(String(stored.spec.replicas));
      expect(await fact(page, 'status.readyReplicas')).toBe(String(stored.status?.readyReplicas ?? 0));
      expect(await fact(page, 'pod-template-hash')).toBe(stored.metadata.labels?.['pod-template-hash']);
      expect(await fact(page, 'deployment.kubernetes.io/revision')).toBe(stored.metadata.annotations?.['deployment.kubernetes.io/revision']);
    };
    await check(now.objects.get(ref));
    const before = await page.locator('[data-testid=object-when]').innerText();

    // The player moves on: the card reads the object again, at the new moment.
    await page.evaluate(() => window.__kubedeck?.player()?.end());
    const end = await storedNow(page);
    expect(end.count).toBeGreaterThan(now.count);
    await expect.poll(() => page.locator('[data-testid=object-when]').innerText()).not.toBe(before);
    expect(await page.locator('[data-testid=object-when]').innerText()).toContain(formatClock(end.simTime));
    await check(end.objects.get(ref));
  });

  it('a pod deleted by now says so, with how it looked last; a made-up ref changes nothing', async () => {
    const { page } = app;
    const end = await storedNow(page);
    const step6 = stateAt(trace, { eventCount: eventCountAt(schedule, schedule.steps[5]?.start ?? 0) });
    const gone = [...step6.objects.keys()].map((ref) => objectAt(trace, end.count, ref)).find((f) => f.status === 'deleted' && f.ref.startsWith('Pod/'));
    if (gone?.status !== 'deleted' || gone.last.kind !== 'Pod') throw new Error('no pod of step 6 is deleted by the end');
    expect(await page.evaluate((ref) => window.__kubedeck?.openObject(ref), gone.ref)).toBe(true);
    expect(await card(page).getAttribute('data-status')).toBe('deleted');
    expect(await page.locator('.object__banner').innerText()).toContain(`Deleted at ${formatClock(gone.deletedAt)}`);
    expect(await fact(page, 'spec.nodeName')).toBe(gone.last.spec.nodeName);

    for (const hostile of ['<img src=x onerror="window.__pwned=1">', 'Pod/default/no-such-pod', 'Node/worker-99', '__proto__', '']) {
      expect(await page.evaluate((ref) => window.__kubedeck?.openObject(ref), hostile), hostile).toBe(false);
    }
    // Still the deleted pod's card, and nothing from the made-up refs in the page.
    expect(await card(page).getAttribute('data-ref')).toBe(gone.ref);
    expect(await page.locator('[data-testid=object-card] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    await page.keyboard.press('Escape');
    expect(await card(page).isVisible()).toBe(false);
    // Hostile refs with no card open leave it closed.
    expect(await page.evaluate(() => window.__kubedeck?.openObject('Pod/default/<b>x</b>'))).toBe(false);
    expect(await card(page).isVisible()).toBe(false);
  });

  it('a node by its name; a component click then replaces the card (one panel at a time); Korean headings', async () => {
    const { page } = app;
    await page.evaluate(() => window.__kubedeck?.player()?.gotoStep(5));
    await settle(page);
    const now = await storedNow(page);
    const { labels } = await drawn(page);
    const name = labels.find((l) => l.text === 'worker-2');
    if (name === undefined) throw new Error('no worker-2 label');
    await clickAt(page, name.x + name.w / 2, name.y + name.h / 2);
    await expect.poll(() => card(page).getAttribute('data-ref')).toBe('Node/worker-2');
    expect(await card(page).isVisible()).toBe(true);
    const node = now.objects.get('Node/worker-2');
    if (node?.kind !== 'Node') throw new Error('Node/worker-2 not stored');
    expect(await fact(page, 'Ready')).toBe(node.status?.conditions?.find((c) => c.type === 'Ready')?.status);
    expect(await fact(page, 'status.allocatable')).toContain(`cpu: ${node.status?.allocatable?.cpu ?? '?'}`);

    const after = await drawn(page);
    const api = after.labels.find((l) => l.text === 'kube-apiserver');
    if (api === undefined) throw new Error('no kube-apiserver label');
    await clickAt(page, api.x + api.w / 2, api.y + api.h / 2);
    await expect.poll(() => page.locator('[data-testid=info-card]').isVisible()).toBe(true);
    expect(await card(page).isVisible()).toBe(false);

    await page.click('[data-lang=ko]');
    expect(await page.evaluate(() => window.__kubedeck?.openObject('Node/worker-2'))).toBe(true);
    expect(await page.locator('[data-testid=info-card]').isVisible()).toBe(false);
    expect(await page.locator('[data-testid=object-card] h3').first().innerText()).toBe('주요 필드');
    expect(await page.locator('[data-testid=object-when]').innerText()).toContain('클러스터 시계');
    // API field names stay as the API spells them.
    expect(await fact(page, 'Ready')).toBe(node.status?.conditions?.find((c) => c.type === 'Ready')?.status);
    expect(app.errors).toEqual([]);
  });
});
