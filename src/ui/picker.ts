/**
 * Scenario picker: a modal dialog listing SCENARIOS in learning-path order with their summaries;
 * the chosen one's params and the Kubernetes version can be set before opening it.
 */
import { DEFAULT_K8S_VERSION, K8S_VERSIONS } from '../model/k8s/versions.ts';
import type { Lang } from '../model/localized.ts';
import type { ParamValue, ScenarioParam, ScenarioParams } from '../sim/scenario.ts';
import type { ScenarioEntry } from './ports.ts';
import { clear, el, icon, ICONS } from './dom.ts';
import { t } from './i18n.ts';
import { defaultParams } from './url-state.ts';

export interface PickerChoice {
  readonly scenario: ScenarioEntry;
  readonly params: ScenarioParams;
  readonly k8s: string;
}

export interface Picker {
  readonly element: HTMLDialogElement;
  /** Opens on `current`; `notices` (already localized) are shown at the top. */
  open(current: PickerChoice, notices?: readonly string[]): void;
  close(): boolean;
  isOpen(): boolean;
  setLang(lang: Lang): void;
  /** The scenario opened from a file, listed first (undefined: none); `local`: from this computer, no link reopens it. */
  setFileScenario(scenario: ScenarioEntry | undefined, local: boolean): void;
}

export interface PickerOptions {
  /** Runs once the dialog closed and did not reopen (see createPicker). */
  readonly onClosed?: () => void;
  /** Absent: no "Open a scenario file…" button. */
  readonly openFile?: () => void;
}

/**
 * `onClosed` runs once the dialog has closed (chosen, Esc, the close button or the backdrop) and
 * not reopened: the app moves focus to the stage there, since the browser gives it back to the
 * button that opened the picker, where Space would open it again instead of playing.
 */
