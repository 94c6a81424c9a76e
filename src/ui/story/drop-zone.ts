/**
 * A file dropped anywhere on the page opens it. While a file is dragged over the page a hint says
 * so; drags of text, links or anything that is not a file are left to the page as they were.
 */
import { el } from '../dom.ts';

export interface DropZone {
  /** The hint shown while a file is dragged over the page. */
  readonly element: HTMLElement;
  setText(text: string): void;
}

const carriesFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;

export function createDropZone(target: Window, onFile: (file: File) => void): DropZone {
  const label = el('p', { class: 'drop-hint__text' });
  const element = el('div', { class: 'drop-hint', hidden: true, 'data-testid': 'drop-hint', 'aria-hidden': 'true' }, label);
  // dragenter/dragleave fire for every child crossed: count them, the hint goes when the drag leaves the page.
  let depth = 0;
  const hide = (): void => {
    depth = 0;
    element.hidden = true;
  };
  target.addEventListener('dragenter', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    depth += 1;
    element.hidden = false;
  });
  target.addEventListener('dragover', (event) => {
    if (!carriesFiles(event)) return;
    // Without this the browser would open the file itself, leaving the app.
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
  });
  target.addEventListener('dragleave', (event) => {
    if (!carriesFiles(event)) return;
    depth = Math.max(0, depth - 1);
    if (depth === 0) hide();
  });
  target.addEventListener('drop', (event) => {
    if (!carriesFiles(event)) return;
    event.preventDefault();
    hide();
    const file = event.dataTransfer?.files[0];
    if (file) onFile(file);
  });
  return {
    element,
    setText(text) {
      label.textContent = text;
    },
  };
}
