/**
 * The scale view's Korean words read as written by a person: kubectl's state words (Ready,
 * NotReady, Unknown, Terminating) and component names (kubelet) stay English, as Korean study material writes them, but no other
 * English word appears and every count carries its Korean counter ("Ready 50" was a bare number
 * after an English word, read as English in a Korean header).
 */
import { describe, expect, it } from 'vitest';
import { scaleWords } from '../../../src/render/scale/words.ts';

const API_TERMS = ['Ready', 'NotReady', 'Unknown', 'Terminating', 'kubelet'];
const STATES = ['Ready', 'NotReady', 'Unknown'] as const;

/** The Korean words a header or a tile shows, for a zone named zone-c. */
const koreanWords = (): string[] => [
  scaleWords.zoneTitle('ko', 'zone-c', 50),
  scaleWords.zoneTitle('ko', '', 3),
  ...STATES.map((s) => scaleWords.stateCount('ko', s, 48)),
  scaleWords.pods('ko', 1000),
  scaleWords.terminating('ko', 20),
  scaleWords.kubeletsDown('ko', 50),
  ...STATES.map((s) => scaleWords.tileState('ko', s, 20)),
  scaleWords.messages('ko', 15),
  scaleWords.back('ko'),
];

describe('the scale view in Korean', () => {
  it.each(koreanWords())('"%s" has no English word but kubectl\'s states and the zone\'s name', (text) => {
    const rest = text.replace('zone-c', '').replace(new RegExp(`\\b(${API_TERMS.join('|')})\\b`, 'g'), '');
    expect(rest).not.toMatch(/[A-Za-z]/);
  });

  it.each(koreanWords().filter((t) => /\d/.test(t)))('"%s": every number is followed by a Korean counter', (text) => {
    const bare = text.replace('zone-c', '').match(/\d[\d,]*(?![\d,]*[대개])/g);
    expect(bare).toBeNull();
  });

  it('English keeps kubectl\'s short form', () => {
    expect(scaleWords.stateCount('en', 'Ready', 48)).toBe('Ready 48');
    expect(scaleWords.terminating('en', 20)).toBe('Terminating 20');
    expect(scaleWords.tileState('en', 'Unknown', 20)).toBe('Unknown · 20');
  });
});