export function createPicker(scenarios: readonly ScenarioEntry[], onChoose: (choice: PickerChoice) => void, initialLang: Lang, options: PickerOptions = {}): Picker {
  const onClosed = options.onClosed ?? ((): void => undefined);
  let lang = initialLang;
  let fromFile: { readonly scenario: ScenarioEntry; readonly local: boolean } | undefined;
  let selected: ScenarioEntry | undefined;
  let params: Record<string, ParamValue> = {};
  let k8s = '';
  let notices: readonly string[] = [];

  const heading = el('h2', { class: 'picker__title', id: 'picker-title' });
  const sub = el('p', { class: 'picker__sub' });
  const closeButton = el('button', { type: 'button', class: 'ctrl ctrl--ghost', 'data-action': 'close-picker' }, icon(ICONS.close));
  const noticeBox = el('div', { class: 'notice notice--inline', role: 'alert', hidden: true });
  const list = el('ol', { class: 'picker__list', 'data-testid': 'scenario-list' });
  const openFile = options.openFile;
  const fileButton = openFile ? el('button', { type: 'button', class: 'button button--ghost picker__open-file', 'data-action': 'open-file' }) : undefined;
  fileButton?.addEventListener('click', () => openFile?.());
  const detail = el('div', { class: 'picker__detail' });
  const element = el(
    'dialog',
    { class: 'picker', 'aria-labelledby': 'picker-title', 'data-testid': 'picker' },
    el('header', { class: 'picker__header' }, el('div', {}, heading, sub), fileButton, closeButton),
    noticeBox,
    el('div', { class: 'picker__body' }, list, detail),
  );

  const paramField = (param: ScenarioParam): HTMLElement => {
    const id = `param-${param.id}`;
    const label = el('label', { for: id, text: param.label[lang] });
    const value = params[param.id] ?? param.default;
    let input: HTMLInputElement | HTMLSelectElement;
    if (param.kind === 'int') {
      input = el('input', { id, type: 'number', min: param.min, max: param.max, step: 1, value: String(value) });
      input.addEventListener('change', () => {
        const n = Math.round(Number(input.value));
        params[param.id] = Number.isFinite(n) ? Math.min(param.max, Math.max(param.min, n)) : param.default;
        input.value = String(params[param.id]);
      });
    } else if (param.kind === 'boolean') {
      const box = el('input', { id, type: 'checkbox' });
      box.checked = value === true;
      box.addEventListener('change', () => (params[param.id] = box.checked));
      input = box;
    } else {
      input = el('select', { id });
      for (const option of param.options) input.append(el('option', { value: option.value, text: option.label[lang] }));
      input.value = String(value);
      input.addEventListener('change', () => (params[param.id] = input.value));
    }
    return el('div', { class: `field field--${param.kind}` }, label, input);
  };

  const renderDetail = (): void => {
    clear(detail);
    if (!selected) return;
    const chosen = selected;
    const version = el('select', { id: 'picker-k8s', 'data-testid': 'k8s-version' });
    for (const v of K8S_VERSIONS) version.append(el('option', { value: v, text: v === DEFAULT_K8S_VERSION ? t(lang, 'k8sNewest', { version: v }) : v }));
    version.value = k8s;
    version.addEventListener('change', () => (k8s = version.value));
    const openButton = el('button', { type: 'button', class: 'button button--primary', 'data-action': 'open-scenario', text: t(lang, 'openScenario') });
    openButton.addEventListener('click', () => {
      element.close();
      onChoose({ scenario: chosen, params: { ...params }, k8s });
    });
    detail.append(
      el('h3', { class: 'picker__detail-title', text: chosen.title[lang] }),
      el('p', { class: 'picker__summary', text: chosen.summary[lang] }),
      el('h4', { text: t(lang, 'parameters') }),
      chosen.params.length > 0 ? el('div', { class: 'fields' }, ...chosen.params.map(paramField)) : el('p', { class: 'muted', text: t(lang, 'noParameters') }),
      el('div', { class: 'field' }, el('label', { for: 'picker-k8s', text: t(lang, 'k8sVersion') }), version),
      el('p', { class: 'muted small', text: t(lang, 'k8sVersionHint') }),
      openButton,
    );
  };

  const renderList = (): void => {
    clear(list);
    // The file's scenario first, marked as such (its id may repeat a built-in's: keyed apart).
    const entries = [...(fromFile ? [{ scenario: fromFile.scenario, key: `file:${fromFile.scenario.id}`, num: '', mark: t(lang, fromFile.local ? 'fromLocalFile' : 'fromFile') }] : []), ...scenarios.map((scenario, i) => ({ scenario, key: scenario.id, num: String(i + 1), mark: '' }))];
    entries.forEach(({ scenario, key, num, mark }) => {
      const item = el(
        'button',
        { type: 'button', class: mark ? 'picker__item picker__item--file' : 'picker__item', 'aria-pressed': String(scenario === selected), 'data-scenario': key },
        el('span', { class: 'picker__num', text: num }),
        el('span', { class: 'picker__text' }, mark ? el('em', { class: 'picker__mark', text: mark }) : null, el('strong', { text: scenario.title[lang] }), el('span', { text: scenario.summary[lang] })),
      );
      item.addEventListener('click', () => {
        if (selected !== scenario) {
          selected = scenario;
          params = { ...defaultParams(scenario) };
          // Its code starts loading while the learner sets params, so Open shows it sooner.
          scenario.load().catch(() => undefined);
        }
        render();
        // Keep the chosen scenario's details (and its Open button) in view, also on a phone.
        detail.scrollIntoView({ block: 'nearest' });
        list.querySelector<HTMLElement>(`[data-scenario="${CSS.escape(key)}"]`)?.focus({ preventScroll: true });
      });
      list.append(el('li', {}, item));
    });
  };

  const render = (): void => {
    heading.textContent = t(lang, 'chooseScenario');
    sub.textContent = t(lang, 'learningPath');
    closeButton.setAttribute('aria-label', t(lang, 'close'));
    if (fileButton) {
      fileButton.textContent = t(lang, 'openFile');
      fileButton.title = t(lang, 'openFileHint');
    }
    noticeBox.hidden = notices.length === 0;
    noticeBox.replaceChildren(...notices.map((text) => el('p', { text })));
    renderList();
    renderDetail();
  };

  closeButton.addEventListener('click', () => element.close());
  // The close event comes after the browser restored focus; a choice that failed reopened the dialog.
  element.addEventListener('close', () => {
    if (!element.open) onClosed();
  });
  // A click on the backdrop (outside the dialog box) closes it too.
  element.addEventListener('click', (event) => {
    if (event.target === element) element.close();
  });

  return {
    element,
    open(current, nextNotices = []) {
      selected = current.scenario;
      params = { ...defaultParams(current.scenario), ...current.params };
      k8s = current.k8s;
      notices = nextNotices;
      render();
      if (!element.open) element.showModal();
      element.querySelector<HTMLElement>('.picker__item[aria-pressed="true"]')?.focus();
    },
    close() {
      if (!element.open) return false;
      element.close();
      return true;
    },
    isOpen: () => element.open,
    setLang(next) {
      lang = next;
      if (element.open) render();
    },
    setFileScenario(scenario, local) {
      fromFile = scenario ? { scenario, local } : undefined;
      if (element.open) render();
    },
  };
}
