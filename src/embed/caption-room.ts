/**
 * Room for the longest of a scenario's captions: the stage keeps one size from step to step. A
 * caption one line longer than the last shrank the stage, and the scale view's tile grid flowed
 * again (7 columns a zone, then 8): every node moved between two steps.
 */
export interface CaptionRoom {
  /** The captions of the scenario shown, in the language shown (measured again when the width changes). */
  reserve(texts: readonly string[]): void;
}

/** At most this share of the frame's height: a small frame (480x270) keeps most of it for the stage, and a longer caption grows as before. */
const MAX_SHARE = 0.3;

export function captionRoom(caption: HTMLElement): CaptionRoom {
  let texts: readonly string[] = [];
  let width = -1;

  const measure = (): void => {
    width = caption.offsetWidth;
    caption.style.minHeight = '';
    const parent = caption.parentElement;
    if (texts.length === 0 || parent === null || width === 0) return;
    // A hidden copy at the same width, with the same classes (so the style sheet's own minimum
    // applies too): nothing a test or a screen reader could find.
    const probe = caption.cloneNode(true) as HTMLElement;
    for (const node of [probe, ...probe.querySelectorAll('*')]) {
      node.removeAttribute('data-testid');
      node.removeAttribute('aria-live');
      node.removeAttribute('id');
    }
    probe.setAttribute('aria-hidden', 'true');
    Object.assign(probe.style, { position: 'absolute', visibility: 'hidden', left: '0', top: '0', width: `${width}px` });
    const text = probe.querySelector<HTMLElement>('.caption__text') ?? probe;
    parent.append(probe);
    let tallest = 0;
    for (const t of texts) {
      // Backticks mark code (a little padding, no more lines); the glossary's buttons flow as text.
      text.textContent = t.replaceAll('`', '');
      tallest = Math.max(tallest, probe.offsetHeight);
    }
    probe.remove();
    caption.style.minHeight = `${Math.ceil(Math.min(tallest, window.innerHeight * MAX_SHARE))}px`;
  };

  // The frame resized (a deck's slide, a window): the captions wrap anew, and the cap follows the height.
  new ResizeObserver(() => {
    if (caption.offsetWidth !== width) measure();
  }).observe(caption);
  let height = window.innerHeight;
  window.addEventListener('resize', () => {
    if (window.innerHeight === height) return;
    height = window.innerHeight;
    measure();
  });

  return {
    reserve(next) {
      texts = next;
      measure();
    },
  };
}
