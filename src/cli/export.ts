/**
 * `kubedeck export <scenario> --format png|webm|mp4|gif --out F`: the scenario as images or video,
 * made by the app itself in headless Chromium (the Export dialog's code, frame by frame from the
 * deterministic player). Checks everything it can in Node first, so a typo never waits on a browser.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { EXPORT_FORMATS, isExportFormat, MAX_FPS, parseSize, parseStepRange, type ExportProgress, type ExportRequest } from '../export/options.ts';
import { ScenarioInputError } from '../sim/params.ts';
import { runScenario } from '../sim/run.ts';
import { checkK8sVersion, DEFAULT_K8S_VERSION } from '../model/k8s/versions.ts';
import { shownValue } from '../model/shown-value.ts';
import { parseFlags } from './args.ts';
import { chooseScenario } from './scenario-arg.ts';
import { parseDoFlags, parseInteger, parseParamFlags } from './flag-values.ts';
import { ensureAppBuild } from './export/app-build.ts';
import { findChromium, INSTALL_HINT } from './export/chromium.ts';
import { planOutputs } from './export/outputs.ts';
import { exportInPage } from './export/page.ts';
import { serve } from './export/serve.ts';
import type { CliIo } from './io.ts';
import { CliError, EXIT_OK } from './io.ts';

const THEMES = ['dark', 'light', 'contrast'] as const;

const isDirectory = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

const megabytes = (n: number): string => `${(n / 1_000_000).toFixed(n < 100_000 ? 2 : 1)} MB`;

/** One progress line about every 10 % (and the phases), on stderr so stdout stays the result. */
function progressPrinter(io: CliIo): (progress: ExportProgress) => void {
  let lastTenth = -1;
  return (progress) => {
    if (progress.phase === 'preparing') io.err('export: preparing the stage');
    else if (progress.phase === 'finishing') io.err('export: finishing the file');
    else {
      const tenth = progress.total === 0 ? 10 : Math.floor((progress.done / progress.total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      io.err(`export: ${progress.done}/${progress.total} ${progress.total === progress.done || tenth < 10 ? 'frames' : ''} (${tenth * 10}%)`.replace(/ +\(/, ' ('));
    }
  };
}

export async function exportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags('export', args, {
    format: { type: 'string' },
    out: { type: 'string' },
    size: { type: 'string' },
    fps: { type: 'string' },
    lang: { type: 'string' },
    theme: { type: 'string' },
    steps: { type: 'string' },
    captions: { type: 'boolean' },
    k8s: { type: 'string' },
    param: { type: 'string', multiple: true },
    do: { type: 'string', multiple: true },
  });
  const langFlag = String(values.lang ?? 'en');
  const { def, file } = chooseScenario('export', positionals[0], io, langFlag === 'ko' ? 'ko' : 'en');
  const format = String(values.format ?? '');
  if (!isExportFormat(format)) throw new CliError(`export: --format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const out = values.out as string | undefined;
  if (!out) throw new CliError(`export: --out is required (a file for ${format === 'png' ? 'video; for png a directory or a pattern with {step}' : format})`);
  const size = parseSize(String(values.size ?? '1280x720'));
  if (!size) throw new CliError(`export: --size must look like 1280x720 (64-3840 each way), got ${shownValue(String(values.size))}`);
  const fps = parseInteger('export', 'fps', String(values.fps ?? '30'));
  if (fps < 1 || fps > MAX_FPS) throw new CliError(`export: --fps must be a whole number 1-${MAX_FPS}, got ${shownValue(String(values.fps))}`);
  const lang = String(values.lang ?? 'en');
  if (lang !== 'en' && lang !== 'ko') throw new CliError(`export: --lang must be en or ko, got ${shownValue(lang)}`);
  const theme = String(values.theme ?? 'dark');
  if (!(THEMES as readonly string[]).includes(theme)) throw new CliError(`export: --theme must be one of ${THEMES.join(', ')}, got ${shownValue(theme)}`);
  const params = parseParamFlags('export', (values.param as readonly string[] | undefined) ?? []);
  const actions = parseDoFlags('export', (values.do as readonly string[] | undefined) ?? []);
  // A file may name the Kubernetes version it was written for; --k8s still wins.
  const checked = checkK8sVersion((values.k8s as string | undefined) ?? file?.loaded.story.cluster.kubernetesVersion ?? DEFAULT_K8S_VERSION);
  if (!checked.ok) throw new CliError(`export: ${checked.message}`);
  const k8s = checked.version;

  // The simulation in Node: bad params or versions fail here, and the step count checks --steps.
  let stepCount: number;
  try {
    stepCount = runScenario(def, { k8sVersion: k8s, params, actions }).steps;
  } catch (e) {
    if (e instanceof ScenarioInputError) throw new CliError(`export: ${e.message}`);
    throw e;
  }
  let steps: ExportRequest['steps'];
  if (values.steps !== undefined) {
    const range = parseStepRange(String(values.steps), stepCount);
    if (typeof range === 'string') throw new CliError(`export: --${range}`);
    steps = range;
  }

  const executablePath = findChromium();
  if (!executablePath) throw new CliError(`export: ${INSTALL_HINT}`);
  const request: ExportRequest = { format, ...size, fps, lang, theme: theme as ExportRequest['theme'], captions: values.captions === true, ...(steps ? { steps } : {}) };

  const started = performance.now();
  const build = ensureAppBuild(() => io.err('export: building the app with vite (once per source change)...'));
  const served = await serve(build.dir);
  const query = new URLSearchParams({ scenario: def.id, lang, theme, k8s });
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  // The app's own link form for a what-if: do=<ms>~<command>, in order.
  for (const a of actions) query.append('do', `${a.at}~${a.command}`);
  let result;
  try {
    result = await exportInPage({ executablePath, url: `${served.url}?${query.toString()}`, scenario: def.id, ...(file ? { storyText: file.text } : {}), request, onProgress: progressPrinter(io) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const exportError = /ExportError: ([^\n]+)/.exec(message);
    if (exportError) throw new CliError(`export: ${exportError[1] ?? ''}`);
    throw e;
  } finally {
    await served.close();
  }
  const plan = planOutputs(format, out, isDirectory);
  if (plan.dir) mkdirSync(plan.dir, { recursive: true });
  for (const file of result.files) {
    const path = plan.pathFor(file.name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.bytes);
    io.out(`${path}  ${megabytes(file.bytes.length)}`);
  }
  const what = format === 'png' ? `${result.files.length} PNG${result.files.length === 1 ? '' : 's'}` : `${result.codec}, ${result.frames} frames, ${result.duration.toFixed(1)} s`;
  const speed = format === 'png' ? '' : ` (rendering and encoding ${result.seconds.toFixed(1)} s: ${(result.duration / result.seconds).toFixed(1)}x real time)`;
  io.out(`export: ${what} at ${request.width}x${request.height} in ${((performance.now() - started) / 1000).toFixed(1)} s${speed}`);
  return EXIT_OK;
}
