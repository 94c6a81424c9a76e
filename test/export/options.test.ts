/** The pure arithmetic of an export: sizes, step ranges, frame times and GIF delays. */
import { describe, expect, it } from 'vitest';
import { checkRequest, evenSize, fileStem, frameCount, frameTime, gifDelayCs, parseSize, parseStepRange, timeWindow, type ExportRequest } from '../../src/export/options.ts';
import type { StepInfo } from '../../src/timeline/player-api.ts';

const step = (index: number, start: number, end: number): StepInfo => ({ index, id: `s${index}`, caption: { en: '', ko: '' }, start, end, simTime: 0 });
const STEPS = [step(0, 0, 2), step(1, 2, 5.5), step(2, 5.5, 9)];

describe('export options', () => {
  it('reads sizes like 1280x720 and refuses nonsense', () => {
    expect(parseSize('1280x720')).toEqual({ width: 1280, height: 720 });
    expect(parseSize(' 320x180 ')).toEqual({ width: 320, height: 180 });
    for (const bad of ['1280', '1280x', 'x720', '10x10', '99999x720', '1280*720', '-1x5']) expect(parseSize(bad)).toBeUndefined();
  });

  it('reads 1-based step ranges into 0-based ones, within the scenario', () => {
    expect(parseStepRange('2-3', 3)).toEqual({ first: 1, last: 2 });
    expect(parseStepRange('2', 3)).toEqual({ first: 1, last: 1 });
    expect(parseStepRange('0-2', 3)).toMatch(/within 1-3/);
    expect(parseStepRange('3-2', 3)).toMatch(/within 1-3/);
    expect(parseStepRange('2-4', 3)).toMatch(/within 1-3/);
    expect(parseStepRange('two', 3)).toMatch(/look like/);
  });

  it('covers the chosen steps from the first start to the last end, in frames of 1/fps', () => {
    const all = timeWindow(STEPS, undefined, 9);
    expect(all).toEqual({ start: 0, end: 9 });
    const span = timeWindow(STEPS, { first: 1, last: 1 }, 9);
    expect(span).toEqual({ start: 2, end: 5.5 });
    expect(frameCount(span, 30)).toBe(105);
    expect(frameTime(span, 30, 0)).toBe(2);
    expect(frameTime(span, 30, 30)).toBeCloseTo(3, 10);
    expect(frameCount({ start: 1, end: 1 }, 30)).toBe(1);
  });

  it('gives GIF frames whole-centisecond delays that add up to the exact duration', () => {
    const delays = Array.from({ length: 30 }, (_, i) => gifDelayCs(30, i));
    expect(delays.reduce((a, b) => a + b, 0)).toBe(100);
    expect(new Set(delays)).toEqual(new Set([3, 4]));
    expect(gifDelayCs(10, 7)).toBe(10);
  });

  it('checks a request and names files after the scenario and range', () => {
    const ok: ExportRequest = { format: 'webm', width: 320, height: 180, fps: 30, lang: 'en', theme: 'dark', captions: false };
    expect(checkRequest(ok)).toBeUndefined();
    expect(checkRequest({ ...ok, fps: 0 })).toMatch(/fps/);
    expect(checkRequest({ ...ok, width: 10 })).toMatch(/size/);
    expect(checkRequest({ ...ok, format: 'avi' as ExportRequest['format'] })).toMatch(/format/);
    expect(evenSize(181)).toBe(180);
    expect(fileStem('pod-creation', undefined)).toBe('pod-creation');
    expect(fileStem('pod-creation', { first: 1, last: 4 })).toBe('pod-creation-steps-2-5');
  });
});
