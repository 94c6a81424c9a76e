import { describe, expect, it } from 'vitest';
import { nextSpeed } from '../../src/timeline/player-api.ts';

describe('nextSpeed (the +/- keys of the app and the embed)', () => {
  it('moves one offered notch and stops at the ends', () => {
    expect(nextSpeed(1, 1)).toBe(1.5);
    expect(nextSpeed(1, -1)).toBe(0.5);
    expect(nextSpeed(4, 1)).toBe(4);
    expect(nextSpeed(0.25, -1)).toBe(0.25);
  });
  it('treats a speed that is not offered as 1x', () => {
    expect(nextSpeed(3, 1)).toBe(1.5);
    expect(nextSpeed(3, -1)).toBe(0.5);
  });
});
