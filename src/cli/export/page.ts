/**
 * Driving the built app in headless Chromium for an export: open the scenario's link, wait until
 * it is on the stage, call the page's window.__kubedeck.exportScenario (the code the Export dialog
 * uses) and bring the files back (base64 over the DevTools protocol).
 */
import { chromium } from 'playwright-core';
import type { ExportProgress, ExportRequest } from '../../export/options.ts';
import { CHROMIUM_ARGS } from './chromium.ts';

export interface PageFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface PageResult {
  readonly files: readonly PageFile[];
  readonly codec: string;
  readonly frames: number;
  readonly duration: number;
  readonly seconds: number;
}

export interface PageExport {
  readonly executablePath: string;
  readonly url: string;
  readonly scenario: string;
  /** A scenario file's text: handed to the page before it loads (src/main.ts adds it to the scenarios). */
  readonly storyText?: string;
  readonly request: ExportRequest;
  readonly onProgress: (progress: ExportProgress) => void;
}

declare global {
  interface Window {
    /** Playwright's binding to the CLI's progress printer (it returns a promise nobody needs). */
    __kubedeckExportProgress?: (progress: ExportProgress) => void;
  }
}

export async function exportInPage(job: PageExport): Promise<PageResult> {
  const browser = await chromium.launch({ executablePath: job.executablePath, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.exposeFunction('__kubedeckExportProgress', job.onProgress);
    if (job.storyText !== undefined) {
      await page.addInitScript((text: string) => {
        window.__kubedeckStoryText = text;
      }, job.storyText);
    }
    await page.goto(job.url);
    await page.waitForFunction(() => window.__kubedeck !== undefined, undefined, { timeout: 60_000 });
    const loaded = await page.evaluate(async () => {
      await window.__kubedeck?.ready;
      return window.__kubedeck?.view().scenario;
    });
    if (loaded !== job.scenario) throw new Error(`the app did not load ${job.scenario}${errors.length > 0 ? `: ${errors.join('; ')}` : ''}`);
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const result = await page.evaluate(async (request) => {
      const app = window.__kubedeck;
      if (!app) throw new Error('no app');
      const progress = window.__kubedeckExportProgress;
      const done = await app.exportScenario(request, progress ? { onProgress: progress } : {});
      const files: { name: string; data: string }[] = [];
      for (const file of done.files) {
        let text = '';
        for (let i = 0; i < file.bytes.length; i += 0x8000) text += String.fromCharCode(...file.bytes.subarray(i, i + 0x8000));
        files.push({ name: file.name, data: btoa(text) });
      }
      return { codec: done.codec, frames: done.frames, duration: done.duration, seconds: done.seconds, files };
    }, job.request);
    return { ...result, files: result.files.map((file) => ({ name: file.name, bytes: Buffer.from(file.data, 'base64') })) };
  } finally {
    await browser.close();
  }
}
