/**
 * The export orchestrator: a stage of its own (off screen, at the export's size, 1 canvas pixel
 * per pixel) plays the trace frame by frame through the deterministic player
 * (renderFrameAt(t) after ready()), the compositor adds captions, an encoder writes the file.
 * Faster than real time and identical run to run; cancelled through an AbortSignal.
 */
import type { Trace } from '../sim/trace.ts';
import type { PlayerApi } from '../timeline/player-api.ts';
import { createComposer, stageHeight } from './compose.ts';
import { gifSink } from './encoders/gif.ts';
import { canvasPng } from './encoders/png.ts';
import { ExportError, type FrameSink } from './encoders/sink.ts';
import { videoSink } from './encoders/video.ts';
import {
  checkRequest,
  evenSize,
  fileStem,
  frameCount,
  frameTime,
  stepsIn,
  timeWindow,
  type ExportFile,
  type ExportOptions,
  type ExportRequest,
  type ExportResult,
} from './options.ts';

/** The part of the stage (src/render) an export drives. */
export interface ExportStage {
  load(trace: Trace): PlayerApi;
  renderFrameAt(time: number): void;
  ready(): Promise<void>;
  readonly canvas: HTMLCanvasElement;
  destroy(): void;
}

export type ExportStageFactory = (
  host: HTMLElement,
  options: { readonly theme: ExportRequest['theme']; readonly lang: ExportRequest['lang']; readonly reducedMotion: boolean; readonly resolution: number },
) => Promise<ExportStage>;

const MIME = { png: 'image/png', webm: 'video/webm', mp4: 'video/mp4', gif: 'image/gif' } as const;

const checkAborted = (signal: AbortSignal | undefined): void => {
  if (signal?.aborted) throw new ExportError('cancelled', 'export cancelled');
};

/** Lets the page paint (progress bar) and hear a cancel about every 50 ms of work. */
function yielder(): () => Promise<void> {
  let last = performance.now();
  return async () => {
    if (performance.now() - last < 50) return;
    await new Promise((done) => setTimeout(done, 0));
    last = performance.now();
  };
}

function offscreenHost(width: number, height: number): HTMLElement {
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.dataset['exportStage'] = '';
  // In the layout (the stage measures its host) but off screen and out of the way.
  host.style.cssText = `position:fixed;left:-${width + 1000}px;top:0;width:${width}px;height:${height}px;pointer-events:none;overflow:hidden;`;
  document.body.appendChild(host);
  return host;
}

export async function runExport(createStage: ExportStageFactory, trace: Trace, scenarioId: string, raw: ExportRequest, run: ExportOptions = {}): Promise<ExportResult> {
  const { signal, onProgress } = run;
  const started = performance.now();
  const seconds = (): number => (performance.now() - started) / 1000;
  const problem = checkRequest(raw);
  if (problem) throw new ExportError('bad-request', problem);
  const video = raw.format === 'webm' || raw.format === 'mp4';
  const request: ExportRequest = video ? { ...raw, width: evenSize(raw.width), height: evenSize(raw.height) } : raw;
  checkAborted(signal);
  onProgress?.({ phase: 'preparing' });

  const host = offscreenHost(request.width, stageHeight(request.height, request.captions));
  let sink: FrameSink | undefined;
  let stage: ExportStage | undefined;
  try {
    const live = await createStage(host, { theme: request.theme, lang: request.lang, reducedMotion: false, resolution: 1 });
    stage = live;
    const player = live.load(trace);
    player.pause();
    const steps = player.steps;
    if (request.steps && (request.steps.first < 0 || request.steps.last >= steps.length || request.steps.first > request.steps.last)) {
      throw new ExportError('bad-request', `steps must be within 1-${steps.length}`);
    }
    const composer = createComposer({ ...request, steps, readBack: request.format === 'gif' });
    await Promise.all([live.ready(), composer.prepare()]);
    checkAborted(signal);
    const stem = fileStem(scenarioId, request.steps);
    const pause = yielder();
    const frame = async (time: number): Promise<void> => {
      await live.ready();
      live.renderFrameAt(time);
      composer.draw(live.canvas, player.getState().step);
    };

    if (request.format === 'png') {
      const chosen = stepsIn(steps, request.steps);
      const files: ExportFile[] = [];
      for (const [i, step] of chosen.entries()) {
        checkAborted(signal);
        onProgress?.({ phase: 'rendering', done: i, total: chosen.length });
        await frame(step.start);
        const number = String(step.index + 1).padStart(String(steps.length).length, '0');
        files.push({ name: `${scenarioId}-step-${number}.png`, mime: MIME.png, bytes: await canvasPng(composer.canvas) });
        await pause();
      }
      onProgress?.({ phase: 'rendering', done: chosen.length, total: chosen.length });
      return { files, codec: 'png', frames: files.length, duration: 0, seconds: seconds() };
    }

    const span = timeWindow(steps, request.steps, player.getState().duration);
    const total = frameCount(span, request.fps);
    sink = request.format === 'gif' ? gifSink(composer.canvas, request.fps) : await videoSink(request.format, composer.canvas, request.fps);
    for (let i = 0; i < total; i += 1) {
      checkAborted(signal);
      if (i % 5 === 0) onProgress?.({ phase: 'rendering', done: i, total });
      await frame(frameTime(span, request.fps, i));
      await sink.add(i);
      await pause();
    }
    onProgress?.({ phase: 'rendering', done: total, total });
    checkAborted(signal);
    onProgress?.({ phase: 'finishing' });
    const codec = sink.codec;
    const bytes = await sink.finish();
    sink = undefined;
    return {
      files: [{ name: `${stem}.${request.format}`, mime: MIME[request.format], bytes }],
      codec,
      frames: total,
      duration: total / request.fps,
      seconds: seconds(),
    };
  } finally {
    await sink?.cancel().catch(() => undefined);
    stage?.destroy();
    host.remove();
  }
}
