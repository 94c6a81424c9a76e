import { describe, expect, it } from 'vitest';
import { fittingForm } from '../../src/ui/fitted-placeholder.ts';

// A monospace font of 8 px per character.
const width = (text: string): number => text.length * 8;
const FULL = 'Change what happens next, e.g. wait 30s  (: to type)';
const FORMS = [FULL, 'e.g. wait 30s  (: to type)', 'e.g. wait 30s'];

describe('the placeholder form that fits', () => {
  it('is the longest that fits the room', () => {
    expect(fittingForm(FORMS, 1000, width)).toBe(FORMS[0]);
    expect(fittingForm(FORMS, FULL.length * 8, width)).toBe(FORMS[0]);
    expect(fittingForm(FORMS, FULL.length * 8 - 1, width)).toBe(FORMS[1]);
    expect(fittingForm(FORMS, 120, width)).toBe(FORMS[2]);
  });

  it('is the shortest when none fits, and empty with no forms', () => {
    expect(fittingForm(FORMS, 10, width)).toBe(FORMS[2]);
    expect(fittingForm([], 500, width)).toBe('');
  });
});
