/** The control-bar button that cycles background traffic: quiet -> hidden -> shown (key B). */
import type { Lang } from '../model/localized.ts';
import type { BackgroundMode } from '../render/background-mode.ts';
import { el, icon } from './dom.ts';
import { t } from './i18n.ts';

/** Three dots, the outer two faint: routine traffic around the story. */
const PATHS = ['M12 9.5a2.5 2.5 0 1 1 0 5 2.5 2.5 0 0 1 0-5z', 'M5 11a1 1 0 1 1 0 2 1 1 0 0 1 0-2zM19 11a1 1 0 1 1 0 2 1 1 0 0 1 0-2z'] as const;

export interface BackgroundToggle {
  readonly element: HTMLButtonElement;
  set(mode: BackgroundMode, lang: Lang): void;
}

export function createBackgroundToggle(onClick: () => void): BackgroundToggle {
  const element = el('button', { type: 'button', class: 'ctrl ctrl--toggle', 'data-action': 'background', 'data-testid': 'background-toggle' }, icon(PATHS));
  element.addEventListener('click', onClick);
  return {
    element,
    set(mode, lang) {
      element.dataset['mode'] = mode;
      element.setAttribute('aria-pressed', String(mode !== 'quiet'));
      const label = t(lang, mode === 'quiet' ? 'backgroundquiet' : mode === 'hide' ? 'backgroundhide' : 'backgroundshow');
      element.setAttribute('aria-label', label);
      element.title = label;
    },
  };
}
