/**
 * The caption bar under the stage: which step this is, the cluster clock, and the step's caption
 * in an aria-live region (rewritten only when the step or the language changes, so screen readers
 * hear each caption once).
 */
import type { Lang } from '../model/localized.ts';
import type { PlayerState, StepInfo } from '../timeline/player-api.ts';
import { el } from './dom.ts';
import type { GlossaryTip } from './glossary-tip.ts';
import { t } from './i18n.ts';

export interface Captions {
  readonly element: HTMLElement;
  update(state: PlayerState, steps: readonly StepInfo[], lang: Lang): void;
  /** A plain message instead of a caption (loading, or no scenario). */
  showMessage(text: string): void;
}

/** Simulated ms -> "m:ss" (or "h:mm:ss"), for the cluster clock. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

export function createCaptions(tip: GlossaryTip): Captions {
  const counter = el('span', { class: 'caption__step', 'data-testid': 'step-counter' });
  const clockLabel = el('span', { class: 'caption__clock-label' });
  const clockValue = el('span', { class: 'caption__clock-value mono', 'data-testid': 'clock' });
  const clock = el('span', { class: 'caption__clock' }, clockLabel, clockValue);
  const text = el('p', { class: 'caption__text', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'caption' });
  const element = el('section', { class: 'caption' }, el('div', { class: 'caption__meta' }, counter, clock), text);

  let shown = '';
  return {
    element,
    update(state, steps, lang) {
      const step = steps[state.step];
      counter.textContent = steps.length > 0 ? t(lang, 'stepOf', { n: state.step + 1, total: steps.length }) : '';
      clockLabel.textContent = t(lang, 'clusterClock');
      clockValue.textContent = formatClock(state.simTime);
      const key = `${lang}:${state.step}:${step?.id ?? ''}`;
      if (key === shown || !step) return;
      shown = key;
      tip.render(text, step.caption[lang], lang);
    },
    showMessage(message) {
      shown = '';
      counter.textContent = '';
      clockValue.textContent = '';
      clockLabel.textContent = '';
      text.textContent = message;
    },
  };
}
