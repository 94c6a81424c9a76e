import { describe, expect, it } from 'vitest';
import { detectLang, t, UI_STRINGS } from '../../src/ui/i18n.ts';

describe('UI strings', () => {
  it('exist in both languages with the same placeholders', () => {
    for (const [key, value] of Object.entries(UI_STRINGS)) {
      expect(value.en.trim(), key).not.toBe('');
      expect(value.ko.trim(), key).not.toBe('');
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(value.ko), key).toEqual(holes(value.en));
    }
  });

  it('fills placeholders as plain text', () => {
    expect(t('en', 'stepOf', { n: 2, total: 9 })).toBe('Step 2 of 9');
    expect(t('ko', 'stepOf', { n: 2, total: 9 })).toBe('9단계 중 2단계');
    expect(t('en', 'badLang', { value: '<b>x</b>' })).toContain('<b>x</b>');
  });

  it('picks the language from the browser', () => {
    expect(detectLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLang(['en-GB'])).toBe('en');
    expect(detectLang(['fr-FR', 'ko'])).toBe('ko');
    expect(detectLang(['de'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });
});
