/**
 * The "press to start" layer over a frame that has not been seen yet: the stage behind it stays
 * still until the frame is visible or someone presses it.
 */
import type { Lang } from '../model/localized.ts';
import { el, icon, ICONS } from '../ui/dom.ts';
import { embedText } from './strings.ts';

export interface StartOverlay {
  readonly element: HTMLElement;
  setText(lang: Lang, title: string): void;
  hide(): void;
}

export function createStartOverlay(onPress: () => void): StartOverlay {
  const label = el('span', { class: 'embed-start__label' });
  const title = el('span', { class: 'embed-start__title' });
  const button = el('button', { type: 'button', class: 'embed-start__button', 'data-action': 'start' }, el('span', { class: 'embed-start__icon' }, icon(ICONS.play)), label);
  button.addEventListener('click', () => onPress());
  const element = el('div', { class: 'embed-start', 'data-testid': 'start-overlay' }, button, title);
  return {
    element,
    setText(lang, scenarioTitle) {
      label.textContent = embedText(lang, 'pressToStart');
      title.textContent = scenarioTitle;
    },
    hide() {
      element.hidden = true;
    },
  };
}
