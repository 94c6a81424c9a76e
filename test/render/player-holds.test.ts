/** Reading holds while playing on (src/render/player.ts): each step lasts at least its caption's reading time. */
import { describe, expect, it } from 'vitest';
import { Player } from '../../src/render/player.ts';
import { readingSeconds } from '../../src/timeline/reading.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { podCreationSample } from '../fixtures/traces/pod-creation.sample.ts';

const schedule = buildSchedule(podCreationSample);
const host = { render: () => undefined };
const FRAME = 1 / 60;

/** Plays on at 60 fps to the end; returns the wall seconds each step was shown and each state seen. */
function playThrough(p: Player): { shown: number[]; holdingSeen: boolean; times: number[] } {
  const shown = p.steps.map(() => 0);
  const times: number[] = [];
  let holdingSeen = false;
  p.play();
  for (let i = 0; i < 60 * 600 && p.getState().playing; i++) {
    const { step } = p.getState();
    p.advance(FRAME);
    shown[step] = (shown[step] ?? 0) + FRAME;
    const s = p.getState();
    holdingSeen ||= s.holding;
    times.push(s.time);
  }
  return { shown, holdingSeen, times };
}

describe('reading holds', () => {
  it.each(['en', 'ko'] as const)('gives every step (but the last) at least its %s reading time, and the picture never goes back', (lang) => {
    const p = new Player(schedule, host, lang);
    const { shown, holdingSeen, times } = playThrough(p);
    expect(p.getState()).toMatchObject({ ended: true, playing: false });
    expect(holdingSeen).toBe(true);
    p.steps.slice(0, -1).forEach((s, i) => {
      expect(shown[i], `step ${i + 1}`).toBeGreaterThanOrEqual(Math.max(s.end - s.start, readingSeconds(s.caption[lang], lang)) - 2 * FRAME);
    });
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThanOrEqual(times[i - 1] ?? 0);
    p.destroy();
  });

  it('scales holds with the speed, and a loop (kiosk) plays straight through', () => {
    const one = new Player(schedule, host);
    const slow = playThrough(one).shown.reduce((a, b) => a + b, 0);
    const fast = new Player(schedule, host);
    fast.setSpeed(2);
    const quick = playThrough(fast).shown.reduce((a, b) => a + b, 0);
    expect(quick).toBeCloseTo(slow / 2, 0);
    expect(slow).toBeGreaterThan(schedule.duration + 5);
    const kiosk = new Player(schedule, host);
    kiosk.setLoop(true);
    kiosk.play();
    for (let t = 0; t + FRAME < schedule.duration; t += FRAME) {
      kiosk.advance(FRAME);
      expect(kiosk.getState().holding).toBe(false);
    }
    expect(kiosk.getState().time).toBeGreaterThan(schedule.duration - 0.1);
    one.destroy();
    fast.destroy();
    kiosk.destroy();
  });

  it('holds the step end picture (still the step shown), and a pause during a hold does not restart it', () => {
    const p = new Player(schedule, host, 'en');
    p.play();
    for (let i = 0; i < 60 * 60 && !p.getState().holding; i++) p.advance(FRAME);
    const held = p.getState();
    expect(held).toMatchObject({ holding: true, playing: true });
    const end = p.steps[held.step]?.end ?? 0;
    expect(held.time).toBeLessThan(end);
    expect(held.time).toBeCloseTo(end, 2);
    p.advance(0.5);
    expect(p.getState()).toMatchObject({ time: held.time, step: held.step, holding: true });
    p.pause();
    expect(p.getState()).toMatchObject({ holding: false, playing: false });
    p.play();
    p.advance(FRAME);
    expect(p.getState()).toMatchObject({ step: held.step + 1, holding: false });
    p.destroy();
  });

  it('follows the caption language: the same step holds by its Korean reading time after setLang', () => {
    const p = new Player(schedule, host, 'en');
    p.setLang('ko');
    const { shown } = playThrough(p);
    p.steps.slice(0, -1).forEach((s, i) => {
      expect(shown[i]).toBeGreaterThanOrEqual(readingSeconds(s.caption.ko, 'ko') - 2 * FRAME);
    });
    p.destroy();
  });
});
