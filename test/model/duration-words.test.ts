import { describe, expect, it } from 'vitest';
import { formatDuration, formatDurationKo } from '../../src/model/time.ts';

describe('durations in captions and labels', () => {
  it('Korean says minutes and seconds as a person writes them: no zero-padded or zero seconds', () => {
    expect(formatDurationKo(300_000)).toBe('5분');
    expect(formatDurationKo(65_000)).toBe('1분 5초');
    expect(formatDurationKo(50_000)).toBe('50초');
    expect(formatDurationKo(250)).toBe('250ms');
  });
  it('English keeps the compact Go-like form', () => {
    expect(formatDuration(300_000)).toBe('5m00s');
    expect(formatDuration(65_000)).toBe('1m05s');
    expect(formatDuration(50_000)).toBe('50s');
  });
});
