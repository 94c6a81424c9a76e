/**
 * Browser tests: build the app once with vite into a temp dir, serve it on 127.0.0.1, and hand
 * the URL to the test files. Fails early, with the install command, when Chromium is missing.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { assertChromium } from './lib/chromium.ts';
import { REPO, serveStatic, viteBuild, type StaticServer } from './lib/server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The same build on another port: another origin, for hosts that embed the app (embed.test.ts). */
    hostUrl: string;
    /** The built app's directory (the export CLI test serves it through KUBEDECK_APP_DIR). */
    appDir: string;
  }
}

let server: StaticServer | undefined;
let hostServer: StaticServer | undefined;
let outDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  assertChromium();
  outDir = mkdtempSync(join(tmpdir(), 'kubedeck-build-'));
  viteBuild(outDir);
  // <kube-deck> (kube-deck.js) beside the app, as `npm run build` does; and a page that embeds it.
  viteBuild(outDir, ['--config', join(REPO, 'vite.element.config.ts')], false);
  // The reveal.js plugin (kubedeck-reveal.js), as `npm run build` does (reveal.test.ts).
  viteBuild(outDir, ['--config', join(REPO, 'vite.reveal.config.ts')], false);
  copyFileSync(join(REPO, 'test/browser/fixtures/host.html'), join(outDir, 'host.html'));
  // A scenario file beside the app, for file= links (open-file.test.ts).
  mkdirSync(join(outDir, 'stories'));
  copyFileSync(join(REPO, 'examples/cordon-and-scale.yaml'), join(outDir, 'stories/cordon-and-scale.yaml'));
  server = await serveStatic(outDir);
  hostServer = await serveStatic(outDir);
  project.provide('baseUrl', server.url);
  project.provide('hostUrl', hostServer.url);
  project.provide('appDir', outDir);
}

export async function teardown(): Promise<void> {
  await server?.close();
  await hostServer?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
