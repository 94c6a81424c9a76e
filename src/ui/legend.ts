/**
 * The legend: how to read the picture. One key away (`?` or L) and a control-bar button. The
 * panel and its button are part of the shell; what it lists (legend-body.ts: entries and SVG
 * samples) loads when it first opens.
 */
import type { Lang } from '../model/localized.ts';
import type { ThemeName } from '../render/theme.ts';
import { lazy } from '../lazy.ts';
import { clear, el, icon, ICONS } from './dom.ts';
import { t } from './i18n.ts';

const body = lazy(() => import('./legend-body.ts'));

export interface Legend {
  readonly element: HTMLElement;
  readonly button: HTMLButtonElement;
  toggle(): void;
  close(): boolean;
  isOpen(): boolean;
  setLang(lang: Lang): void;
  setTheme(theme: ThemeName): void;
  /** Whether the stage draws a big cluster as tiles: then their entries are listed too. */
  setScale(on: boolean): void;
}

export function createLegend(initialLang: Lang, initialTheme: ThemeName): Legend {
  let lang = initialLang;
  let theme = initialTheme;
  let open = false;
  let scale = false;
  const list = el('div', { class: 'legend__body' });
  const title = el('h2', { class: 'legend__title', id: 'legend-title' });
  const closeButton = el('button', { type: 'button', class: 'ctrl legend__close', 'data-action': 'closeLegend' }, icon(ICONS.close));
  const element = el('section', { class: 'legend', 'data-testid': 'legend', role: 'dialog', 'aria-labelledby': 'legend-title', hidden: true }, el('div', { class: 'legend__head' }, title, closeButton), list);
  const button = el('button', { type: 'button', class: 'ctrl ctrl--toggle', 'data-action': 'legend', 'aria-pressed': 'false' }, icon(['M11 16h2v2h-2zM12 6a4 4 0 0 1 4 4c0 2-2.5 2.3-3 4h-2c.3-2.8 3-3 3-4a2 2 0 0 0-4 0H8a4 4 0 0 1 4-4z']));

  const render = (): void => {
    title.textContent = t(lang, 'legend');
    closeButton.setAttribute('aria-label', t(lang, 'close'));
    button.setAttribute('aria-label', t(lang, 'legend'));
    button.title = `${t(lang, 'legend')} (?)`;
    if (!open) return;
    const contents = body.now();
    if (contents === undefined) {
      // The first opening: drawn when its contents arrive, as they are then; a failed load says
      // so (a network error, a deploy that replaced the chunk) and is tried at the next opening.
      body.load().then(render, () => {
        if (open) list.replaceChildren(el('p', { class: 'legend__failed', role: 'status', text: t(lang, 'legendFailed') }));
      });
      return;
    }
    clear(list);
    list.append(...contents.legendSections(lang, theme, scale));
  };

  const setOpen = (next: boolean): void => {
    open = next;
    element.hidden = !open;
    button.setAttribute('aria-pressed', String(open));
    render();
  };
  button.addEventListener('click', () => setOpen(!open));
  closeButton.addEventListener('click', () => setOpen(false));
  render();

  return {
    element,
    button,
    toggle: () => setOpen(!open),
    close() {
      if (!open) return false;
      setOpen(false);
      return true;
    },
    isOpen: () => open,
    setLang(next) {
      lang = next;
      render();
    },
    setTheme(next) {
      theme = next;
      render();
    },
    setScale(on) {
      if (on === scale) return;
      scale = on;
      render();
    },
  };
}
