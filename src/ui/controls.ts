/**
 * Transport controls: restart, step back, play/pause, step forward, go to end, a scrubber with a
 * mark per narration step, speed and loop. Calls the player's API; redraws from its state.
 */
import type { Lang } from '../model/localized.ts';
import { SPEEDS, type PlayerState, type StepInfo } from '../timeline/player-api.ts';
import { clear, el, icon, ICONS } from './dom.ts';
import { t, type StringKey } from './i18n.ts';

export interface ControlHandlers {
  toggle(): void;
  stepBack(): void;
  stepForward(): void;
  restart(): void;
  end(): void;
  seek(time: number): void;
  gotoStep(index: number): void;
  setSpeed(speed: number): void;
  setLoop(loop: boolean): void;
}

export interface Controls {
  readonly element: HTMLElement;
  setSteps(steps: readonly StepInfo[], duration: number, lang: Lang): void;
  update(state: PlayerState): void;
  setLang(lang: Lang): void;
  setEnabled(enabled: boolean): void;
  /** More buttons at the end of the options group (background toggle, legend). */
  addOptions(...nodes: readonly HTMLElement[]): void;
}

/** "0.25" -> "0.25×" */
export const speedLabel = (speed: number): string => `${speed}×`;

/** Presentation seconds -> "m:ss". */
const mmss = (seconds: number): string => {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export function createControls(handlers: ControlHandlers, initialLang: Lang): Controls {
  let lang = initialLang;
  let steps: readonly StepInfo[] = [];
  let last: PlayerState | undefined;
  let markedStep = -1;
  const labelled: { node: HTMLElement; key: StringKey }[] = [];

  const button = (key: StringKey, paths: readonly string[], onClick: () => void, extra = ''): HTMLButtonElement => {
    const node = el('button', { type: 'button', class: `ctrl ${extra}`.trim(), 'data-action': key }, icon(paths));
    node.addEventListener('click', onClick);
    labelled.push({ node, key });
    return node;
  };

  const restart = button('restart', ICONS.restart, () => handlers.restart());
  const back = button('stepBack', ICONS.stepBack, () => handlers.stepBack());
  const play = el('button', { type: 'button', class: 'ctrl ctrl--primary', 'data-action': 'play' }, icon(ICONS.play));
  play.addEventListener('click', () => handlers.toggle());
  const forward = button('stepForward', ICONS.stepForward, () => handlers.stepForward());
  const end = button('toEnd', ICONS.toEnd, () => handlers.end());

  const range = el('input', { type: 'range', class: 'scrubber__range', min: 0, max: 1, step: 'any', value: 0, 'data-testid': 'scrubber' });
  let dragging = false;
  range.addEventListener('pointerdown', () => (dragging = true));
  const stopDrag = (): void => {
    dragging = false;
  };
  range.addEventListener('pointerup', stopDrag);
  range.addEventListener('pointercancel', stopDrag);
  range.addEventListener('input', () => handlers.seek(Number(range.value)));
  const marks = el('div', { class: 'scrubber__marks', 'aria-hidden': 'true' });
  const time = el('span', { class: 'scrubber__time mono' });
  const scrubber = el('div', { class: 'scrubber' }, el('div', { class: 'scrubber__track' }, marks, range), time);

  const speedLabelNode = el('span', { class: 'visually-hidden' });
  const speed = el('select', { class: 'speed', 'data-testid': 'speed' });
  for (const s of SPEEDS) speed.append(el('option', { value: s, text: speedLabel(s) }));
  speed.value = '1';
  speed.addEventListener('change', () => handlers.setSpeed(Number(speed.value)));
  const speedWrap = el('label', { class: 'speed-wrap' }, speedLabelNode, speed);

  const loop = button('loop', ICONS.loop, () => handlers.setLoop(!(last?.loop ?? false)), 'ctrl--toggle');
  loop.setAttribute('aria-pressed', 'false');

  const options = el('div', { class: 'controls__options' }, speedWrap, loop);
  const element = el(
    'div',
    { class: 'controls', role: 'toolbar' },
    el('div', { class: 'controls__transport' }, restart, back, play, forward, end),
    scrubber,
    options,
  );

  const drawMarks = (duration: number): void => {
    clear(marks);
    if (duration <= 0) return;
    steps.forEach((step) => {
      const mark = el('span', { class: 'scrubber__mark', 'data-step': step.index });
      mark.style.left = `${(step.start / duration) * 100}%`;
      mark.addEventListener('click', () => handlers.gotoStep(step.index));
      marks.append(mark);
    });
  };

  const applyLang = (): void => {
    for (const { node, key } of labelled) {
      node.setAttribute('aria-label', t(lang, key));
      node.title = t(lang, key);
    }
    const playing = last?.playing ?? false;
    play.setAttribute('aria-label', t(lang, playing ? 'pause' : 'play'));
    play.title = `${t(lang, playing ? 'pause' : 'play')} (Space)`;
    range.setAttribute('aria-label', t(lang, 'scrubber'));
    speedLabelNode.textContent = t(lang, 'speed');
    speed.title = `${t(lang, 'speed')} (+/−)`;
    element.setAttribute('aria-label', t(lang, 'scrubber'));
  };

  return {
    element,
    setSteps(next, duration, nextLang) {
      steps = next;
      lang = nextLang;
      range.max = String(duration);
      drawMarks(duration);
      markedStep = -1;
      applyLang();
    },
    update(state) {
      const wasPlaying = last?.playing;
      last = state;
      if (!dragging) range.value = String(state.time);
      // Called every frame while playing: the words change once a second, and writing them
      // anyway (a new text node, attribute records) costs the page a layout per frame.
      const shown = `${mmss(state.time)} / ${mmss(state.duration)}`;
      if (time.textContent !== shown) {
        range.setAttribute('aria-valuetext', shown);
        time.textContent = shown;
      }
      if (wasPlaying !== state.playing) {
        play.replaceChildren(icon(state.playing ? ICONS.pause : ICONS.play));
        play.dataset['playing'] = String(state.playing);
        applyLang();
      }
      if (speed.value !== String(state.speed)) speed.value = String(state.speed);
      if (loop.getAttribute('aria-pressed') !== String(state.loop)) loop.setAttribute('aria-pressed', String(state.loop));
      if (state.step !== markedStep) {
        markedStep = state.step;
        marks.querySelectorAll<HTMLElement>('.scrubber__mark').forEach((mark, i) => mark.classList.toggle('is-passed', i <= state.step));
      }
    },
    setLang(next) {
      lang = next;
      applyLang();
    },
    addOptions(...nodes) {
      options.append(...nodes);
    },
    setEnabled(enabled) {
      for (const node of element.querySelectorAll<HTMLButtonElement | HTMLInputElement | HTMLSelectElement>('button, input, select')) node.disabled = !enabled;
    },
  };
}
