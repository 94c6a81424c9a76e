/**
 * Info cards: a side panel listing the scenario's components; picking one (here or on the stage)
 * shows what it does, the ship analogy and how to look at it on a real cluster. Esc closes it and
 * focus returns to where it was.
 */
import type { Lang } from '../model/localized.ts';
import { COMPONENT_INFO, componentInstance, componentKind, type ComponentInfo } from './component-info.ts';
import { clear, el, icon, ICONS } from './dom.ts';
import { t } from './i18n.ts';

export interface InfoCard {
  readonly element: HTMLElement;
  /** The components the current scenario shows (topology order). */
  setComponents(ids: readonly string[]): void;
  /** Opens the card for `id` (or the first component when omitted). Unknown ids are ignored. */
  open(id?: string): boolean;
  close(): boolean;
  isOpen(): boolean;
  setLang(lang: Lang): void;
  /** Where "Try:" actions for the component's node go (filled by the app). */
  readonly tools: HTMLElement;
  /** The component shown, while the card is open. */
  current(): string | undefined;
  /** Called after the card shows another component (or opens, or closes). */
  onChange(listener: () => void): void;
}

/** One entry per kind of component, keeping per-node instances apart (kubelet/node-1...). */
function displayName(id: string, info: ComponentInfo, short = false): string {
  const instance = componentInstance(id);
  const name = short ? info.kind : info.name;
  return instance ? `${name} · ${instance}` : name;
}

export function createInfoCard(initialLang: Lang): InfoCard {
  let lang = initialLang;
  let components: readonly string[] = [];
  let selected: string | undefined;
  let returnFocus: HTMLElement | null = null;

  const title = el('h2', { class: 'info__title', id: 'info-title' });
  const closeButton = el('button', { type: 'button', class: 'ctrl ctrl--ghost info__close', 'data-action': 'close-card' }, icon(ICONS.close));
  const listLabel = el('h3', { class: 'info__list-label', id: 'info-list-label' });
  const list = el('ul', { class: 'info__list', 'aria-labelledby': 'info-list-label' });
  const body = el('div', { class: 'info__body', 'data-testid': 'info-body' });
  const tools = el('div', { class: 'object__tools', 'data-testid': 'info-actions', hidden: true });
  let changed: () => void = () => undefined;
  const element = el(
    'aside',
    { class: 'info', role: 'dialog', 'aria-labelledby': 'info-title', hidden: true, 'data-testid': 'info-card', tabindex: -1 },
    el('header', { class: 'info__header' }, title, closeButton),
    tools,
    body,
    el('nav', { class: 'info__nav' }, listLabel, list),
  );

  const section = (heading: string, ...content: (Node | string)[]): HTMLElement =>
    el('section', { class: 'info__section' }, el('h3', { text: heading }), ...content);

  const codeList = (items: readonly string[]): HTMLElement =>
    el('ul', { class: 'info__code' }, ...items.map((item) => el('li', {}, el('code', { class: 'mono', text: item }))));

  const renderBody = (): void => {
    clear(body);
    const kind = selected ? componentKind(selected) : undefined;
    if (!selected || !kind) return;
    const info = COMPONENT_INFO[kind];
    title.textContent = displayName(selected, info);
    element.dataset['component'] = kind;
    body.append(
      el('p', { class: 'info__role', text: info.role[lang] }),
      section(t(lang, 'shipAnalogy'), el('p', { text: info.ship[lang] })),
      section(t(lang, 'runsAs'), el('p', { text: info.runsAs[lang] })),
      section(t(lang, 'onRealCluster'), codeList(info.commands)),
      info.files.length > 0 ? section(t(lang, 'files'), codeList(info.files)) : '',
      info.ports.length > 0 ? section(t(lang, 'ports'), codeList(info.ports)) : '',
    );
  };

  const renderList = (): void => {
    clear(list);
    listLabel.textContent = t(lang, 'componentList');
    for (const id of components) {
      const kind = componentKind(id);
      if (!kind) continue;
      const item = el('button', { type: 'button', class: 'chip', 'data-component': id, 'aria-current': id === selected ? 'true' : undefined, text: displayName(id, COMPONENT_INFO[kind], true) });
      item.dataset['role'] = kind;
      item.addEventListener('click', () => {
        selected = id;
        render();
        body.focus();
      });
      list.append(el('li', {}, item));
    }
  };

  const render = (): void => {
    closeButton.setAttribute('aria-label', t(lang, 'close'));
    closeButton.title = `${t(lang, 'close')} (Esc)`;
    renderBody();
    renderList();
    changed();
  };

  const close = (): boolean => {
    if (element.hidden) return false;
    element.hidden = true;
    if (returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
    changed();
    return true;
  };
  closeButton.addEventListener('click', close);
  body.tabIndex = -1;

  return {
    element,
    setComponents(ids) {
      components = ids.filter((id) => componentKind(id) !== undefined);
      if (selected && !components.includes(selected)) selected = undefined;
      if (!element.hidden) render();
    },
    open(id) {
      const target = id ?? components.find((c) => c === 'kube-apiserver') ?? components[0];
      if (!target || !componentKind(target)) return false;
      selected = target;
      if (element.hidden) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        element.hidden = false;
      }
      render();
      element.focus();
      return true;
    },
    close,
    isOpen: () => !element.hidden,
    tools,
    current: () => (element.hidden ? undefined : selected),
    onChange(listener) {
      changed = listener;
    },
    setLang(next) {
      lang = next;
      if (!element.hidden) render();
    },
  };
}
