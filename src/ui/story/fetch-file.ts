/**
 * A `file=` link to a scenario file: checked (http(s), this page's origin or one its meta tag
 * allows), fetched without cookies, read bounded. Returns the text or why not; never throws.
 */
import { allowedOrigins, checkFileLink, FILE_ORIGINS_META } from './file-link.ts';
import { problemFromError, type FileProblem } from './file-problem.ts';
import { readResponseText } from './read-bounded.ts';

/** A server that never answers must not leave the page on its loading caption. */
export const FETCH_TIMEOUT_MS = 20_000;

export type Fetched = { readonly ok: true; readonly text: string; readonly name: string } | { readonly ok: false; readonly problem: FileProblem };

/** The name errors show for a file at `url`: its last path segment (the whole path when it has none). */
export function fileNameOf(url: URL): string {
  const last = url.pathname.split('/').filter((part) => part !== '').at(-1);
  let name = last ?? url.host;
  try {
    name = decodeURIComponent(name);
  } catch {
    // a malformed escape: shown as written
  }
  return name.length > 80 ? `${name.slice(0, 79)}…` : name;
}

export async function fetchStoryText(raw: string, pageHref: string, originsMeta: string | null | undefined, fetchFn: typeof fetch = fetch): Promise<Fetched> {
  const link = checkFileLink(raw, pageHref, allowedOrigins(originsMeta));
  if (!link.ok) return { ok: false, problem: { kind: 'refused', reason: link.reason, shown: link.shown } };
  const name = fileNameOf(link.url);
  let response: Response;
  try {
    // No cookies or credentials: a file link must not read what only a logged-in user could.
    response = await fetchFn(link.url.href, { credentials: 'omit', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    return { ok: false, problem: { kind: 'network', name, detail: error instanceof Error ? error.message.slice(0, 160) : String(error) } };
  }
  if (!response.ok) return { ok: false, problem: { kind: 'http', name, status: response.status } };
  try {
    return { ok: true, text: await readResponseText(response), name };
  } catch (error) {
    return { ok: false, problem: problemFromError(error, name, 'read') };
  }
}

/** The allow-list meta tag's content on this page (null: none). */
export function pageOriginsMeta(doc: Document): string | null {
  return doc.querySelector<HTMLMetaElement>(`meta[name="${FILE_ORIGINS_META}"]`)?.content ?? null;
}
