/**
 * reveal.js plugin: a slide holding `<iframe data-kubedeck src="embed.html?scenario=…&keys=host">`
 * steps through the scenario with the deck's own navigation.
 *
 *   Reveal.initialize({ plugins: [KubedeckReveal], kubedeck: { mode: 'restart' | 'resume', animate: true } })
 *
 * - Once the embed reports `ready` with its step count, the slide gets one hidden fragment per
 *   step after the first; fragments shown and hidden become `goto` commands ("next" plays the new
 *   step through and pauses at its end unless `animate: false`). So next/previous go
 *   through the steps before leaving the slide, with reveal's keyboard, touch, remotes, overview
 *   and presenter view alike. The slide's own fragments, if any, come first.
 * - Entering the slide goes to the step the embed opened at (`restart`, the default) or to where
 *   it was left (`resume`); `data-kubedeck-mode` on the slide or the iframe overrides the option.
 *   Leaving the slide pauses the embed.
 * - The frame is never reloaded by slide changes: an iframe with `src` stays loaded while its slide
 *   is hidden, and one with reveal's lazy `data-src` is kept once reveal has loaded it.
 * - With `keys=host` the embed forwards navigation keys pressed inside it; they are dispatched on
 *   this page as keydown events, so the arrow keys keep working after a click into the frame.
 * - Until the embed is ready, one placeholder step holds the slide: an early "next" stays on it.
 * Only messages whose source is one of the deck's kubedeck iframes are trusted.
 */
import type { RevealApi, RevealConfig, RevealPlugin } from 'reveal.js';
import type { Command } from './protocol.ts';
import { command, hostKeyboardEvent, parseHostEvent, targetOrigin, type StatusEvent } from './host-events.ts';

export type KubedeckMode = 'restart' | 'resume';

export interface KubedeckRevealOptions {
  /** What entering a kubedeck slide shows: the step the embed opened at, or where it was left. */
  readonly mode?: KubedeckMode;
  /**
   * "Next" plays the new step's animation through and pauses at its end (default true); false
   * jumps to the step's start, like the app's arrow keys. "Previous" always jumps.
   */
  readonly animate?: boolean;
}

/** One kubedeck iframe and what the plugin knows of it. */
interface Frame {
  readonly iframe: HTMLIFrameElement;
  readonly slide: HTMLElement;
  /** Holds the hidden step fragments. */
  readonly holder: HTMLElement;
  /** Steps of the loaded scenario (0 until the embed is ready). */
  steps: number;
  /** The step the embed opened at (where `restart` goes back to). */
  startStep: number;
  /** The step last asked for or last reported: what the embed shows. */
  step: number;
  /**
   * Gotos sent and not yet answered (each is followed by a getState, answered in order). Step
   * changes reported meanwhile are echoes of older gotos: following them would undo key presses.
   */
  inFlight: number;
}

const STEP_CLASS = 'kubedeck-step';

function stepFragment(step: number): HTMLElement {
  const fragment = document.createElement('span');
  fragment.className = `fragment ${STEP_CLASS}`;
  fragment.dataset['kubedeckStep'] = String(step);
  return fragment;
}

function modeOf(value: string | null | undefined): KubedeckMode | undefined {
  return value === 'restart' || value === 'resume' ? value : undefined;
}

/**
 * reveal's lazy `data-src` iframes are unloaded when their slide is left: once reveal has loaded a
 * kubedeck frame, make it an ordinary `src` iframe so it stays.
 */
function keepLoaded(iframe: HTMLIFrameElement): void {
  const settle = (): boolean => {
    const src = iframe.getAttribute('src');
    if (!iframe.hasAttribute('data-src') || src === null || src === '' || src === 'about:blank') return false;
    iframe.removeAttribute('data-src');
    iframe.removeAttribute('data-lazy-loaded');
    return true;
  };
  if (settle() || !iframe.hasAttribute('data-src')) return;
  const observer = new MutationObserver(() => {
    if (settle()) observer.disconnect();
  });
  observer.observe(iframe, { attributes: true, attributeFilter: ['src'] });
}

