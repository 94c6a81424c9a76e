/**
 * The app in headless Chromium, the way a learner or a speaker uses it: it loads cleanly, steps
 * change the caption and the picture, a seek shows what playing shows, keys and links work, and
 * a bad link gets a friendly message instead of a broken page.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { captionText, openApp, playerState, settle, stageShot, waitPaused } from './lib/app-page.ts';
import { comparePng } from './lib/images.ts';
import { expectCaptionRanLive, logFromNow, logFromStart, longestGap, readLog, type LiveLog } from './lib/live-log.ts';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  // Smaller than the visual tests' 1280x720: software WebGL costs per pixel, and these checks
  // are about behaviour.
  browser = await launch({ width: 960, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

describe('kubedeck in the browser', () => {
  it('opens pod-creation by default without console errors', async () => {
    const { page, errors } = await openApp(browser.context, base);
    expect(await page.locator('[data-testid=scenario-title]').innerText()).toMatch(/pod/i);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('pod-creation');
    expect(await page.locator('[data-testid=stage] canvas').count()).toBe(1);
    expect(await captionText(page)).not.toBe('');
    expect(await page.locator('[data-testid=notice]').isVisible()).toBe(false);
    // Glossary hint: hovering a marked term shows its definition; Esc hides it.
    const term = page.locator('[data-testid=caption] .term').first();
    await term.hover();
    const tip = page.locator('#glossary-tip');
    expect(await tip.isVisible()).toBe(true);
    expect((await tip.innerText()).length).toBeGreaterThan(40);
    expect(await term.getAttribute('aria-describedby')).toBe('glossary-tip');
    await page.keyboard.press('Escape');
    expect(await tip.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a Korean caption keeps a term and its particle on one line ("kube-apiserver에" never breaks after the term)', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=ko&theme=dark`);
    const words = await page.$$eval('[data-testid=caption] .term-word', (spans) => spans.map((w) => ({ text: w.textContent, lines: new Set([...w.getClientRects()].map((r) => Math.round(r.top))).size })));
    // Step 1 says "…출입구인 kube-apiserver에 POST…": the term with its particle.
    expect(words.some((w) => w.text === 'kube-apiserver에')).toBe(true);
    expect(words.filter((w) => w.lines !== 1)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a command quoted in a caption wraps only between its words ("-f" never split from "web.yaml")', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-spreading&lang=en&theme=dark`);
    const words = await page.$$eval('[data-testid=caption] .caption__code .caption__word', (spans) => spans.map((w) => ({ text: w.textContent, lines: new Set([...w.getClientRects()].map((r) => Math.round(r.top))).size })));
    expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['kubectl', 'apply', '-f', 'web.yaml']));
    expect(words.filter((w) => w.lines !== 1)).toEqual([]);
    // Copied, it is the command as written.
    expect(await page.$eval('[data-testid=caption] .caption__code', (c) => c.textContent)).toBe('kubectl apply -f web.yaml');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('steps forward and back: the caption and the picture change', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
    await settle(page);
    const caption1 = await captionText(page);
    const shot1 = await stageShot(page);
    await page.evaluate(() => window.__kubedeck?.player()?.setSpeed(4));
    // "Next step" plays step 1 through (pausing at its end), then step 2.
    await page.click('[data-action=stepForward]');
    await waitPaused(page);
    expect((await playerState(page)).step).toBe(0);
    await page.click('[data-action=stepForward]');
    await waitPaused(page);
    await settle(page);
    expect((await playerState(page)).step).toBe(1);
    expect(await page.locator('[data-testid=step-counter]').innerText()).toMatch(/^Step 2 of \d+$/);
    const caption2 = await captionText(page);
    expect(caption2).not.toBe(caption1);
    const moved = comparePng(shot1, await stageShot(page));
    expect(moved.differing).toBeGreaterThan(500);
    // Back: to step 2's start, then to step 1's start.
    await page.click('[data-action=stepBack]');
    expect(await playerState(page)).toMatchObject({ step: 1, playing: false });
    await page.click('[data-action=stepBack]');
    await settle(page);
    expect(await captionText(page)).toBe(caption1);
    expect(comparePng(shot1, await stageShot(page)).ratio).toBeLessThan(0.002);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a seek shows exactly the frame that playing reaches', async () => {
    // Play (4x) into step 2 and pause wherever the ticker stopped, without re-rendering...
    const played = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
    await played.page.evaluate(() => {
      const player = window.__kubedeck?.player();
      player?.setSpeed(4);
      player?.play();
    });
    await played.page.waitForFunction(() => (window.__kubedeck?.player()?.getState().step ?? 0) >= 1, undefined, { timeout: 60_000 });
    await settle(played.page);
    const { time, step } = await playerState(played.page);
    expect(step).toBeGreaterThanOrEqual(1);
    expect(time).toBeGreaterThan(0);
    const playedShot = await stageShot(played.page);
    // ...then open a fresh page and seek straight there.
    const sought = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
    await sought.page.evaluate((t) => window.__kubedeck?.player()?.seek(t), time);
    await settle(sought.page);
    const result = comparePng(playedShot, await stageShot(sought.page));
    expect(result.sameSize).toBe(true);
    expect(result.ratio).toBeLessThan(0.001);
    expect([...played.errors, ...sought.errors]).toEqual([]);
    await played.page.close();
    await sought.page.close();
  });

  it('answers the keyboard: Space, arrows, Home/End, +/-, Esc', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en`);
    const last = (await playerState(page)).steps - 1;
    await page.keyboard.press('Space');
    expect((await playerState(page)).playing).toBe(true);
    await page.keyboard.press('Space');
    expect((await playerState(page)).playing).toBe(false);
    await page.evaluate(() => window.__kubedeck?.player()?.gotoStep(2));
    // → plays the step (presenter pacing: test/browser/pacing.test.ts); ← goes back a step.
    await page.keyboard.press('ArrowRight');
    expect(await playerState(page)).toMatchObject({ step: 2, playing: true });
    // (Within a quarter second of a step's start, ← counts as being at its start.)
    await page.waitForFunction(() => {
      const p = window.__kubedeck?.player();
      return (p?.getState().time ?? 0) > (p?.steps[2]?.start ?? 0) + 0.3;
    });
    await page.keyboard.press('ArrowLeft');
    expect(await playerState(page)).toMatchObject({ step: 2, playing: false });
    await page.keyboard.press('ArrowLeft');
    expect(await playerState(page)).toMatchObject({ step: 1, playing: false });
    // On the focused scrubber, arrows still mean "step".
    await page.focus('[data-testid=scrubber]');
    await page.keyboard.press('ArrowRight');
    expect(await playerState(page)).toMatchObject({ step: 1, playing: true });
    await page.keyboard.press('End');
    expect(await playerState(page)).toMatchObject({ step: last, playing: false });
    await page.keyboard.press('Home');
    expect(await playerState(page)).toMatchObject({ step: 0, playing: false });
    await page.keyboard.press('+');
    expect((await playerState(page)).speed).toBe(1.5);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    expect((await playerState(page)).speed).toBe(0.5);
    expect(await page.locator('[data-testid=speed]').inputValue()).toBe('0.5');
    // Info card: open from the component list, Esc closes it and focus comes back.
    await page.click('[data-action=open-components]');
    const card = page.locator('[data-testid=info-card]');
    expect(await card.isVisible()).toBe(true);
    expect(await card.innerText()).toContain('/etc/kubernetes/manifests/kube-apiserver.yaml');
    await page.click('[data-component="kubelet/worker-1"]');
    expect(await page.locator('[data-testid=info-body]').innerText()).toContain('systemctl status kubelet');
    await page.keyboard.press('Escape');
    expect(await card.isVisible()).toBe(false);
    // Visible focus: Tab reaches a control that draws a focus ring.
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'));
    expect(outline).not.toBe('none');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('keeps the view in the URL and reopens it from a link', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=node-failure&step=3&lang=ko&theme=light&k8s=1.31`);
    expect((await playerState(page)).step).toBe(2);
    expect(await captionText(page)).toMatch(/[가-힣]/);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dataset['theme']])).toEqual(['ko', 'light']);
    // → plays step 3 to its end, → again plays step 4 (and the link follows at once).
    await page.evaluate(() => window.__kubedeck?.player()?.setSpeed(4));
    await page.keyboard.press('ArrowRight');
    await waitPaused(page);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.click('[data-lang=en]');
    await page.selectOption('[data-testid=theme]', 'contrast');
    const query = new URL(page.url()).searchParams;
    expect([query.get('scenario'), query.get('step'), query.get('lang'), query.get('theme'), query.get('k8s')]).toEqual(['node-failure', '4', 'en', 'contrast', '1.31']);
    const caption = await captionText(page);
    expect(caption).not.toMatch(/[가-힣]/);
    const again = await openApp(browser.context, page.url());
    expect((await playerState(again.page)).step).toBe(3);
    expect(await captionText(again.page)).toBe(caption);
    expect(await again.page.evaluate(() => document.documentElement.dataset['theme'])).toBe('contrast');
    expect([...errors, ...again.errors]).toEqual([]);
    await page.close();
    await again.page.close();
  });

  it('meets a bad link with a friendly message and the picker, and goes on', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=%3Cimg%20src%3Dx%3E&step=abc&lang=xx&theme=neon&k8s=9.9`);
    const picker = page.locator('[data-testid=picker]');
    expect(await picker.isVisible()).toBe(true);
    const notice = await page.locator('[data-testid=notice]').innerText();
    expect(notice).toContain('<img src=x>');
    expect(notice).toMatch(/no scenario called/);
    expect(notice).toMatch(/Step “abc”/);
    expect(notice).toMatch(/Unknown language “xx”/);
    expect(notice).toMatch(/Unknown theme “neon”/);
    expect(notice).toMatch(/9\.9/);
    expect(notice).toMatch(/1\.31, 1\.32, 1\.33, 1\.34, 1\.35, 1\.36, 1\.37/);
    expect(await page.locator('img').count()).toBe(0);
    // Pick a scenario from the picker: the app plays it.
    await page.click('[data-scenario=node-failure]');
    await page.click('[data-action=open-scenario]');
    expect(await picker.isVisible()).toBe(false);
    // Its code loads when first shown (scenes/registry.ts): the link follows once it is on stage.
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'node-failure');
    await page.keyboard.press('ArrowRight');
    expect(await playerState(page)).toMatchObject({ step: 0, playing: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("tucks a link's notice into the top bar once the story moves on, and opens it again from there", async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=xx`);
    const panel = page.locator('[data-testid=notice]');
    const reopen = page.locator('[data-testid=notice-reopen]');
    expect(await panel.isVisible()).toBe(true);
    expect(await reopen.isVisible()).toBe(false);
    // The first step: the panel (over kube-apiserver) steps aside; the top bar keeps it.
    await page.keyboard.press('ArrowRight');
    expect(await panel.isVisible()).toBe(false);
    expect(await reopen.isVisible()).toBe(true);
    expect(await reopen.innerText()).toBe('That link needed a small fix');
    expect(await page.locator('header [data-testid=notice-reopen]').count()).toBe(1);
    // In the other language it stays tucked, in that language.
    await page.click('[data-lang=ko]');
    await page.waitForFunction(() => document.documentElement.lang === 'ko');
    expect(await panel.isVisible()).toBe(false);
    expect(await reopen.innerText()).toBe('링크를 조금 고쳐서 열었습니다');
    await reopen.click();
    expect(await panel.isVisible()).toBe(true);
    expect(await panel.innerText()).toMatch(/xx/);
    expect(await reopen.isVisible()).toBe(false);
    // The scrubber tucks it too; Esc closes it for good.
    const bar = await page.locator('[data-testid=scrubber]').boundingBox();
    if (!bar) throw new Error('no scrubber');
    await page.mouse.click(bar.x + bar.width * 0.5, bar.y + bar.height / 2);
    expect(await panel.isVisible()).toBe(false);
    expect(await reopen.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    expect(await reopen.isVisible()).toBe(false);
    expect(await panel.isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('after a scenario is chosen with the mouse, Space plays it (focus is on the stage, not the picker button)', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en`);
    const picker = page.locator('[data-testid=picker]');
    await page.click('[data-action=open-picker]');
    expect(await picker.isVisible()).toBe(true);
    await page.click('[data-scenario=node-failure]');
    await page.click('[data-action=open-scenario]');
    expect(await picker.isVisible()).toBe(false);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'stage');
    await page.keyboard.press('Space');
    expect(await picker.isVisible()).toBe(false);
    expect(await playerState(page)).toMatchObject({ playing: true });
    // Closed without choosing (Esc): Space plays too.
    await page.keyboard.press('Space');
    await page.click('[data-action=open-picker]');
    await page.keyboard.press('Escape');
    expect(await picker.isVisible()).toBe(false);
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'stage');
    await page.keyboard.press('Space');
    expect(await picker.isVisible()).toBe(false);
    expect(await playerState(page)).toMatchObject({ playing: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says it in Korean when the link asks for Korean', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?lang=ko&scenario=nope&replicas=x`);
    expect(await page.locator('[data-testid=picker]').isVisible()).toBe(true);
    expect(await page.locator('[data-testid=notice]').innerText()).toMatch(/“nope”라는 시나리오는 없습니다/);
    await page.keyboard.press('Escape');
    expect(await page.locator('[data-testid=picker]').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });
});

/**
 * A scenario whose run takes seconds (zone-outage's thousands of replicas) runs in slices: the
 * page keeps painting and taking clicks, the caption (or the command bar) says how far the
 * cluster's clock got, and a newer choice stops the run.
 */
