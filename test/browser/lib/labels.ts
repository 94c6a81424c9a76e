/**
 * Label checks on the stage's text boxes (stage.labels(), src/render/labels.ts): pairs that
 * overlap, text below a readable size, text outside the canvas. Shared by the browser test and
 * the screenshot scan script.
 */
import type { Page } from 'playwright-core';
import type { LabelBox } from '../../../src/render/labels.ts';

export type { LabelBox };

/** The smallest effective font size (CSS px) a label may have: the design brief asks for 14 at 1280x720. */
export const MIN_LABEL_PX = 13.5;
/** Overlap tolerance in px (glyph boxes include some line spacing). */
export const OVERLAP_TOLERANCE = 2;

export interface LabelProblem {
  readonly kind: 'overlap' | 'small' | 'outside';
  readonly text: string;
}

const describe = (l: LabelBox): string => `"${l.text}" (${l.owner || 'stage'} @${Math.round(l.x)},${Math.round(l.y)} ${Math.round(l.w)}x${Math.round(l.h)})`;

export function labelProblems(labels: readonly LabelBox[], width: number, height: number, minSize = MIN_LABEL_PX): LabelProblem[] {
  const out: LabelProblem[] = [];
  const tol = OVERLAP_TOLERANCE;
  for (const l of labels) {
    if (l.size < minSize) out.push({ kind: 'small', text: `${describe(l)} is ${l.size.toFixed(1)} px` });
    if (l.x < -tol || l.y < -tol || l.x + l.w > width + tol || l.y + l.h > height + tol) out.push({ kind: 'outside', text: `${describe(l)} leaves the ${width}x${height} canvas` });
  }
  for (let i = 0; i < labels.length; i++) {
    const a = labels[i];
    if (a === undefined) continue;
    for (let j = i + 1; j < labels.length; j++) {
      const b = labels[j];
      if (b === undefined) continue;
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > tol && oy > tol) out.push({ kind: 'overlap', text: `${describe(a)} overlaps ${describe(b)}` });
    }
  }
  return out;
}

/** Renders presentation time `time` and returns the stage's labels and canvas size. */
export async function labelsAt(page: Page, time: number): Promise<{ labels: LabelBox[]; width: number; height: number }> {
  return page.evaluate((t) => {
    const stage: unknown = window.__kubedeck?.stage();
    if (typeof stage !== 'object' || stage === null || !('labels' in stage) || !('renderFrameAt' in stage) || !('canvas' in stage)) throw new Error('no stage');
    const s = stage as { labels(): LabelBox[]; renderFrameAt(t: number): void; canvas: HTMLCanvasElement; resize?(): void };
    // A frame in another step changes the caption under the stage, and a caption that grows a line
    // shrinks the canvas box at once; the stage's layout follows when its ResizeObserver runs, which
    // may be after this read: draw the frame, lay out for the box it left (a no-op if unchanged), draw again.
    s.renderFrameAt(t);
    s.resize?.();
    s.renderFrameAt(t);
    const r = s.canvas.getBoundingClientRect();
    return { labels: s.labels(), width: r.width, height: r.height };
  }, time);
}
