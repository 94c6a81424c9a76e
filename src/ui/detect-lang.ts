/** The page's language from the browser's (its own module: main.ts asks before the string tables load). */
import type { Lang } from '../model/localized.ts';

/** The first browser language we support, else English. */
export function detectLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'ko') return 'ko';
    if (primary === 'en') return 'en';
  }
  return 'en';
}
