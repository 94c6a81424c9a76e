/**
 * The scale view's Korean words read as written by a person: kubectl's state words (Ready,
 * NotReady, Unknown, Terminating) and component names (kubelet) stay English, as Korean study material writes them, but no other
 * English word appears and every count carries its Korean counter ("Ready 50" was a bare number
 * after an English word, read as English in a Korean header).
 */
import { describe, expect, it } from 'vitest';
import { scaleWords } from '../../../src/render/scale/words.ts';
import { TILE_ENTRIES } from '../../../src/ui/legend-entries.ts';

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

  it('a node without power has one Korean word: the zone header, the legend and the opened ship all say its kubelet is 다운', () => {
    expect(scaleWords.kubeletsDown('ko', 50)).toBe('kubelet 50대 다운');
    // The opened ship's crew chip reads "kubelet" over "다운" (STATUS_LABEL in src/render/scene/station.ts).
    const legend = TILE_ENTRIES.find((e) => e.key === 'kubeletDown')?.text.ko ?? '';
    expect(legend.startsWith('kubelet 다운')).toBe(true);
    expect(`${scaleWords.kubeletsDown('ko', 50)} ${legend}`).not.toMatch(/응답 없음|중단/);
  });

  it('the legend says what kubectl prints for an Unknown node (NotReady), in both languages', () => {
    const unknown = TILE_ENTRIES.find((e) => e.key === 'unknown')?.text;
    expect(unknown?.en).toContain('kubectl get nodes prints NotReady');
    expect(unknown?.ko).toContain('NotReady로 표시');
  });
});
