/**
 * The `file=` link parameter: a scenario file the app fetches. Only http(s), and only from the
 * page's own origin or an origin the page itself allows (a `<meta name="kubedeck-file-origins">`
 * listing them), so a link cannot make a page fetch from anywhere. Pure.
 */

export type FileLink = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: 'not-a-url' | 'scheme' | 'origin'; readonly shown: string };

/** The meta tag a page uses to allow other origins: content="https://a.example https://b.example". */
export const FILE_ORIGINS_META = 'kubedeck-file-origins';

const clip = (text: string): string => (text.length > 120 ? `${text.slice(0, 120)}…` : text);

/** The origins a page allows, from its meta tag's content (anything that is not an http(s) origin is ignored). */
export function allowedOrigins(metaContent: string | null | undefined): ReadonlySet<string> {
  const out = new Set<string>();
  for (const word of (metaContent ?? '').split(/\s+/)) {
    try {
      const url = new URL(word);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === word.replace(/\/$/, '')) out.add(url.origin);
    } catch {
      // not an origin: ignored
    }
  }
  return out;
}

/** Checks `raw` (the parameter's value) against the page at `base` and the allowed origins. */
export function checkFileLink(raw: string, base: string, allowed: ReadonlySet<string>): FileLink {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    return { ok: false, reason: 'not-a-url', shown: clip(raw) };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme', shown: clip(raw) };
  const page = new URL(base);
  if (url.origin !== page.origin && !allowed.has(url.origin)) return { ok: false, reason: 'origin', shown: clip(url.origin) };
  return { ok: true, url };
}
