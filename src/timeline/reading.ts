/**
 * How long a caption takes to read, per language, and the reading hold it asks of each step while
 * the player plays on. Pure: the player applies the holds, the schedule never changes for them.
 *
 * Speeds: silent reading of English non-fiction averages ~238 words a minute (Brysbaert 2019, a
 * meta-analysis); subtitle guidelines ask for less (BBC: 160-180 wpm) because the eye also follows
 * the picture. kubedeck's captions sit beside a moving picture, so 200 wpm. Korean is read by the
 * syllable block: ~500 syllables a minute while watching (the lower end of the 500-600 usually
 * given for silent reading of Korean prose). Korean captions keep Kubernetes names in Latin
 * letters (kube-apiserver, spec.nodeName): each of those is read like an English word.
 */
import type { Lang, Localized } from '../model/localized.ts';

export const ENGLISH_WORDS_PER_MINUTE = 200;
export const KOREAN_SYLLABLES_PER_MINUTE = 500;
/** Time for the eye to move to a new caption and take in the picture before reading. */
export const READING_START_SECONDS = 0.5;

const HANGUL_SYLLABLE = /[\uac00-\ud7a3]/gu;
/** A run of letters or digits outside Hangul: one word (identifiers and paths included). */
const LATIN_WORD = /[\p{L}\p{N}][\p{L}\p{N}._/\-:'’]*/gu;

/** Words read at English speed: Latin runs, after taking the Hangul syllables out. */
function latinWords(text: string): number {
  return text.replace(HANGUL_SYLLABLE, ' ').match(LATIN_WORD)?.length ?? 0;
}

function hangulSyllables(text: string): number {
  return text.match(HANGUL_SYLLABLE)?.length ?? 0;
}

/** Seconds (at 1x) a reader needs for `text` in `lang`. */
export function readingSeconds(text: string, lang: Lang): number {
  const words = latinWords(text);
  const syllables = lang === 'ko' ? hangulSyllables(text) : 0;
  if (words === 0 && syllables === 0) return 0;
  return READING_START_SECONDS + (words * 60) / ENGLISH_WORDS_PER_MINUTE + (syllables * 60) / KOREAN_SYLLABLES_PER_MINUTE;
}

export interface TimedCaption {
  readonly caption: Localized;
  readonly start: number;
  readonly end: number;
}

/**
 * Presentation seconds (at 1x) the player holds at the end of each step while playing on: what the
 * caption still needs to be read once the step's own animation is over (0 when the step is long enough).
 */
export function readingHolds(steps: readonly TimedCaption[], lang: Lang): number[] {
  return steps.map((s) => Math.max(0, readingSeconds(s.caption[lang], lang) - Math.max(0, s.end - s.start)));
}