/** The plugin as reveal.js takes it: `plugins: [KubedeckReveal]` (a factory: one instance per deck). */
export default function KubedeckReveal(): RevealPlugin {
  let deck: RevealApi;
  let options: KubedeckRevealOptions = {};
  const frames: Frame[] = [];
  /** The kubedeck slide being shown, once reveal has finished entering it. */
  let entered: Frame | undefined;

  const frameOfSlide = (slide: Element | null): Frame | undefined => frames.find((f) => f.slide === slide);
  const send = (frame: Frame, body: Parameters<typeof command>[0]): void => {
    const message: Command = command(body);
    frame.iframe.contentWindow?.postMessage(message, targetOrigin(frame.iframe.src, location.href));
  };
  const goto = (frame: Frame, step: number, play = false): void => {
    frame.step = step;
    frame.inFlight += 1;
    send(frame, play ? { type: 'goto', step, play: true } : { type: 'goto', step });
    send(frame, { type: 'getState' });
  };
  const modeFor = (frame: Frame): KubedeckMode =>
    modeOf(frame.iframe.dataset['kubedeckMode']) ?? modeOf(frame.slide.dataset['kubedeckMode']) ?? options.mode ?? 'restart';

  const stepFragments = (frame: Frame): HTMLElement[] => [...frame.holder.querySelectorAll<HTMLElement>(`.${STEP_CLASS}`)];
  const shownSteps = (frame: Frame): number => stepFragments(frame).filter((el) => el.classList.contains('visible')).length;

  /** One fragment per step after the first, rebuilt when the step count changes. */
  function buildFragments(frame: Frame): void {
    const placeholder = frame.holder.querySelector(`.${STEP_CLASS}[data-kubedeck-pending]`) !== null;
    if (!placeholder && stepFragments(frame).length === Math.max(0, frame.steps - 1)) return;
    frame.holder.replaceChildren();
    for (let i = 1; i < frame.steps; i++) frame.holder.append(stepFragment(i));
    deck.syncFragments(frame.slide);
  }

  /**
   * Show exactly the fragments of `step` on the current slide (reveal fires fragment events, and
   * updates its controls and progress bar even when nothing changes).
   */
  function showStep(frame: Frame, step: number): void {
    const fragments = stepFragments(frame);
    if (fragments.length === 0) return;
    const indexOf = (el: HTMLElement | undefined): number => Number(el?.dataset['fragmentIndex'] ?? 0);
    deck.navigateFragment(step === 0 ? indexOf(fragments[0]) - 1 : indexOf(fragments[step - 1]));
  }

  function enter(frame: Frame): void {
    entered = frame;
    if (frame.steps === 0) return; // not ready yet: `ready` sets the slide up
    const target = modeFor(frame) === 'resume' ? frame.step : frame.startStep;
    frame.step = target; // before the fragment events, so they do not send it again
    showStep(frame, target);
    goto(frame, target);
  }

  function leave(frame: Frame): void {
    if (entered === frame) entered = undefined;
    send(frame, { type: 'pause' });
  }

  function onSlideChanged(): void {
    const current = frameOfSlide(deck.getCurrentSlide());
    if (entered && entered !== current) leave(entered);
    if (current && current !== entered) enter(current);
  }

  /** The viewer moved through the step fragments: the embed follows. */
  function onFragment(): void {
    const frame = entered;
    if (!frame || frame.slide !== deck.getCurrentSlide()) return;
    if (frame.steps === 0) return; // the placeholder: nothing to step yet (`ready` sets the slide up)
    const step = shownSteps(frame);
    // One step on is the presenter's "next": it plays (unless animate is off); anything else jumps.
    if (step !== frame.step) goto(frame, step, step === frame.step + 1 && options.animate !== false);
  }

  function onStatus(frame: Frame, event: StatusEvent): void {
    // A `ready` we missed (the frame was faster than the deck) is made up by the answer to getState.
    if (event.type === 'ready' || (frame.steps === 0 && event.steps > 0)) {
      const first = frame.steps === 0;
      frame.steps = event.steps;
      if (first) frame.startStep = event.step;
      frame.step = event.step;
      frame.inFlight = 0; // a (re)loaded page answers nothing sent before
      buildFragments(frame);
      if (entered === frame || frameOfSlide(deck.getCurrentSlide()) === frame) {
        entered = undefined;
        enter(frame);
      } else {
        send(frame, { type: 'pause' });
      }
      return;
    }
    if (frame.steps === 0) return;
    if (event.type === 'state' && frame.inFlight > 0) frame.inFlight -= 1;
    if (frame.inFlight > 0) return;
    frame.step = event.step;
    // The embed moved on its own (playing, its own controls): the fragments follow.
    if (entered === frame) showStep(frame, event.step);
  }

  function onMessage(message: MessageEvent): void {
    const frame = frames.find((f) => f.iframe.contentWindow !== null && f.iframe.contentWindow === message.source);
    if (!frame) return;
    const event = parseHostEvent(message.data);
    if (!event) return;
    if (event.type === 'key') {
      // Only from the slide being shown: a hidden frame cannot have the viewer's focus.
      if (frame.slide === deck.getCurrentSlide()) document.dispatchEvent(hostKeyboardEvent(event));
      return;
    }
    onStatus(frame, event);
  }

  return {
    id: 'kubedeck',
    init(reveal: RevealApi): void {
      deck = reveal;
      const config = reveal.getConfig() as RevealConfig & { kubedeck?: KubedeckRevealOptions };
      options = { mode: modeOf(config.kubedeck?.mode) ?? 'restart', animate: config.kubedeck?.animate !== false };
      const root = reveal.getSlidesElement() ?? document;
      for (const iframe of root.querySelectorAll<HTMLIFrameElement>('iframe[data-kubedeck]')) {
        const slide = iframe.closest('section');
        if (!slide || frameOfSlide(slide)) continue; // one kubedeck frame steps a slide
        keepLoaded(iframe);
        const holder = document.createElement('div');
        holder.className = 'kubedeck-steps';
        holder.hidden = true;
        holder.setAttribute('aria-hidden', 'true');
        // Until the embed reports its steps, one placeholder step holds the slide, so a viewer who
        // presses next while the frame is still starting does not leave it. (reveal reads the
        // slides' fragments when it starts, after the plugins' init.)
        const pending = stepFragment(1);
        pending.dataset['kubedeckPending'] = '';
        holder.append(pending);
        slide.append(holder);
        const frame: Frame = { iframe, slide, holder, steps: 0, startStep: 0, step: 0, inFlight: 0 };
        frames.push(frame);
        // Ask for the state once the frame has loaded, in case it was ready before this listener.
        iframe.addEventListener('load', () => send(frame, { type: 'getState' }));
        send(frame, { type: 'getState' });
      }
      window.addEventListener('message', onMessage);
      reveal.on('slidechanged', onSlideChanged);
      reveal.on('ready', onSlideChanged);
      reveal.on('fragmentshown', onFragment);
      reveal.on('fragmenthidden', onFragment);
    },
    destroy(): void {
      window.removeEventListener('message', onMessage);
      for (const frame of frames) frame.holder.remove();
      frames.length = 0;
      entered = undefined;
    },
  };
}
