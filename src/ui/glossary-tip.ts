/**
 * Glossary hints: caption text with its terms marked, and one shared tooltip that shows a term's
 * definition on hover or keyboard focus (Esc hides it).
 */
import type { Lang } from '../model/localized.ts';
import { el } from './dom.ts';
import { findTerms, glossaryEntry } from './glossary.ts';

export interface GlossaryTip {
  readonly element: HTMLElement;
  /** Fills `target` with `text`, each glossary term focusable with a hint. */
  render(target: HTMLElement, text: string, lang: Lang): void;
  hide(): boolean;
}

/** A command-line flag in a caption ("--node-eviction-rate"): kept on one line (a break after its "--" left it unreadable). */
const FLAG = /(--[a-z][a-z0-9-]*)/;

/**
 * A quoted command that wraps only between its words: a browser breaks after a hyphen too, and
 * `kubectl apply -f web.yaml` read "-" at a line's end and "f web.yaml" on the next. Each word in
 * a span that does not wrap; the text copied is the command as written.
 */
function codeWords(command: string): HTMLElement {
  const code = el('code', { class: 'caption__code' });
  command.split(' ').forEach((word, i) => {
    if (i > 0) code.append(' ');
    if (word !== '') code.append(el('span', { class: 'caption__word', text: word }));
  });
  return code;
}

/** Plain caption text as text nodes, each flag in a span that does not wrap. */
function withFlags(text: string): Node[] {
  return text
    .split(FLAG)
    .filter((part) => part !== '')
    .map((part) => (FLAG.test(part) ? el('span', { class: 'caption__flag', text: part }) : document.createTextNode(part)));
}

export function createGlossaryTip(): GlossaryTip {
  const tip = el('div', { class: 'glossary-tip', role: 'tooltip', id: 'glossary-tip', hidden: true });
  const title = el('strong', { class: 'glossary-tip__term' });
  const body = el('span', { class: 'glossary-tip__body' });
  tip.append(title, body);
  let current: HTMLElement | undefined;

  const show = (anchor: HTMLElement, termId: string, lang: Lang): void => {
    const entry = glossaryEntry(termId);
    if (!entry) return;
    current?.removeAttribute('aria-describedby');
    current = anchor;
    anchor.setAttribute('aria-describedby', tip.id);
    title.textContent = entry.forms[lang][0] ?? anchor.textContent;
    body.textContent = entry.definition[lang];
    tip.hidden = false;
    const rect = anchor.getBoundingClientRect();
    const width = Math.min(360, window.innerWidth - 16);
    tip.style.width = `${width}px`;
    const left = Math.max(8, Math.min(rect.left + rect.width / 2 - width / 2, window.innerWidth - width - 8));
    tip.style.left = `${left}px`;
    // Above the term when there is room (captions sit low on the page), else below.
    const height = tip.offsetHeight;
    const top = rect.top - height - 8 >= 8 ? rect.top - height - 8 : rect.bottom + 8;
    tip.style.top = `${top}px`;
  };

  const hide = (): boolean => {
    if (tip.hidden) return false;
    tip.hidden = true;
    current?.removeAttribute('aria-describedby');
    current = undefined;
    return true;
  };

  const termButton = (text: string, termId: string, lang: Lang): HTMLElement => {
    const term = el('button', { type: 'button', class: 'term', 'data-term': termId, text });
    term.addEventListener('mouseenter', () => show(term, termId, lang));
    term.addEventListener('focus', () => show(term, termId, lang));
    term.addEventListener('click', () => show(term, termId, lang));
    term.addEventListener('mouseleave', () => {
      if (document.activeElement !== term) hide();
    });
    term.addEventListener('blur', hide);
    return term;
  };

  const render = (target: HTMLElement, text: string, lang: Lang): void => {
    hide();
    // Captions quote commands in backticks: show those as code, look for terms in the rest.
    const nodes = text.split('`').flatMap((part, i): Node[] => {
      if (i % 2 === 1) return [codeWords(part)];
      return findTerms(part, lang).flatMap((segment) => (segment.termId === undefined ? withFlags(segment.text) : [termButton(segment.text, segment.termId, lang)]));
    });
    target.replaceChildren(...keepParticles(nodes));
  };

  return { element: tip, render, hide };
}

/**
 * A term is a button, which a line may break after: "kube-scheduler" at a line's end and its
 * particle "가" at the next one's start (reviewer). A term with the Korean word ending that
 * follows it (no space between) is kept on one line.
 */
function keepParticles(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i] as Node;
    const next = nodes[i + 1];
    const ending = next instanceof Text && node instanceof HTMLElement && node.classList.contains('term') ? /^[\uac00-\ud7a3]+/.exec(next.data)?.[0] : undefined;
    if (ending === undefined) {
      out.push(node);
      continue;
    }
    out.push(el('span', { class: 'term-word' }, node, ending));
    const rest = (next as Text).data.slice(ending.length);
    if (rest !== '') out.push(document.createTextNode(rest));
    i++;
  }
  return out;
}
