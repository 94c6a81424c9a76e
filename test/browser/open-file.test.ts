/**
 * Scenario files in the browser: opened with the picker's button, dropped on the page, linked
 * with file= (same origin plays, another origin is refused), in the embed; a malformed file's
 * errors show with line:col and the app goes on as it was.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Browser } from './lib/chromium.ts';
import { openApp, playerState } from './lib/app-page.ts';
import { REPO } from './lib/server.ts';

const base = inject('baseUrl');
const hostUrl = inject('hostUrl');
const STORY = readFileSync(join(REPO, 'examples/cordon-and-scale.yaml'), 'utf8');
// Two mistakes the validator finds, each with its line: an id that is not a name, and a missing title.
const BROKEN = STORY.replace('id: cordon-and-scale', 'id: Cordon And Scale').replace(/^title:\n {2}ko: .*\n {2}en: .*\n/m, '');
let browser: Browser;

beforeAll(async () => {
  browser = await launch({ width: 1280, height: 720, locale: 'en-US' });
  // The built pages carry the CSP meta (connect-src 'self'): a same-origin file= must not violate it.
  await browser.context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __violations: string[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
});
afterAll(async () => {
  await browser.close();
});

interface Shown {
  readonly scenario: string;
  readonly loads: number;
  readonly time: number;
}

const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const app = window.__kubedeck;
    const state = app?.player()?.getState();
    if (!app || !state) throw new Error('nothing loaded');
    return { scenario: app.view().scenario, loads: app.loads(), time: state.time };
  });

const noticeText = (page: Page): Promise<string> => page.locator('[data-testid=notice]').innerText();

/** Drops a file on the stage the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function drop(page: Page, name: string, text: string): Promise<boolean> {
  return page.evaluate(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content ?? ''], fileName ?? 'x', { type: 'application/yaml' }));
      const target = document.querySelector('[data-testid=stage]') ?? document.body;
      target.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      const hinted = document.querySelector<HTMLElement>('[data-testid=drop-hint]')?.hidden === false;
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      return hinted;
    },
    [name, text],
  );
}

describe('opening a scenario file', () => {
  it('a dropped file plays, heads the picker, and a built-in can be picked again', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
    const before = await shown(page);
    expect(await drop(page, 'cordon.yaml', STORY)).toBe(true);
    await page.waitForFunction((n) => window.__kubedeck?.loads() === n + 1, before.loads);
    expect(await page.locator('[data-testid=drop-hint]').isHidden()).toBe(true);
    expect(await shown(page)).toMatchObject({ scenario: 'cordon-and-scale' });
    expect(await page.locator('[data-testid=scenario-title]').innerText()).toBe('Scaling out around a cordoned node');
    expect((await playerState(page)).playing).toBe(true);
    // A local file cannot be linked: the link names no scenario.
    const query = new URL(page.url()).searchParams;
    expect(query.has('scenario') || query.has('file')).toBe(false);

    await page.click('[data-action=open-picker]');
    const first = page.locator('[data-testid=scenario-list] li').first();
    expect(await first.innerText()).toContain('From a file on this computer');
    await page.locator('[data-scenario=pod-creation]').click();
    await page.click('[data-action=open-scenario]');
    await page.waitForFunction(() => window.__kubedeck?.view().scenario === 'pod-creation');
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('pod-creation');
    // Korean: the file's entry in the picker has its Korean title.
    await page.click('[data-lang=ko]');
    await page.click('[data-action=open-picker]');
    expect(await first.innerText()).toContain('코든한 노드와 스케일 아웃');
    await page.click('[data-action=close-picker]');
    // A second file takes the first one's place in the list.
    await drop(page, 'drain.yaml', readFileSync(join(REPO, 'examples/node-drain.yaml'), 'utf8'));
    await page.waitForFunction(() => window.__kubedeck?.view().scenario === 'node-drain-file');
    await page.click('[data-action=open-picker]');
    expect(await page.locator('.picker__item--file').count()).toBe(1);
    expect(await first.innerText()).not.toContain('코든한 노드와 스케일 아웃');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the picker\'s Open a scenario file… takes a file from the dialog', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en&theme=dark`);
    await page.click('[data-action=open-picker]');
    const chooser = page.waitForEvent('filechooser');
    await page.click('[data-action=open-file]');
    await (await chooser).setFiles({ name: 'cordon.yaml', mimeType: 'application/yaml', buffer: Buffer.from(STORY) });
    await page.waitForFunction(() => window.__kubedeck?.view().scenario === 'cordon-and-scale');
    expect(await page.locator('[data-testid=picker]').isVisible()).toBe(false);
    // A bad file from the dialog: the picker stays open and says what is wrong (the notice is behind it).
    await page.click('[data-action=open-picker]');
    const again = page.waitForEvent('filechooser');
    await page.click('[data-action=open-file]');
    await (await again).setFiles({ name: 'broken.yaml', mimeType: 'application/yaml', buffer: Buffer.from(BROKEN) });
    await page.locator('[data-testid=picker] .notice--inline').waitFor({ state: 'visible' });
    expect(await page.locator('[data-testid=picker] .notice--inline').innerText()).toMatch(/broken\.yaml:\d+:\d+: /);
    expect(await shown(page)).toMatchObject({ scenario: 'cordon-and-scale' });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a malformed file shows its errors with line:col, and the app keeps its scenario and frame and still plays', async () => {
    const { page, errors } = await openApp(browser.context, `${base}?scenario=node-drain&step=3&lang=en&theme=dark`);
    const before = await shown(page);
    await drop(page, 'broken.yaml', BROKEN);
    await page.locator('[data-testid=notice]').waitFor({ state: 'visible' });
    const text = await noticeText(page);
    expect(text).toContain('The scenario file could not be opened');
    expect(text).toMatch(/broken\.yaml:\d+:\d+: id: /);
    expect(text).toContain('The scenario on screen stays as it was.');
    expect(await shown(page)).toEqual(before);
    expect(new URL(page.url()).searchParams.get('scenario')).toBe('node-drain');
    await page.click('[data-action=play]');
    await page.waitForFunction((t) => (window.__kubedeck?.player()?.getState().time ?? 0) > t, before.time);
    // In Korean too (the file's errors carry both languages).
    await page.click('[data-lang=ko]');
    expect(await noticeText(page)).toContain('시나리오 파일을 열지 못했습니다');
    // Not text at all.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File([new Uint8Array([0xff, 0xfe, 0x00, 0x41])], 'picture.yaml'));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.querySelector('[data-testid=notice]')?.textContent?.includes('UTF-8') === true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('ignores drags that carry no file', async () => {
    const { page } = await openApp(browser.context, `${base}?scenario=pod-creation&lang=en`);
    const hinted = await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'hello');
      document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true, cancelable: true }));
      return document.querySelector<HTMLElement>('[data-testid=drop-hint]')?.hidden === false;
    });
    expect(hinted).toBe(false);
    await page.close();
  });
});

describe('file= links', () => {
  it('a same-origin file plays, and the link keeps file= with its step and commands', async () => {
    const doCommand = `${encodeURIComponent('7000~kubectl scale deployment/api --replicas=6')}`;
    const { page, errors } = await openApp(browser.context, `${base}?file=stories/cordon-and-scale.yaml&step=2&lang=en&theme=dark&do=${doCommand}`);
    expect(await shown(page)).toMatchObject({ scenario: 'cordon-and-scale' });
    expect((await playerState(page)).step).toBe(1);
    const query = new URL(page.url()).searchParams;
    expect(query.get('file')).toBe('stories/cordon-and-scale.yaml');
    expect(query.has('scenario')).toBe(false);
    expect(query.getAll('do')).toEqual(['7000~kubectl scale deployment/api --replicas=6']);
    expect(await page.evaluate(() => window.__kubedeck?.view().actions?.length ?? 0)).toBe(1);
    expect(await page.locator('[data-testid=notice]').isVisible()).toBe(false);
    expect(await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('another origin is refused with a notice, and the default scenario shows', async () => {
    const { page } = await openApp(browser.context, `${base}?file=${encodeURIComponent(`${hostUrl}stories/cordon-and-scale.yaml`)}&lang=en`);
    const origin = new URL(hostUrl).origin;
    expect(await noticeText(page)).toContain(`not from ${origin}`);
    expect(await shown(page)).toMatchObject({ scenario: 'pod-creation' });
    expect(new URL(page.url()).searchParams.has('file')).toBe(false);
    await page.close();
  });

  it('a missing file says so (HTTP 404) and the default scenario shows', async () => {
    const { page } = await openApp(browser.context, `${base}?file=stories/nope.yaml&lang=en`);
    expect(await noticeText(page)).toContain('nope.yaml could not be fetched (HTTP 404)');
    expect(await shown(page)).toMatchObject({ scenario: 'pod-creation' });
    await page.close();
  });
});

describe('the embed', () => {
  it('plays a file= link, and refuses another origin in its notice', async () => {
    const { page, errors } = await openApp(browser.context, `${base}embed.html?file=stories/cordon-and-scale.yaml&lang=en&step=3`);
    expect(await shown(page)).toMatchObject({ scenario: 'cordon-and-scale' });
    expect((await playerState(page)).step).toBe(2);
    expect(errors).toEqual([]);
    await page.close();
    const refused = await openApp(browser.context, `${base}embed.html?file=${encodeURIComponent(`${hostUrl}stories/cordon-and-scale.yaml`)}&lang=en`);
    expect(await noticeText(refused.page)).toContain('not from');
    expect(await shown(refused.page)).toMatchObject({ scenario: 'pod-creation' });
    await refused.page.close();
  });

  it('<kube-deck file> resolves the file against its page and plays it; params cannot set file', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${base}host.html`);
    await page.addScriptTag({ url: `${base}kube-deck.js`, type: 'module' });
    await page.evaluate(async () => {
      await customElements.whenDefined('kube-deck');
      const deck = document.createElement('kube-deck');
      deck.setAttribute('file', 'stories/cordon-and-scale.yaml');
      deck.setAttribute('lang', 'en');
      deck.setAttribute('params', 'file=https://evil.example/x.yaml');
      (window as unknown as { __ready: unknown[] }).__ready = [];
      deck.addEventListener('kubedeck-ready', (event) => (window as unknown as { __ready: unknown[] }).__ready.push((event as CustomEvent<unknown>).detail));
      document.body.append(deck);
    });
    await page.waitForFunction(() => (window as unknown as { __ready: unknown[] }).__ready.length > 0, undefined, { timeout: 60_000 });
    expect(await page.evaluate(() => (window as unknown as { __ready: unknown[] }).__ready[0])).toMatchObject({ scenario: 'cordon-and-scale' });
    const src = await page.evaluate(() => document.querySelector('kube-deck')?.frameUrl ?? '');
    expect(new URL(src).searchParams.getAll('file')).toEqual([`${base}stories/cordon-and-scale.yaml`]);
    await page.close();
  });
});
