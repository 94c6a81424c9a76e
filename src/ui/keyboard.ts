/**
 * Keyboard shortcuts: a pure key -> command map plus the listener that applies it. Keys typed into
 * form fields stay with the field; Space on a focused button stays a button press.
 *
 * Presenter pacing (what each command does: src/timeline/player-api.ts): → (and a presenter
 * remote's Page Down) plays the next step and pauses at its end; ← (Page Up) goes back to the step's
 * start; Space plays on, holding each step until its caption can be read; Home/End jump to the start
 * or the end without playing. `:` (or `/`) goes to the command bar; Ctrl+Z takes back the last
 * command given there (inside a text field it stays the field's own undo).
 */
export type KeyCommand = 'toggle' | 'stepBack' | 'stepForward' | 'restart' | 'end' | 'faster' | 'slower' | 'close' | 'background' | 'legend' | 'command' | 'undo';

export interface KeyLike {
  readonly key: string;
  readonly altKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly shiftKey?: boolean;
}

/** The command for a key press, ignoring where it happened. */
export function commandForKey(event: KeyLike): KeyCommand | undefined {
  // Ctrl+Z (Cmd+Z on a Mac) takes back the learner's last command; other modified keys stay the browser's.
  if ((event.ctrlKey || event.metaKey) && !event.altKey && (event.key === 'z' || event.key === 'Z') && !(event.shiftKey ?? false)) return 'undo';
  if (event.altKey || event.ctrlKey || event.metaKey) return undefined;
  switch (event.key) {
    case ' ':
    case 'Spacebar':
      return 'toggle';
    case 'ArrowLeft':
    case 'PageUp':
      return 'stepBack';
    case 'ArrowRight':
    case 'PageDown':
      return 'stepForward';
    case 'Home':
      return 'restart';
    case 'End':
      return 'end';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'Escape':
      return 'close';
    case 'b':
    case 'B':
      return 'background';
    case '?':
    case 'l':
    case 'L':
      return 'legend';
    case ':':
    case '/':
      return 'command';
    default:
      return undefined;
  }
}

/** Whether the focused element should keep this key for itself. */
export function targetKeepsKey(target: EventTarget | null, command: KeyCommand): boolean {
  if (command === 'close') return false;
  if (!(target instanceof Element)) return false;
  const tag = target.tagName;
  // The scrubber is a range input, but on it arrows mean "step" like everywhere else.
  if (target instanceof HTMLInputElement && target.type === 'range') return false;
  if (tag === 'INPUT' || tag === 'SELECT' || tag === 'TEXTAREA' || (target instanceof HTMLElement && target.isContentEditable)) return true;
  if (command === 'toggle' && (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'A')) return true;
  return false;
}

export function bindKeyboard(root: Document, run: (command: KeyCommand) => boolean): () => void {
  const onKey = (event: KeyboardEvent): void => {
    const command = commandForKey(event);
    if (!command || targetKeepsKey(event.target, command)) return;
    if (run(command)) event.preventDefault();
  };
  root.addEventListener('keydown', onKey);
  return () => root.removeEventListener('keydown', onKey);
}
