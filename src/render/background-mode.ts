/** How background traffic (lease renewals, heartbeats, routine repeats) is drawn. No PixiJS here: the URL and embed parsers use it. */
export type BackgroundMode = 'show' | 'quiet' | 'hide';
/** In toggle order; the first is the default. */
export const BACKGROUND_MODES: readonly BackgroundMode[] = ['quiet', 'hide', 'show'];
export const DEFAULT_BACKGROUND: BackgroundMode = 'quiet';

export const isBackgroundMode = (v: string): v is BackgroundMode => (BACKGROUND_MODES as readonly string[]).includes(v);

/** The next mode of the toggle: quiet -> hide -> show -> quiet. */
export function nextBackground(mode: BackgroundMode): BackgroundMode {
  const i = BACKGROUND_MODES.indexOf(mode);
  return BACKGROUND_MODES[(i + 1) % BACKGROUND_MODES.length] ?? DEFAULT_BACKGROUND;
}
