/**
 * The Export dialog: format, size, frame rate, step range and captions; a progress bar with
 * Cancel while it runs; the file downloads at the end. The export itself is the app's
 * exportScenario (src/export through main.ts), the same code `kubedeck export` drives.
 */
import type { ExportFormat, ExportOptions, ExportRequest, ExportResult, ExportTheme } from '../export/options.ts';
import type { Lang } from '../model/localized.ts';
import { downloadBlob, el, icon, ICONS } from './dom.ts';
import { xt } from './export-strings.ts';

export interface ExportContext {
  readonly lang: Lang;
  readonly theme: ExportTheme;
  readonly stepCount: number;
}

export interface ExportDialog {
  readonly element: HTMLDialogElement;
  open(context: ExportContext): void;
  isOpen(): boolean;
  close(): boolean;
}

type Run = (request: ExportRequest, options: ExportOptions) => Promise<ExportResult>;

const FORMATS: readonly ExportFormat[] = ['webm', 'mp4', 'gif', 'png'];
const SIZES = ['1920x1080', '1280x720', '854x480', '640x360'] as const;
const RATES = [15, 24, 30, 60] as const;

export function createExportDialog(run: Run): ExportDialog {
  let context: ExportContext = { lang: 'en', theme: 'dark', stepCount: 1 };
  let running: AbortController | undefined;

  const heading = el('h2', { class: 'export__title', id: 'export-title' });
  const closeButton = el('button', { type: 'button', class: 'ctrl ctrl--ghost', 'data-action': 'close-export' }, icon(ICONS.close));
  const select = (id: string, values: readonly (string | number)[]): HTMLSelectElement => {
    const node = el('select', { id, 'data-testid': id });
    for (const value of values) node.append(el('option', { value: String(value), text: String(value) }));
    return node;
  };
  const format = select('export-format', FORMATS);
  const size = select('export-size', SIZES);
  size.value = '1280x720';
  const fps = select('export-fps', RATES);
  fps.value = '30';
  const from = select('export-from', []);
  const to = select('export-to', []);
  const captions = el('input', { id: 'export-captions', type: 'checkbox', 'data-testid': 'export-captions' });
  const labels = new Map<HTMLElement, () => string>();
  const field = (control: HTMLElement, text: () => string, extra = ''): HTMLElement => {
    const label = el('label', { for: control.id });
    labels.set(label, text);
    return el('div', { class: `field ${extra}` }, label, control);
  };
  const note = el('p', { class: 'muted small' });
  const progress = el('progress', { class: 'export__progress', max: 1, value: 0, 'data-testid': 'export-progress', hidden: true });
  const status = el('p', { class: 'export__status', role: 'status', 'data-testid': 'export-status' });
  const startButton = el('button', { type: 'button', class: 'button button--primary', 'data-action': 'start-export' });
  const cancelButton = el('button', { type: 'button', class: 'button', 'data-action': 'cancel-export' });
  const fpsField = field(fps, () => xt(context.lang, 'fps'));
  const element = el(
    'dialog',
    { class: 'export', 'aria-labelledby': 'export-title', 'data-testid': 'export-dialog' },
    el('header', { class: 'export__header' }, heading, closeButton),
    el(
      'div',
      { class: 'fields export__fields' },
      field(format, () => xt(context.lang, 'format'), 'export__wide'),
      field(size, () => xt(context.lang, 'size')),
      fpsField,
      field(from, () => xt(context.lang, 'fromStep')),
      field(to, () => xt(context.lang, 'toStep')),
      field(captions, () => xt(context.lang, 'captions'), 'field--boolean'),
    ),
    note,
    progress,
    status,
    el('div', { class: 'export__actions' }, cancelButton, startButton),
  );

  const setRunning = (on: boolean): void => {
    for (const control of [format, size, fps, from, to, captions, startButton]) control.disabled = on;
    fps.disabled = on || format.value === 'png';
    progress.hidden = !on;
    cancelButton.textContent = xt(context.lang, on ? 'cancel' : 'close');
  };

  const render = (): void => {
    const { lang } = context;
    heading.textContent = xt(lang, 'title');
    closeButton.setAttribute('aria-label', xt(lang, 'close'));
    for (const [label, text] of labels) label.textContent = text();
    for (const option of format.options) option.textContent = xt(lang, option.value as ExportFormat);
    note.textContent = xt(lang, 'note');
    startButton.textContent = xt(lang, 'start');
    fpsField.hidden = format.value === 'png';
    setRunning(running !== undefined);
  };

  const show = (text: string): void => {
    status.textContent = text;
  };

  const start = async (): Promise<void> => {
    const first = Number(from.value);
    const last = Number(to.value);
    if (!(first <= last)) {
      show(xt(context.lang, 'badSteps'));
      return;
    }
    const [width, height] = size.value.split('x').map(Number);
    const request: ExportRequest = {
      format: format.value as ExportFormat,
      width: width ?? 1280,
      height: height ?? 720,
      fps: Number(fps.value),
      lang: context.lang,
      theme: context.theme,
      captions: captions.checked,
      ...(first === 0 && last === context.stepCount - 1 ? {} : { steps: { first, last } }),
    };
    const controller = new AbortController();
    running = controller;
    setRunning(true);
    progress.value = 0;
    const lang = context.lang;
    try {
      const result = await run(request, {
        signal: controller.signal,
        bundle: true,
        onProgress: (p) => {
          if (p.phase === 'rendering') {
            progress.value = p.total === 0 ? 1 : p.done / p.total;
            show(xt(lang, 'rendering', { done: p.done, total: p.total }));
          } else show(xt(lang, p.phase));
        },
      });
      const file = result.files[0];
      if (file) {
        downloadBlob(file.name, new Blob([file.bytes.slice().buffer], { type: file.mime }));
        show(xt(lang, 'done', { name: file.name }));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      show(controller.signal.aborted ? xt(lang, 'cancelled') : xt(lang, 'failed', { message: message.slice(0, 200) }));
    } finally {
      running = undefined;
      setRunning(false);
    }
  };

  const close = (): boolean => {
    if (!element.open) return false;
    running?.abort();
    element.close();
    return true;
  };

  format.addEventListener('change', render);
  startButton.addEventListener('click', () => void start());
  cancelButton.addEventListener('click', () => (running ? running.abort() : close()));
  closeButton.addEventListener('click', close);
  // Esc closes the dialog: cancel a running export with it.
  element.addEventListener('cancel', () => running?.abort());

  return {
    element,
    open(next) {
      context = next;
      const options = Array.from({ length: next.stepCount }, (_, i) => String(i + 1));
      for (const [node, selected] of [
        [from, 0],
        [to, next.stepCount - 1],
      ] as const) {
        node.replaceChildren(...options.map((text, i) => el('option', { value: String(i), text })));
        node.value = String(selected);
      }
      show('');
      render();
      if (!element.open) element.showModal();
      format.focus();
    },
    isOpen: () => element.open,
    close,
  };
}
