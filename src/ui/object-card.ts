/**
 * The object card: a Kubernetes object clicked on stage (a pod, a node, a shelf card) with its real
 * fields as the trace stores them at the moment shown — key fields first, then the YAML
 * `kubectl get -o yaml` would print (trimmed). It follows the player: when the moment moves, it
 * reads the object again, and says so when the object is deleted or not created yet. Same panel
 * look as the info card; Esc closes it and focus returns to where it was. All trace text goes in
 * through textContent.
 */
import type { Lang } from '../model/localized.ts';
import { parseRef } from '../model/objects.ts';
import type { Trace } from '../sim/trace.ts';
import { objectAt, type ObjectAt } from '../timeline/object-at.ts';
import { formatClock } from '../timeline/schedule.ts';
import { clear, el, icon, ICONS } from './dom.ts';
import { t } from './i18n.ts';
import { loadObjectYaml, objectYamlNow } from './object-yaml.ts';
import { objectFacts } from './object-facts.ts';

/** The moment the card describes: the frame the stage shows. */
export interface Moment {
  /** Trace events applied in that frame (stage.eventCountAt). */
  readonly eventCount: number;
  /** Simulated cluster time (ms). */
  readonly simTime: number;
  /** 0-based step index. */
  readonly step: number;
}

export interface ObjectCard {
  readonly element: HTMLElement;
  /** Where the app puts what the learner can do to the object (sandbox commands). */
  readonly tools: HTMLElement;
  /** The ref shown while the card is open. */
  current(): string | undefined;
  setTrace(trace: Trace | undefined): void;
  /** Whether the trace stores `ref` at some moment (anything else is ignored). */
  knows(ref: string): boolean;
  /** Opens the card for `ref` at `moment`. A ref the trace never stores is ignored (false). */
  open(ref: string, moment: Moment): boolean;
  /** The player moved: shows the object at the new moment. */
  update(moment: Moment): void;
  close(): boolean;
  isOpen(): boolean;
  setLang(lang: Lang): void;
}

/** Longer than any ref a trace makes; anything longer is not worth a lookup. */
const MAX_REF = 320;

function kubectlGet(ref: string): string {
  const { kind, namespace, name } = parseRef(ref);
  return `kubectl get ${kind.toLowerCase()} ${name}${namespace === undefined ? '' : ` -n ${namespace}`} -o yaml`;
}

/** A field path that may wrap after its dots and slashes only ("status." / "readyReplicas"). */
const breakable = (field: string): (string | HTMLElement)[] => field.split(/(?<=[./])/).flatMap((part, i) => (i === 0 ? [part] : [el('wbr'), part]));