/** The most the picker allows: 6,300 replicas, a run of seconds, well over the gap allowed. */
const BIG = { nodes: '210', perNode: '30' } as const;
/**
 * The longest stretch without a frame, as a share of the whole run: a run that holds the page is
 * one stretch (all of it); in slices of ~50 ms, the longest is its start (building the cluster,
 * under a tenth), or a shared machine's stall.
 */
const LIVE_SHARE = 0.5;

/**
 * A long run as the page showed it: `startText`, then `drawingText` a while later with frames all
 * along (the longest stretch without one under LIVE_SHARE of the run), then the layout, with frames
 * all along it too, then a frame that showed the drawing words before the text `isEnd` picks.
 */
function expectLiveRun(log: LiveLog, startText: string, drawingText: string, isEnd: (text: string, at: number, drawingAt: number) => boolean): void {
  const texts = JSON.stringify(log.texts.map((c) => c.text));
  const start = log.texts.find((c) => c.text === startText);
  const drawing = log.texts.find((c) => c.text === drawingText);
  const end = log.texts.find((c) => drawing !== undefined && isEnd(c.text, c.at, drawing.at));
  expect(start, texts).toBeDefined();
  expect(drawing, texts).toBeDefined();
  expect(end, texts).toBeDefined();
  if (start === undefined || drawing === undefined || end === undefined) return;
  // The simulation took a while, and frames kept coming through it; then the words about drawing
  // reached the screen before the stage laid the big trace out.
  expect(drawing.at - start.at).toBeGreaterThan(400);
  expect(longestGap(log.frames, start.at, drawing.at)).toBeLessThan(LIVE_SHARE * (drawing.at - start.at));
  expect(log.frames.some((f) => f > drawing.at && f < end.at)).toBe(true);
  // Laying 6,300 replicas out takes about a second here; in slices, frames came all along it.
  const laidOut = log.laidOut.find((at) => at > drawing.at && at < end.at);
  expect(laidOut, JSON.stringify(log.laidOut)).toBeDefined();
  if (laidOut === undefined) return;
  expect(laidOut - drawing.at).toBeGreaterThan(200);
  expect(longestGap(log.frames, drawing.at, laidOut)).toBeLessThan(LIVE_SHARE * (laidOut - drawing.at));
}

