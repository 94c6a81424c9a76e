/**
 * kubedeck embedded in another page, the way a speaker or a blog uses it: an iframe of
 * embed.html with parameters, driven by postMessage (commands, events, malformed and disallowed
 * messages), a frame that waits offscreen until it is seen, keys handed to the host, and the
 * <kube-deck> element. The host page (fixtures/host.html) is served on another port than the
 * embed, so it is another origin, as on the web.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { expectCaptionRanLive, logFromNow, logFromStart, readLog } from './lib/live-log.ts';

const base = inject('baseUrl');
const hostUrl = inject('hostUrl');
const baseOrigin = new URL(base).origin;
const hostOrigin = new URL(hostUrl).origin;
let browser: Browser;

interface HostMessage {
  readonly type: string;
  readonly from: string;
  readonly step?: number;
  readonly steps?: number;
  readonly scenario?: string;
  readonly lang?: string;
  readonly theme?: string;
  readonly code?: string;
  readonly key?: string;
  readonly playing?: boolean;
}

declare global {
  interface Window {
    __messages: HostMessage[];
  }
}

beforeAll(async () => {
  browser = await launch({ width: 800, height: 600, locale: 'en-US' });
});
afterAll(async () => {
  await browser.close();
});

async function openHost(origin: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL('host.html', origin).href);
  return { page, errors };
}

/** Adds an iframe of `src` to the host page (at `top` px down the page) and, unless told not to, waits until its scenario is loaded. */
async function addFrame(page: Page, id: string, src: string, top = 0, waitForLoad = true): Promise<Frame> {
  await page.evaluate(
    ({ id, src, top }) => {
      const frame = document.createElement('iframe');
      frame.id = id;
      frame.src = src;
      if (top > 0) frame.style.marginTop = `${top}px`;
      document.body.append(frame);
    },
    { id, src, top },
  );
  const frame = await (await page.waitForSelector(`#${id}`, { state: 'attached' })).contentFrame();
  if (!frame) throw new Error('no frame');
  if (waitForLoad) await frame.waitForFunction(() => (window.__kubedeck?.loads() ?? 0) > 0, undefined, { timeout: 60_000 });
  return frame;
}

/** The n-th (1-based) message of `type` from frame `from`, once it arrived. */
async function message(page: Page, from: string, type: string, nth = 1): Promise<HostMessage> {
  const handle = await page.waitForFunction(
    ({ from, type, nth }) => window.__messages.filter((m) => m.from === from && m.type === type)[nth - 1],
    { from, type, nth },
    { timeout: 30_000 },
  );
  return (await handle.jsonValue()) as HostMessage;
}

const count = (page: Page, from: string, type: string): Promise<number> =>
  page.evaluate(({ from, type }) => window.__messages.filter((m) => m.from === from && m.type === type).length, { from, type });

const send = (page: Page, id: string, command: unknown): Promise<void> =>
  page.evaluate(({ id, command }) => (document.getElementById(id) as HTMLIFrameElement).contentWindow?.postMessage(command, '*'), { id, command });

const frameStep = (frame: Frame): Promise<number> => frame.evaluate(() => window.__kubedeck?.player()?.getState().step ?? -1);

