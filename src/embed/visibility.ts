/**
 * Whether the embed can be seen: its frame intersects the viewport of the top-level page (an
 * IntersectionObserver in a frame measures against the top-level viewport, across origins too)
 * and the tab is visible. Hidden frames (another slide, scrolled away, a background tab) must not
 * animate.
 */
export interface VisibilityWatch {
  readonly visible: boolean;
  destroy(): void;
}

/** A frame counts as visible once this share of it is on screen. */
const THRESHOLD = 0.25;

export function watchVisibility(target: Element, onChange: (visible: boolean) => void): VisibilityWatch {
  let intersecting = typeof IntersectionObserver === 'undefined';
  let visible = false;
  const update = (): void => {
    const next = intersecting && document.visibilityState === 'visible';
    if (next === visible) return;
    visible = next;
    onChange(visible);
  };
  const observer =
    typeof IntersectionObserver === 'undefined'
      ? undefined
      : new IntersectionObserver(
          (entries) => {
            const last = entries[entries.length - 1];
            if (!last) return;
            intersecting = last.isIntersecting && last.intersectionRatio >= THRESHOLD - 0.01;
            update();
          },
          { threshold: [0, THRESHOLD, 1] },
        );
  observer?.observe(target);
  document.addEventListener('visibilitychange', update);
  // Without an observer there is no callback to wait for.
  if (!observer) queueMicrotask(update);
  return {
    get visible() {
      return visible;
    },
    destroy() {
      observer?.disconnect();
      document.removeEventListener('visibilitychange', update);
    },
  };
}
