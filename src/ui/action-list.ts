/**
 * The learner's commands beside the stage: when each was given (simulated time), the command,
 * and what it did in this run (kubectl's output, or its error in the warning colour). Each can
 * be removed; Undo walks the session back. The panel folds away, and it is not there at all
 * while there is nothing to list. All text goes in through textContent.
 */
import type { Lang } from '../model/localized.ts';
import type { CommandOutcome, TimedCommand } from '../sim/sandbox/timed-command.ts';
import type { StoryLeftWaiting } from '../sim/trace.ts';
import { clockReached } from './run-in-slices.ts';
import { el, icon, ICONS } from './dom.ts';
import { t } from './i18n.ts';

/**
 * A command as words that keep together: a line breaks between words, not after the hyphens of
 * "--replicas=3000" ("--" alone at a line's end, reviewer). A word wider than the panel still wraps.
 */
function commandText(command: string): HTMLElement {
  const code = el('code', { class: 'actions__command' });
  command.split(' ').forEach((word, i) => {
    if (i > 0) code.append(' ');
    code.append(el('span', { class: 'actions__word', text: word }));
  });
  return code;
}

/** Where the commands left the story, when its run ended before the story did (Trace.unfinished), and when that was (ms). */
export interface StoryLeftAt {
  readonly left: StoryLeftWaiting;
  readonly endTime: number;
}

export interface ActionListHandlers {
  remove(index: number): void;
  undo(): void;
  /** Save as scenario (offered only when the app can write this session as a file). */
  save?(): void;
  /** A command's output as the page's language shows it (kubedeck's own messages in Korean); default as it is. */
  words?(output: string, lang: Lang): string;
}

export interface ActionList {
  /** The panel (goes beside the stage). */
  readonly element: HTMLElement;
  /** The fold and Undo buttons (go in the command bar). */
  readonly buttons: HTMLElement;
  show(actions: readonly TimedCommand[], outcomes: readonly CommandOutcome[] | undefined, canUndo: boolean, story?: StoryLeftAt): void;
  /** Whether this session can be saved as a scenario file (the sandbox scenario). */
  setCanSave(can: boolean): void;
  /** Unfolds the panel (a new command was given: the learner should see its answer). */
  unfold(): void;
  setLang(lang: Lang): void;
}

/** `t=12.5s`: simulated seconds, as the cluster clock counts them. */
/** Tenths of a second, or milliseconds when the moment has them: commands a few ms apart (a create, the scale that waited for its answer) read in order. */
export const actionTime = (at: number): string => `t=${(at / 1000).toFixed(at % 100 === 0 ? 1 : 3)}s`;

/** The outcome of `actions[index]`: by position when it matches (the runner keeps the order), else by time and text. */
export function outcomeFor(actions: readonly TimedCommand[], outcomes: readonly CommandOutcome[], index: number): CommandOutcome | undefined {
  const action = actions[index];
  if (action === undefined) return undefined;
  const same = (o: CommandOutcome | undefined): boolean => o !== undefined && o.at === action.at && o.command === action.command;
  const byPosition = outcomes[index];
  return same(byPosition) ? byPosition : outcomes.find(same);
}

