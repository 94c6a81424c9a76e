/**
 * Headless Debian Chromium through playwright-core, with the flags that give PixiJS a WebGL
 * renderer in software (see shared/design/machine-notes.md). Each launch gets a fresh profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../../src/cli/export/chromium.ts';

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

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
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests and the bench drive Debian's Chromium: ` +
        'install it with `apt-get install -y --no-install-recommends chromium fonts-dejavu-core` (or set CHROMIUM_PATH).',
    );
  }
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
