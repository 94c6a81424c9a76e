/**
 * Keeps an element laid out but unpainted (visibility: hidden) until show() or `maxMs`. The app's
 * shell is built while the stage's code, faces and trace are still coming; shown at once, the
 * browser painted it in a frame of its own in that wait and again with the stage's first frame
 * (~20 ms of main thread on the default view). Held, the two reach the screen in one paint. Layout
 * still runs (the stage measures its host), and nothing moves when it shows.
 */
export function holdPaint(element: HTMLElement, maxMs: number): () => void {
  element.style.visibility = 'hidden';
  let held = true;
  const show = (): void => {
    if (!held) return;
    held = false;
    clearTimeout(timer);
    element.style.removeProperty('visibility');
  };
  const timer = setTimeout(show, maxMs);
  return show;
}
