/** Reading time of captions (src/timeline/reading.ts), on real scenarios' captions in both languages. */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scenes/index.ts';
import { runScenario } from '../../src/sim/run.ts';
import type { StepEvent } from '../../src/sim/trace.ts';
import { buildSchedule } from '../../src/timeline/schedule.ts';
import { ENGLISH_WORDS_PER_MINUTE, KOREAN_SYLLABLES_PER_MINUTE, READING_START_SECONDS, readingHolds, readingSeconds } from '../../src/timeline/reading.ts';

const podCreation = SCENARIOS.find((d) => d.id === 'pod-creation');
if (!podCreation) throw new Error('pod-creation is missing');
const trace = runScenario(podCreation);
const captions = trace.events.filter((e): e is StepEvent => e.kind === 'step').map((e) => e.caption);

describe('readingSeconds', () => {
  it('reads English at 200 words a minute, plus a moment to find the caption', () => {
    expect(ENGLISH_WORDS_PER_MINUTE).toBe(200);
    expect(readingSeconds('one two three four five six seven eight nine ten', 'en')).toBeCloseTo(READING_START_SECONDS + 3, 9);
    // Identifiers and paths are one word each.
    expect(readingSeconds('kube-apiserver writes /registry/pods/default/web-1 spec.nodeName', 'en')).toBeCloseTo(READING_START_SECONDS + 1.2, 9);
    expect(readingSeconds('', 'en')).toBe(0);
  });

  it('reads Korean by the syllable (500 a minute) and Latin names like English words', () => {
    expect(KOREAN_SYLLABLES_PER_MINUTE).toBe(500);
    // 11 syllables: 1.32 s; kube-apiserver: 0.3 s.
    expect(readingSeconds('kube-apiserver가 파드를 저장합니다 지금', 'ko')).toBeCloseTo(READING_START_SECONDS + (11 * 60) / 500 + 60 / 200, 9);
  });

  it('gives the real pod-creation captions 2-20 s in each language, longer captions longer', () => {
    expect(captions.length).toBeGreaterThan(5);
    for (const c of captions) {
      for (const lang of ['en', 'ko'] as const) {
        const s = readingSeconds(c[lang], lang);
        expect(s, `${lang}: ${c[lang]}`).toBeGreaterThan(2);
        expect(s, `${lang}: ${c[lang]}`).toBeLessThan(20);
      }
    }
    // The Filter step's caption (25+ words) needs well over the 1.6 s the step's picture lasted before.
    const filter = captions.find((c) => c.en.startsWith('Filter:'));
    expect(filter && readingSeconds(filter.en, 'en')).toBeGreaterThan(6);
    expect(filter && readingSeconds(filter.ko, 'ko')).toBeGreaterThan(5);
  });
});

describe('readingHolds', () => {
  it('holds a step at its end for what its caption still needs, never less than nothing', () => {
    for (const def of SCENARIOS) {
      const schedule = buildSchedule(runScenario(def));
      for (const lang of ['en', 'ko'] as const) {
        const holds = readingHolds(schedule.steps, lang);
        expect(holds).toHaveLength(schedule.steps.length);
        schedule.steps.forEach((s, i) => {
          const hold = holds[i] ?? -1;
          expect(hold).toBeGreaterThanOrEqual(0);
          // Picture time plus hold covers the reading time exactly when a hold is needed.
          expect(s.end - s.start + hold).toBeGreaterThanOrEqual(readingSeconds(s.caption[lang], lang) - 1e-9);
          if (hold > 0) expect(s.end - s.start + hold).toBeCloseTo(readingSeconds(s.caption[lang], lang), 9);
        });
      }
    }
  });
});
