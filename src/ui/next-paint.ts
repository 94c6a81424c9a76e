/**
 * Resolves once the browser has had the chance to paint what the DOM shows now: a task after the
 * next animation frame (frame callbacks run before that frame's paint). A hidden tab runs no
 * frames, so a timer stands in there and the promise still resolves.
 */
export function nextPaint(hiddenTabMs = 100): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (): void => {
      if (done) return;
      done = true;
      resolve();
    };
    requestAnimationFrame(() => setTimeout(finish, 0));
    setTimeout(finish, hiddenTabMs);
  });
}
