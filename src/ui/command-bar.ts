/**
 * The command bar: one line where the learner types a command for the running cluster. Enter
 * submits, ↑/↓ walk this session's history, Tab completes the word at the cursor. What a
 * command means is the app's business (`submit`); the bar only shows the answer — kubectl's
 * error text, or the completions — in a bubble above itself (plain text), so the layout never
 * grows. Keys typed here stay here: Escape leaves the bar instead of closing cards.
 */
import type { Lang } from '../model/localized.ts';
import { el } from './dom.ts';
import { fitPlaceholder } from './fitted-placeholder.ts';
import { t } from './i18n.ts';
import { showWithDetail } from './live-detail.ts';

/** `note` on a taken command: what it printed when the simulation refused it (kubectl's error, kubedeck's pod budget), shown as a terminal would. */
export type SubmitResult = { readonly ok: true; readonly note?: string } | { readonly ok: false; readonly error: string };

export interface CommandBarHandlers {
  /** A promise when the command's run takes a while: the bar says it is running until it settles. */
  submit(line: string): SubmitResult | Promise<SubmitResult>;
  /** Candidates for the word at `cursor` (src/model/kubectl complete()). */
  complete(line: string, cursor: number): readonly string[];
  /** Escape: focus goes back to the stage. */
  leave(): void;
  /** Escape while a command's long run is under way: stop it (true when there was one). */
  cancel?(): boolean;
  /** Ctrl+Z in the empty bar: take back the last command (the bar has no text of its own to undo). */
  undo?(): void;
}

export interface CommandBar {
  readonly element: HTMLElement;
  /** Where buttons that belong with the bar (the action list's) go. */
  readonly tools: HTMLElement;
  focus(): void;
  /** Puts `line` in the bar for the learner to finish (the cursor at its end). */
  fill(line: string): void;
  setLang(lang: Lang): void;
  /** A command that would work in this cluster, shown as the example while the bar is empty. */
  setExample(example: string): void;
  setEnabled(enabled: boolean): void;
  /** Shows a message under the learner's eyes (an error is drawn as one); `detail` is shown, not read aloud (see live-detail.ts). */
  say(text: string, kind: 'error' | 'info', detail?: string): void;
}

/** Completions listed in the bubble; more than this is a hint to type on. */
const MAX_LISTED = 16;

