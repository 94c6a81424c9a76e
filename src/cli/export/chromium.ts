/**
 * Finding a Chromium for `kubedeck export`: CHROMIUM_PATH, then the usual system names, then one
 * installed by `npx playwright install chromium`. None found: one line saying how to get one.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium } from 'playwright-core';

const NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

export const INSTALL_HINT =
  'no Chromium found: install one with `apt-get install -y --no-install-recommends chromium fonts-dejavu-core` ' +
  '(Debian/Ubuntu) or `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome binary';

/** Where a Chromium is, or undefined. `env` and `exists` are parameters for tests. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, exists: (path: string) => boolean = existsSync): string | undefined {
  const explicit = env['CHROMIUM_PATH'];
  if (explicit) return exists(explicit) ? explicit : undefined;
  const dirs = (env['PATH'] ?? '/usr/bin').split(delimiter).filter((dir) => dir.length > 0);
  for (const name of NAMES) {
    for (const dir of dirs) {
      const path = join(dir, name);
      if (exists(path)) return path;
    }
  }
  const playwrights = safePlaywrightPath();
  return playwrights && exists(playwrights) ? playwrights : undefined;
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Headless, software rendering, no network chatter (flags measured to work headless here). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Keep rendering and timers running in a headless page nobody looks at.
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-backgrounding-occluded-windows',
];
