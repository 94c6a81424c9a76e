/**
 * Every page works under the strict Content-Security-Policy (build/csp.ts; README: Content
 * Security Policy): no eval, no inline script or style, nothing from elsewhere. The app and the
 * embed served with the policy as a real HTTP header (their meta policy removed, so the header
 * alone counts; frame-ancestors letting another origin frame the embed), the built pages with their
 * meta policy alone, and the single file with its hashes: the stage draws on the canvas and on the
 * WebGL path, and no `securitypolicyviolation` fires.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostHeaders, policyText, POLICY } from '../../build/csp.ts';
import { openApp, settle, stageShot } from './lib/app-page.ts';
import { launch, type Browser } from './lib/chromium.ts';
import { recordViolations, serveWithCsp, violations, type CspServer } from './lib/csp.ts';
import { viteBuild } from './lib/server.ts';
import { preferWebGL, rendererOf } from './lib/webgl.ts';

const base = inject('baseUrl');
const hostUrl = inject('hostUrl');
const hostOrigin = new URL(hostUrl).origin;
const headers = hostHeaders([hostOrigin]);
let browser: Browser;
let webgl: Browser;
let server: CspServer;
let singleDir: string;

beforeAll(async () => {
  server = await serveWithCsp(base, (path) => (path.endsWith('/embed.html') ? headers.embed : headers.app), { dropMeta: true });
  browser = await launch({ width: 960, height: 600 });
  webgl = await launch({ width: 960, height: 600 });
  await recordViolations(browser.context);
  await recordViolations(webgl.context);
  await preferWebGL(webgl.context);
  singleDir = mkdtempSync(join(tmpdir(), 'kubedeck-single-csp-'));
  viteBuild(singleDir, ['--config', 'vite.single.config.ts']);
});
afterAll(async () => {
  await browser?.close();
  await webgl?.close();
  await server?.close();
  if (singleDir) rmSync(singleDir, { recursive: true, force: true });
});

/** How many distinct colours a PNG holds: a drawn stage has hundreds, a blank canvas one. */
function colours(png: Buffer): number {
  const { data } = PNG.sync.read(png);
  const seen = new Set<number>();
  for (let i = 0; i < data.length; i += 4 * 7) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
  return seen.size;
}

/** The stage is up and draws: its texts are listed and the canvas is far from blank. */
async function expectDrawn(page: Page): Promise<void> {
  const texts = await page.evaluate(() => (window.__kubedeck?.stage() as { labels?: () => unknown[] } | undefined)?.labels?.().length ?? 0);
  expect(texts).toBeGreaterThan(20);
  await settle(page, { rerender: true });
  expect(colours(await stageShot(page))).toBeGreaterThan(50);
}

describe('a strict Content-Security-Policy', () => {
  it('the app under the policy as an HTTP header, on the canvas and the WebGL path', async () => {
    for (const [b, renderer] of [[browser, 'canvas'], [webgl, 'webgl']] as const) {
      const response = await b.context.request.get(`${server.url}?scenario=pod-creation`);
      expect(response.headers()['content-security-policy']).toBe(headers.app);
      expect(await response.text()).not.toMatch(/http-equiv="Content-Security-Policy"/i);
      const { page, errors } = await openApp(b.context, `${server.url}?scenario=pod-creation&step=3`);
      expect(await rendererOf(page)).toBe(renderer);
      await expectDrawn(page);
      // It plays and steps (the zod-checked parts and the player run too).
      await page.evaluate(() => window.__kubedeck?.player()?.playStep(4));
      await page.waitForTimeout(300);
      await expectDrawn(page);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the embed under the header, framed by another origin that frame-ancestors names', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => (m.type() === 'error' ? errors.push(m.text()) : undefined));
    // A page of the host's origin (any path will do) that frames the embed.
    await page.goto(new URL('host.html', hostUrl).href);
    const src = `${server.url}embed.html?scenario=node-failure&origins=${encodeURIComponent(hostOrigin)}`;
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = url;
      frame.width = '640';
      frame.height = '360';
      document.body.append(frame);
    }, src);
    const frame: Frame = await new Promise((done) => {
      const find = (): void => {
        const f = page.frames().find((x) => x.url().startsWith(server.url));
        if (f) done(f);
        else setTimeout(find, 50);
      };
      find();
    });
    await frame.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 30_000 });
    await frame.evaluate(async () => {
      await window.__kubedeck?.ready;
      await window.__kubedeck?.stage()?.ready();
    });
    expect(await frame.evaluate(() => (window.__kubedeck?.stage() as { labels?: () => unknown[] } | undefined)?.labels?.().length ?? 0)).toBeGreaterThan(20);
    expect(await violations(frame)).toEqual([]);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the built pages carry the policy as a meta tag and work under it alone', async () => {
    for (const path of ['', 'embed.html']) {
      const html = await (await fetch(new URL(path, base))).text();
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1]?.replaceAll('&#39;', "'");
      expect(meta).toBe(policyText(POLICY));
      // The meta comes before anything it governs.
      expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link/i));
    }
    for (const url of [`${base}?scenario=service-routing`, `${base}embed.html?scenario=pod-creation`]) {
      const { page, errors } = await openApp(browser.context, url);
      await expectDrawn(page);
      expect(await violations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('the single file allows its inline script and styles by hash, in its head and in kubedeck.csp.txt', async () => {
    const html = readFileSync(join(singleDir, 'kubedeck.html'), 'utf8');
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/i.exec(html)?.[1] ?? '';
    expect(meta).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(meta).toMatch(/style-src 'sha256-[A-Za-z0-9+/=]{44}'/);
    expect(meta).not.toMatch(/unsafe/);
    expect(readFileSync(join(singleDir, 'kubedeck.csp.txt'), 'utf8')).toContain(`Content-Security-Policy: ${meta}\n`);
    const { page, errors } = await openApp(browser.context, `${pathToFileURL(join(singleDir, 'kubedeck.html')).href}?scenario=pod-creation&step=2`);
    await expectDrawn(page);
    expect(await violations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
