import { describe, expect, it } from 'vitest';
import { formatCount } from '../../src/model/count.ts';

describe('formatCount: counts as the panels print them', () => {
  it('groups digits by three, in English and Korean text alike', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(2980)).toBe('2,980');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(-2500)).toBe('-2,500');
  });
});