async function pickZoneOutage(page: Page, nodes: string, perNode: string): Promise<void> {
  await page.click('[data-action=open-picker]');
  await page.click('[data-scenario=zone-outage]');
  await page.fill('#param-nodes', nodes);
  await page.dispatchEvent('#param-nodes', 'change');
  await page.fill('#param-perNode', perNode);
  await page.dispatchEvent('#param-perNode', 'change');
  await page.click('[data-action=open-scenario]');
}

describe('a long run', () => {
  it('from the picker: the page keeps painting, the caption says how far the cluster got, then the story shows', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en`);
    await logFromNow(page, '[data-testid=caption]');
    await pickZoneOutage(page, BIG.nodes, BIG.perNode);
    // Keys while it prepares: the old scenario holds still (its caption would take turns with the progress).
    await page.waitForFunction(() => /its clock is at/.test(document.querySelector('[data-testid=caption]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    for (const key of ['Space', 'End', 'ArrowRight']) await page.keyboard.press(key);
    expect(await page.evaluate(() => window.__kubedeck?.player()?.getState().playing)).toBe(false);
    expect(await page.locator('[data-testid=scrubber]').isDisabled()).toBe(true);
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'zone-outage' && url.searchParams.get('nodes') === BIG.nodes, { timeout: 90_000 });
    expect(await captionText(page)).toMatch(/6,300 replicas of "web" on 210 nodes/);
    const log = await readLog(page);
    expectLiveRun(log, 'Preparing the cluster…', 'Drawing the cluster…', (text) => text.includes('6,300 replicas'));
    const firstProgress = log.texts.findIndex((c) => c.text.startsWith('Preparing the cluster…'));
    const drawn = log.texts.findIndex((c) => c.text === 'Drawing the cluster…');
    expect(log.texts.slice(firstProgress, drawn).every((c) => c.text.startsWith('Preparing the cluster…')), JSON.stringify(log.texts.map((c) => c.text))).toBe(true);
    // How far the run got, in the cluster's clock, before the drawing words.
    const drawingAt = log.texts.find((c) => c.text === 'Drawing the cluster…')?.at ?? 0;
    const progress = log.texts.filter((c) => c.at < drawingAt && /^Preparing the cluster… its clock is at \d\d:\d\d$/.test(c.text));
    expect(progress.length, JSON.stringify(log.texts.map((c) => c.text))).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a newer choice stops it: the other scenario shows, and the big one never does', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=ko`);
    const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
    await logFromNow(page, '[data-testid=caption]');
    // The learner picks node-failure the moment the caption says how far the big run got: so
    // surely while it runs (the clicks land between two of its slices).
    await page.evaluate(() => {
      const caption = document.querySelector('[data-testid=caption]');
      const click = (selector: string): void => (document.querySelector(selector) as HTMLElement | null)?.click();
      const watch = new MutationObserver(() => {
        if (!/클러스터 시계 \d\d:\d\d까지 진행/.test(caption?.textContent ?? '')) return;
        watch.disconnect();
        // What a screen reader hears (once) and the clock it is spared (shown, aria-hidden).
        (window as unknown as { __progress: unknown }).__progress = {
          spoken: caption?.firstChild?.nodeType === Node.TEXT_NODE ? caption.firstChild.textContent : null,
          hidden: caption?.querySelector('[aria-hidden="true"]')?.textContent ?? null,
        };
        click('[data-action=open-picker]');
        click('[data-scenario=node-failure]');
        click('[data-action=open-scenario]');
      });
      if (caption) watch.observe(caption, { childList: true, subtree: true, characterData: true });
    });
    await pickZoneOutage(page, BIG.nodes, BIG.perNode);
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'node-failure', { timeout: 60_000 });
    // Long enough for the big run to have ended and shown, had it gone on.
    await page.waitForTimeout(5000);
    const texts = (await readLog(page)).texts.map((c) => c.text);
    expect(texts.some((c) => /클러스터 시계 \d\d:\d\d까지 진행/.test(c)), JSON.stringify(texts)).toBe(true);
    const progress = (await page.evaluate(() => (window as unknown as { __progress: unknown }).__progress)) as { spoken: string | null; hidden: string | null };
    expect(progress.spoken).toBe('클러스터를 준비하는 중…');
    expect(progress.hidden).toMatch(/^ 클러스터 시계 \d\d:\d\d까지 진행$/);
    expect(texts.some((c) => c.includes('6,300')), JSON.stringify(texts)).toBe(false);
    // Nothing more from the big run once node-failure is on stage: it stopped, not just went unshown.
    const shown = texts.findIndex((c) => c.startsWith('정상 클러스터'));
    expect(shown, JSON.stringify(texts)).toBeGreaterThan(0);
    expect(texts.slice(shown).some((c) => c.includes('클러스터 시계')), JSON.stringify(texts)).toBe(false);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('node-failure');
    expect(await page.evaluate(() => window.__kubedeck?.loads() ?? 0)).toBe(loads + 1);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a command in a big cluster: the bar says the run is under way and how far, frames keep coming, then it clears', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=${BIG.nodes}&perNode=${BIG.perNode}&lang=en`);
    const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
    await logFromNow(page, '[data-testid=command-message]');
    await page.fill('[data-testid=command-input]', 'wait 10s');
    await page.press('[data-testid=command-input]', 'Enter');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, loads, { timeout: 90_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent === '');
    expect(await page.inputValue('[data-testid=command-input]')).toBe('');
    const log = await readLog(page);
    // It ends when the bar clears after the drawing words.
    expectLiveRun(log, 'Running the cluster again with your command…', 'Drawing the run with your command…', (text, at, drawingAt) => at > drawingAt && text === '');
    // How far, against how long the run before went (a scale for the wait).
    expect(log.texts.some((c) => /^Running the cluster again with your command… its clock is at \d\d:\d\d; the run before ended at \d\d:\d\d · Esc stops it$/.test(c.text)), JSON.stringify(log.texts.map((c) => c.text))).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('a sandbox command asking for thousands of replicas runs in slices too, and so does the next command on that big cluster', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=5&lang=en`);
    const submit = async (line: string): Promise<LiveLog> => {
      const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
      await logFromNow(page, '[data-testid=command-message]');
      await page.fill('[data-testid=command-input]', line);
      await page.press('[data-testid=command-input]', 'Enter');
      await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, loads, { timeout: 90_000 });
      await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent === '');
      return readLog(page);
    };
    for (const line of ['kubectl create deployment web --image=nginx:1.27 --replicas=3000', 'wait 10s']) {
      const log = await submit(line);
      const texts = JSON.stringify(log.texts.map((c) => c.text));
      // The bar said the run was under way (and how far), then that it was being drawn, frames coming all along.
      const start = log.texts.find((c) => c.text.startsWith('Running the cluster again with your command…'));
      const drawing = log.texts.find((c) => c.text === 'Drawing the run with your command…');
      expect(start, texts).toBeDefined();
      expect(drawing, texts).toBeDefined();
      expect(log.laidOut.some((at) => drawing !== undefined && at > drawing.at), texts).toBe(true);
      if (start === undefined || drawing === undefined) return;
      expect(longestGap(log.frames, start.at, drawing.at)).toBeLessThan(LIVE_SHARE * Math.max(400, drawing.at - start.at));
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it('a command given while a long run is under way waits its turn and then runs (it was ignored, then cleared)', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=5&lang=en`);
    const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
    await page.fill('[data-testid=command-input]', 'kubectl create deployment web --image=nginx:1.27 --replicas=3000');
    await page.press('[data-testid=command-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent?.startsWith('Running the cluster again') === true);
    await page.fill('[data-testid=command-input]', 'wait 5s');
    await page.press('[data-testid=command-input]', 'Enter');
    // The bar says the line waits, and keeps it.
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent?.includes('next: wait 5s') === true);
    expect(await page.inputValue('[data-testid=command-input]')).toBe('wait 5s');
    // Both runs land, in order; the bar ends empty.
    await page.waitForFunction((n) => (window.__kubedeck?.loads() ?? 0) >= n + 2, loads, { timeout: 120_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent === '', undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => window.__kubedeck?.view().actions?.map((a) => a.command))).toEqual(['kubectl create deployment web --image=nginx:1.27 --replicas=3000', 'wait 5s']);
    expect(await page.inputValue('[data-testid=command-input]')).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('Esc stops a long what-if: the command does not run, the stage stays as it was, the line stays in the bar', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=sandbox&nodes=5&lang=en`);
    const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
    const line = 'kubectl create deployment web --image=nginx:1.27 --replicas=3000';
    await page.fill('[data-testid=command-input]', line);
    await page.press('[data-testid=command-input]', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent?.includes('Esc stops it') === true);
    // The footer's keys say what works meanwhile, not "Space play" for a player that is held.
    const keys = page.locator('.footer__keys');
    expect(await keys.innerText()).toMatch(/^Keys: Esc stops this run/);
    await page.press('[data-testid=command-input]', 'Escape');
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent?.startsWith('Stopped') === true, undefined, { timeout: 30_000 });
    // Nothing was loaded, no command was taken, the player works again.
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => window.__kubedeck?.loads() ?? 0)).toBe(loads);
    expect(await page.evaluate(() => window.__kubedeck?.view().actions?.length ?? 0)).toBe(0);
    expect(await page.inputValue('[data-testid=command-input]')).toBe(line);
    expect(await page.locator('[data-action=play]').isDisabled()).toBe(false);
    expect(await keys.innerText()).toMatch(/Space play on\/pause/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a link whose commands ask for thousands of replicas opens in slices: the caption says how far, frames keep coming', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // From the first script on (the run starts before the page is ready): every frame, every caption text.
    await logFromStart(page, '[data-testid=caption]');
    const command = encodeURIComponent('kubectl create deployment web --image=nginx:1.27 -r 3000');
    await page.goto(`${base}?scenario=sandbox&nodes=5&lang=en&do=0~${command}`);
    await page.waitForFunction(() => (window.__kubedeck?.loads() ?? 0) > 0, undefined, { timeout: 90_000 });
    const log = await readLog(page);
    expectCaptionRanLive(log, LIVE_SHARE);
    // The what-if is the one on stage, its command in the list.
    expect(await page.evaluate(() => window.__kubedeck?.view().actions?.length)).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);

  it("the legend says so when its contents cannot load, and loads them at the next opening", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Its contents are a chunk of their own, asked for at the first opening: cut off, then back.
    await page.route(/legend-body-[^/]*\.js$/, (route) => route.abort());
    await page.goto(`${base}?scenario=pod-creation&lang=en&theme=dark`);
    await page.waitForFunction(() => window.__kubedeck?.player() !== undefined, undefined, { timeout: 30_000 });
    await page.keyboard.press('?');
    const legend = page.locator('[data-testid=legend]');
    await legend.locator('.legend__failed').waitFor();
    expect(await legend.innerText()).toContain('The legend could not load');
    await page.unroute(/legend-body-[^/]*\.js$/);
    await page.keyboard.press('?');
    await page.keyboard.press('?');
    await legend.locator('[data-token]').first().waitFor();
    expect(await legend.locator('.legend__failed').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the legend explains the node tiles while a big cluster is drawn as tiles, and only then', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=30&perNode=1&lang=ko`);
    await page.keyboard.press('?');
    const legend = page.locator('[data-testid=legend]');
    expect(await legend.isVisible()).toBe(true);
    // Its contents load when it first opens.
    await legend.locator('[data-tile]').first().waitFor();
    expect(await legend.locator('[data-tile]').count()).toBe(9);
    expect(await legend.locator('[data-tile=filter]').innerText()).toMatch(/필터에서 탈락한 노드에는 빨간 X/);
    expect(await legend.locator('[data-tile=terminating]').innerText()).toMatch(/Terminating 파드: 속이 빈 사각형/);
    expect(await legend.innerText()).toMatch(/대규모 클러스터: 타일로 그린 노드/);
    expect(await legend.locator('[data-tile=noExecute]').innerText()).toMatch(/NoExecute 테인트: 모서리의 빨간 삼각형/);
    // The stage yields the legend its room: over the stage it hid the very tiles it explains.
    await page.waitForFunction(() => {
      const stage = document.querySelector('[data-testid=stage]')?.getBoundingClientRect();
      const panel = document.querySelector('[data-testid=legend]')?.getBoundingClientRect();
      return stage !== undefined && panel !== undefined && stage.right <= panel.left;
    });
    await page.keyboard.press('?');
    // The same page, pod-creation from the picker: ships again, no tile entries.
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=pod-creation]');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'pod-creation');
    await page.keyboard.press('?');
    expect(await legend.isVisible()).toBe(true);
    await legend.locator('[data-token]').first().waitFor();
    expect(await legend.locator('[data-tile]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
