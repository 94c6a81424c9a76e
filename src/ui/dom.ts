/**
 * A tiny element builder. Text always goes in through textContent (never innerHTML), so text
 * from scenarios, traces or the URL can never become markup.
 */
type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else if (name === 'text') node.textContent = String(value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/** Inline SVG icon from a fixed path list (constants in this codebase, never user text). */
export function icon(paths: readonly string[]): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  for (const d of paths) {
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', d);
    svg.appendChild(path);
  }
  return svg;
}

/** An error as one short line of plain text, for messages shown to people. */
/** Saves `blob` as a download named `name` (the object URL is freed once the browser has it). */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const downloadText = (text: string, name: string, mime: string): void => downloadBlob(name, new Blob([text], { type: `${mime};charset=utf-8` }));

export const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error)).slice(0, 160);

export const ICONS = {
  play: ['M8 5.5v13l11-6.5z'],
  pause: ['M7 5h3.5v14H7zM13.5 5H17v14h-3.5z'],
  stepBack: ['M6 6h2v12H6zM18 6v12l-8.5-6z'],
  stepForward: ['M16 6h2v12h-2zM6 6v12l8.5-6z'],
  restart: ['M12 5a7 7 0 1 1-6.6 4.7l1.9.6A5 5 0 1 0 12 7v3L7.5 6 12 2z'],
  toEnd: ['M5 6v12l8.5-6zM14 6v12l0 0 0 0zM15 6h2.5v12H15z'],
  loop: ['M7 7h9.5l-2-2 1.4-1.4L20.3 8l-4.4 4.4-1.4-1.4 2-2H7a2 2 0 0 0-2 2v1H3v-1a4 4 0 0 1 4-4zM17 17H7.5l2 2-1.4 1.4L3.7 16l4.4-4.4 1.4 1.4-2 2H17a2 2 0 0 0 2-2v-1h2v1a4 4 0 0 1-4 4z'],
  close: ['M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z'],
  list: ['M4 6h16v2H4zM4 11h16v2H4zM4 16h10v2H4z'],
  undo: ['M12.5 8c-2.65 0-5.05 1-6.9 2.6L2 7v9h9l-3.62-3.62A7.94 7.94 0 0 1 12.5 10.5c3.54 0 6.55 2.31 7.6 5.5l2.37-.78A10.5 10.5 0 0 0 12.5 8z'],
  info: ['M11 10h2v7h-2zM11 6.5h2v2h-2z', 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 2a8 8 0 1 1 0 16 8 8 0 0 1 0-16z'],
} as const;
