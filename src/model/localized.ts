/** Text shown to people, in both first-class languages. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface Localized {
  readonly en: string;
  readonly ko: string;
}

export const text = (en: string, ko: string): Localized => ({ en, ko });

/** Whether `value` is a Localized (text in both languages), e.g. read from an XState state's meta. */
export const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && 'en' in value && 'ko' in value && typeof value.en === 'string' && typeof value.ko === 'string';
