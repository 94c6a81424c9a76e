/**
 * A zone's header, zoomed in: where its own place has left the view while its tiles are on screen,
 * it is pinned to the view's top within its group (the zone on screen stays written, and its flows
 * end there rather than on whichever tile was nearest).
 */
import { describe, expect, it } from 'vitest';
import { pinnedHeader } from '../../../src/render/scale/pinned-header.ts';

const view = { x: 0, y: 300, w: 1280, h: 200 };
const LINES = 40;

describe('pinnedHeader', () => {
  it('in view: its own place, not pinned', () => {
    const header = { x: 100, y: 310, w: 300, h: 40 };
    expect(pinnedHeader(header, { x: 100, y: 310, w: 300, h: 180 }, view, LINES)).toEqual({ ...header, pinned: false });
  });

  it('scrolled above the view with its tiles on screen: at the view top, clipped to the view', () => {
    const header = { x: -200, y: 100, w: 900, h: 160 };
    expect(pinnedHeader(header, { x: -200, y: 100, w: 900, h: 2000 }, view, LINES)).toEqual({ x: 0, y: 300, w: 700, h: 40, pinned: true });
  });

  it('gone once too little of its group is left on screen to carry it', () => {
    const header = { x: 0, y: 0, w: 600, h: 160 };
    expect(pinnedHeader(header, { x: 0, y: 0, w: 600, h: 320 }, view, LINES)).toBeUndefined();
    expect(pinnedHeader(header, { x: 0, y: 0, w: 600, h: 360 }, view, LINES)?.y).toBe(300);
  });

  it('a group out of view has no header', () => {
    expect(pinnedHeader({ x: 1400, y: 310, w: 300, h: 40 }, { x: 1400, y: 310, w: 300, h: 180 }, view, LINES)).toBeUndefined();
    expect(pinnedHeader({ x: 0, y: 600, w: 300, h: 40 }, { x: 0, y: 600, w: 300, h: 180 }, view, LINES)).toBeUndefined();
  });
});
