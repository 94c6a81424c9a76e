/**
 * A friendly, dismissable message over the stage: what was wrong with the link (or the run) and
 * what the app did instead. Messages arrive already localized.
 *
 * The panel sits over the top of the stage, where kube-apiserver is drawn. Once the learner starts
 * the story (plays, steps, seeks) it has been read: it tucks into a small button in the top bar
 * that opens it again, and the stage is whole. A notice that must stay while it holds (the stage's
 * drawing context is lost) does not tuck.
 */
import { el, icon, ICONS } from './dom.ts';

export interface Notice {
  readonly element: HTMLElement;
  /** The tucked notice: a button for the top bar, shown while the panel is tucked away. */
  readonly reopen: HTMLElement;
  /** `tuckable`: the panel steps aside at the learner's first move (see tuck()). */
  show(title: string, messages: readonly string[], labels: NoticeLabels, tuckable: boolean): void;
  /** The learner moved the story on: a tuckable panel becomes the top bar's button. */
  tuck(): void;
  /** Closes it (Esc, the close button): panel and button. True when something was open. */
  hide(): boolean;
}

export interface NoticeLabels {
  readonly dismiss: string;
  /** The top bar button's tooltip and accessible name. */
  readonly reopen: string;
}

export function createNotice(): Notice {
  const title = el('strong', { class: 'notice__title' });
  const list = el('ul', { class: 'notice__list' });
  const dismiss = el('button', { type: 'button', class: 'ctrl ctrl--ghost notice__dismiss', 'data-action': 'dismiss-notice' }, icon(ICONS.close));
  const element = el('div', { class: 'notice', role: 'alert', hidden: true, 'data-testid': 'notice' }, el('div', { class: 'notice__content' }, title, list), dismiss);
  const reopenLabel = el('span', { class: 'notice-reopen__label' });
  const reopen = el('button', { type: 'button', class: 'notice-reopen', hidden: true, 'data-action': 'reopen-notice', 'data-testid': 'notice-reopen' }, icon(ICONS.info), reopenLabel);
  let tuckable = false;
  let shownCount = 0;
  const hide = (): boolean => {
    if (element.hidden && reopen.hidden) return false;
    element.hidden = true;
    reopen.hidden = true;
    return true;
  };
  dismiss.addEventListener('click', hide);
  reopen.addEventListener('click', () => {
    reopen.hidden = true;
    element.hidden = false;
  });
  return {
    element,
    reopen,
    show(heading, messages, labels, canTuck) {
      title.textContent = heading;
      list.replaceChildren(...messages.map((text) => el('li', { text })));
      dismiss.setAttribute('aria-label', labels.dismiss);
      reopenLabel.textContent = heading;
      reopen.title = labels.reopen;
      reopen.setAttribute('aria-label', `${labels.reopen}: ${heading}`);
      tuckable = canTuck;
      // Shown again in the other language, a tucked notice stays tucked; a new message opens it.
      const tucked = !reopen.hidden && canTuck && messages.length <= shownCount;
      shownCount = messages.length;
      element.hidden = messages.length === 0 || tucked;
      reopen.hidden = messages.length === 0 || !tucked;
    },
    tuck() {
      if (!tuckable || element.hidden) return;
      element.hidden = true;
      reopen.hidden = false;
    },
    hide,
  };
}
