/**
 * When the embed may animate: not before its frame has been seen (or pressed), never while it
 * is hidden. Play requests that arrive too early wait for visibility; a frame that is hidden
 * while playing pauses and resumes when seen again. Timer-free, so it is unit-tested as is.
 */
export interface GatedPlayer {
  getState(): { readonly playing: boolean };
  play(): void;
  pause(): void;
  /** Stop animating but keep where a "play this step" was to pause: play() resumes towards it. */
  suspend(): void;
}

export interface PlayGate {
  /** True once the frame was seen or pressed: the "press to start" layer is gone. */
  readonly started: boolean;
  /** True while the frame may animate now (started, and visible or pressed). */
  readonly canAnimate: boolean;
  /** The frame became visible or hidden (IntersectionObserver + page visibility). */
  setVisible(visible: boolean): void;
  /** Someone pressed "press to start": start and play even if the frame is barely on screen. */
  press(): void;
  play(): void;
  /** Play one step through (a presenter's "next"): now if the frame may animate, else once it is seen. */
  playStep(run: () => void): void;
  pause(): void;
  toggle(): void;
  /** A new scenario was loaded: a play waiting for visibility no longer applies. */
  forget(): void;
}

export function createPlayGate(player: () => GatedPlayer | undefined, options: { readonly autoplay: boolean; readonly onStart: () => void }): PlayGate {
  let started = false;
  let visible = false;
  let pressed = false;
  /** What to start as soon as the frame is visible (autoplay, a play while hidden, or playing when it was hidden). */
  let pending: (() => void) | undefined = options.autoplay ? () => player()?.play() : undefined;

  const start = (): void => {
    if (started) return;
    started = true;
    options.onStart();
  };
  const canAnimate = (): boolean => started && (visible || pressed);

  const gate: PlayGate = {
    get started() {
      return started;
    },
    get canAnimate() {
      return canAnimate();
    },
    setVisible(now) {
      visible = now;
      const p = player();
      if (visible) {
        start();
        if (pending !== undefined && p) {
          const run = pending;
          pending = undefined;
          run();
        }
        return;
      }
      pressed = false;
      if (p?.getState().playing) {
        // Suspend, not pause: a presenter's "play this step" still stops at the step's end.
        p.suspend();
        pending = () => player()?.play();
      }
    },
    press() {
      pressed = true;
      start();
      gate.play();
    },
    play() {
      if (canAnimate()) player()?.play();
      else pending = () => player()?.play();
    },
    playStep(run) {
      if (canAnimate()) run();
      else pending = run;
    },
    pause() {
      pending = undefined;
      player()?.pause();
    },
    toggle() {
      if (player()?.getState().playing || (!canAnimate() && pending !== undefined)) gate.pause();
      else gate.play();
    },
    forget() {
      pending = undefined;
    },
  };
  return gate;
}
