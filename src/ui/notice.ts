/**
 * A friendly, dismissable message over the stage: what was wrong with the link (or the run) and
 * what the app did instead. Messages arrive already localized.
 */
import { el, icon, ICONS } from './dom.ts';

export interface Notice {
  readonly element: HTMLElement;
  show(title: string, messages: readonly string[], dismissLabel: string): void;
  hide(): boolean;
}

export function createNotice(): Notice {
  const title = el('strong', { class: 'notice__title' });
  const list = el('ul', { class: 'notice__list' });
  const dismiss = el('button', { type: 'button', class: 'ctrl ctrl--ghost notice__dismiss', 'data-action': 'dismiss-notice' }, icon(ICONS.close));
  const element = el('div', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'notice' }, el('div', { class: 'notice__content' }, title, list), dismiss);
  const hide = (): boolean => {
    if (element.hidden) return false;
    element.hidden = true;
    return true;
  };
  dismiss.addEventListener('click', hide);
  return {
    element,
    show(heading, messages, dismissLabel) {
      title.textContent = heading;
      list.replaceChildren(...messages.map((text) => el('li', { text })));
      dismiss.setAttribute('aria-label', dismissLabel);
      element.hidden = messages.length === 0;
    },
    hide,
  };
}
