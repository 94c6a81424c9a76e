/**
 * Headless Chromium through playwright-core, found the way `kubedeck export` finds it
 * (CHROMIUM_PATH, then chromium / google-chrome on PATH, then Playwright's own), with the flags
 * that give PixiJS a software WebGL renderer headless. Each launch gets a fresh profile.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../../src/cli/export/chromium.ts';

const found = findChromium();
/** The Chromium the tests drive ('' when none was found: launch() then fails with the fix). */
export const CHROMIUM_PATH = found ?? '';

/** The same flags `kubedeck export` launches with (src/cli/export/chromium.ts). */
export { CHROMIUM_ARGS };

export interface LaunchOptions {
  readonly width?: number;
  readonly height?: number;
  readonly locale?: string;
  readonly reducedMotion?: 'reduce' | 'no-preference';
  readonly colorScheme?: 'dark' | 'light';
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export function assertChromium(): void {
  if (found === undefined) throw new Error(`The browser tests and the bench drive a Chromium: ${INSTALL_HINT} (README: Test it).`);
}

export async function launch(options: LaunchOptions = {}): Promise<Browser> {
  assertChromium();
  const profile = mkdtempSync(join(tmpdir(), 'kubedeck-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1280, height: options.height ?? 720 },
    deviceScaleFactor: 1,
    locale: options.locale ?? 'en-US',
    reducedMotion: options.reducedMotion ?? 'no-preference',
    colorScheme: options.colorScheme ?? 'dark',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
