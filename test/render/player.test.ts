import { describe, expect, it } from 'vitest';
import { Player, tokenProgress } from '../../src/render/player.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { podCreationSample } from '../fixtures/traces/pod-creation.sample.ts';

const schedule = buildSchedule(podCreationSample);

function recorder() {
  const frames: { t: number; progress: number[] }[] = [];
  return {
    frames,
    host: {
      render(t: number, progressOf: (i: number) => number) {
        frames.push({ t, progress: schedule.messages.map((_, i) => progressOf(i)) });
      },
    },
  };
}

describe('Player', () => {
  it('starts paused at 0 with one step per narration step', () => {
    const r = recorder();
    const p = new Player(schedule, r.host);
    expect(p.getState()).toMatchObject({ time: 0, playing: false, step: 0, speed: 1, loop: false });
    expect(p.steps.length).toBe(podCreationSample.steps);
    expect(r.frames.length).toBe(1);
    p.destroy();
  });

  it('seeking to t shows the same frame as playing to t', () => {
    const a = recorder();
    const played = new Player(schedule, a.host);
    played.play();
    let t = 0;
    const target = 13.37;
    while (t + 1 / 60 < target) {
      played.advance(1 / 60);
      t += 1 / 60;
    }
    played.advance(target - t);
    played.pause();
    const last = a.frames[a.frames.length - 1];
    const b = recorder();
    const seeked = new Player(schedule, b.host);
    seeked.seek(0.5);
    seeked.seek(30);
    seeked.seek(played.getState().time);
    const s = b.frames[b.frames.length - 1];
    expect(s?.t).toBeCloseTo(last?.t ?? -1, 9);
    s?.progress.forEach((v, i) => expect(v, `message ${i}`).toBeCloseTo(last?.progress[i] ?? -1, 9));
    expect(seeked.getState().step).toBe(played.getState().step);
    expect(seeked.getState().simTime).toBeCloseTo(played.getState().simTime, 9);
    played.destroy();
    seeked.destroy();
  });

  it('moves tokens with eased progress only while they travel', () => {
    const r = recorder();
    const p = new Player(schedule, r.host);
    const m = schedule.messages[0];
    if (!m) throw new Error('no message');
    p.seek((m.start + m.end) / 2);
    const mid = r.frames[r.frames.length - 1]?.progress[0] ?? -1;
    expect(mid).toBeGreaterThan(0);
    expect(mid).toBeLessThan(1);
    p.seek(m.end + 0.01);
    expect(r.frames[r.frames.length - 1]?.progress[0]).toBe(1);
    p.seek(0);
    expect(r.frames[r.frames.length - 1]?.progress[0]).toBe(0);
    p.destroy();
  });

  it('eases each message type its own way: a request halfway is halfway, a watch push has nearly arrived (power3.out)', () => {
    const at = (type: 'request' | 'watch' | 'response' | 'signal', u: number): number => tokenProgress({ start: 10, end: 12, event: { type } }, 10 + 2 * u);
    expect(at('request', 0.5)).toBeCloseTo(0.5, 9);
    // power3.out (GSAP counts from power0 = linear: power3 is quartic): 1 - (1 - u)^4
    expect(at('watch', 0.5)).toBeCloseTo(0.9375, 9);
    expect(at('watch', 0.25)).toBeCloseTo(1 - 0.75 ** 4, 9);
    // sine.inOut: -(cos(pi u) - 1) / 2
    expect(at('signal', 0.25)).toBeCloseTo(-(Math.cos(Math.PI * 0.25) - 1) / 2, 9);
    expect(at('response', 0)).toBe(0);
    expect(at('response', 1)).toBe(1);
    expect(tokenProgress({ start: 3, end: 3, event: { type: 'request' } }, 3)).toBe(0);
    expect(tokenProgress({ start: 3, end: 3, event: { type: 'request' } }, 3.001)).toBe(1);
  });

  it('a token’s progress at t does not depend on the seeks before it', () => {
    const r = recorder();
    const p = new Player(schedule, r.host);
    const d = p.getState().duration;
    const targets = [0.7, 0.1, 0.95, 0.3, 0.3, 0.6, 0.05, 0.5].map((f) => f * d);
    for (const t of targets) {
      p.seek(t);
      const frame = r.frames[r.frames.length - 1];
      schedule.messages.forEach((m, i) => expect(frame?.progress[i], `message ${i} at ${t}`).toBe(tokenProgress(m, t)));
    }
    p.destroy();
  });

  /** Advance at 60 fps until the player pauses (or a minute of wall time passes). */
  const runUntilPaused = (p: Player): void => {
    for (let i = 0; i < 60 * 60 && p.getState().playing; i++) p.advance(1 / 60);
  };
  const stepEnd = (p: Player, i: number): number => p.steps[i]?.end ?? 0;

  it('next plays the step shown through and pauses at its end; at its end, plays the next one', () => {
    const p = new Player(schedule, recorder().host);
    // Paused at step 1's start: next plays step 1.
    p.stepForward();
    expect(p.getState()).toMatchObject({ step: 0, playing: true });
    runUntilPaused(p);
    expect(p.getState()).toMatchObject({ step: 0, playing: false, ended: false });
    expect(p.getState().time).toBeCloseTo(stepEnd(p, 0), 2);
    expect(p.getState().time).toBeLessThan(stepEnd(p, 0));
    // At its end: next plays step 2 from its start.
    p.stepForward();
    expect(p.getState()).toMatchObject({ step: 1, playing: true, time: p.steps[1]?.start });
    runUntilPaused(p);
    expect(p.getState()).toMatchObject({ step: 1, playing: false });
    expect(p.getState().time).toBeCloseTo(stepEnd(p, 1), 2);
    // While a step plays, next skips to its end.
    p.stepForward();
    p.advance(0.2);
    expect(p.getState()).toMatchObject({ step: 2, playing: true });
    p.stepForward();
    expect(p.getState()).toMatchObject({ step: 2, playing: false });
    expect(p.getState().time).toBeCloseTo(stepEnd(p, 2), 2);
    // Paused mid-step: next plays the rest of that step.
    p.seek((p.steps[3]?.start ?? 0) + 0.3);
    p.stepForward();
    runUntilPaused(p);
    expect(p.getState()).toMatchObject({ step: 3, playing: false });
    expect(p.getState().time).toBeCloseTo(stepEnd(p, 3), 2);
    // animate: false lands where the next step would pause, without playing.
    p.stepForward({ animate: false });
    expect(p.getState()).toMatchObject({ step: 4, playing: false });
    expect(p.getState().time).toBeCloseTo(stepEnd(p, 4), 2);
    // At the very end, next does nothing.
    p.end();
    p.stepForward();
    expect(p.getState()).toMatchObject({ playing: false, ended: true, time: schedule.duration });
    p.destroy();
  });

  it('back returns to the start of the step shown, then to the one before, paused', () => {
    const p = new Player(schedule, recorder().host);
    p.playStep(2);
    runUntilPaused(p);
    p.stepBack();
    expect(p.getState()).toMatchObject({ step: 2, playing: false, time: p.steps[2]?.start });
    p.stepBack();
    expect(p.getState()).toMatchObject({ step: 1, playing: false, time: p.steps[1]?.start });
    // While playing, back pauses too.
    p.play();
    p.advance(0.5);
    p.stepBack();
    expect(p.getState()).toMatchObject({ step: 1, playing: false, time: p.steps[1]?.start });
    p.gotoStep(99);
    expect(p.getState().step).toBe(p.steps.length - 1);
    p.gotoStep(-3);
    expect(p.getState().step).toBe(0);
    p.destroy();
  });

  it('Home and End jump without starting playback', () => {
    const p = new Player(schedule, recorder().host);
    p.gotoStep(3);
    p.restart();
    expect(p.getState()).toMatchObject({ time: 0, step: 0, playing: false });
    p.play();
    p.advance(0.3);
    p.restart();
    expect(p.getState()).toMatchObject({ time: 0, playing: false });
    p.end();
    expect(p.getState()).toMatchObject({ time: schedule.duration, playing: false, ended: true });
    p.destroy();
  });

  it('plays one step through and pauses at its end, still on that step', () => {
    const p = new Player(schedule, recorder().host);
    p.playStep(2);
    expect(p.getState()).toMatchObject({ step: 2, playing: true, time: p.steps[2]?.start });
    for (let i = 0; i < 60 * 30 && p.getState().playing; i++) p.advance(1 / 60);
    const end = p.steps[2]?.end ?? 0;
    expect(p.getState()).toMatchObject({ step: 2, playing: false, ended: false });
    expect(p.getState().time).toBeCloseTo(end, 2);
    expect(p.getState().time).toBeLessThan(end);
    // Playing on from there crosses into the next step as usual.
    p.play();
    p.advance(0.01);
    expect(p.getState().step).toBe(3);
    // A seek or pause while a step plays cancels the stop: play runs on past the step's end.
    p.playStep(1);
    p.seek(p.steps[1]?.start ?? 0);
    p.play();
    for (let i = 0; i < 60 * 30 && p.getState().step < 2; i++) p.advance(1 / 60);
    expect(p.getState()).toMatchObject({ step: 2, playing: true });
    // The last step plays to the end.
    p.playStep(p.steps.length - 1);
    p.advance(schedule.duration);
    expect(p.getState()).toMatchObject({ step: p.steps.length - 1, playing: false, ended: true });
    p.destroy();
  });

  it('ends, loops, restarts and clamps speed', () => {
    const states: boolean[] = [];
    const p = new Player(schedule, recorder().host);
    p.subscribe((s) => states.push(s.ended));
    p.play();
    // Long enough for every step and its reading hold.
    p.advance(schedule.duration + 600);
    expect(p.getState()).toMatchObject({ ended: true, playing: false, time: schedule.duration });
    expect(states[states.length - 1]).toBe(true);
    p.setLoop(true);
    p.play();
    expect(p.getState().time).toBe(0);
    p.advance(schedule.duration - 0.1);
    p.advance(0.3);
    expect(p.getState().playing).toBe(true);
    expect(p.getState().time).toBeCloseTo(0.2, 9);
    p.setSpeed(10);
    expect(p.getState().speed).toBe(4);
    p.setSpeed(0.1);
    expect(p.getState().speed).toBe(0.25);
    p.setSpeed(2);
    const before = p.getState().time;
    p.advance(0.5);
    expect(p.getState().time).toBeCloseTo(before + 1, 9);
    p.end();
    expect(p.getState()).toMatchObject({ ended: true, playing: false });
    p.restart();
    expect(p.getState()).toMatchObject({ time: 0, playing: false });
    p.destroy();
  });

  it('unsubscribes and stops after destroy', () => {
    const p = new Player(schedule, recorder().host);
    let n = 0;
    const off = p.subscribe(() => n++);
    expect(n).toBe(1);
    p.seek(1);
    off();
    p.seek(2);
    expect(n).toBe(2);
    p.destroy();
    p.seek(3);
    expect(p.getState().time).toBe(2);
  });
});
