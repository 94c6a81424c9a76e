/**
 * What a stage waits for before it can draw, started before the shell asks for a stage: main.ts
 * calls prepareStage() first thing, so the renderer's code, the icons and the font faces of the page's language
 * load beside the shell's code instead of after it. createStage asks for the same work (one fetch,
 * one probe, one rasterising per icon and colour).
 */
import { loadStageFonts } from './fonts.ts';
import type { Lang } from '../model/localized.ts';
import { softwareWebGL } from './gpu.ts';
import { rememberedSoftware, rememberSoftware } from './gpu-memo.ts';
import { iconTexture, type IconName } from './icons.ts';
import { webglWithoutEval } from './pixi-csp.ts';
import { PALETTES, type Palette, type ThemeName } from './theme.ts';

export type RendererMode = 'auto' | 'webgl' | 'canvas';

let software: boolean | undefined;
/** Whether `software` is the last page's answer (gpu-memo.ts), not this page's probe. */
let remembered = false;
/** Whether this page keeps the probe's answer (kubedeck's own pages; not the element in a host's page). */
let keeping = false;

/** kubedeck's own pages (main.ts) keep the probe's answer in their origin's storage, for the next load. */
export function keepRendererChoice(): void {
  keeping = true;
}

/** Probes, and keeps the answer for the next page. */
function probe(): boolean {
  const answer = softwareWebGL();
  if (keeping) rememberSoftware(answer);
  return answer;
}

/**
 * Whether a stage in `mode` draws with PixiJS's canvas renderer here (the probe makes a WebGL
 * context: once a page, or after the first frame when the last page's answer was kept).
 */
export function picksCanvas(mode: RendererMode): boolean {
  if (mode !== 'auto') return mode === 'canvas';
  if (software === undefined) {
    const kept = keeping ? rememberedSoftware() : undefined;
    remembered = kept !== undefined;
    software = kept ?? probe();
  }
  return software;
}

/** After the first frame: if this page went by the last page's answer, probe for the next page (a new GPU or driver shows there). */
export function recheckRenderer(): void {
  if (!remembered) return;
  remembered = false;
  probe();
}

const code = new Map<boolean, Promise<unknown>>();

/**
 * The code of the renderer PixiJS's Application.init will import (its autoDetectRenderer asks for
 * the same modules, then finds them loaded); on the WebGL path with PixiJS's eval-free shader code
 * and the batch limits for a software WebGL (batch-limits.ts).
 * A failed load is tried again by the next call.
 */
export function rendererCode(canvas: boolean): Promise<unknown> {
  let loading = code.get(canvas);
  if (loading === undefined) {
    loading = canvas
      ? import('pixi-lib/rendering/renderers/canvas/CanvasRenderer')
      : Promise.all([webglWithoutEval(), import('pixi-lib/rendering/renderers/gl/WebGLRenderer').then(() => import('./batch-limits.ts'))]);
    loading.catch(() => code.delete(canvas));
    code.set(canvas, loading);
  }
  return loading;
}

/** The icons a stage draws, by the palette role that colours each. */
const ICONS: readonly { name: IconName; role: keyof Palette['role'] }[] = [
  { name: 'api', role: 'control' },
  { name: 'sched', role: 'scheduler' },
  { name: 'etcd', role: 'etcd' },
  { name: 'cm', role: 'controllers' },
  { name: 'kubelet', role: 'kubelet' },
  { name: 'runtime', role: 'runtime' },
  { name: 'kproxy', role: 'proxy' },
  { name: 'user', role: 'user' },
  { name: 'pod', role: 'control' },
];

/** Every icon rasterised in the palette's colours. */
export async function preloadIcons(p: Palette): Promise<void> {
  await Promise.all(ICONS.map((i) => iconTexture(i.name, p.role[i.role])));
}

/**
 * Starts what an 'auto' stage in `theme` and `lang` waits for: the renderer's code, the icons in
 * the theme's colours and the faces for the stage's words in `lang` (a Korean page's ~30 Korean
 * subsets are its longest wait). A failure is reported when a stage is made.
 */
export function prepareStage(theme: ThemeName, lang: Lang): void {
  rendererCode(picksCanvas('auto')).catch(() => undefined);
  preloadIcons(PALETTES[theme]).catch(() => undefined);
  loadStageFonts(lang).catch(() => undefined);
}
