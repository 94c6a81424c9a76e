/**
 * A live region's message with a detail that changes often (how far a long run got): the message
 * is announced when it changes; the detail is shown after it in an aria-hidden span, so a screen
 * reader is not read the clock every second.
 */
import { el } from './dom.ts';

export function showWithDetail(region: HTMLElement, message: string, detail?: string): void {
  if (detail === undefined) {
    region.textContent = message;
    return;
  }
  const spoken = region.firstChild;
  const quiet = region.childNodes[1];
  if (region.childNodes.length === 2 && spoken?.nodeType === Node.TEXT_NODE && spoken.textContent === message && quiet instanceof HTMLElement && quiet.dataset['detail'] !== undefined) {
    quiet.textContent = ` ${detail}`;
    return;
  }
  region.replaceChildren(message, el('span', { 'aria-hidden': 'true', 'data-detail': '', text: ` ${detail}` }));
}
