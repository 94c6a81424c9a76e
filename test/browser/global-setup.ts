/**
 * Browser tests: build the app once with vite into a temp dir, serve it on 127.0.0.1, and hand
 * the URL to the test files. Fails early, with the install command, when Chromium is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './lib/chromium.ts';
import { serveStatic, viteBuild, type StaticServer } from './lib/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The built app's directory (the export CLI test serves it through KUBEDECK_APP_DIR). */
    appDir: string;
  }
}

let server: StaticServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  outDir = mkdtempSync(join(tmpdir(), 'kubedeck-build-'));
  viteBuild(outDir);
  server = await serveStatic(outDir);
  project.provide('baseUrl', server.url);
  project.provide('appDir', outDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