export function createActionList(handlers: ActionListHandlers, initialLang: Lang): ActionList {
  let lang = initialLang;
  let folded = true;
  let last: { actions: readonly TimedCommand[]; outcomes: readonly CommandOutcome[] | undefined; canUndo: boolean; story?: StoryLeftAt | undefined } = {
    actions: [],
    outcomes: undefined,
    canUndo: false,
  };

  const title = el('h2', { class: 'actions__title', id: 'actions-title' });
  const list = el('ol', { class: 'actions__list', 'data-testid': 'action-list' });
  // Why the story's later steps are missing, under the commands that caused it (plain text).
  const storyNote = el('p', { class: 'actions__story', 'data-testid': 'story-left-waiting', role: 'note', hidden: true });
  let canSave = false;
  const save = el('button', { type: 'button', class: 'actions__save', 'data-action': 'save-scenario', hidden: true });
  save.addEventListener('click', () => handlers.save?.());
  const fold = el('button', { type: 'button', class: 'ctrl ctrl--ghost actions__close', 'data-action': 'fold-actions' }, icon(ICONS.close));
  const element = el(
    'aside',
    { class: 'actions', hidden: true, 'aria-labelledby': 'actions-title', 'data-testid': 'actions-panel' },
    el('header', { class: 'actions__header' }, title, fold),
    list,
    storyNote,
    el('footer', { class: 'actions__footer' }, save),
  );
  const count = el('span', { class: 'cmdbar__count' });
  const toggle = el('button', { type: 'button', class: 'cmdbar__tool', 'data-action': 'toggle-actions', 'aria-expanded': 'false', hidden: true }, icon(ICONS.list), count);
  const undo = el('button', { type: 'button', class: 'cmdbar__tool', 'data-action': 'undo', hidden: true }, icon(ICONS.undo));
  const buttons = el('div', { class: 'cmdbar__buttons' }, toggle, undo);

  const row = (action: TimedCommand, index: number): HTMLElement => {
    const outcome = last.outcomes === undefined ? undefined : outcomeFor(last.actions, last.outcomes, index);
    const output =
      outcome !== undefined
        ? el('pre', { class: `actions__output mono${outcome.ok ? '' : ' actions__output--error'}`, text: handlers.words?.(outcome.output.join('\n'), lang) ?? outcome.output.join('\n') })
        : last.outcomes !== undefined
          ? el('p', { class: 'actions__output actions__output--pending', text: t(lang, 'actionPending') })
          : null;
    const remove = el('button', { type: 'button', class: 'ctrl ctrl--ghost actions__remove', 'data-action': 'remove-action', 'aria-label': t(lang, 'removeAction', { command: action.command }) }, icon(ICONS.close));
    remove.title = t(lang, 'removeAction', { command: action.command });
    remove.addEventListener('click', () => {
      handlers.remove(index);
      // The row is gone: keep the keyboard where it was (the next row's ×, else Undo).
      const left = list.querySelectorAll<HTMLButtonElement>('[data-action=remove-action]');
      const next = left[Math.min(index, left.length - 1)];
      (next ?? (undo.hidden ? null : undo))?.focus();
    });
    return el(
      'li',
      { class: 'actions__item', 'data-ok': outcome === undefined ? undefined : String(outcome.ok) },
      el('div', { class: 'actions__line' }, el('span', { class: 'actions__time mono', text: actionTime(action.at) }), commandText(action.command), remove),
      output,
    );
  };

  const render = (): void => {
    const n = last.actions.length;
    element.hidden = n === 0 || folded;
    toggle.hidden = n === 0;
    toggle.setAttribute('aria-expanded', String(!folded));
    const toggleLabel = t(lang, folded ? 'actionsShow' : 'actionsHide');
    toggle.setAttribute('aria-label', toggleLabel);
    toggle.title = toggleLabel;
    count.textContent = String(n);
    undo.hidden = !last.canUndo;
    undo.setAttribute('aria-label', t(lang, 'undo'));
    undo.title = t(lang, 'undo');
    title.textContent = t(lang, 'actionsTitle', { count: n });
    fold.setAttribute('aria-label', t(lang, 'actionsHide'));
    list.replaceChildren(...last.actions.map(row));
    const story = n > 0 ? last.story : undefined;
    storyNote.hidden = story === undefined;
    if (story !== undefined) {
      const time = clockReached(story.endTime);
      const what = story.left.waitsFor?.[lang];
      storyNote.textContent = what === undefined ? t(lang, 'storyLeftUnfinished', { time }) : t(lang, 'storyLeftWaiting', { time, what });
    }
    save.hidden = !canSave || handlers.save === undefined;
    save.textContent = t(lang, 'saveScenario');
    save.title = t(lang, 'saveScenarioHint');
  };

  toggle.addEventListener('click', () => {
    folded = !folded;
    render();
  });
  fold.addEventListener('click', () => {
    folded = true;
    render();
  });
  undo.addEventListener('click', () => handlers.undo());

  return {
    element,
    buttons,
    show(actions, outcomes, canUndo, story) {
      last = { actions, outcomes, canUndo, story };
      render();
    },
    unfold() {
      folded = false;
      render();
    },
    setCanSave(can) {
      canSave = can;
      render();
    },
    setLang(next) {
      lang = next;
      render();
    },
  };
}
