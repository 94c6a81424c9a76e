/**
 * The caption bar under the stage: which step this is (the stage draws the cluster clock) and the step's caption
 * in an aria-live region (rewritten only when the step or the language changes, so screen readers
 * hear each caption once).
 */
import type { Lang } from '../model/localized.ts';
import type { PlayerState, StepInfo } from '../timeline/player-api.ts';
import { el } from './dom.ts';
import type { GlossaryTip } from './glossary-tip.ts';
import { t } from './i18n.ts';
import { showWithDetail } from './live-detail.ts';

export interface Captions {
  readonly element: HTMLElement;
  update(state: PlayerState, steps: readonly StepInfo[], lang: Lang): void;
  /**
   * A plain message instead of a caption (loading, or no scenario). `detail` (how far a long run
   * got) is shown after it but not read aloud: a screen reader hears the message once, not each tick.
   */
  showMessage(text: string, detail?: string): void;
}

export function createCaptions(tip: GlossaryTip): Captions {
  const counter = el('span', { class: 'caption__step', 'data-testid': 'step-counter' });
  const text = el('p', { class: 'caption__text', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'caption' });
  const element = el('section', { class: 'caption' }, el('div', { class: 'caption__meta' }, counter), text);

  let shown = '';
  return {
    element,
    update(state, steps, lang) {
      const step = steps[state.step];
      const count = steps.length > 0 ? t(lang, 'stepOf', { n: state.step + 1, total: steps.length }) : '';
      // Every frame while playing: a text written again, even unchanged, is a layout.
      if (counter.textContent !== count) counter.textContent = count;
      const key = `${lang}:${state.step}:${step?.id ?? ''}`;
      if (key === shown || !step) return;
      shown = key;
      tip.render(text, step.caption[lang], lang);
    },
    showMessage(message, detail) {
      shown = '';
      counter.textContent = '';
      showWithDetail(text, message, detail);
    },
  };
}
