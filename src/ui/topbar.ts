/**
 * The top bar: brand, the current scenario (opens the picker), the component list, the language
 * toggle and the theme choice.
 */
import type { Lang } from '../model/localized.ts';
import { el, icon, ICONS } from './dom.ts';
import { xt } from './export-strings.ts';
import { t } from './i18n.ts';
import { THEMES, type ThemeName } from './theme.ts';

export interface TopbarHandlers {
  openPicker(): void;
  openComponents(): void;
  setLang(lang: Lang): void;
  setTheme(theme: ThemeName): void;
  /** Absent: no Export button. */
  openExport?: () => void;
}

export interface Topbar {
  readonly element: HTMLElement;
  setScenarioTitle(title: string, index: number): void;
  setLang(lang: Lang): void;
  setTheme(theme: ThemeName): void;
}

const THEME_LABEL = { dark: 'themeDark', light: 'themeLight', contrast: 'themeContrast' } as const;

/** `aside`: shown after the scenario's button (the tucked notice, notice.ts). */
export function createTopbar(handlers: TopbarHandlers, initialLang: Lang, aside?: HTMLElement): Topbar {
  let lang = initialLang;
  const mark = el('span', { class: 'brand__mark', 'aria-hidden': 'true' });
  const brandName = el('span', { class: 'brand__name', text: 'kubedeck' });
  const brandTag = el('span', { class: 'brand__tag' });
  const brand = el('div', { class: 'brand' }, mark, el('span', { class: 'brand__text' }, brandName, brandTag));

  const scenarioNum = el('span', { class: 'scenario-button__num' });
  const scenarioTitle = el('span', { class: 'scenario-button__title', 'data-testid': 'scenario-title' });
  const scenarioButton = el('button', { type: 'button', class: 'scenario-button', 'data-action': 'open-picker' }, scenarioNum, scenarioTitle, icon(ICONS.list));
  scenarioButton.addEventListener('click', () => handlers.openPicker());

  const componentsButton = el('button', { type: 'button', class: 'button button--ghost', 'data-action': 'open-components' }, icon(ICONS.info), el('span', { class: 'label' }));
  componentsButton.addEventListener('click', () => handlers.openComponents());

  const openExport = handlers.openExport;
  const exportButton = openExport
    ? el('button', { type: 'button', class: 'button button--ghost', 'data-action': 'open-export' }, el('span', { class: 'label' }))
    : undefined;
  exportButton?.addEventListener('click', () => openExport?.());

  const langButtons = (['en', 'ko'] as const).map((code) => {
    const button = el('button', { type: 'button', class: 'segment', lang: code, 'data-lang': code, text: code === 'en' ? 'EN' : '한국어' });
    button.addEventListener('click', () => handlers.setLang(code));
    return button;
  });
  const langGroup = el('div', { class: 'segmented', role: 'group' }, ...langButtons);

  const themeSelect = el('select', { class: 'theme-select', id: 'theme-select', 'data-testid': 'theme' });
  for (const theme of THEMES) themeSelect.append(el('option', { value: theme }));
  themeSelect.addEventListener('change', () => handlers.setTheme(themeSelect.value as ThemeName));
  const themeLabel = el('label', { for: 'theme-select', class: 'visually-hidden' });

  const element = el(
    'header',
    { class: 'topbar' },
    brand,
    scenarioButton,
    ...(aside ? [aside] : []),
    el('div', { class: 'topbar__tools' }, componentsButton, exportButton, langGroup, themeLabel, themeSelect),
  );

  const applyLang = (): void => {
    brandTag.textContent = t(lang, 'tagline');
    scenarioButton.title = t(lang, 'chooseScenario');
    scenarioButton.setAttribute('aria-label', `${t(lang, 'scenarios')}: ${scenarioTitle.textContent ?? ''}`);
    const componentsLabel = componentsButton.querySelector('.label');
    if (componentsLabel) componentsLabel.textContent = t(lang, 'components');
    const exportLabel = exportButton?.querySelector('.label');
    if (exportLabel) exportLabel.textContent = xt(lang, 'export');
    langGroup.setAttribute('aria-label', t(lang, 'language'));
    for (const button of langButtons) button.setAttribute('aria-pressed', String(button.dataset['lang'] === lang));
    themeLabel.textContent = t(lang, 'theme');
    themeSelect.title = t(lang, 'theme');
    for (const option of themeSelect.options) option.textContent = t(lang, THEME_LABEL[option.value as ThemeName]);
  };
  applyLang();

  return {
    element,
    setScenarioTitle(title, index) {
      scenarioNum.textContent = index >= 0 ? String(index + 1) : '';
      scenarioTitle.textContent = title;
      applyLang();
    },
    setLang(next) {
      lang = next;
      applyLang();
    },
    setTheme(theme) {
      themeSelect.value = theme;
    },
  };
}
