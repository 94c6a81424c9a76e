/**
 * What an export is asked for, and the pure arithmetic behind it: sizes, step ranges, which
 * presentation times become frames. Shared by the browser exporter, the export dialog and the CLI.
 */
import type { Lang } from '../model/localized.ts';
import type { StepInfo } from '../timeline/player-api.ts';

export const EXPORT_FORMATS = ['png', 'webm', 'mp4', 'gif'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export type ExportTheme = 'dark' | 'light' | 'contrast';

export const MIN_SIZE = 64;
export const MAX_SIZE = 3840;
export const MAX_FPS = 60;

export interface StepRange {
  /** 0-based, inclusive. */
  readonly first: number;
  /** 0-based, inclusive. */
  readonly last: number;
}

export interface ExportRequest {
  readonly format: ExportFormat;
  /** Output size in pixels (video codecs want even numbers; sizes are rounded down to even). */
  readonly width: number;
  readonly height: number;
  readonly fps: number;
  readonly lang: Lang;
  readonly theme: ExportTheme;
  /** Burn the step captions into the picture (a band under the stage). */
  readonly captions: boolean;
  /** Only these steps; all when absent. */
  readonly steps?: StepRange;
}

export type ExportProgress =
  | { readonly phase: 'preparing' }
  | { readonly phase: 'rendering'; readonly done: number; readonly total: number }
  | { readonly phase: 'finishing' };

export interface ExportFile {
  readonly name: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

export interface ExportResult {
  readonly files: readonly ExportFile[];
  /** The video codec used (webm/mp4/gif: what was written), for messages and tests. */
  readonly codec: string;
  readonly frames: number;
  /** Seconds of presentation time covered. */
  readonly duration: number;
  /** Wall-clock seconds the export took in the page (stage set-up to finished file). */
  readonly seconds: number;
}

export interface ExportOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Put several files (the PNGs) in one ZIP, for a download. */
  readonly bundle?: boolean;
}

export const isExportFormat = (value: string): value is ExportFormat => (EXPORT_FORMATS as readonly string[]).includes(value);

/** "1280x720" -> { width, height }; undefined when malformed or out of range. */
export function parseSize(text: string): { width: number; height: number } | undefined {
  const match = /^(\d{1,5})x(\d{1,5})$/.exec(text.trim());
  if (!match) return undefined;
  const width = Number(match[1]);
  const height = Number(match[2]);
  const ok = (n: number): boolean => n >= MIN_SIZE && n <= MAX_SIZE;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

/**
 * "2-5" or "3" (1-based, as people read them) -> a 0-based inclusive range; an error text when
 * malformed or outside 1..stepCount.
 */
export function parseStepRange(text: string, stepCount: number): StepRange | string {
  const match = /^(\d{1,4})(?:-(\d{1,4}))?$/.exec(text.trim());
  if (!match) return `steps must look like 2-5 or 3, got "${text.slice(0, 20)}"`;
  const first = Number(match[1]);
  const last = match[2] === undefined ? first : Number(match[2]);
  if (first < 1 || last < first || last > stepCount) return `steps must be within 1-${stepCount} (first <= last), got "${text.slice(0, 20)}"`;
  return { first: first - 1, last: last - 1 };
}

/** The steps an export covers. */
export function stepsIn(steps: readonly StepInfo[], range: StepRange | undefined): readonly StepInfo[] {
  if (!range) return steps;
  return steps.slice(range.first, range.last + 1);
}

export interface FrameWindow {
  readonly start: number;
  readonly end: number;
}

/** Presentation time covered by the chosen steps (from the first one's start to the last one's end). */
export function timeWindow(steps: readonly StepInfo[], range: StepRange | undefined, duration: number): FrameWindow {
  const chosen = stepsIn(steps, range);
  const first = chosen[0];
  const last = chosen[chosen.length - 1];
  if (!first || !last) return { start: 0, end: duration };
  return { start: first.start, end: Math.min(duration, Math.max(first.start, last.end)) };
}

/** Number of frames for a window at fps (at least one). */
export function frameCount(window: FrameWindow, fps: number): number {
  return Math.max(1, Math.round((window.end - window.start) * fps));
}

/** Presentation time of frame i: exact multiples of 1/fps from the window's start. */
export function frameTime(window: FrameWindow, fps: number, index: number): number {
  return window.start + index / fps;
}

/**
 * GIF delays are whole centiseconds: frame i lasts round((i+1)*100/fps) - round(i*100/fps), so the
 * total stays exact and the rhythm even (30 fps: 3, 4, 3, 3, 4, 3...).
 */
export function gifDelayCs(fps: number, index: number): number {
  return Math.round(((index + 1) * 100) / fps) - Math.round((index * 100) / fps);
}

/** Video codecs want even sizes. */
export const evenSize = (n: number): number => Math.max(2, n - (n % 2));

/** Checks a request; returns an error text or undefined. */
export function checkRequest(request: ExportRequest): string | undefined {
  if (!isExportFormat(request.format)) return `format must be one of ${EXPORT_FORMATS.join(', ')}`;
  const ok = (n: number): boolean => Number.isInteger(n) && n >= MIN_SIZE && n <= MAX_SIZE;
  if (!ok(request.width) || !ok(request.height)) return `size must be ${MIN_SIZE}-${MAX_SIZE} pixels each way`;
  if (!Number.isInteger(request.fps) || request.fps < 1 || request.fps > MAX_FPS) return `fps must be a whole number 1-${MAX_FPS}`;
  return undefined;
}

/** File name stem for a scenario export: pod-creation, pod-creation-steps-2-5. */
export function fileStem(scenario: string, range: StepRange | undefined): string {
  return range ? `${scenario}-steps-${range.first + 1}-${range.last + 1}` : scenario;
}
