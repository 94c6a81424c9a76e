/**
 * Resolves once the browser has had the chance to paint what the DOM shows now: a task after the
 * next animation frame (frame callbacks run before that frame's paint). A hidden tab paints
 * nothing and runs no frames: it resolves at once there, and after `hiddenMs` if the tab is
 * hidden while it waits (resolving twice is harmless).
 */
export function nextPaint(hiddenMs = 1000): Promise<void> {
  if (document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, hiddenMs);
  });
}