describe('kubedeck embedded in a page', () => {
  it('an iframe shows what its link asks for, and the host drives it with postMessage', async () => {
    const { page, errors } = await openHost(hostUrl);
    const frame = await addFrame(page, 'a', `${base}embed.html?scenario=node-failure&step=3&lang=ko&theme=light&controls=none&origins=${encodeURIComponent(hostOrigin)}`);
    const ready = await message(page, 'a', 'ready');
    expect(ready).toMatchObject({ scenario: 'node-failure', step: 2, lang: 'ko', theme: 'light', playing: false });
    expect(await frame.locator('[data-testid=caption]').innerText()).toMatch(/[가-힣]/);
    expect(await frame.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
    // No chrome, no controls: the stage and the captions only.
    expect(await frame.locator('.topbar, .controls, .footer').count()).toBe(0);
    expect(await frame.locator('[data-testid=stage] canvas').count()).toBe(1);

    // goto -> stepchange with the step.
    await send(page, 'a', { kubedeck: 1, type: 'goto', step: 4 });
    expect(await message(page, 'a', 'stepchange')).toMatchObject({ step: 4, scenario: 'node-failure' });
    expect(await frameStep(frame)).toBe(4);

    // Malformed and unknown commands: an error event, nothing changes.
    const caption = await frame.locator('[data-testid=caption]').innerText();
    await send(page, 'a', { kubedeck: 1, type: 'goto', step: 'x', id: 'm1' });
    expect(await message(page, 'a', 'error')).toMatchObject({ code: 'malformed', id: 'm1' });
    await send(page, 'a', { kubedeck: 1, type: 'eval', code: 'alert(1)' });
    expect(await message(page, 'a', 'error', 2)).toMatchObject({ code: 'malformed' });
    await send(page, 'a', { kubedeck: 1, type: 'load', scenario: 'no-such-thing' });
    expect(await message(page, 'a', 'error', 3)).toMatchObject({ code: 'unknown-scenario' });
    await send(page, 'a', { kubedeck: 1, type: 'goto', step: 999 });
    expect(await message(page, 'a', 'error', 4)).toMatchObject({ code: 'out-of-range' });
    // Other page traffic is ignored silently.
    await send(page, 'a', { namespace: 'reveal', eventName: 'slidechanged' });
    await send(page, 'a', { kubedeck: 1, type: 'getState' });
    expect(await message(page, 'a', 'state')).toMatchObject({ scenario: 'node-failure', step: 4 });
    expect(await count(page, 'a', 'error')).toBe(4);
    expect(await frame.locator('[data-testid=caption]').innerText()).toBe(caption);

    // goto with play (a presenter's "next"): the step plays through and pauses at its end.
    await send(page, 'a', { kubedeck: 1, type: 'speed', speed: 4 });
    await send(page, 'a', { kubedeck: 1, type: 'goto', step: 5, play: true });
    await frame.waitForFunction(
      () => {
        const p = window.__kubedeck?.player();
        const s = p?.getState();
        const step = p?.steps[5];
        return s !== undefined && step !== undefined && !s.playing && s.step === 5 && s.time > step.start + 0.5 && s.time < step.end;
      },
      undefined,
      { timeout: 60_000 },
    );

    // The end of the scenario is reported.
    await send(page, 'a', { kubedeck: 1, type: 'seek', time: 100_000 });
    expect(await message(page, 'a', 'ended')).toMatchObject({ scenario: 'node-failure', playing: false });

    // lang and load: another scenario in the same frame, no reload.
    await send(page, 'a', { kubedeck: 1, type: 'lang', lang: 'en' });
    await frame.waitForFunction(() => !/[가-힣]/.test(document.querySelector('[data-testid=caption]')?.textContent ?? '가'));
    await send(page, 'a', { kubedeck: 1, type: 'load', scenario: 'pod-creation', step: 1 });
    expect(await message(page, 'a', 'ready', 2)).toMatchObject({ scenario: 'pod-creation', step: 1, lang: 'en' });
    expect(await frame.evaluate(() => window.__kubedeck?.loads())).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('refuses commands from an origin outside its allowlist', async () => {
    const { page, errors } = await openHost(hostUrl);
    // Only the embed's own origin may control this one; the host page is another origin.
    const frame = await addFrame(page, 'b', `${base}embed.html?scenario=pod-creation&controls=minimal&origins=${encodeURIComponent(baseOrigin)}`);
    await send(page, 'b', { kubedeck: 1, type: 'goto', step: 3 });
    expect(await message(page, 'b', 'error')).toMatchObject({ code: 'origin' });
    expect(await frameStep(frame)).toBe(0);
    // Its events are addressed to the allowed origin only: this host hears none of them.
    expect(await count(page, 'b', 'ready')).toBe(0);
    // minimal controls: play/pause and back/step, no scrubber.
    expect(await frame.locator('[data-action=play]').isVisible()).toBe(true);
    expect(await frame.locator('[data-action=stepForward]').isVisible()).toBe(true);
    expect(await frame.locator('[data-testid=scrubber]').isVisible()).toBe(false);
    // A small frame (480x270) still fits stage, caption and controls, the stage keeping most of it.
    await page.evaluate(() => Object.assign((document.getElementById('b') as HTMLElement).style, { width: '480px', height: '270px' }));
    await frame.waitForFunction(() => window.innerHeight === 270);
    const fit = await frame.evaluate(() => ({
      stage: document.querySelector('[data-testid=stage]')?.getBoundingClientRect().height ?? 0,
      bottom: document.querySelector('.controls')?.getBoundingClientRect().bottom ?? Infinity,
      caption: parseFloat(getComputedStyle(document.querySelector('[data-testid=caption]') as Element).fontSize),
    }));
    expect(fit.stage).toBeGreaterThan(270 * 0.45);
    expect(fit.bottom).toBeLessThanOrEqual(270);
    expect(fit.caption).toBeGreaterThanOrEqual(11);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('waits offscreen behind "press to start", plays once seen, pauses when hidden, hands keys to the host', async () => {
    // Same origin on purpose: Chromium throttles offscreen cross-origin frames (no rendering, late
    // IntersectionObserver callbacks), which freezes them anyway but makes the timing untestable.
    const { page, errors } = await openHost(base);
    // Check what shows while offscreen, whether or not the stage has finished loading yet.
    const frame = await addFrame(page, 'c', `${base}index.html?embed=1&scenario=pod-creation&autoplay&speed=4&keys=host&lang=en`, 2000, false);
    const overlay = frame.locator('[data-testid=start-overlay]');
    await overlay.waitFor({ state: 'visible' });
    expect(await overlay.innerText()).toMatch(/Press to start/);
    expect(await frame.locator('.topbar').count()).toBe(0);
    await page.waitForTimeout(1500);
    const still = await frame.evaluate(() => window.__kubedeck?.player()?.getState() ?? { playing: false, time: 0 });
    expect([still.playing, still.time]).toEqual([false, 0]);
    expect(await overlay.isVisible()).toBe(true);

    await page.evaluate(() => document.getElementById('c')?.scrollIntoView());
    await message(page, 'c', 'ready');
    await frame.waitForFunction(() => window.__kubedeck?.player()?.getState().playing === true, undefined, { timeout: 10_000 });
    expect(await overlay.isVisible()).toBe(false);
    expect(await frame.evaluate(() => window.__kubedeck?.player()?.getState().speed)).toBe(4);

    await page.evaluate(() => window.scrollTo(0, 0));
    await frame.waitForFunction(() => window.__kubedeck?.player()?.getState().playing === false, undefined, { timeout: 10_000 });

    // keys=host: arrows pressed in the frame go to the deck, the embed does not step.
    await page.evaluate(() => document.getElementById('c')?.scrollIntoView());
    await frame.locator('[data-testid=caption]').click();
    await frame.evaluate(() => window.__kubedeck?.player()?.pause());
    const before = await frameStep(frame);
    await page.keyboard.press('ArrowRight');
    expect(await message(page, 'c', 'key')).toMatchObject({ key: 'ArrowRight' });
    expect(await frameStep(frame)).toBe(before);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('<kube-deck>: attributes pick what shows, methods drive it, DOM events report back', async () => {
    // The module comes from the app's own origin (module scripts need same origin or CORS).
    const { page, errors } = await openHost(base);
    await page.addScriptTag({ url: `${base}kube-deck.js`, type: 'module' });
    await page.evaluate(async () => {
      await customElements.whenDefined('kube-deck');
      const deck = document.createElement('kube-deck');
      deck.id = 'k';
      for (const [k, v] of Object.entries({ scenario: 'node-failure', step: '2', lang: 'ko', theme: 'light', controls: 'minimal', speed: '1.5' })) deck.setAttribute(k, v);
      (window as unknown as { __events: string[] }).__events = [];
      for (const type of ['kubedeck-ready', 'kubedeck-stepchange', 'kubedeck-error']) {
        deck.addEventListener(type, (event) => (window as unknown as { __events: string[] }).__events.push(`${type}:${String((event as CustomEvent<{ step?: number }>).detail.step)}`));
      }
      document.body.append(deck);
    });
    await page.waitForFunction(() => (window as unknown as { __events: string[] }).__events.includes('kubedeck-ready:1'), undefined, { timeout: 60_000 });
    const box = await page.locator('kube-deck').boundingBox();
    expect(box?.width).toBe(640);
    expect(box?.height).toBe(360);
    const frame = await (await page.locator('kube-deck').evaluateHandle((el) => el.shadowRoot?.querySelector('iframe') ?? null)).asElement()?.contentFrame();
    if (!frame) throw new Error('no frame in <kube-deck>');
    expect(await frame.locator('[data-testid=caption]').innerText()).toMatch(/[가-힣]/);
    expect(await frame.evaluate(() => [document.documentElement.dataset['theme'], window.__kubedeck?.player()?.getState().speed])).toEqual(['light', 1.5]);
    expect(await frame.locator('[data-testid=scrubber]').isVisible()).toBe(false);

    // A method call and its event.
    await page.evaluate(() => document.querySelector('kube-deck')?.goto(3));
    await page.waitForFunction(() => (window as unknown as { __events: string[] }).__events.includes('kubedeck-stepchange:3'));
    // An attribute change applies without reloading the frame.
    await page.evaluate(() => document.querySelector('kube-deck')?.setAttribute('lang', 'en'));
    await frame.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await frame.locator('[data-testid=caption]').innerText()).not.toMatch(/[가-힣]/);
    expect(await frame.evaluate(() => window.__kubedeck?.loads())).toBe(1);
    expect(await page.evaluate(() => document.querySelector('kube-deck')?.getState())).toMatchObject({ scenario: 'node-failure', step: 3, lang: 'en' });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('kubedeck embedded: a big cluster', () => {
  it('keeps one stage size through the steps: the caption has room for the longest (the tile grid no longer flows again)', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}embed.html?scenario=zone-outage&nodes=30&perNode=5&lang=ko`);
    await page.waitForFunction(() => (window.__kubedeck?.loads() ?? 0) > 0, undefined, { timeout: 60_000 });
    const sizes = await page.evaluate(() => {
      const player = window.__kubedeck?.player();
      const out: string[] = [];
      for (let i = 0; i < (player?.steps.length ?? 0); i++) {
        player?.gotoStep(i);
        // The stage's box (its canvas follows it on the next resize callback).
        const stage = document.querySelector('[data-testid=stage]')?.getBoundingClientRect();
        const caption = document.querySelector('[data-testid=caption]');
        out.push(`${Math.round(stage?.width ?? 0)}x${Math.round(stage?.height ?? 0)} caption ${(caption?.textContent ?? '').length} chars`);
      }
      return out;
    });
    expect(sizes.length).toBeGreaterThan(5);
    // Captions of different lengths, one canvas size.
    expect(new Set(sizes.map((s) => s.split(' ')[0])).size, JSON.stringify(sizes)).toBe(1);
    expect(new Set(sizes.map((s) => s.split(' ')[2])).size).toBeGreaterThan(3);
    expect(await page.locator('[data-testid=caption]').count()).toBe(1);
    await page.close();
  });

  it('simulates and lays out a big cluster in slices: the frame keeps painting and says how far, then ready', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // From the first script on: every frame, and every text the caption shows.
    await logFromStart(page, '[data-testid=caption]');
    await page.goto(`${base}embed.html?scenario=zone-outage&nodes=210&perNode=30&lang=en`);
    await page.waitForFunction(() => (window.__kubedeck?.loads() ?? 0) > 0, undefined, { timeout: 90_000 });
    const seen = await readLog(page);
    expectCaptionRanLive(seen, 0.5);
    expect(await page.evaluate(() => document.querySelector('[data-testid=caption]')?.textContent)).toMatch(/6,300 replicas of "web" on 210 nodes/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('a host’s load of a big cluster goes in slices: the frame keeps painting and says how far; a later load replaces it', async () => {
    const { page, errors } = await openHost(hostUrl);
    const frame = await addFrame(page, 'big', `${base}embed.html?scenario=pod-creation&lang=en&controls=none`);
    await message(page, 'big', 'ready');
    // From now on, inside the frame: every frame it paints and every text its caption shows.
    await logFromNow(frame, '[data-testid=caption]');
    await send(page, 'big', { kubedeck: 1, type: 'load', scenario: 'zone-outage', params: { nodes: 210, perNode: 30 } });
    expect(await message(page, 'big', 'ready', 2)).toMatchObject({ scenario: 'zone-outage', step: 0 });
    const log = await readLog(frame);
    expectCaptionRanLive(log, 0.5);
    expect(await frame.locator('[data-testid=caption]').innerText()).toMatch(/6,300 replicas of "web" on 210 nodes/);

    // Another big load, and while it runs a small one: the small one shows, the big one says why it did not.
    await send(page, 'big', { kubedeck: 1, type: 'load', scenario: 'zone-outage', params: { nodes: 200, perNode: 30 }, id: 'first' });
    await frame.waitForFunction(() => /its clock is at/.test(document.querySelector('[data-testid=caption]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await send(page, 'big', { kubedeck: 1, type: 'load', scenario: 'node-failure', step: 1 });
    expect(await message(page, 'big', 'ready', 3)).toMatchObject({ scenario: 'node-failure', step: 1 });
    expect(await message(page, 'big', 'error')).toMatchObject({ code: 'load-failed', id: 'first' });
    // The host hears that the first was replaced before it hears the second is ready.
    const order = await page.evaluate(() => window.__messages.filter((m) => m.from === 'big' && (m.type === 'error' || m.type === 'ready')).map((m) => m.type));
    expect(order.slice(-2)).toEqual(['error', 'ready']);
    await page.waitForTimeout(1500);
    expect(await count(page, 'big', 'ready')).toBe(3);
    expect(await frame.evaluate(() => window.__kubedeck?.view().scenario)).toBe('node-failure');
    expect(await frame.locator('[data-testid=caption]').innerText()).not.toMatch(/clock is at|Drawing/);
    expect(errors).toEqual([]);
    await page.close();
  }, 150_000);
});

describe('kubedeck embedded: hostile and careless hosts (#14)', () => {
  it('<kube-deck> frames only http(s) src, and params cannot set origins, keys, controls, src or scenario', async () => {
    const { page, errors } = await openHost(base);
    await page.addScriptTag({ url: `${base}kube-deck.js`, type: 'module' });
    const results = await page.evaluate(async () => {
      await customElements.whenDefined('kube-deck');
      const w = window as unknown as { __xss?: number; __refusals: string[] };
      w.__refusals = [];
      for (const [id, src] of [
        ['j', 'javascript:parent.__xss=1'],
        ['d', 'data:text/html,<script>parent.__xss=2</script>'],
      ] as const) {
        const deck = document.createElement('kube-deck');
        deck.id = id;
        deck.setAttribute('src', src);
        deck.addEventListener('kubedeck-error', (event) => w.__refusals.push((event as CustomEvent<{ message: string }>).detail.message));
        document.body.append(deck);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const decks = [...document.querySelectorAll('kube-deck')];
      return {
        xss: w.__xss ?? null,
        refusals: w.__refusals,
        frames: decks.map((d) => d.shadowRoot?.querySelector('iframe')?.getAttribute('src') ?? null),
        shown: decks.map((d) => d.shadowRoot?.querySelector('[part=error]')?.textContent ?? ''),
      };
    });
    expect(results.xss).toBeNull();
    expect(results.frames).toEqual([null, null]);
    expect(results.refusals).toEqual([
      '<kube-deck> src may only be an http(s) address (relative or absolute), not javascript:; nothing was loaded',
      '<kube-deck> src may only be an http(s) address (relative or absolute), not data:; nothing was loaded',
    ]);
    expect(results.shown).toEqual(results.refusals);

    // params: the scenario's parameters only; what has its own attribute stays the attribute's.
    const link = await page.evaluate((origin) => {
      const deck = document.createElement('kube-deck');
      deck.setAttribute('scenario', 'node-failure');
      deck.setAttribute('origins', origin);
      deck.setAttribute('params', 'origins=*&keys=host&controls=none&src=javascript:x&scenario=etcd-ha&replicas=4');
      document.body.append(deck);
      return deck.shadowRoot?.querySelector('iframe')?.src ?? '';
    }, hostOrigin);
    const query = new URL(link).searchParams;
    expect([query.get('scenario'), query.get('origins'), query.get('keys'), query.get('controls'), query.get('src'), query.get('replicas')]).toEqual(['node-failure', hostOrigin, null, null, null, '4']);
    expect(new URL(link).origin).toBe(baseOrigin);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('answers every bad message with an error event, never an exception', async () => {
    const { page } = await openHost(hostUrl);
    const frame = await addFrame(page, 'f', `${base}embed.html?scenario=pod-creation&controls=none&origins=${encodeURIComponent(hostOrigin)}`);
    const thrown: string[] = [];
    frame.page().on('pageerror', (e) => thrown.push(e.message));
    await message(page, 'f', 'ready');
    await send(page, 'f', { kubedeck: { toString: 1 }, type: 'play' });
    expect(await message(page, 'f', 'error')).toMatchObject({ code: 'unsupported-version' });
    await send(page, 'f', { kubedeck: 1, type: { toString: 1 } });
    expect(await message(page, 'f', 'error', 2)).toMatchObject({ code: 'malformed' });
    await send(page, 'f', { kubedeck: [1], type: 'play', id: { toString: 1 } });
    expect(await message(page, 'f', 'error', 3)).toMatchObject({ code: 'unsupported-version' });
    await send(page, 'f', { kubedeck: 1, type: 'getState' });
    expect(await message(page, 'f', 'state')).toMatchObject({ scenario: 'pod-creation', playing: false });
    expect(thrown).toEqual([]);
    await page.close();
  });

  it('a flood of lang/theme commands applies the last of each at once; a flood of others is refused past a burst', async () => {
    const { page, errors } = await openHost(hostUrl);
    const frame = await addFrame(page, 'g', `${base}embed.html?scenario=pod-creation&controls=none&lang=en&theme=dark&origins=${encodeURIComponent(hostOrigin)}`);
    await message(page, 'g', 'ready');
    const started = Date.now();
    await page.evaluate(() => {
      const target = (document.getElementById('g') as HTMLIFrameElement).contentWindow;
      for (let i = 0; i < 10_000; i++) {
        target?.postMessage(i % 2 === 0 ? { kubedeck: 1, type: 'lang', lang: i % 4 === 0 ? 'en' : 'ko' } : { kubedeck: 1, type: 'theme', theme: i % 3 === 0 ? 'light' : 'contrast' }, '*');
      }
      target?.postMessage({ kubedeck: 1, type: 'getState' }, '*');
    });
    // The last lang was 'ko' (i = 9998), the last theme 'light' (i = 9999).
    expect(await message(page, 'g', 'state')).toMatchObject({ lang: 'ko', theme: 'light' });
    await frame.waitForFunction(() => document.documentElement.lang === 'ko' && document.documentElement.dataset['theme'] === 'light' && /[가-힣]/.test(document.querySelector('[data-testid=caption]')?.textContent ?? ''));
    expect(Date.now() - started).toBeLessThan(8000);

    // 10,000 player commands: a burst runs, the rest are refused (each answered), the frame stays responsive.
    const mixed = Date.now();
    await page.evaluate(() => {
      const target = (document.getElementById('g') as HTMLIFrameElement).contentWindow;
      const commands = [{ type: 'step' }, { type: 'back' }, { type: 'seek', time: 3 }, { type: 'goto', step: 1 }, { type: 'pause' }];
      for (let i = 0; i < 10_000; i++) target?.postMessage({ kubedeck: 1, ...commands[i % commands.length] }, '*');
      target?.postMessage({ kubedeck: 1, type: 'getState' }, '*');
    });
    await message(page, 'g', 'state', 2);
    expect(Date.now() - mixed).toBeLessThan(8000);
    const limited = await page.evaluate(() => window.__messages.filter((m) => m.from === 'g' && m.type === 'error' && m.code === 'rate-limited').length);
    expect(limited).toBeGreaterThan(9000);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('origins= (empty) lets no one in and says so; origins=null is warned about', async () => {
    const { page } = await openHost(hostUrl);
    const empty = await addFrame(page, 'h', `${base}embed.html?scenario=pod-creation&lang=en&origins=`);
    const emptyError = await message(page, 'h', 'error');
    expect(emptyError).toMatchObject({ code: 'bad-params' });
    expect((emptyError as unknown as { message: string }).message).toContain('origins is empty, so no page may control this embed');
    expect(await empty.locator('[data-testid=notice]').innerText()).toContain('origins is empty, so no page may control this embed; name the allowed origins, or use origins=* to allow any.');
    await send(page, 'h', { kubedeck: 1, type: 'goto', step: 2 });
    expect(await message(page, 'h', 'error', 2)).toMatchObject({ code: 'origin' });
    expect(await frameStep(empty)).toBe(0);

    const nul = await addFrame(page, 'i', `${base}embed.html?scenario=pod-creation&lang=en&origins=null`);
    expect(await nul.locator('[data-testid=notice]').innerText()).toContain('origins includes null: any page opened from a file and any sandboxed frame may control this embed.');
    expect((await message(page, 'i', 'error')) as unknown as { code: string; message: string }).toMatchObject({ code: 'bad-params', message: expect.stringContaining('origins includes null') });
    // This host is an http origin, not "null": refused.
    await send(page, 'i', { kubedeck: 1, type: 'goto', step: 2 });
    expect(await message(page, 'i', 'error', 2)).toMatchObject({ code: 'origin' });
    await page.close();
  });
});