export function createObjectCard(initialLang: Lang): ObjectCard {
  let lang = initialLang;
  let trace: Trace | undefined;
  let ref: string | undefined;
  let moment: Moment = { eventCount: 0, simTime: 0, step: 0 };
  /** What the body shows now (redrawn only when the count, the ref or the language changes). */
  let shownKey = '';
  let returnFocus: HTMLElement | null = null;

  const kindText = el('span', { class: 'object__kind mono' });
  const nameText = el('span', { class: 'object__name' });
  const title = el('h2', { class: 'info__title object__title', id: 'object-title' }, kindText, nameText);
  const closeButton = el('button', { type: 'button', class: 'ctrl ctrl--ghost info__close', 'data-action': 'close-object' }, icon(ICONS.close));
  const when = el('p', { class: 'object__when', 'data-testid': 'object-when' });
  const body = el('div', { class: 'info__body object__body', 'data-testid': 'object-body', tabindex: -1 });
  const tools = el('div', { class: 'object__tools', 'data-testid': 'object-actions' });
  const element = el(
    'aside',
    { class: 'info object', role: 'dialog', 'aria-labelledby': 'object-title', hidden: true, 'data-testid': 'object-card', tabindex: -1 },
    el('header', { class: 'info__header' }, title, closeButton),
    el('div', { class: 'object__meta' }, when),
    tools,
    body,
  );

  const section = (heading: string, ...content: (Node | string)[]): HTMLElement =>
    el('section', { class: 'info__section' }, el('h3', { text: heading }), ...content);

  const banner = (found: ObjectAt): HTMLElement | undefined => {
    if (found.status === 'deleted') return el('p', { class: 'object__banner', role: 'status', 'data-status': 'deleted', text: t(lang, 'objectDeleted', { time: formatClock(found.deletedAt) }) });
    if (found.status === 'not-yet') return el('p', { class: 'object__banner', role: 'status', 'data-status': 'not-yet', text: t(lang, 'objectNotYet', { time: formatClock(found.createdAt) }) });
    return undefined;
  };

  const renderBody = (found: ObjectAt): void => {
    const obj = found.status === 'present' ? found.object : found.status === 'deleted' ? found.last : found.status === 'not-yet' ? found.first : undefined;
    if (obj === undefined) return;
    const scroll = body.scrollTop;
    clear(body);
    element.dataset['status'] = found.status;
    kindText.textContent = obj.kind;
    nameText.textContent = obj.metadata.name;
    const facts = el(
      'dl',
      { class: 'object__facts' },
      ...(obj.metadata.namespace === undefined ? [] : [{ field: 'metadata.namespace', value: obj.metadata.namespace }]).concat(objectFacts(obj)).map((f) =>
        el('div', { class: 'object__fact', 'data-field': f.field }, el('dt', { class: 'mono' }, ...breakable(f.field)), el('dd', { class: 'mono', text: f.value })),
      ),
    );
    const yaml = objectYamlNow(obj);
    const yamlCode = el('code', { class: 'mono', text: yaml ?? '' });
    // Opened before the YAML writer loaded: filled in when it has (unless the card moved on).
    if (yaml === undefined) {
      const key = shownKey;
      void loadObjectYaml().then(() => {
        if (shownKey === key) yamlCode.textContent = objectYamlNow(obj) ?? '';
      });
    }
    body.append(
      banner(found) ?? '',
      section(t(lang, 'objectKeyFields'), facts),
      section(
        t(lang, 'objectYaml'),
        el('p', { class: 'object__note', text: t(lang, 'objectYamlNote') }),
        el('code', { class: 'mono object__command', text: kubectlGet(found.ref) }),
        el('pre', { class: 'object__yaml', 'data-testid': 'object-yaml' }, yamlCode),
      ),
    );
    body.scrollTop = scroll;
  };

  const render = (): void => {
    closeButton.setAttribute('aria-label', t(lang, 'close'));
    closeButton.title = `${t(lang, 'close')} (Esc)`;
    const whenText = t(lang, 'objectAt', { time: formatClock(moment.simTime), step: moment.step + 1 });
    if (when.textContent !== whenText) when.textContent = whenText;
    if (trace === undefined || ref === undefined) return;
    const key = `${ref}|${moment.eventCount}|${lang}`;
    if (key === shownKey) return;
    shownKey = key;
    renderBody(objectAt(trace, moment.eventCount, ref));
  };

  const knows = (candidate: string): boolean =>
    trace !== undefined && typeof candidate === 'string' && candidate.length <= MAX_REF && objectAt(trace, 0, candidate).status !== 'unknown';

  const close = (): boolean => {
    if (element.hidden) return false;
    element.hidden = true;
    if (returnFocus?.isConnected) returnFocus.focus();
    returnFocus = null;
    return true;
  };
  closeButton.addEventListener('click', close);

  return {
    element,
    tools,
    current: () => (element.hidden ? undefined : ref),
    setTrace(next) {
      trace = next;
      shownKey = '';
      close();
      ref = undefined;
    },
    knows,
    open(next, at) {
      if (!knows(next)) return false;
      ref = next;
      moment = at;
      element.dataset['ref'] = next;
      if (element.hidden) {
        returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
        element.hidden = false;
      }
      render();
      element.focus();
      return true;
    },
    update(at) {
      moment = at;
      if (!element.hidden) render();
    },
    close,
    isOpen: () => !element.hidden,
    setLang(next) {
      lang = next;
      if (!element.hidden) render();
    },
  };
}
