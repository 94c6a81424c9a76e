/**
 * What <kube-deck> puts in its frame's link, checked: the `src` it frames (http or https only, so
 * `src="javascript:..."` or `data:` can never run in the host page) and the `params` attribute
 * (the scenario's parameters only: it cannot set what has its own attribute and decides who
 * controls the embed), and the `file` attribute (a scenario file, http(s) only).
 */

/** Link parameters `params` may not set: they come only from their own attributes. */
export const RESERVED_PARAMS: ReadonlySet<string> = new Set(['origins', 'keys', 'controls', 'src', 'scenario', 'file']);

export type FrameSource = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly message: string };

const shown = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

const absolute = (src: string): boolean => {
  try {
    new URL(src);
    return true;
  } catch {
    return false;
  }
};

/**
 * The URL of the `src` attribute, resolved against `base` (the page), if it is http(s). A relative
 * reference is taken as it is on a page opened from a file (it stays beside the page); any other
 * scheme (javascript:, data:, blob:, file:...) is refused with a message saying what is allowed.
 */
export function frameSource(src: string, base: string): FrameSource {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return { ok: false, message: `<kube-deck> src "${shown(src)}" is not a URL; use an http(s) address of embed.html` };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url };
  // Relative: it does not parse on its own, so it takes the page's scheme (file: for a deck on disk).
  if (!absolute(src) && url.protocol === new URL(base).protocol && url.protocol === 'file:') return { ok: true, url };
  return { ok: false, message: `<kube-deck> src may only be an http(s) address (relative or absolute), not ${url.protocol}; nothing was loaded` };
}

/** `params="replicas=3&returns=true"` -> { replicas: '3', returns: 'true' } (the embed checks them), without the reserved names. */
export function paramsOf(value: string | null): Record<string, string> {
  const out = new Map<string, string>();
  if (!value) return {};
  for (const [k, v] of new URLSearchParams(value)) if (!RESERVED_PARAMS.has(k)) out.set(k, v);
  return Object.fromEntries(out);
}

/**
 * The `file` attribute's URL, resolved against the host page (so `stories/drain.yaml` is beside
 * the page), http(s) only. The embed then checks it against its own origin and allow-list.
 */
export function fileSource(file: string, base: string): FrameSource {
  let url: URL;
  try {
    url = new URL(file, base);
  } catch {
    return { ok: false, message: `<kube-deck> file "${shown(file)}" is not a URL; use an http(s) address of a scenario file` };
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return { ok: true, url };
  return { ok: false, message: `<kube-deck> file may only be an http(s) address (relative or absolute), not ${url.protocol}; nothing was loaded` };
}