/** The longest prefix every candidate shares. */
export function commonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let end = first.length;
  for (const w of rest) {
    let i = 0;
    while (i < end && i < w.length && w[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}

/**
 * The line after Tab: the word at the cursor replaced by the only candidate (plus a space), or
 * extended to what all candidates share. Undefined when Tab adds nothing.
 */
export function applyCompletion(line: string, cursor: number, candidates: readonly string[]): { line: string; cursor: number } | undefined {
  const head = line.slice(0, cursor);
  const start = head.search(/\S*$/);
  const word = head.slice(start);
  const only = candidates.length === 1 ? candidates[0] : undefined;
  const fill = only !== undefined ? `${only} ` : commonPrefix(candidates);
  if (fill.length <= word.length || !fill.startsWith(word)) return undefined;
  const next = `${line.slice(0, start)}${fill}${line.slice(cursor)}`;
  return { line: next, cursor: start + fill.length };
}

export function createCommandBar(handlers: CommandBarHandlers, initialLang: Lang): CommandBar {
  let lang = initialLang;
  let example = 'wait 30s';
  const history: string[] = [];
  /** Position while walking the history (history.length: the line being typed). */
  let browsing = 0;
  let draft = '';

  const input = el('input', {
    type: 'text',
    class: 'cmdbar__input mono',
    id: 'command-input',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'send',
    'data-testid': 'command-input',
  });
  const prompt = el('label', { class: 'cmdbar__prompt mono', for: 'command-input', 'aria-hidden': 'true', text: '$' });
  const message = el('output', { class: 'cmdbar__message mono', 'data-testid': 'command-message', 'aria-live': 'polite', hidden: true });
  const run = el('button', { type: 'submit', class: 'cmdbar__run', 'data-action': 'run-command' });
  const tools = el('div', { class: 'cmdbar__tools' });
  const form = el('form', { class: 'cmdbar', 'data-testid': 'command-bar', autocomplete: 'off' }, message, prompt, input, run, tools);

  /** A command whose run has not finished: the bar takes no other until it has. */
  let running = false;
  /**
   * A line submitted while a run was going: it runs once that run is drawn (if the bar still holds
   * it), and the running message says so. Before, it was ignored, then cleared with the first.
   */
  let held: string | undefined;
  const say = (text: string, kind: 'error' | 'info', detail?: string): void => {
    const next = running && held !== undefined && kind === 'info' && text !== '' ? t(lang, 'commandHeld', { line: held }) : undefined;
    showWithDetail(message, text, next === undefined ? detail : detail === undefined ? next : `${detail} · ${next}`);
    message.dataset['kind'] = kind;
    message.hidden = text === '';
  };
  const quiet = (): void => say('', 'info');

  const answer = (line: string, result: SubmitResult): void => {
    if (result.ok) {
      // The bar may hold another line by now (typed while this one ran): that one stays.
      if (input.value === line) input.value = '';
      if (result.note !== undefined) say(result.note, 'error');
      else quiet();
    } else say(result.error, 'error');
  };
  const submit = (): void => {
    const line = input.value;
    if (line.trim() === '') return;
    if (running) {
      held = line;
      say(t(lang, 'commandRunning'), 'info');
      return;
    }
    if (history.at(-1) !== line) history.push(line);
    browsing = history.length;
    const result = handlers.submit(line);
    if (!(result instanceof Promise)) {
      answer(line, result);
      return;
    }
    running = true;
    say(t(lang, 'commandRunning'), 'info');
    const done = (): string | undefined => {
      running = false;
      const next = held;
      held = undefined;
      return next;
    };
    void result.then(
      (r) => {
        const next = done();
        answer(line, r);
        // The held line goes next, as the learner typed it: not if they changed it meanwhile, and
        // not after a failure (its message stays; the line waits in the bar for Enter).
        if (r.ok && next !== undefined && input.value === next && !input.disabled) submit();
      },
      () => void done(),
    );
  };

  const walk = (direction: -1 | 1): void => {
    if (browsing === history.length) draft = input.value;
    const next = Math.max(0, Math.min(history.length, browsing + direction));
    if (next === browsing) return;
    browsing = next;
    input.value = browsing === history.length ? draft : (history[browsing] ?? '');
    input.setSelectionRange(input.value.length, input.value.length);
  };

  const completeAtCursor = (): void => {
    const cursor = input.selectionStart ?? input.value.length;
    const candidates = handlers.complete(input.value, cursor);
    const applied = applyCompletion(input.value, cursor, candidates);
    if (applied) {
      input.value = applied.line;
      input.setSelectionRange(applied.cursor, applied.cursor);
    }
    if (candidates.length === 0) say(t(lang, 'commandNoCompletion'), 'info');
    else if (candidates.length > 1) {
      const listed = candidates.slice(0, MAX_LISTED).join('  ');
      say(t(lang, 'commandCompletions', { list: candidates.length > MAX_LISTED ? `${listed}  …` : listed }), 'info');
    } else quiet();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return; // a Korean IME is still composing: its Enter is not ours
    if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      walk(event.key === 'ArrowUp' ? -1 : 1);
    } else if (event.key === 'Tab' && !event.shiftKey && input.value.trim() !== '') {
      // An empty bar lets Tab move focus on, as everywhere else on the page.
      event.preventDefault();
      completeAtCursor();
    } else if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && (event.key === 'z' || event.key === 'Z') && input.value === '' && handlers.undo !== undefined) {
      // An empty line has nothing of its own to undo: the learner means the last command, as on the page.
      event.preventDefault();
      handlers.undo();
    } else if ((event.key === ':' || event.key === '/') && input.value === '') {
      // The keys that bring the learner here (the footer says ": command"): pressed again in the
      // empty bar after a command, they are not the start of one (":kubectl" was an unknown command).
      event.preventDefault();
    } else if (event.key === 'Escape') {
      // The bar's own: leaving it must not also close a card behind it.
      event.stopPropagation();
      // First Escape during a long run stops the run; the bar keeps its focus and line.
      if (running && handlers.cancel?.() === true) return;
      quiet();
      input.blur();
      handlers.leave();
    }
  });
  // The bubble floats over the controls: a press anywhere but the line (the bubble itself too)
  // puts it away, so it never stands between the learner and the play button.
  document.addEventListener('pointerdown', (event) => {
    if (!message.hidden && event.target !== input && event.target !== run) quiet();
  });
  input.addEventListener('input', () => {
    if (message.dataset['kind'] === 'info') quiet();
  });

  // The hint's longest form that fits the bar (at 1280x720 the full one would be cut).
  const setHint = fitPlaceholder(input);
  const setLang = (next: Lang): void => {
    lang = next;
    setHint([t(lang, 'commandPlaceholder', { example }), t(lang, 'commandPlaceholderKeys', { example }), t(lang, 'commandPlaceholderShort', { example })]);
    input.setAttribute('aria-label', t(lang, 'commandLabel'));
    run.textContent = t(lang, 'commandRun');
  };
  setLang(lang);

  return {
    element: form,
    tools,
    focus: () => input.focus({ preventScroll: true }),
    fill(line) {
      input.value = line;
      browsing = history.length;
      quiet();
      input.focus({ preventScroll: true });
      input.setSelectionRange(line.length, line.length);
    },
    setLang,
    setExample(next) {
      example = next;
      setLang(lang);
    },
    setEnabled(enabled) {
      input.disabled = !enabled;
      run.disabled = !enabled;
    },
    say,
  };
}
