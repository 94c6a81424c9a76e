/**
 * Themes are CSS variables keyed on <html data-theme>; the stage gets the same name through
 * setTheme. Defaults follow the viewer's system preferences.
 */
export const THEMES = ['dark', 'light', 'contrast'] as const;
export type ThemeName = (typeof THEMES)[number];

export function isThemeName(value: string): value is ThemeName {
  return (THEMES as readonly string[]).includes(value);
}

/** A link's theme= value as a theme ("high-contrast" is another name for "contrast"), else undefined. */
export function linkTheme(raw: string): ThemeName | undefined {
  const name = raw === 'high-contrast' ? 'contrast' : raw;
  return isThemeName(name) ? name : undefined;
}

type MediaQuery = (query: string) => boolean;

const media: MediaQuery = (query) => typeof matchMedia === 'function' && matchMedia(query).matches;

export function systemTheme(matches: MediaQuery = media): ThemeName {
  if (matches('(prefers-contrast: more)') || matches('(forced-colors: active)')) return 'contrast';
  return matches('(prefers-color-scheme: light)') ? 'light' : 'dark';
}

export function prefersReducedMotion(matches: MediaQuery = media): boolean {
  return matches('(prefers-reduced-motion: reduce)');
}

export function applyTheme(root: HTMLElement, theme: ThemeName): void {
  root.dataset['theme'] = theme;
  // Native form controls and scrollbars follow the theme too.
  root.style.colorScheme = theme === 'light' ? 'light' : 'dark';
}

/** Calls back when the viewer switches reduced motion on or off while the app is open. */
export function watchReducedMotion(listener: (reduce: boolean) => void): void {
  if (typeof matchMedia !== 'function') return;
  matchMedia('(prefers-reduced-motion: reduce)').addEventListener('change', (event) => listener(event.matches));
}
