/**
 * The quay is explained where it appears: its Korean name on the stage says whose it is (the
 * user's, not just "부두", a word the ship metaphor never introduced), and the legend says what it
 * is in both languages, under the name the stage shows.
 */
import { describe, expect, it } from 'vitest';
import { QUAY_NAME } from '../../src/render/scene/quay-words.ts';
import { MARK_ENTRIES } from '../../src/ui/legend-entries.ts';

describe('the quay', () => {
  it('its Korean name on the stage says it is the user\'s place', () => {
    expect(QUAY_NAME.ko).toContain('사용자');
  });

  it.each(['en', 'ko'] as const)('the legend (%s) explains it under the stage\'s name: kubectl and the flagship', (lang) => {
    const entry = MARK_ENTRIES.find((e) => e.key === 'quay');
    expect(entry?.text[lang].startsWith(`${QUAY_NAME[lang]}:`)).toBe(true);
    expect(entry?.text[lang]).toContain('kubectl');
    expect(entry?.text[lang]).toMatch(lang === 'ko' ? /기함\(컨트롤 플레인\)/ : /flagship \(the control plane\)/);
  });
});
