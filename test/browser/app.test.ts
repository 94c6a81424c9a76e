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
 * A scenario whose run holds the page for seconds (zone-outage's thousands of replicas): opened
 * from the picker, the caption says the cluster is being prepared and a frame shows that before
 * the run starts, instead of the old picture standing frozen under a closed picker.
 */
interface Seen {
  /** Each text the element showed, and when (performance.now()). */
  readonly texts: readonly { readonly text: string; readonly at: number }[];
  /** The time of every animation frame since. */
  readonly frames: readonly number[];
}

/** From now on, the page records every text `selector` shows and every frame it paints (read with seen()). */
async function watchTextAndFrames(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    const log: { texts: { text: string; at: number }[]; frames: number[] } = { texts: [], frames: [] };
    (window as unknown as { __seen: typeof log }).__seen = log;
    const target = document.querySelector(sel);
    if (target === null) throw new Error(`nothing matches ${sel}`);
    new MutationObserver(() => log.texts.push({ text: target.textContent ?? '', at: performance.now() })).observe(target, { childList: true, subtree: true, characterData: true });
    const tick = (t: number): void => {
      log.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, selector);
}

const seen = async (page: Page): Promise<Seen> => (await page.evaluate(() => (window as unknown as { __seen: Seen }).__seen)) as Seen;

describe('a long run from the picker', () => {
  it('says "Preparing the cluster…" and paints it before the run, also when the code is loaded already', async () => {
    // zone-outage first (its code loads), then pod-creation: the pick below finds the code at hand,
    // so nothing but the app itself can give the browser a frame before the run.
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=30&perNode=1&lang=en`);
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=pod-creation]');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'pod-creation');
    await watchTextAndFrames(page, '[data-testid=caption]');
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=zone-outage]');
    // 50 nodes x 20: 1,000 replicas, a run long enough to be announced and short enough for a test.
    await page.fill('#param-nodes', '50');
    await page.dispatchEvent('#param-nodes', 'change');
    await page.fill('#param-perNode', '20');
    await page.dispatchEvent('#param-perNode', 'change');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'zone-outage' && url.searchParams.get('nodes') === '50', { timeout: 60_000 });
    expect(await captionText(page)).toMatch(/1,000 replicas of "web" on 50 nodes/);
    const log = await seen(page);
    const preparing = log.texts.find((c) => c.text === 'Preparing the cluster…');
    const story = log.texts.find((c) => c.text.includes('1,000 replicas'));
    expect(preparing, JSON.stringify(log.texts.map((c) => c.text))).toBeDefined();
    expect(story).toBeDefined();
    if (preparing === undefined || story === undefined) return;
    // A frame came while the words were up, and only then the run: its frame-less stretch follows.
    const framesBetween = log.frames.filter((f) => f > preparing.at && f < story.at);
    expect(framesBetween.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a command in a big cluster says the run is under way and paints that before it, then clears', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=50&perNode=20&lang=en`);
    const loads = await page.evaluate(() => window.__kubedeck?.loads() ?? 0);
    await watchTextAndFrames(page, '[data-testid=command-message]');
    await page.fill('[data-testid=command-input]', 'wait 10s');
    await page.press('[data-testid=command-input]', 'Enter');
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, loads, { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('[data-testid=command-message]')?.textContent === '');
    expect(await page.inputValue('[data-testid=command-input]')).toBe('');
    const log = await seen(page);
    const running = log.texts.find((c) => c.text === 'Running the cluster again with your command…');
    const cleared = log.texts.find((c) => running !== undefined && c.at > running.at && c.text === '');
    expect(running, JSON.stringify(log.texts.map((c) => c.text))).toBeDefined();
    expect(cleared).toBeDefined();
    if (running === undefined || cleared === undefined) return;
    expect(log.frames.filter((f) => f > running.at && f < cleared.at).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
  it('the legend explains the node tiles while a big cluster is drawn as tiles, and only then', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=zone-outage&nodes=30&perNode=1&lang=ko`);
    await page.keyboard.press('?');
    const legend = page.locator('[data-testid=legend]');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('[data-tile]').count()).toBe(7);
    expect(await legend.innerText()).toMatch(/대규모 클러스터: 타일로 그린 노드/);
    expect(await legend.locator('[data-tile=noExecute]').innerText()).toMatch(/NoExecute 테인트: 모서리의 빨간 삼각형/);
    await page.keyboard.press('?');
    // The same page, pod-creation from the picker: ships again, no tile entries.
    await page.click('[data-action=open-picker]');
    await page.click('[data-scenario=pod-creation]');
    await page.click('[data-action=open-scenario]');
    await page.waitForURL((url) => url.searchParams.get('scenario') === 'pod-creation');
    await page.keyboard.press('?');
    expect(await legend.isVisible()).toBe(true);
    expect(await legend.locator('[data-token]').count()).toBeGreaterThan(0);
    expect(await legend.locator('[data-tile]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
