/**
 * When the embed may animate: not before its frame has been seen (or pressed), never while it
 * is hidden. Play requests that arrive too early wait for visibility; a frame that is hidden
 * while playing pauses and resumes when seen again. Timer-free, so it is unit-tested as is.
 */
export interface GatedPlayer {
  getState(): { readonly playing: boolean };
  play(): void;
  pause(): void;
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
  pause(): void;
  toggle(): void;
  /** A new scenario was loaded: a play waiting for visibility no longer applies. */
  forget(): void;
}

export function createPlayGate(player: () => GatedPlayer | undefined, options: { readonly autoplay: boolean; readonly onStart: () => void }): PlayGate {
  let started = false;
  let visible = false;
  let pressed = false;
  /** Play as soon as the frame is visible (autoplay, a play while hidden, or playing when it was hidden). */
  let pending = options.autoplay;

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
        if (pending && p) {
          pending = false;
          p.play();
        }
        return;
      }
      pressed = false;
      if (p?.getState().playing) {
        p.pause();
        pending = true;
      }
    },
    press() {
      pressed = true;
      start();
      gate.play();
    },
    play() {
      if (canAnimate()) player()?.play();
      else pending = true;
    },
    pause() {
      pending = false;
      player()?.pause();
    },
    toggle() {
      if (player()?.getState().playing || (!canAnimate() && pending)) gate.pause();
      else gate.play();
    },
    forget() {
      pending = false;
    },
  };
  return gate;
}
