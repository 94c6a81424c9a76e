/**
 * "Try it" on the object card: what the learner can do to the object shown (cordon a node, delete
 * a pod, scale a Deployment), as buttons. Which actions fit is context-actions.ts's business; this
 * draws them (labels as text) and hands the pick back. Redrawn only when the actions change.
 */
import type { Lang } from '../model/localized.ts';
import type { ContextAction } from './context-actions.ts';
import { el } from './dom.ts';
import { t } from './i18n.ts';

export interface CardActions {
  show(host: HTMLElement, actions: readonly ContextAction[], lang: Lang): void;
}

export function createCardActions(pick: (action: ContextAction) => void): CardActions {
  let shown = '';
  return {
    show(host, actions, lang) {
      const key = `${lang}|${actions.map((a) => `${a.id}:${a.command}`).join('|')}`;
      if (key === shown) return;
      shown = key;
      host.hidden = actions.length === 0;
      host.replaceChildren(
        el('span', { class: 'object__tools-label', text: t(lang, 'tryIt') }),
        ...actions.map((action) => {
          const button = el('button', { type: 'button', class: 'object__tool', 'data-context-action': action.id, title: action.command, text: action.label[lang] });
          button.addEventListener('click', () => pick(action));
          return button;
        }),
      );
    },
  };
}
