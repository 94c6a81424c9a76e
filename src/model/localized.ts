/** Text shown to people, in both first-class languages. */
export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export interface Localized {
  readonly en: string;
  readonly ko: string;
}

export const text = (en: string, ko: string): Localized => ({ en, ko });
