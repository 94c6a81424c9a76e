/**
 * The hidden file input behind "Open a scenario file…": `pick()` opens the browser's dialog;
 * the chosen file goes to `onFile`. The input is reset each time so the same file can be
 * picked again after it was edited.
 */
import { el } from '../dom.ts';

export interface FileOpener {
  readonly element: HTMLInputElement;
  pick(): void;
}

export function createFileOpener(onFile: (file: File) => void): FileOpener {
  const element = el('input', { type: 'file', accept: '.yaml,.yml,.json', hidden: true, 'data-testid': 'open-file-input' });
  element.addEventListener('change', () => {
    const file = element.files?.[0];
    element.value = '';
    if (file) onFile(file);
  });
  return { element, pick: () => element.click() };
}
