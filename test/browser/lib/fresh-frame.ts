/**
 * The frame the live stage shows against the one a stage built from nothing draws at the same time
 * (the stage's freshFrame hook, src/render/fresh-frame.ts): every text and every drawn object, by
 * content, box (0.01 px) and alpha. Runs in the page; returns what only one of them has.
 */
import type { Page } from 'playwright-core';
import type { DrawnObject, FrameProbe, LabelBox } from '../../../src/render/index.ts';

export interface FrameDiff {
  /** Entries the live stage draws and a fresh stage does not. */
  readonly live: string[];
  /** Entries a fresh stage draws and the live one does not. */
  readonly fresh: string[];
  /** Texts and objects compared. */
  readonly compared: number;
}

export function diffWithFresh(page: Page): Promise<FrameDiff> {
  return page.evaluate(() => {
    const app = window.__kubedeck;
    const stage: unknown = app?.stage();
    const time = app?.player()?.getState().time;
    if (typeof stage !== 'object' || stage === null || !('freshFrame' in stage) || !('labels' in stage) || !('objects' in stage) || time === undefined) throw new Error('no stage');
    const s = stage as { labels(): LabelBox[]; objects(): DrawnObject[]; freshFrame(t: number): FrameProbe | undefined };
    const fresh = s.freshFrame(time);
    if (fresh === undefined) throw new Error('no trace loaded');
    const box = (b: { x: number; y: number; w: number; h: number; alpha: number }): string => `${b.x.toFixed(2)},${b.y.toFixed(2)} ${b.w.toFixed(2)}x${b.h.toFixed(2)} a${b.alpha.toFixed(3)}`;
    const keys = (p: FrameProbe): string[] => [...p.labels.map((l) => `text "${l.text}" (${l.owner}) ${box(l)} ${l.size.toFixed(1)}px`), ...p.objects.map((o) => `${o.kind} ${o.name} ${box(o)}`)].sort();
    const a = keys({ labels: s.labels(), objects: s.objects() });
    const b = keys(fresh);
    // Multiset difference both ways.
    const minus = (x: string[], y: string[]): string[] => {
      const left = new Map<string, number>();
      for (const k of y) left.set(k, (left.get(k) ?? 0) + 1);
      return x.filter((k) => {
        const n = left.get(k) ?? 0;
        if (n > 0) left.set(k, n - 1);
        return n === 0;
      });
    };
    return { live: minus(a, b), fresh: minus(b, a), compared: a.length };
  });
}
