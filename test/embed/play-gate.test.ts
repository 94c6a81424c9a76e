import { describe, expect, it } from 'vitest';
import { createPlayGate } from '../../src/embed/play-gate.ts';

function fakePlayer() {
  let playing = false;
  return { getState: () => ({ playing }), play: () => void (playing = true), pause: () => void (playing = false), suspend: () => void (playing = false) };
}

function setup(autoplay: boolean) {
  const player = fakePlayer();
  const starts: number[] = [];
  const gate = createPlayGate(() => player, { autoplay, onStart: () => starts.push(1) });
  return { player, gate, starts };
}

describe('the embed plays only while it can be seen', () => {
  it('autoplay waits for the frame to be visible, then plays once', () => {
    const { player, gate, starts } = setup(true);
    expect(player.getState().playing).toBe(false);
    expect(gate.started).toBe(false);
    gate.setVisible(true);
    expect(player.getState().playing).toBe(true);
    expect(starts).toHaveLength(1);
  });

  it('without autoplay, being seen starts (removes press-to-start) but does not play', () => {
    const { player, gate } = setup(false);
    gate.setVisible(true);
    expect(gate.started).toBe(true);
    expect(player.getState().playing).toBe(false);
  });

  it('a play while hidden waits; hiding pauses and showing again resumes', () => {
    const { player, gate } = setup(false);
    gate.play();
    expect(player.getState().playing).toBe(false);
    gate.setVisible(true);
    expect(player.getState().playing).toBe(true);
    gate.setVisible(false);
    expect(player.getState().playing).toBe(false);
    gate.setVisible(true);
    expect(player.getState().playing).toBe(true);
  });

  it('a pause while hidden cancels the waiting play; so does loading another scenario', () => {
    const a = setup(true);
    a.gate.pause();
    a.gate.setVisible(true);
    expect(a.player.getState().playing).toBe(false);
    const b = setup(true);
    b.gate.forget();
    b.gate.setVisible(true);
    expect(b.player.getState().playing).toBe(false);
  });

  it('pressing "press to start" plays at once; toggle pauses', () => {
    const { player, gate, starts } = setup(false);
    gate.press();
    expect([gate.started, player.getState().playing, starts.length]).toEqual([true, true, 1]);
    gate.toggle();
    expect(player.getState().playing).toBe(false);
    gate.toggle();
    expect(player.getState().playing).toBe(true);
  });

  it('a user who paused before the frame was hidden finds it paused when back', () => {
    const { player, gate } = setup(false);
    gate.setVisible(true);
    gate.play();
    gate.pause();
    gate.setVisible(false);
    gate.setVisible(true);
    expect(player.getState().playing).toBe(false);
  });
});
